/**
 * Where a reference is looked for, as its site serves it (sites/servedPaths): a page whose URL is not
 * its folder (Next.js' pages/, Jekyll's permalinks and collection patterns) is tried at its URL too,
 * with words saying where; an alias through the folder it names; without a site, the web root rule
 * of 0.3 and a plain HTML site's root.
 */
import * as assert from 'node:assert/strict';
import { readConfig } from '../../../src/sites/configValue';
import { pageUrlFolder, resolveInSite } from '../../../src/sites/servedPaths';
import { frameworkOfPackage, pageFacts } from '../../../src/sites/sites';
import { site, where } from './siteFixtures';

describe('Where a reference is looked for (sites/servedPaths)', () => {
  describe('a page served at a URL that is not its folder', () => {
    it('Next.js: public/, and a page under pages/ tried at its URL too', () => {
      const next = site(
        'package.json',
        JSON.stringify({ dependencies: { next: '15.0.0', react: '19.0.0' } }),
        frameworkOfPackage(readConfig('package.json', JSON.stringify({ dependencies: { next: '15' } }))),
      );
      assert.equal(next.framework, 'next');
      assert.deepEqual(where('/og.png', 'pages/blog/post.tsx', [next]), ['public/og.png']);
      assert.deepEqual(where('cover.png', 'pages/blog/post.tsx', [next]), ['pages/blog/cover.png', 'public/blog/cover.png']);
      assert.equal(pageUrlFolder('pages/blog/index.tsx', next, undefined), '/');
      assert.equal(pageUrlFolder('pages/blog/[slug].tsx', next, undefined), undefined, 'a dynamic route has no one URL');
    });

    it('Jekyll: the source folder is served at /, and a permalink page is tried at its URL', () => {
      const jekyll = site('_config.yml', 'source: docs\n');
      assert.deepEqual(where('/assets/a.png', 'docs/_posts/2024-01-01-x.md', [jekyll]), ['docs/assets/a.png']);
      assert.deepEqual(where('team.png', 'docs/pages/about.md', [jekyll], { page: { permalink: '/about/' } }), ['docs/pages/team.png', 'docs/about/team.png']);
      assert.equal(
        resolveInSite('team.png', { document: 'docs/pages/about.md', site: jekyll, aliases: [], page: { permalink: '/about/' } })?.lookedIn,
        "docs/pages, nor at the page's URL /about/ (Jekyll)",
      );
    });

    it('Jekyll: a collection is served at its permalink pattern, posts at the site’s (jekyll/jekyll’s tutorials)', () => {
      const jekyll = site(
        'docs/_config.yml',
        'permalink: pretty\ncollections:\n  tutorials:\n    permalink: "/:collection/:path/"\n    output: true\n  docs:\n    output: true\n',
      );
      assert.deepEqual(where('../../img/concept.png', 'docs/_tutorials/convert-site.md', [jekyll]), ['img/concept.png', 'docs/img/concept.png']);
      assert.equal(pageUrlFolder('docs/_docs/usage/install.md', jekyll, undefined), '/docs/usage/');
      assert.equal(pageUrlFolder('docs/_posts/2024-03-01-hello.md', jekyll, pageFacts({ categories: 'news release' })), '/news/release/2024/03/01/hello/');
      assert.equal(pageUrlFolder('docs/about.md', jekyll, undefined), undefined, 'a plain page is served at its own folder');
    });
  });

  describe('an alias', () => {
    it('the longest prefix wins and names where it looked; an alias to a folder nobody can know, or a value that is no image, is not looked for', () => {
      const aliases = [
        { prefix: '@/', target: 'src' },
        { prefix: '@/img/', target: 'assets/images' },
        { prefix: '~icons/', target: undefined },
      ];
      assert.deepEqual(resolveInSite('@/img/a.png?v=1', { document: 'src/main.ts', aliases }), {
        candidates: ['assets/images/a.png'],
        path: 'a.png',
        lookedIn: 'assets/images (@/img/…)',
      });
      assert.deepEqual(resolveInSite('@/logo.svg', { document: 'src/main.ts', aliases })?.candidates, ['src/logo.svg']);
      assert.equal(resolveInSite('~icons/a.svg', { document: 'src/main.ts', aliases }), undefined);
      assert.equal(resolveInSite('@/notes.md', { document: 'src/main.ts', aliases }), undefined);
      assert.equal(resolveInSite('https://cdn.example/a.png', { document: 'src/main.ts', aliases }), undefined);
    });
  });

  describe('without a site', () => {
    it('no site: 0.3’s rule (the web root given), and no words of where it looked', () => {
      assert.deepEqual(resolveInSite('/a.png', { document: 'x/index.html', aliases: [], webRoot: 'x/public' }), {
        candidates: ['x/public/a.png'],
        path: '/a.png',
      });
      assert.deepEqual(resolveInSite('img/a.png', { document: 'x/index.html', aliases: [] }), { candidates: ['x/img/a.png'], path: 'img/a.png' });
    });

    it('no site: a plain HTML site’s root (the nearest index.html) is looked in too, after 0.3’s web root (html5-boilerplate’s src/)', () => {
      assert.deepEqual(resolveInSite('/icon.svg', { document: 'src/index.html', aliases: [], webRoot: '', htmlRoot: 'src' }), {
        candidates: ['icon.svg', 'src/icon.svg'],
        path: '/icon.svg',
      });
    });
  });
});
