/** Workspace-relative folders of sites ('' is the workspace folder). */
import * as posix from 'node:path/posix';

/** `base` joined with `relative` (which may climb out of it: `../docs`), normalised, workspace-relative; undefined when it leaves the workspace folder. */
export function joinFolder(base: string, relative: string): string | undefined {
  if (posix.isAbsolute(relative)) return undefined; // an absolute path on the machine: not a folder of this workspace
  const joined = posix.normalize(posix.join(base, relative)).replace(/\/+$/, '');
  if (joined === '..' || joined.startsWith('../')) return undefined;
  return joined === '.' ? '' : joined;
}

/** True when `folder` is `parent` or inside it (workspace-relative, '' is the workspace folder). */
export const within = (folder: string, parent: string): boolean => parent === '' || folder === parent || folder.startsWith(`${parent}/`);
