/**
 * Missing means missing (src/sites/): each framework's layout as a small fixture — its configuration
 * read as literals, the site it makes, the document that belongs to it, and where a reference is
 * looked for. A reference is missing only when no candidate exists (the workspace checks that).
 */
import * as assert from 'node:assert/strict';
import { isUnknown, readConfig, frontMatterOf, type ConfigValue } from '../../src/sites/configValue';
import { resolveInSite, pageUrlFolder } from '../../src/sites/servedPaths';
import {
  frameworkOfFile,
  frameworkOfPackage,
  pageFacts,
  siteOf,
  siteOfDocument,
  tsconfigAliases,
  withLayers,
  type PageFacts,
  type Site,
} from '../../src/sites/sites';

const site = (file: string, text: string, framework = frameworkOfFile(file)): Site => {
  assert.ok(framework, `${file} names a framework`);
  return siteOf(file, readConfig(file, text), framework);
};
const where = (
  value: string,
  document: string,
  sites: readonly Site[],
  extra: { aliases?: Site['aliases']; page?: PageFacts } = {},
): readonly string[] | undefined => {
  const owner = siteOfDocument(document, sites);
  return resolveInSite(value, {
    document,
    aliases: extra.aliases ?? owner?.aliases ?? [],
    ...(owner ? { site: owner } : {}),
    ...(extra.page ? { page: extra.page } : {}),
  })?.candidates;
};

describe('Sites: references resolved as the site serves them', () => {
  describe('configurations read as literals, never run', () => {
    it('a module export, defineConfig, a named const, TypeScript casts, spreads, and a config function that returns an object', () => {
      assert.deepEqual(
        readConfig('vite.config.ts', "import { defineConfig } from 'vite';\nexport default defineConfig({ root: 'src', publicDir: '../assets' });"),
        {
          root: 'src',
          publicDir: '../assets',
        },
      );
      assert.deepEqual(
        readConfig(
          'docusaurus.config.js',
          "const base = { staticDirectories: ['static'] };\nconst config = { ...base, title: `Site` };\nmodule.exports = config;",
        ),
        {
          staticDirectories: ['static'],
          title: 'Site',
        },
      );
      assert.deepEqual(readConfig('astro.config.mts', 'export default { publicDir: "./pub" } satisfies Config;'), { publicDir: './pub' });
      assert.deepEqual(readConfig('vite.config.js', "export default defineConfig(({ mode }) => ({ root: 'web' }));"), { root: 'web' });
      assert.deepEqual(readConfig('docusaurus.config.ts', 'export default async function createConfig() { return { staticDirectories: ["public"] }; }'), {
        staticDirectories: ['public'],
      });
    });

    it('anything computed is UNKNOWN, never guessed: a call, a variable from elsewhere, a template with an expression', () => {
      const value = readConfig(
        'vite.config.js',
        "import path from 'node:path';\nconst dir = process.env.PUBLIC;\nexport default { root: path.resolve(__dirname, 'src'), publicDir: dir, base: `/${name}/`, build: { outDir: 'out' } };",
      ) as Record<string, ConfigValue>;
      assert.ok(isUnknown(value['root']) && isUnknown(value['publicDir']) && isUnknown(value['base']));
      assert.deepEqual(value['build'], { outDir: 'out' });
      assert.ok(isUnknown(readConfig('next.config.js', 'module.exports = makeConfig();')));
      assert.ok(isUnknown(readConfig('next.config.js', 'this is not javascript {')), 'unreadable: the defaults apply');
    });

    it('JSON with comments and trailing commas, YAML, TOML; a YAML bomb stays small', () => {
      assert.deepEqual(readConfig('tsconfig.json', '{ // paths\n "compilerOptions": { "paths": { "@/*": ["./src/*"], }, }, }'), {
        compilerOptions: { paths: { '@/*': ['./src/*'] } },
      });
      assert.deepEqual(readConfig('_config.yml', 'source: docs\ndestination: _site\n'), { source: 'docs', destination: '_site' });
      assert.deepEqual(readConfig('hugo.toml', 'staticDir = ["static", "more"]\n[params]\nx = 1\n'), { staticDir: ['static', 'more'], params: { x: 1 } });
      const bomb = [
        'a: &a ["x","x","x","x","x","x","x","x","x"]',
        ...Array.from(
          { length: 9 },
          (_, i) =>
            `${'bcdefghij'[i]}: &${'bcdefghij'[i]} [*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]}]`,
        ),
      ].join('\n');
      assert.ok(isUnknown(readConfig('_config.yml', bomb)));
    });

    it('a page’s front matter gives its permalink', () => {
      assert.deepEqual(frontMatterOf('---\ntitle: About\npermalink: /about/\n---\n# About\n'), { title: 'About', permalink: '/about/' });
      assert.equal(frontMatterOf('# No front matter\n---\n'), undefined);
    });
  });

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

    it('a tsconfig paths alias, from its baseUrl', () => {
      const aliases = tsconfigAliases(
        'web/tsconfig.json',
        readConfig('tsconfig.json', '{ "compilerOptions": { "baseUrl": ".", "paths": { "@assets/*": ["src/assets/*"] } } }'),
      );
      assert.deepEqual(aliases, [{ prefix: '@assets/', target: 'web/src/assets' }]);
      assert.deepEqual(where('@assets/a.png', 'web/src/App.tsx', [], { aliases }), ['web/src/assets/a.png']);
    });

    it('a config that is not a literal: the framework’s defaults apply', () => {
      const vite = site('vite.config.js', 'export default defineConfig(async () => { const x = await load(); return x; });');
      assert.deepEqual(where('/a.png', 'index.html', [vite]), ['public/a.png', 'a.png']);
    });

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

    it('two sites side by side each take their own documents; the nearest configuration wins over a package.json', () => {
      const docs = site('docs/.vitepress/config.js', 'export default {};');
      const app = site('app/vite.config.js', 'export default {};');
      const root = site('package.json', '{}', 'vite');
      assert.equal(siteOfDocument('docs/guide.md', [docs, app, root])?.framework, 'vitepress');
      assert.equal(siteOfDocument('app/src/main.ts', [docs, app, root])?.configFile, 'app/vite.config.js');
      assert.equal(siteOfDocument('README.md', [docs, app, root])?.configFile, 'package.json');
    });
  });
});
