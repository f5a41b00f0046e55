/** The check that a path which looks inside a folder really is, once symbolic links are followed. */
import type * as vscode from 'vscode';
import { realpath } from 'node:fs/promises';
import { isInside } from '../domain/workspacePath';

/** True when `uri`'s real location is inside `folder`'s; also true for what does not exist (yet). */
export async function staysInside(folder: vscode.Uri, uri: vscode.Uri): Promise<boolean> {
  if (uri.scheme !== 'file' || folder.scheme !== 'file') return true; // no links to follow elsewhere
  try {
    const [root, target] = await Promise.all([realpath(folder.fsPath), realpath(uri.fsPath)]);
    return isInside(root, target);
  } catch {
    return true; // reading or writing it reports what is wrong
  }
}
