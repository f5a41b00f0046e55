/**
 * Which framework a site is (sites/frameworks): by its configuration file's name (VitePress only in
 * `.vitepress/`; package.json and Hugo's plain `config.*` say nothing by name), or by a package.json's
 * dependencies, the most specific first. What each framework's site then is, is sites.test.ts's.
 */
import * as assert from 'node:assert/strict';
import { FRAMEWORK_NAMES, FRAMEWORKS, frameworkOfFile, frameworkOfPackage, SITE_CONFIG_GLOBS } from '../../../src/sites/frameworks';

describe('Which framework a site is (sites/frameworks)', () => {
  it('by the configuration file’s name, in any of its script extensions', () => {
    assert.equal(frameworkOfFile('website/docusaurus.config.ts'), 'docusaurus');
    assert.equal(frameworkOfFile('docs/.vitepress/config.mts'), 'vitepress');
    assert.equal(frameworkOfFile('vite.config.cjs'), 'vite');
    assert.equal(frameworkOfFile('astro.config.mjs'), 'astro');
    assert.equal(frameworkOfFile('next.config.js'), 'next');
    assert.equal(frameworkOfFile('nuxt.config.ts'), 'nuxt');
    assert.equal(frameworkOfFile('svelte.config.js'), 'sveltekit');
    assert.equal(frameworkOfFile('hugo.yaml'), 'hugo');
    assert.equal(frameworkOfFile('_config.yml'), 'jekyll');
    assert.equal(frameworkOfFile('mkdocs.yaml'), 'mkdocs');
  });

  it('not by a name that says nothing alone: config.* outside .vitepress/, package.json, other extensions', () => {
    assert.equal(frameworkOfFile('src/config.ts'), undefined);
    assert.equal(frameworkOfFile('config.toml'), undefined, 'Hugo or Zola: the content says');
    assert.equal(frameworkOfFile('package.json'), undefined);
    assert.equal(frameworkOfFile('vite.config.json'), undefined);
    assert.equal(frameworkOfFile('my-vite.config.js'), undefined);
  });

  it('by a package.json’s dependencies or devDependencies, the most specific first', () => {
    assert.equal(frameworkOfPackage({ dependencies: { '@docusaurus/core': '3', react: '18' } }), 'docusaurus');
    assert.equal(frameworkOfPackage({ devDependencies: { vite: '5', '@sveltejs/kit': '2' } }), 'sveltekit', 'SvelteKit runs on Vite: Kit wins');
    assert.equal(frameworkOfPackage({ dependencies: { astro: '4' }, devDependencies: { vite: '5' } }), 'astro');
    assert.equal(frameworkOfPackage({ dependencies: { react: '18' } }), undefined);
    assert.equal(frameworkOfPackage('not an object'), undefined);
  });

  it('every framework has a name in the user’s words, and its configuration files are watched', () => {
    assert.deepEqual(Object.keys(FRAMEWORK_NAMES).sort(), [...FRAMEWORKS].sort());
    assert.equal(FRAMEWORK_NAMES.next, 'Next.js');
    for (const glob of ['**/.vitepress/config.{js,mjs,cjs,ts,mts,cts}', '**/_config.yml', '**/package.json', '**/{tsconfig,jsconfig}.json'])
      assert.ok(SITE_CONFIG_GLOBS.includes(glob), glob);
  });
});
