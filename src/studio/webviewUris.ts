import * as vscode from 'vscode';
import { isInside } from '../domain/safety/workspacePath';

/**
 * A Uri the webview sent (from the host's own messages, or dropped from the Explorer) as a Uri of
 * the workspace's file system: the workbench may name a file with its remote authority
 * (`vscode-remote://host/path`) where this extension host sees `file:///path`. Whether it is really
 * inside the workspace is checked by resolveEditInputs.
 */
export function toWorkspaceUri(text: string): vscode.Uri | undefined {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(text.trim(), true);
  } catch {
    return undefined;
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.some((folder) => folder.uri.scheme === uri.scheme && folder.uri.authority === uri.authority)) return uri;
  const folder = folders.find((candidate) => isInside(candidate.uri.path, uri.path));
  return folder ? folder.uri.with({ path: uri.path, query: '', fragment: '' }) : uri;
}
