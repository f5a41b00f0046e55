/**
 * Writes finished images into a folder of the workspace (resolved and confined by outputFolder.ts),
 * under a name no existing file has, atomically (a hidden temporary file renamed into place without overwrite),
 * then the sidecar beside it the same way.
 */
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { FILE_EXTENSIONS, type ImageFormat } from '../domain/imageFormat';
import { candidateFileName, sidecarFileName, temporaryFileName } from '../domain/fileNaming';

const MAX_CANDIDATES = 10_000;

export interface ImageToSave {
  readonly baseName: string;
  readonly bytes: Uint8Array;
  readonly format: ImageFormat;
  /** Built once the final file name is known; undefined when sidecars are off. */
  readonly sidecar?: (fileName: string) => Record<string, unknown>;
}

/**
 * Saves run one after another within this extension host: variants of one prompt finish together
 * and would otherwise pick the same free name at the same moment. Across processes, the rename
 * without overwrite still protects existing files.
 */
let saving: Promise<unknown> = Promise.resolve();

export function saveImage(folder: vscode.Uri, image: ImageToSave): Promise<vscode.Uri> {
  const saved = saving.then(() => saveImageNow(folder, image));
  saving = saved.catch(() => undefined);
  return saved;
}

async function saveImageNow(folder: vscode.Uri, image: ImageToSave): Promise<vscode.Uri> {
  const extension = FILE_EXTENSIONS[image.format];
  for (let n = 1; n <= MAX_CANDIDATES; n++) {
    const name = candidateFileName(image.baseName, extension, n);
    const target = vscode.Uri.joinPath(folder, name);
    const sidecarTarget = vscode.Uri.joinPath(folder, sidecarFileName(name));
    if ((await exists(target)) || (image.sidecar && (await exists(sidecarTarget)))) continue;
    if (!(await writeAtomically(target, image.bytes))) continue; // taken meanwhile: next name
    if (image.sidecar) {
      const json = `${JSON.stringify(image.sidecar(name), null, 2)}\n`;
      await writeAtomically(sidecarTarget, new TextEncoder().encode(json));
    }
    return target;
  }
  throw new Error(`No free file name for "${image.baseName}" in ${folder.fsPath}.`);
}

/** Writes to a temporary sibling, then renames without overwriting. False if the target appeared meanwhile. */
export async function writeAtomically(target: vscode.Uri, bytes: Uint8Array): Promise<boolean> {
  const folder = vscode.Uri.joinPath(target, '..');
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const temporary = vscode.Uri.joinPath(folder, temporaryFileName(name, randomBytes(6).toString('hex')));
  try {
    await vscode.workspace.fs.writeFile(temporary, bytes);
    await vscode.workspace.fs.rename(temporary, target, { overwrite: false });
    return true;
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    // Remote file systems do not always keep the FileExists code; what matters is that it is taken.
    if ((error instanceof vscode.FileSystemError && error.code === 'FileExists') || (await exists(target))) return false;
    throw error;
  }
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
