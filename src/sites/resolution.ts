/**
 * Where an image reference may be, as its site serves it: the workspace-relative paths to try, in
 * order (the first is where a fix writes the image), and where that is in a user's words. A
 * root-absolute value is tried in every folder the site serves at `/` (or, in built output, in the
 * output folder); an alias resolves through the folder it names, or the reference is skipped when
 * that cannot be known; a page whose URL is not its folder (Jekyll's permalink, Next.js' pages/) is
 * tried at its URL too. Without a site, 0.3's rule: the web root given. Pure.
 */
import * as l10n from '@vscode/l10n';
import * as posix from 'node:path/posix';
import { imagePathOf } from '../domain/imageReference';
import { resolveReference } from '../domain/referenceResolution';
import { FRAMEWORK_NAMES, within, type Alias, type Site } from './sites';

export interface DocumentSite {
  /** The document, workspace-relative. */
  readonly document: string;
  readonly site?: Site;
  /** The site's aliases and those of the nearest tsconfig.json or jsconfig.json. */
  readonly aliases: readonly Alias[];
  /** The page's `permalink` (front matter), when it has one. */
  readonly permalink?: string;
  /** `segmind.missingImages.webRoot` when set (it wins over the site), else 0.3's web root when there is no site. */
  readonly webRoot?: string;
}

export interface Resolution {
  /** Where the image may be, in order; the first is where a fix writes it. */
  readonly candidates: readonly string[];
  /** Where it was looked for, for the diagnostic's "not in website/static (Docusaurus)"; none for 0.3's rule. */
  readonly lookedIn?: string;
}

const folderOf = (file: string): string => (posix.dirname(file) === '.' ? '' : posix.dirname(file));

/** `base` + a path below it, normalised; undefined when it leaves the workspace folder or enters `.git` (resolveReference's rule). */
function under(base: string, path: string): string | undefined {
  return resolveReference(`/${path.replace(/^\/+/, '')}`, { document: '', webRoot: base });
}

/** The candidates and the words, or undefined when the reference does not count or cannot be known. */
export function resolveInSite(value: string, context: DocumentSite): Resolution | undefined {
  const { site } = context;
  const name = site ? FRAMEWORK_NAMES[site.framework] : undefined;
  const alias = [...context.aliases].sort((a, b) => b.prefix.length - a.prefix.length).find((candidate) => value.startsWith(candidate.prefix));
  if (alias) {
    if (alias.target === undefined) return undefined; // an alias whose folder is computed: nobody can say where it points
    const rest = imagePathOf(value.slice(alias.prefix.length));
    const target = rest === undefined ? undefined : under(alias.target, rest);
    return target === undefined ? undefined : { candidates: [target], lookedIn: `${alias.target || '.'} (${alias.prefix}…)` };
  }
  const path = imagePathOf(value);
  if (path === undefined) return undefined;
  if (path.startsWith('/')) {
    if (context.webRoot !== undefined || !site) {
      const target = resolveReference(path, { document: context.document, webRoot: context.webRoot ?? '' });
      return target === undefined ? undefined : { candidates: [target] };
    }
    const output = site.outputFolders.find((folder) => within(folderOf(context.document), folder));
    const roots = output !== undefined ? [output] : site.publicFolders;
    const candidates = unique(roots.map((root) => under(root, path)));
    return candidates.length === 0 ? undefined : { candidates, lookedIn: `${roots.map((root) => root || '.').join(', ')} (${name})` };
  }
  const beside = resolveReference(path, { document: context.document, webRoot: '' });
  if (beside === undefined) return undefined;
  const url = site ? pageUrlFolder(context.document, site, context.permalink) : undefined;
  if (url === undefined || !site) return { candidates: [beside] };
  const atUrl = unique(site.publicFolders.map((root) => under(root, posix.join(url, path))));
  return {
    candidates: unique([beside, ...atUrl]),
    lookedIn: l10n.t("{0}, nor at the page's URL {1} ({2})", folderOf(context.document) || '.', url, name ?? ''),
  };
}

/**
 * The folder of a page's URL, when it is not the page's own folder: a Jekyll `permalink`
 * (`/about/` → `/about/`, `/about.html` → `/`), or a Next.js page (`pages/blog/post.tsx` is
 * `/blog/post`, whose relative URLs start at `/blog/`).
 */
export function pageUrlFolder(document: string, site: Site, permalink: string | undefined): string | undefined {
  if (site.framework === 'jekyll') {
    if (permalink === undefined || !permalink.startsWith('/') || /[:{]/.test(permalink)) return undefined; // a pattern, not a URL
    return permalink.endsWith('/') ? permalink : `${posix.dirname(permalink)}/`.replace(/\/+$/, '/');
  }
  const pages = site.pagesFolders.find((folder) => within(folderOf(document), folder) && folder !== '');
  if (site.framework !== 'next' || pages === undefined) return undefined;
  const route = document.slice(pages.length + 1).replace(/\.[^./]+$/, '');
  const path = posix.basename(route) === 'index' ? posix.dirname(route) : route;
  if (/[[\]]/.test(path)) return undefined; // a dynamic route: no one URL
  const folder = posix.dirname(`/${path === '.' ? '' : path}`);
  return folder.endsWith('/') ? folder : `${folder}/`;
}

function unique(paths: readonly (string | undefined)[]): string[] {
  return [...new Set(paths.filter((path): path is string => path !== undefined))];
}
