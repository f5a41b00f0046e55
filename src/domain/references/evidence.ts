/**
 * The evidence rule (README, "Missing means missing, on every site"): a reference that resolves to
 * nothing is a missing image only when no file of its repository could be the one it means. A file
 * whose path ends with the reference's path (`img/hero.png` for `../../img/hero.png`) is evidence that
 * the image exists and is served, or linked, from somewhere the rules do not know: such a reference
 * is "found elsewhere", never an image to make. The repository is the nearest folder above the
 * document with a `.git` entry (a folder of several checkouts holds several), else the workspace
 * folder. Pure: the files are listed and kept current by src/workspace/repositoryIndex.ts.
 */
import * as posix from 'node:path/posix';

/** What the rule asks of the repository's files (the port; workspace-relative paths throughout). */
export interface RepositoryFiles {
  /** The image files named `name`, compared without case (a `Hero.PNG` is a `hero.png` that a case-sensitive server misses). */
  named(name: string): readonly string[];
  /** The folders that have a `.git` entry ('' for the workspace folder itself). */
  readonly repositories: ReadonlySet<string>;
}

/** Candidates offered at most: a name that is everywhere (`icon.png`) need not list the whole tree. */
export const MAX_CANDIDATES = 5;

/**
 * The path a reference means, as a tail to look for: its image path (query and fragment dropped,
 * percent-decoded, from `imagePathOf`) normalised, without leading `/`, `./` and `../` segments.
 * Undefined when nothing is left (`/`, `..`).
 */
export function referenceTail(imagePath: string): string | undefined {
  const normalised = posix.normalize(imagePath.replace(/\\/g, '/'));
  const segments = normalised.split('/').filter((segment) => segment !== '' && segment !== '.');
  while (segments[0] === '..') segments.shift();
  return segments.length === 0 || segments.includes('..') ? undefined : segments.join('/');
}

/** The repository that holds a workspace-relative path: the nearest folder above it with a `.git` entry, else ''. */
export function repositoryOf(path: string, repositories: ReadonlySet<string>): string {
  let folder = posix.dirname(path);
  for (;;) {
    const here = folder === '.' || folder === '/' ? '' : folder;
    if (repositories.has(here) || here === '') return here;
    folder = posix.dirname(folder);
  }
}

const lower = (path: string): string => path.toLowerCase();

/** Whether `path` ends with `tail` at a segment boundary; `exact` compares with case. */
function endsWithTail(path: string, tail: string, exact: boolean): boolean {
  const [a, b] = exact ? [path, tail] : [lower(path), lower(tail)];
  return a === b || a.endsWith(`/${b}`);
}

/** Folders in common from the start: the nearer a candidate is to the document, the likelier it is the one meant. */
function sharedDepth(a: string, b: string): number {
  const [x, y] = [a.split('/'), b.split('/')];
  let depth = 0;
  while (depth < x.length && depth < y.length && x[depth] === y[depth]) depth++;
  return depth;
}

/**
 * The files of the document's repository that the reference could mean (whose path ends with its
 * tail, case aside), nearest to the document first, those with the exact case before the others;
 * at most MAX_CANDIDATES. Empty: the image is really missing.
 */
export function foundElsewhere(tail: string, document: string, files: RepositoryFiles): string[] {
  const repository = repositoryOf(document, files.repositories);
  const matching = files.named(posix.basename(tail)).filter((path) => endsWithTail(path, tail, false) && repositoryOf(path, files.repositories) === repository);
  const score = (path: string): [number, number, number] => [endsWithTail(path, tail, true) ? 0 : 1, -sharedDepth(document, path), path.split('/').length];
  return matching
    .map((path) => ({ path, score: score(path) }))
    .sort((a, b) => a.score[0] - b.score[0] || a.score[1] - b.score[1] || a.score[2] - b.score[2] || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .slice(0, MAX_CANDIDATES)
    .map(({ path }) => path);
}
