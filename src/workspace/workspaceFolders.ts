/** Which workspace folder a request belongs to, and so whose output folder and settings it uses. */
import * as vscode from 'vscode';
import { NoWorkspaceError } from '../domain/errors/errors';

/**
 * The folder of the first of `candidates` that lies in one (the right-clicked image, the document
 * being written), else of the active editor's file, else the first folder.
 */
export function chooseWorkspaceFolder(...candidates: readonly (vscode.Uri | undefined)[]): vscode.Uri {
  for (const uri of [...candidates, vscode.window.activeTextEditor?.document.uri]) {
    const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
    if (folder) return folder.uri;
  }
  const first = vscode.workspace.workspaceFolders?.[0];
  if (!first) throw new NoWorkspaceError();
  return first.uri;
}
