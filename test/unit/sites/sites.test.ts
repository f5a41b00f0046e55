/**
 * Sites (sites/sites): each framework's layout as a small fixture — the site its configuration makes,
 * with the framework's defaults for what it does not say, the documents that belong to it, and where
 * a reference is looked for. A reference is missing only when no candidate exists (the workspace
 * checks that). How a configuration is read is configValue.test.ts's; where a page's URL sends its
 * references, servedPaths.test.ts's.
 */
import * as assert from 'node:assert/strict';
import { pageUrlFolder, resolveInSite } from '../../../src/sites/servedPaths';
import { frameworkOfPackage, siteOfDocument, withLayers } from '../../../src/sites/sites';
import { site, where } from './siteFixtures';

describe('Sites: references resolved as the site serves them (sites/sites)', () => {
  describe('each framework', () => {
    it('Docusaurus with `path: "../docs"`: docs/ belongs to website/, and /img/… is served from website/static (the 44 false reports of 0.3)', () => {
      const docusaurus = site('website/docusaurus.config.js', "module.exports = { presets: [['classic', { docs: { path: '../docs' }, blog: false }]] };");
      assert.equal(siteOfDocument('docs/intro.md', [docusaurus])?.configFile, 'website/docusaurus.config.js');
      assert.deepEqual(where('/img/logo.png', 'docs/intro.md', [docusaurus]), ['website/static/img/logo.png']);
      assert.deepEqual(where('@site/static/img/logo.png', 'docs/intro.md', [docusaurus]), ['website/static/img/logo.png']);
      const lookedIn = resolveInSite('/img/logo.png', { document: 'docs/intro.md', site: docusaurus, aliases: [] })?.lookedIn;
      assert.equal(lookedIn, 'website/static (Docusaurus)');
    });

    it('VitePress: srcDir, and its public folder inside it', () => {
      const vitepress = site('docs/.vitepress/config.mts', "export default defineConfig({ srcDir: 'src' });");
      assert.equal(vitepress.root, 'docs');
      assert.deepEqual(where('/hero.png', 'docs/src/guide/index.md', [vitepress]), ['docs/src/public/hero.png']);
    });

    it('Vite: /… in publicDir, then in the root itself; a literal alias; an alias computed by a call is skipped', () => {
      const vite = site(
        'app/vite.config.ts',
        "export default defineConfig({ root: 'client', publicDir: 'static', resolve: { alias: { '@': '/client/src', '~icons': path.resolve(__dirname, 'icons') } } });",
      );
      assert.deepEqual(where('/logo.png', 'app/client/index.html', [vite]), ['app/client/static/logo.png', 'app/client/logo.png']);
      assert.equal(
        resolveInSite('/logo.png', { document: 'app/client/index.html', site: vite, aliases: [] })?.lookedIn,
        'app/client/static, app/client (Vite)',
      );
      assert.deepEqual(where('@/img/a.png', 'app/client/src/main.ts', [vite]), ['app/client/src/img/a.png']);
      assert.equal(where('~icons/a.svg', 'app/client/src/main.ts', [vite]), undefined, 'cannot be known: not reported');
      const arrayAlias = site('vite.config.js', "export default { resolve: { alias: [{ find: '#assets', replacement: '/src/assets' }] } };");
      assert.deepEqual(where('#assets/a.png', 'src/main.js', [arrayAlias]), ['src/assets/a.png']);
    });

    it('Astro: publicDir (default public/)', () => {
      assert.deepEqual(where('/a.png', 'src/pages/index.astro.md', [site('astro.config.mjs', 'export default defineConfig({});')]), ['public/a.png']);
      assert.deepEqual(where('/a.png', 'src/pages/x.md', [site('astro.config.mjs', "export default { publicDir: './assets' };")]), ['assets/a.png']);
    });

    it('Hugo: static/ and assets/ (staticDir when given); built output in public/ is served from itself', () => {
      const hugo = site('hugo.toml', 'baseURL = "https://example.org/"\n');
      assert.deepEqual(where('/images/a.png', 'content/posts/a.md', [hugo]), ['static/images/a.png', 'assets/images/a.png']);
      assert.deepEqual(where('/images/a.png', 'public/posts/a/index.html', [hugo]), ['public/images/a.png']);
      const more = site('site/hugo.yaml', 'staticDir: [static, extra]\n');
      assert.deepEqual(where('/a.png', 'site/content/a.md', [more]), ['site/static/a.png', 'site/extra/a.png', 'site/assets/a.png']);
    });

    it('Nuxt: a local layer’s pages are served by the app that extends it, from its public folders too (nuxt.com’s layers/nuxi)', () => {
      const app = site('nuxt.config.ts', "export default defineNuxtConfig({ extends: ['./layers/nuxi', 'github:org/theme'] });");
      const layer = site('layers/nuxi/nuxt.config.ts', 'export default defineNuxtConfig({});');
      assert.deepEqual(where('/icon.png', 'layers/nuxi/app/components/Chat.vue', withLayers([app, layer])), [
        'layers/nuxi/public/icon.png',
        'layers/nuxi/static/icon.png',
        'public/icon.png',
        'static/icon.png',
      ]);
    });

    it('SvelteKit: kit.files.assets (default static/), and $lib', () => {
      const kit = site('svelte.config.js', 'export default { kit: { adapter: adapter() } };');
      assert.deepEqual(where('/favicon.png', 'src/routes/+page.svelte', [kit]), ['static/favicon.png']);
      assert.deepEqual(where('$lib/img/a.png', 'src/routes/+page.svelte', [kit]), ['src/lib/img/a.png']);
    });

    it('a config that is not a literal: the framework’s defaults apply', () => {
      const vite = site('vite.config.js', 'export default defineConfig(async () => { const x = await load(); return x; });');
      assert.deepEqual(where('/a.png', 'index.html', [vite]), ['public/a.png', 'a.png']);
    });

    it('two sites side by side each take their own documents; the nearest configuration wins over a package.json', () => {
      const docs = site('docs/.vitepress/config.js', 'export default {};');
      const app = site('app/vite.config.js', 'export default {};');
      const root = site('package.json', '{}', 'vite');
      assert.equal(siteOfDocument('docs/guide.md', [docs, app, root])?.framework, 'vitepress');
      assert.equal(siteOfDocument('app/src/main.ts', [docs, app, root])?.configFile, 'app/vite.config.js');
      assert.equal(siteOfDocument('README.md', [docs, app, root])?.configFile, 'package.json');
    });
  });

  describe('sites learned from the evidence of 0.5: MkDocs, Hexo (not Jekyll), Zola (not Hugo)', () => {
    it('MkDocs: docs_dir is served at /, a page at /its/path/, so raw HTML climbs from there (mkdocs-material)', () => {
      const mkdocs = site('mkdocs.yml', 'site_name: Material\ntheme:\n  name: material\n');
      assert.equal(mkdocs.framework, 'mkdocs');
      assert.equal(pageUrlFolder('docs/setup/setting-up-social-cards.md', mkdocs, undefined), '/setup/setting-up-social-cards/');
      assert.equal(pageUrlFolder('docs/setup/index.md', mkdocs, undefined), undefined, 'an index page is its folder');
      assert.deepEqual(where('../../assets/screenshots/card.png', 'docs/setup/setting-up-social-cards.md', [mkdocs]), [
        'assets/screenshots/card.png',
        'docs/assets/screenshots/card.png',
      ]);
      assert.deepEqual(where('/assets/logo.png', 'docs/index.md', [mkdocs]), ['docs/assets/logo.png']);
      assert.match(resolveInSite('/x.png', { document: 'docs/a.md', site: mkdocs, aliases: [] })?.lookedIn ?? '', /docs \(MkDocs\)/);
    });

    it('MkDocs: docs_dir and use_directory_urls as written, its !ENV and !!python tags left aside', () => {
      const text =
        'site_name: Typer\ndocs_dir: en/docs\nuse_directory_urls: false\nextra:\n  key: !ENV KEY\nmarkdown_extensions:\n  - x:\n      f: !!python/name:a.b\n';
      const mkdocs = site('docs/mkdocs.yml', text);
      assert.deepEqual(mkdocs.publicFolders, ['docs/en/docs']);
      assert.equal(pageUrlFolder('docs/en/docs/tutorial/first.md', mkdocs, undefined), undefined, 'without directory URLs a page is served beside its source');
    });

    it("Hexo: a `_config.yml` beside hexo's package.json serves source_dir at /", () => {
      assert.equal(frameworkOfPackage({ dependencies: { hexo: '^7.0.0' } }), 'hexo');
      const hexo = site('_config.yml', 'title: Hexo\nsource_dir: src\n', 'hexo');
      assert.deepEqual(where('/images/logo.png', 'src/_posts/hello.md', [hexo]), ['src/images/logo.png']);
      assert.deepEqual(hexo.outputFolders, ['public']);
    });

    it('Zola: static/ is served at /, and a page content/blog/post.md at /blog/post/', () => {
      const zola = site('config.toml', 'base_url = "https://example.com"\n', 'zola');
      assert.deepEqual(where('/img/a.png', 'content/blog/post.md', [zola]), ['static/img/a.png']);
      assert.equal(pageUrlFolder('content/blog/post.md', zola, undefined), '/blog/post/');
      assert.equal(pageUrlFolder('content/blog/_index.md', zola, undefined), undefined);
    });
  });
});
