/**
 * The one path confinement of every way files are written or read here (the output folder, `path`,
 * an icon set's folder, edit inputs, and the final name just before a write): a location is
 * confined to a workspace folder when it is inside it both as written and as the file system
 * resolves it (symbolic links followed), and when no segment, as written or resolved, is `.git` or
 * another forbidden name (domain/safety/workspacePath.ts). Any error while resolving refuses, but for the
 * parts that do not exist yet: a file about to be written is resolved from its nearest existing
 * folder.
 */
import type * as vscode from 'vscode';
import { realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { forbiddenName, isInside, type ConfinementReason, type ForbiddenName } from '../domain/safety/workspacePath';

export type Confinement =
  | { readonly ok: true }
  /** `unverifiable`: the location could not be resolved (too long a name, not a folder, no access); `detail` says why. */
  | { readonly ok: false; readonly reason: ConfinementReason; readonly detail?: string };

/** A `folder` that exists must be a folder; a `file` may be anything (a name about to be created is refused by the write itself). */
export type LocationKind = 'file' | 'folder';

export async function confinementOf(workspaceFolder: vscode.Uri, location: vscode.Uri, kind: LocationKind = 'file'): Promise<Confinement> {
  if (location.scheme !== workspaceFolder.scheme || location.authority !== workspaceFolder.authority) return { ok: false, reason: 'outside' };
  const written = segmentsInside(workspaceFolder.path, location.path, '/');
  if (!written) return { ok: false, reason: 'outside' };
  const named = firstForbidden(written);
  if (named) return { ok: false, reason: named };
  if (location.scheme !== 'file') return { ok: true }; // no links to follow on other file systems

  let root: string;
  let real: string;
  try {
    [root, real] = await Promise.all([realpath(workspaceFolder.fsPath), realExisting(location.fsPath, kind)]);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { ok: false, reason: 'unverifiable', detail: typeof code === 'string' ? code : error instanceof Error ? error.message : String(error) };
  }
  const resolved = segmentsInside(root, real, path.sep);
  if (!resolved) return { ok: false, reason: 'outside' };
  const reached = firstForbidden(resolved);
  return reached ? { ok: false, reason: reached } : { ok: true };
}

/** The segments of `child` below `parent`, or undefined when it is not inside. */
function segmentsInside(parent: string, child: string, separator: string): string[] | undefined {
  if (!isInside(parent, child)) return undefined;
  return child
    .slice(parent.replace(/[\\/]+$/, '').length)
    .split(separator === '/' ? '/' : /[\\/]/)
    .filter(Boolean);
}

function firstForbidden(segments: readonly string[]): ForbiddenName | undefined {
  for (const segment of segments) {
    const forbidden = forbiddenName(segment);
    if (forbidden) return forbidden;
  }
  return undefined;
}

/**
 * The real path of `location`, resolved from its nearest existing ancestor; only "does not exist"
 * walks up. The ancestor must be a folder when something is still to be made below it (a file in
 * the way is ENOTDIR, as the write would find it).
 */
async function realExisting(location: string, kind: LocationKind): Promise<string> {
  const missing: string[] = [];
  let current = location;
  for (;;) {
    let real: string;
    try {
      real = await realpath(current);
    } catch (error) {
      const parent = path.dirname(current);
      if ((error as { code?: unknown }).code !== 'ENOENT' || parent === current) throw error;
      missing.push(path.basename(current));
      current = parent;
      continue;
    }
    if ((missing.length > 0 || kind === 'folder') && !(await stat(real)).isDirectory()) {
      throw Object.assign(new Error(`${current} is not a folder`), { code: 'ENOTDIR' });
    }
    return path.join(real, ...missing.reverse());
  }
}
