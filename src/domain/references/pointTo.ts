/**
 * The *Point to …* fix of an image found elsewhere: the reference rewritten so that it names the
 * candidate file. Root-absolute (`/img/hero.png`) when the candidate is in a folder the site serves
 * at `/` and a relative path would not survive the build (the reference was root-absolute, or the
 * document is outside that folder); relative otherwise (`../img/hero.png`), keeping a leading `./`.
 * The query and fragment stay; the path is percent-encoded when the value was, or when it has to be
 * (a space). Pure.
 */
import * as posix from 'node:path/posix';

export interface PointToContext {
  /** The document, workspace-relative. */
  readonly document: string;
  /** The reference as written. */
  readonly value: string;
  /** Folders the document's site serves at `/` (workspace-relative; '' is the workspace folder), in the order it tries them. */
  readonly servedAtRoot: readonly string[];
}

const inside = (path: string, folder: string): boolean => folder === '' || path.startsWith(`${folder}/`);
const folderOf = (path: string): string => (posix.dirname(path) === '.' ? '' : posix.dirname(path));

/** The value that names `candidate` (workspace-relative) from the document, in the reference's own style. */
export function pointTo(candidate: string, { document, value, servedAtRoot }: PointToContext): string {
  const trimmed = value.trim();
  const suffix = /[?#].*$/s.exec(trimmed)?.[0] ?? '';
  const rooted = trimmed.startsWith('/');
  const root = [...servedAtRoot].filter((folder) => inside(candidate, folder)).sort((a, b) => b.length - a.length)[0];
  const documentFolder = folderOf(document);
  const absolute = root !== undefined && (rooted || (root !== '' && !inside(documentFolder, root) && documentFolder !== root));
  let path: string;
  if (absolute) {
    path = `/${root === '' ? candidate : candidate.slice(root.length + 1)}`;
  } else {
    path = posix.relative(documentFolder, candidate);
    if (trimmed.startsWith('./') && !path.startsWith('../')) path = `./${path}`;
  }
  const encoded = /%[0-9a-f]{2}/i.test(trimmed) || /\s/.test(path) ? encodeURI(path) : path;
  return `${encoded}${suffix}`;
}
