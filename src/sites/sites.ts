/**
 * Sites: what serves a document, and so where its image references point (README, "Missing
 * means missing"). A site is found by its configuration file (or a package.json that depends on the
 * framework), read as literals (./configValue.ts); what it says — where its content is, which
 * folders it serves at `/`, which aliases it defines — becomes a Site, with each framework's
 * defaults for what it does not say. Pure: the files are found and read by src/workspace/.
 */
import * as posix from 'node:path/posix';
import { object, text, texts, type ConfigValue } from './configTypes';
import { joinFolder, within } from './folders';

export { joinFolder, within } from './folders';
import { aliasesOf, type Alias } from './aliases';

export type { Alias } from './aliases';
export { tsconfigAliases } from './aliases';
export { pageFacts, type PageFacts } from './pageUrls';
import type { Framework } from './frameworks';

export { FRAMEWORKS, FRAMEWORK_NAMES, SITE_CONFIG_GLOBS, frameworkOfFile, frameworkOfPackage, type Framework } from './frameworks';

export interface Site {
  readonly framework: Framework;
  /** Workspace-relative folder of the site ('' is the workspace folder). */
  readonly root: string;
  /** The file it was found by (workspace-relative). */
  readonly configFile: string;
  /** Folders whose documents belong to the site, inside its root or not (Docusaurus' `path: '../docs'`). */
  readonly content: readonly string[];
  /** The folders served at `/`, in the order they are tried. */
  readonly publicFolders: readonly string[];
  /** Built output: a document inside is served from the folder itself (Hugo's `publishDir`, Jekyll's `_site`). */
  readonly outputFolders: readonly string[];
  readonly aliases: readonly Alias[];
  /** Pages whose URL is not their folder: Next.js' `pages/`, Jekyll's `permalink` (read from the page). */
  readonly pagesFolders: readonly string[];
  /** Jekyll: the permalink pattern of each collection's folder (`docs/_tutorials` → `/:collection/:path/`) and of `_posts`. */
  readonly urlPatterns?: Readonly<Record<string, string>>;
  /** Nuxt: the local layers it extends (`extends: ['./layers/docs']`), whose pages it serves with its own public folders. */
  readonly layers?: readonly string[];
  /** MkDocs and Zola: a page `a/b.md` is served at `/a/b/` (MkDocs' `use_directory_urls`), so its relative URLs start there. */
  readonly directoryUrls?: boolean;
}

function folders(base: string, written: readonly string[] | undefined, fallback: readonly string[]): string[] {
  return (written ?? fallback).flatMap((folder) => {
    const joined = joinFolder(base, folder);
    return joined === undefined ? [] : [joined];
  });
}

/**
 * The site a configuration file (workspace-relative) describes, from its value (UNKNOWN when it could
 * not be read: the framework's defaults apply); `framework` for a package.json or Hugo's `config.*`.
 */
export function siteOf(configFile: string, value: ConfigValue, framework: Framework): Site {
  const folder = posix.dirname(configFile) === '.' ? '' : posix.dirname(configFile);
  const config = object(value);
  const site = (root: string, parts: Partial<Omit<Site, 'framework' | 'root' | 'configFile'>>): Site => ({
    framework,
    root,
    configFile,
    content: parts.content ?? [root],
    publicFolders: parts.publicFolders ?? [],
    outputFolders: parts.outputFolders ?? [],
    aliases: parts.aliases ?? [],
    pagesFolders: parts.pagesFolders ?? [],
    ...(parts.urlPatterns ? { urlPatterns: parts.urlPatterns } : {}),
    ...(parts.layers ? { layers: parts.layers } : {}),
    ...(parts.directoryUrls ? { directoryUrls: true } : {}),
  });
  switch (framework) {
    case 'docusaurus': {
      // `presets: [['classic', { docs: { path }, blog: { path } }]]` and `plugins: [['@docusaurus/plugin-content-docs', { path }]]`.
      const contentPaths: string[] = [];
      const entries = [
        ...(Array.isArray(config['presets']) ? (config['presets'] as ConfigValue[]) : []),
        ...(Array.isArray(config['plugins']) ? (config['plugins'] as ConfigValue[]) : []),
      ];
      for (const entry of entries) {
        const options = object(Array.isArray(entry) ? (entry as ConfigValue[])[1] : undefined);
        for (const part of ['docs', 'blog', 'pages']) {
          const written = object(options[part])['path'];
          contentPaths.push(text(written) ?? (part === 'pages' ? 'src/pages' : part));
        }
        if (text(options['path'])) contentPaths.push(text(options['path']) as string);
      }
      return site(folder, {
        content: [folder, ...folders(folder, contentPaths.length > 0 ? contentPaths : ['docs', 'blog', 'src/pages'], [])],
        publicFolders: folders(folder, texts(config['staticDirectories']), ['static']),
        outputFolders: folders(folder, ['build'], []),
        aliases: [{ prefix: '@site/', target: folder }],
      });
    }
    case 'vitepress': {
      // The site's root is the folder that holds `.vitepress/`.
      const root = posix.dirname(folder) === '.' ? '' : posix.dirname(folder);
      const srcDir = joinFolder(root, text(config['srcDir']) ?? '.') ?? root;
      const publicDir = text(config['publicDir']);
      return site(root, {
        content: [root, srcDir],
        publicFolders: publicDir ? folders(srcDir, [publicDir], []) : folders(srcDir, ['public'], []),
        outputFolders: folders(root, [text(config['outDir']) ?? '.vitepress/dist'], []),
        aliases: aliasesOf(object(object(config['vite'])['resolve'])['alias'], root),
      });
    }
    case 'vite': {
      const root = joinFolder(folder, text(config['root']) ?? '.') ?? folder;
      const publicDir = config['publicDir'];
      return site(folder, {
        content: [folder, root],
        // Vite serves the root itself too, before publicDir (false turns publicDir off).
        publicFolders: [...(publicDir === false ? [] : folders(root, texts(publicDir), ['public'])), root],
        outputFolders: folders(root, [text(object(config['build'])['outDir']) ?? 'dist'], []),
        aliases: aliasesOf(object(config['resolve'])['alias'], folder),
      });
    }
    case 'astro':
      return site(folder, {
        publicFolders: folders(folder, texts(config['publicDir']), ['public']),
        outputFolders: folders(folder, [text(config['outDir']) ?? 'dist'], []),
        aliases: aliasesOf(object(object(config['vite'])['resolve'])['alias'], folder),
      });
    case 'next':
      return site(folder, {
        publicFolders: folders(folder, ['public'], []),
        outputFolders: folders(folder, [text(config['distDir']) ?? '.next', 'out'], []),
        pagesFolders: folders(folder, ['pages', 'src/pages'], []),
      });
    case 'nuxt': {
      const dir = object(config['dir']);
      const srcDir = joinFolder(folder, text(config['srcDir']) ?? '.') ?? folder;
      // Local layers only (`./layers/x`); a package or a git repository is not in the workspace.
      const layers = folders(
        folder,
        (texts(config['extends']) ?? []).filter((layer) => layer.startsWith('.')),
        [],
      );
      return site(folder, {
        content: [folder, srcDir],
        publicFolders: folders(srcDir, texts(dir['public']), ['public', 'static']),
        outputFolders: folders(folder, ['.output/public', 'dist'], []),
        aliases: aliasesOf(config['alias'], folder),
        ...(layers.length > 0 ? { layers } : {}),
      });
    }
    case 'sveltekit': {
      const kit = object(config['kit']);
      return site(folder, {
        publicFolders: folders(folder, texts(object(kit['files'])['assets']), ['static']),
        outputFolders: folders(folder, ['build', '.svelte-kit'], []),
        aliases: [...aliasesOf(kit['alias'], folder), { prefix: '$lib/', target: joinFolder(folder, text(object(kit['files'])['lib']) ?? 'src/lib') }],
      });
    }
    case 'hugo': {
      // Keys are case-insensitive in Hugo's configuration.
      const key = (name: string): ConfigValue | undefined => Object.entries(config).find(([written]) => written.toLowerCase() === name.toLowerCase())?.[1];
      const contentDir = text(key('contentDir')) ?? 'content';
      return site(folder, {
        content: [folder, ...folders(folder, [contentDir], [])],
        publicFolders: [...folders(folder, texts(key('staticDir')), ['static']), ...folders(folder, [text(key('assetDir')) ?? 'assets'], [])],
        outputFolders: folders(folder, [text(key('publishDir')) ?? 'public'], []),
      });
    }
    case 'mkdocs': {
      // `docs_dir` is served at `/`; each page at its own folder-like URL unless `use_directory_urls: false`.
      const docs = folders(folder, [text(config['docs_dir']) ?? 'docs'], []);
      return site(folder, {
        content: docs,
        publicFolders: docs,
        outputFolders: folders(folder, [text(config['site_dir']) ?? 'site'], []),
        pagesFolders: docs,
        directoryUrls: config['use_directory_urls'] !== false,
      });
    }
    case 'hexo': {
      // Hexo's `_config.yml`: `source_dir` is served at `/`, built into `public_dir`.
      const source = folders(folder, [text(config['source_dir']) ?? 'source'], []);
      return site(folder, { content: source, publicFolders: source, outputFolders: folders(folder, [text(config['public_dir']) ?? 'public'], []) });
    }
    case 'zola': {
      // Zola's `config.toml`: `static/` is served at `/`; a page `content/a/b.md` at `/a/b/`.
      const content = folders(folder, ['content'], []);
      return site(folder, {
        content: [folder, ...content],
        publicFolders: folders(folder, ['static'], []),
        outputFolders: folders(folder, [text(config['output_dir']) ?? 'public'], []),
        pagesFolders: content,
        directoryUrls: true,
      });
    }
    case 'jekyll': {
      // `source` is where the site is, and what it serves at `/` (it is copied to `destination`).
      const source = joinFolder(folder, text(config['source']) ?? '.') ?? folder;
      // Posts and collections are served at their permalink pattern, not at their folder.
      const collectionsDir = text(config['collections_dir']) ?? '.';
      const urlPatterns: Record<string, string> = {};
      const posts = joinFolder(source, posix.join(collectionsDir, '_posts'));
      if (posts !== undefined) urlPatterns[posts] = text(config['permalink']) ?? 'date';
      for (const [name, options] of Object.entries(object(config['collections']))) {
        const at = joinFolder(source, posix.join(collectionsDir, `_${name}`));
        if (at !== undefined)
          urlPatterns[at] = text(object(options)['permalink']) ?? (name === 'posts' ? (text(config['permalink']) ?? 'date') : '/:collection/:path:output_ext');
      }
      return site(source, {
        content: [source],
        publicFolders: [source],
        outputFolders: folders(source, [text(config['destination']) ?? '_site'], []),
        pagesFolders: [source],
        urlPatterns,
      });
    }
  }
}

/**
 * The site a document belongs to: the one that names its folder as content most precisely, else the
 * one whose root is nearest above it, else none (the web root rule applies). A configuration file wins a
 * tie over a package.json.
 */
export function siteOfDocument(document: string, sites: readonly Site[]): Site | undefined {
  const folder = posix.dirname(document) === '.' ? '' : posix.dirname(document);
  const rank = (site: Site): number => (posix.basename(site.configFile) === 'package.json' ? 0 : 1);
  const best = (candidates: { site: Site; length: number }[]): Site | undefined =>
    candidates.sort((a, b) => b.length - a.length || rank(b.site) - rank(a.site))[0]?.site;
  const byContent = sites.flatMap((site) =>
    site.content.filter((content) => content !== site.root && within(folder, content)).map((content) => ({ site, length: content.length })),
  );
  return best(byContent) ?? best(sites.filter((site) => within(folder, site.root)).map((site) => ({ site, length: site.root.length + 1 })));
}

/**
 * Sites served by another: a Nuxt layer's pages are served by the app that extends it, from the
 * app's public folders as well as the layer's own (nuxt.com's layers/nuxi uses the app's /icon.png).
 */
export function withLayers(sites: readonly Site[]): Site[] {
  return sites.map((site) => {
    const apps = sites.filter((app) => app.layers?.includes(site.root));
    if (apps.length === 0) return site;
    return { ...site, publicFolders: [...new Set([...site.publicFolders, ...apps.flatMap((app) => app.publicFolders)])] };
  });
}
