/**
 * A test file's own files in the workspace folder: a Uri there, text or bytes written there, their
 * clean-up, and what an image there is (decoded, not taken from its name). Ten test files each wrote these lines
 * again (one for text only, one taking a Uri); said once here, they mean the same everywhere.
 */
import * as vscode from 'vscode';
import sharp from 'sharp';
import { readBytes, workspaceFolder } from './segmindFixture';

export interface FolderFiles {
  /** A Uri under the folder; with no segments, the folder itself. */
  readonly at: (...segments: string[]) => vscode.Uri;
  /** Writes text (as UTF-8) or bytes at a '/'-separated path under the folder, making its folders; resolves to its Uri. */
  readonly write: (path: string, content: string | Uint8Array) => Promise<vscode.Uri>;
}

/**
 * The files under `folder` (a subfolder of the workspace folder), or of the workspace folder itself
 * when no folder is given. The workspace folder is looked up at each call, not here: a test file's
 * top level runs before mocha's hooks, and a missing folder should fail a test, not the loading.
 */
export function folderFiles(folder?: string): FolderFiles {
  const at = (...segments: string[]): vscode.Uri => vscode.Uri.joinPath(workspaceFolder(), ...(folder === undefined ? [] : [folder]), ...segments);
  const write = async (path: string, content: string | Uint8Array): Promise<vscode.Uri> => {
    const uri = at(...path.split('/'));
    await vscode.workspace.fs.writeFile(uri, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    return uri;
  };
  return { at, write };
}

/** Deletes a file or a folder with everything under it, if it is there: a test's clean-up, which a missing file never fails. */
export function remove(uri: vscode.Uri): Thenable<void> {
  return vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false }).then(undefined, () => undefined);
}

/** An image's format (as sharp names it) and pixel size, decoded from its bytes. */
export async function sizeOf(uri: vscode.Uri): Promise<[string | undefined, number | undefined, number | undefined]> {
  const meta = await sharp(Buffer.from(await readBytes(uri))).metadata();
  return [meta.format, meta.width, meta.height];
}
