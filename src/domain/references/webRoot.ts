/**
 * Where an image reference points, as a workspace-relative path (README, "Missing images in the
 * code"): a relative value against the document's folder, a root-absolute one inside the web root.
 * Pure: the web root (the setting, or the nearest `public/`/`static/` folder) is found by the
 * caller, which also asks the file system whether anything is there.
 */
import * as posix from 'node:path/posix';
import { forbiddenName } from '../safety/workspacePath';

export interface ReferenceContext {
  /** The document, workspace-relative (`src/pages/index.html`). */
  readonly document: string;
  /** The web root, workspace-relative (`public`; `` for the workspace folder itself). */
  readonly webRoot: string;
}

/** Web roots found by walking up from a document: the nearest wins. */
export const WEB_ROOT_NAMES = ['public', 'static'] as const;

/** The folders, nearest first, in which a web root of the document may be (`src/pages`, `src`, ``). */
export function foldersUp(document: string): string[] {
  const folders: string[] = [];
  let folder = posix.dirname(document);
  for (;;) {
    folders.push(folder === '.' ? '' : folder);
    if (folder === '.' || folder === '/' || folder === '') return folders;
    folder = posix.dirname(folder);
  }
}

/** The workspace-relative target of `path` (from imagePathOf), or undefined when it leaves the workspace folder or enters `.git`. */
export function resolveReference(path: string, context: ReferenceContext): string | undefined {
  const slashed = path.replace(/\\/g, '/');
  // A root-absolute path cannot climb above the web root (a browser stops at the root too).
  const rooted = slashed.startsWith('/');
  const from = rooted ? context.webRoot : posix.dirname(context.document);
  const below = rooted ? posix.normalize(slashed).replace(/^\/+/, '') : slashed;
  const joined = posix.normalize(posix.join(from === '.' ? '' : from, below));
  if (joined === '.' || joined === '..' || joined.startsWith('../') || posix.isAbsolute(joined)) return undefined;
  if (joined.split('/').some((segment) => forbiddenName(segment) !== undefined)) return undefined;
  return joined;
}
