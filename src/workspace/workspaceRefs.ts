/**
 * What the options object names as files: Uris (or their serialised form) and workspace-relative
 * paths, made into Uris. Whether they are really inside the workspace is checked by their users.
 */
import * as vscode from 'vscode';
import { workspaceRelativeSegments } from '../domain/generation/editInputs';

/** A Uri, a serialised Uri (`{ scheme, path, … }`), or a workspace-relative path. */
export function uriOfReference(reference: unknown, base?: vscode.Uri): vscode.Uri | undefined {
  if (reference instanceof vscode.Uri) return reference;
  if (typeof reference === 'string') return fromRelativePath(reference, base);
  if (typeof reference === 'object' && reference !== null) {
    const { scheme, authority, path, query, fragment } = reference as Record<string, unknown>;
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

/** A reference as the user wrote it, for messages. */
export function shownReference(reference: unknown): string {
  if (typeof reference === 'string') return `"${reference}"`;
  if (reference instanceof vscode.Uri) return reference.scheme === 'file' ? reference.fsPath : reference.toString();
  const text = JSON.stringify(reference) ?? String(reference);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
