/** The check that a path which looks inside a folder really is, once symbolic links are followed. */
import type * as vscode from 'vscode';
import { realpath } from 'node:fs/promises';
import * as path from 'node:path';
import { isInside } from '../domain/workspacePath';

/**
 * True when `uri`'s real location is inside `folder`'s. For a path that does not exist yet (a file
 * about to be written), the nearest part of it that does is what links are followed from.
 */
export async function staysInside(folder: vscode.Uri, uri: vscode.Uri): Promise<boolean> {
  if (uri.scheme !== 'file' || folder.scheme !== 'file') return true; // no links to follow elsewhere
  try {
    const [root, target] = await Promise.all([realpath(folder.fsPath), realExisting(uri.fsPath)]);
    return isInside(root, target);
  } catch {
    return true; // reading or writing it reports what is wrong
  }
}

async function realExisting(location: string): Promise<string> {
  const missing: string[] = [];
  let current = location;
  for (;;) {
    try {
      return path.join(await realpath(current), ...missing.reverse());
    } catch (error) {
      const parent = path.dirname(current);
      if ((error as { code?: unknown }).code !== 'ENOENT' || parent === current) throw error;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}
