/**
 * Paths that must stay inside the workspace folder: the `segmind.outputFolder` setting and the
 * workspace-relative paths of edit inputs. Absolute paths, drive letters, `~` and a `..` that climbs
 * out are refused.
 */
import * as l10n from '@vscode/l10n';
import { ConfigurationError, type ForbiddenName } from '../errors/errors';

const SETTING = 'segmind.outputFolder';

export type RelativePath = { readonly ok: true; readonly segments: string[] } | { readonly ok: false; readonly problem: 'absolute' | 'outside' };

/** Normalises a relative path (`./a/../b` → `['b']`); empty means the folder itself. */
export function relativeSegments(path: string): RelativePath {
  const value = path.trim();
  if (/^([a-zA-Z]:|[\\/]|~)/.test(value) || value.includes('\0')) return { ok: false, problem: 'absolute' };
  const segments: string[] = [];
  for (const part of value.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (segments.length === 0) return { ok: false, problem: 'outside' };
      segments.pop();
      continue;
    }
    segments.push(part);
  }
  return { ok: true, segments };
}

export function outputFolderSegments(setting: string): string[] {
  const value = setting.trim();
  const relative = relativeSegments(value);
  if (relative.ok) return relative.segments;
  throw new ConfigurationError(
    SETTING,
    relative.problem === 'absolute'
      ? l10n.t('The output folder must be relative to the workspace folder, not "{0}".', value)
      : l10n.t('The output folder "{0}" is outside the workspace folder.', value),
  );
}

/** True when `child` (a normalised absolute path) is `parent` or inside it. */
export function isInside(parent: string, child: string): boolean {
  const p = parent.replace(/[\\/]+$/, '');
  return child === p || child.startsWith(`${p}/`) || child.startsWith(`${p}\\`);
}

export type { ConfinementReason, ForbiddenName } from '../errors/errors';

/**
 * Why a path segment may never be written into, whatever follows: `.git` belongs to git, in every
 * spelling that reaches it on some file system (Windows drops trailing dots and spaces, so `.git.`
 * is `.git`; `GIT~1` is its 8.3 short name; names compare without case), and a `:` names an NTFS
 * alternate data stream (`logo.png:hidden`, `.git::$INDEX_ALLOCATION`) or a drive.
 */
export function forbiddenName(segment: string): ForbiddenName | undefined {
  if (segment.includes(':')) return 'stream';
  const windowsName = segment.replace(/[. ]+$/, '').toLowerCase();
  if (windowsName === '.git' || /^git~\d+$/.test(windowsName)) return 'git';
  return undefined;
}

/**
 * The path of `location` inside `folder` ('' for the folder itself), both as a Uri's `path` gives
 * them (`/`-separated): the one way a workspace-relative path is made, where it was sliced by hand
 * in a dozen places. The caller knows `location` is inside.
 */
export function pathInFolder(folder: { readonly path: string }, location: { readonly path: string }): string {
  return location.path.slice(folder.path.replace(/\/$/, '').length + 1);
}
