/**
 * File arguments: what a command's argument or the options object names as a file (a Uri, its
 * serialised form, or a workspace-relative path), made into a Uri. Not an image reference (that is
 * a value found in code: domain/references/). Whether it is really inside the workspace is checked
 * by its users.
 */
import * as vscode from 'vscode';
import { workspaceRelativeSegments } from '../domain/generation/editInputs';

/** A Uri, a serialised Uri (`{ scheme, path, … }`), or a workspace-relative path. */
export function uriOfFileArgument(argument: unknown, base?: vscode.Uri): vscode.Uri | undefined {
  if (argument instanceof vscode.Uri) return argument;
  if (typeof argument === 'string') return fromRelativePath(argument, base);
  if (typeof argument === 'object' && argument !== null) {
    const { scheme, authority, path, query, fragment } = argument as Record<string, unknown>;
    if (typeof scheme === 'string' && typeof path === 'string') {
      return vscode.Uri.from({
        scheme,
        path,
        ...(typeof authority === 'string' ? { authority } : {}),
        ...(typeof query === 'string' ? { query } : {}),
        ...(typeof fragment === 'string' ? { fragment } : {}),
      });
    }
  }
  return undefined;
}

/**
 * Relative to `base` (else the first workspace folder); in a multi-root workspace a first segment
 * naming another folder selects that folder, as `asRelativePath` writes such paths.
 */
function fromRelativePath(path: string, base?: vscode.Uri): vscode.Uri | undefined {
  const segments = workspaceRelativeSegments(path);
  const folders = vscode.workspace.workspaceFolders ?? [];
  const [head, ...rest] = segments ?? [];
  if (!segments || !head || folders.length === 0) return undefined;
  const named = folders.length > 1 && rest.length > 0 ? folders.find((folder) => folder.name === head) : undefined;
  if (named) return vscode.Uri.joinPath(named.uri, ...rest);
  const root = base ?? folders[0]?.uri;
  return root && vscode.Uri.joinPath(root, ...segments);
}

/** A file argument as the caller wrote it, for messages. */
export function shownFileArgument(argument: unknown): string {
  if (typeof argument === 'string') return `"${argument}"`;
  if (argument instanceof vscode.Uri) return argument.scheme === 'file' ? argument.fsPath : argument.toString();
  const text = JSON.stringify(argument) ?? String(argument);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
