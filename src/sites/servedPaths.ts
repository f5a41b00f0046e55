/**
 * Where an image reference may be, as its site serves it: the workspace-relative paths to try, in
 * order (the first is where a fix writes the image), and where that is in a user's words. A
 * root-absolute value is tried in every folder the site serves at `/` (or, in built output, in the
 * output folder); an alias resolves through the folder it names, or the reference is skipped when
 * that cannot be known; a page whose URL is not its folder (Jekyll's permalink, Next.js' pages/) is
 * tried at its URL too. Without a site, the web root rule: the web root given. Pure.
 */
import * as l10n from '@vscode/l10n';
import * as posix from 'node:path/posix';
import { imagePathOf } from '../domain/references/imageReference';
import { resolveReference } from '../domain/references/webRoot';
import { FRAMEWORK_NAMES, within, type Alias, type PageFacts, type Site } from './sites';

export interface ServingContext {
  /** The document, workspace-relative. */
  readonly document: string;
  readonly site?: Site;
  /** The site's aliases and those of the nearest tsconfig.json or jsconfig.json. */
  readonly aliases: readonly Alias[];
  /** What the page's front matter says of its URL. */
  readonly page?: PageFacts;
  /** `segmind.missingImages.webRoot` when set (it wins over the site), else 0.3's web root when there is no site. */
  readonly webRoot?: string;
  /**
   * Without a site or the setting: the folder of the nearest index.html above the document, a plain
   * HTML site's root (html5-boilerplate's src/ and dist/). Looked in after 0.3's web root, which
   * stays where a fix writes.
   */
  readonly htmlRoot?: string;
}

export interface Resolution {
  /** Where the image may be, in order; the first is where a fix writes it. */
  readonly candidates: readonly string[];
  /** The image path the value means (an alias's prefix dropped; from imagePathOf): what the evidence rule looks for. */
  readonly path: string;
  /** Where it was looked for, for the diagnostic's "not in website/static (Docusaurus)"; none for the web root rule. */
  readonly lookedIn?: string;
}

const folderOf = (file: string): string => (posix.dirname(file) === '.' ? '' : posix.dirname(file));

/** `base` + a path below it, normalised; undefined when it leaves the workspace folder or enters `.git` (resolveReference's rule). */
function under(base: string, path: string): string | undefined {
  return resolveReference(`/${path.replace(/^\/+/, '')}`, { document: '', webRoot: base });
}

/** The candidates and the words, or undefined when the reference does not count or cannot be known. */
export function resolveInSite(value: string, context: ServingContext): Resolution | undefined {
  const { site } = context;
  const name = site ? FRAMEWORK_NAMES[site.framework] : undefined;
  const alias = [...context.aliases].sort((a, b) => b.prefix.length - a.prefix.length).find((candidate) => value.startsWith(candidate.prefix));
  if (alias) {
    if (alias.target === undefined) return undefined; // an alias whose folder is computed: nobody can say where it points
    const rest = imagePathOf(value.slice(alias.prefix.length));
    const target = rest === undefined ? undefined : under(alias.target, rest);
    return target === undefined || rest === undefined ? undefined : { candidates: [target], path: rest, lookedIn: `${alias.target || '.'} (${alias.prefix}…)` };
  }
  const path = imagePathOf(value);
  if (path === undefined) return undefined;
  if (path.startsWith('/')) {
    if (context.webRoot !== undefined || !site) {
      const roots = [context.webRoot ?? '', ...(site || context.htmlRoot === undefined ? [] : [context.htmlRoot])];
      const candidates = unique(roots.map((root) => resolveReference(path, { document: context.document, webRoot: root })));
      return candidates.length === 0 ? undefined : { candidates, path };
    }
    const output = site.outputFolders.find((folder) => within(folderOf(context.document), folder));
    const roots = output !== undefined ? [output] : site.publicFolders;
    const candidates = unique(roots.map((root) => under(root, path)));
    return candidates.length === 0 ? undefined : { candidates, path, lookedIn: `${roots.map((root) => root || '.').join(', ')} (${name})` };
  }
  const beside = resolveReference(path, { document: context.document, webRoot: '' });
  if (beside === undefined) return undefined;
  const url = site ? pageUrlFolder(context.document, site, context.page) : undefined;
  if (url === undefined || !site) return { candidates: [beside], path };
  const atUrl = unique(site.publicFolders.map((root) => under(root, posix.join(url, path))));
  return {
    candidates: unique([beside, ...atUrl]),
    path,
    lookedIn: l10n.t("{0}, nor at the page's URL {1} ({2})", folderOf(context.document) || '.', url, name ?? ''),
  };
}

/**
 * The folder of a page's URL, when it is not the page's own folder: a Jekyll page's `permalink`, or
 * its collection's or the posts' permalink pattern (`/:collection/:path/`, `/:year/:month/:day/:title/`),
 * where `/about/` is read from `/about/` and `/about.html` from `/`; or a Next.js page
 * (`pages/blog/post.tsx` is `/blog/post`, whose relative URLs start at `/blog/`); or an MkDocs or
 * Zola page (`docs/setup/cards.md` is `/setup/cards/`).
 */
export function pageUrlFolder(document: string, site: Site, page: PageFacts | undefined): string | undefined {
  if (site.framework === 'jekyll') {
    const url = page?.permalink ?? jekyllUrl(document, site, page);
    if (url === undefined || !url.startsWith('/') || /[:{]/.test(url)) return undefined; // not a URL (an unknown pattern)
    return url.endsWith('/') ? url : `${posix.dirname(url)}/`.replace(/\/+$/, '/');
  }
  const pages = site.pagesFolders.find((folder) => within(folderOf(document), folder) && folder !== '');
  if (pages !== undefined && site.directoryUrls) return directoryUrlFolder(document.slice(pages.length + 1));
  if (site.framework !== 'next' || pages === undefined) return undefined;
  const route = document.slice(pages.length + 1).replace(/\.[^./]+$/, '');
  const path = posix.basename(route) === 'index' ? posix.dirname(route) : route;
  if (/[[\]]/.test(path)) return undefined; // a dynamic route: no one URL
  const folder = posix.dirname(`/${path === '.' ? '' : path}`);
  return folder.endsWith('/') ? folder : `${folder}/`;
}

/** MkDocs' and Zola's pretty URLs: `a/b.md` is `/a/b/`; an `index.md`, `_index.md` or `README.md` is its folder's URL (no other folder: undefined). */
function directoryUrlFolder(page: string): string | undefined {
  const route = page.replace(/\.[^./]+$/, '');
  const name = posix.basename(route);
  if (/^(_?index|readme)$/i.test(name)) return undefined;
  return `/${route}/`;
}

function unique(paths: readonly (string | undefined)[]): string[] {
  return [...new Set(paths.filter((path): path is string => path !== undefined))];
}

/** Jekyll's built-in permalink styles. */
const JEKYLL_STYLES: Readonly<Record<string, string>> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

/** A Jekyll document's URL from its collection's (or the posts') permalink pattern; undefined for a plain page or a pattern not read here. */
function jekyllUrl(document: string, site: Site, page: PageFacts | undefined): string | undefined {
  const collection = Object.keys(site.urlPatterns ?? {})
    .filter((folder) => within(folderOf(document), folder))
    .sort((a, b) => b.length - a.length)[0];
  if (collection === undefined) return undefined;
  const written = site.urlPatterns?.[collection] ?? '';
  const pattern = JEKYLL_STYLES[written] ?? written;
  const path = document.slice(collection.length + 1).replace(/\.[^./]+$/, '');
  const name = posix.basename(path);
  const date = /^(\d{4})-(\d{2})-(\d{2})-(.+)$/.exec(name);
  const values: Record<string, string | undefined> = {
    collection: posix.basename(collection).replace(/^_/, ''),
    path,
    name,
    title: date?.[4] ?? name,
    slug: date?.[4] ?? name,
    year: date?.[1],
    month: date?.[2],
    day: date?.[3],
    i_month: date ? String(Number(date[2])) : undefined,
    i_day: date ? String(Number(date[3])) : undefined,
    short_year: date?.[1]?.slice(2),
    categories: (page?.categories ?? []).join('/'),
    output_ext: '.html',
  };
  let unknown = false;
  const url = pattern.replace(/:([a-z_]+)/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) unknown = true;
    return value ?? '';
  });
  return unknown ? undefined : url.replace(/\/{2,}/g, '/');
}
