/**
 * Writes finished images into a folder of the workspace under a name no file has, and the sidecar
 * beside it. Each file is written to a hidden temporary file first and then given its final name
 * by an exclusive create (a hard link, which fails if the name exists), so a crash never leaves half
 * an image and "never overwrite" holds across windows and processes: no check-then-rename, in
 * which two windows saving the same name lose one paid image. Just before a name is written, it is
 * checked against the workspace folder (confinement.ts): the folder may have turned into a link
 * since the job started.
 */
import * as vscode from 'vscode';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { UnsafeDestinationError } from '../domain/errors/errors';
import { FILE_EXTENSIONS, type FileFormat } from '../domain/images/imageFormat';
import { candidateFileName, sidecarFileName, temporaryFileName } from '../domain/images/fileNaming';
import { confinementOf, type LocationKind } from './confinement';

const MAX_CANDIDATES = 10_000;
/** link(2) errors of file systems without hard links (FAT, some network shares): reserve the name instead. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

export interface ImageToSave {
  readonly baseName: string;
  readonly bytes: Uint8Array;
  readonly format: FileFormat | 'svg';
  /** The extension to write (`jpeg` where `path` said so); else the format's own. */
  readonly extension?: string;
  /** Built once the final file name is known; undefined when sidecars are off. */
  readonly sidecar?: (fileName: string) => Record<string, unknown>;
}

export interface SaveFolder {
  readonly folder: vscode.Uri;
  /** What `folder` must stay inside of. */
  readonly workspaceFolder: vscode.Uri;
}

/**
 * Saves run one after another within this extension host: variants of one prompt finish together
 * and would walk the same names at the same moment. Across processes, the exclusive create decides.
 */
let saving: Promise<unknown> = Promise.resolve();

/** Rejects with UnsafeDestinationError (nothing written) when the folder or the name fails the confinement check. */
export function saveImage(where: SaveFolder, image: ImageToSave): Promise<vscode.Uri> {
  const saved = saving.then(() => saveImageNow(where, image));
  saving = saved.catch(() => undefined);
  return saved;
}

async function saveImageNow(where: SaveFolder, image: ImageToSave): Promise<vscode.Uri> {
  // A job resumed after a reload may find its folder gone: it is made again, once it is known to be confined.
  await assertConfined(where.workspaceFolder, where.folder, 'folder');
  await vscode.workspace.fs.createDirectory(where.folder);
  const extension = image.extension ?? (image.format === 'svg' ? 'svg' : FILE_EXTENSIONS[image.format]);
  for (let n = 1; n <= MAX_CANDIDATES; n++) {
    const name = candidateFileName(image.baseName, extension, n);
    const target = vscode.Uri.joinPath(where.folder, name);
    const sidecarTarget = vscode.Uri.joinPath(where.folder, sidecarFileName(name));
    // Someone else's sidecar under this name would describe another image: take the next name.
    if (image.sidecar && (await exists(sidecarTarget))) continue;
    if (!(await writeConfined(where.workspaceFolder, target, image.bytes))) continue; // taken: next name
    if (image.sidecar) {
      const json = `${JSON.stringify(image.sidecar(name), null, 2)}\n`;
      await createExclusively(sidecarTarget, new TextEncoder().encode(json));
    }
    return target;
  }
  throw new Error(`No free file name for "${image.baseName}" in ${where.folder.fsPath}.`);
}

/** The hex sha256 of a file's bytes (what a placeholder's sidecar records). */
export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Replaces the file `target` with `bytes` only while it is a plain file (not a link) whose bytes
 * still hash to `sha256` (our own placeholder, unchanged): the new bytes go to a temporary sibling,
 * the old ones are hashed again just before the atomic rename over them. Resolves to the bytes it
 * replaced (for the trash), or false, and nothing replaced, when it changed, went, or became a link.
 * The sidecar (ours, like the placeholder) is replaced after the image.
 */
export function replaceIfUnchanged(
  workspaceFolder: vscode.Uri,
  target: vscode.Uri,
  sha256: string,
  bytes: Uint8Array,
  sidecar?: Record<string, unknown>,
): Promise<Uint8Array | false> {
  const replaced = saving.then(async (): Promise<Uint8Array | false> => {
    await assertConfined(workspaceFolder, target, 'file');
    const name = target.path.slice(target.path.lastIndexOf('/') + 1);
    const temporary = vscode.Uri.joinPath(target, '..', temporaryFileName(name, randomBytes(6).toString('hex'))).fsPath;
    await fs.writeFile(temporary, bytes, { flag: 'wx' });
    let previous: Uint8Array | undefined;
    try {
      const kind = await fs.lstat(target.fsPath).catch(() => undefined);
      if (!kind?.isFile()) return false; // gone, or a link now: never written through
      const current = await fs.readFile(target.fsPath).catch(() => undefined);
      if (!current || sha256Of(current) !== sha256) return false;
      await fs.rename(temporary, target.fsPath);
      previous = current;
    } finally {
      await fs.rm(temporary, { force: true });
    }
    if (sidecar) {
      const sidecarTarget = vscode.Uri.joinPath(target, '..', sidecarFileName(name));
      const sidecarTemporary = vscode.Uri.joinPath(target, '..', temporaryFileName(sidecarFileName(name), randomBytes(6).toString('hex'))).fsPath;
      await fs.writeFile(sidecarTemporary, `${JSON.stringify(sidecar, null, 2)}\n`, { flag: 'wx' });
      await fs.rename(sidecarTemporary, sidecarTarget.fsPath);
    }
    return previous ?? false;
  });
  saving = replaced.catch(() => undefined);
  return replaced;
}

/** Checks `target` against the workspace folder, then creates it exclusively; false when the name is taken. */
export async function writeConfined(workspaceFolder: vscode.Uri, target: vscode.Uri, bytes: Uint8Array): Promise<boolean> {
  await assertConfined(workspaceFolder, target, 'file');
  return createExclusively(target, bytes);
}

async function assertConfined(workspaceFolder: vscode.Uri, location: vscode.Uri, kind: LocationKind): Promise<void> {
  const confinement = await confinementOf(workspaceFolder, location, kind);
  if (!confinement.ok) {
    throw new UnsafeDestinationError(vscode.workspace.asRelativePath(location), confinement.reason, undefined, confinement.detail);
  }
}

/** Who is told of each file this extension creates (the repository index), at once rather than when a file watcher reports it. */
const writtenListeners = new Set<(uri: vscode.Uri) => void>();

/**
 * Tells `listener` of every file created here from now on. A file watcher tells too, but late on a
 * busy machine, or not at all when it misses a creation: what we write ourselves we know of now.
 */
export function onDidCreateFile(listener: (uri: vscode.Uri) => void): vscode.Disposable {
  writtenListeners.add(listener);
  return { dispose: () => writtenListeners.delete(listener) };
}

function created(target: vscode.Uri): true {
  for (const listener of writtenListeners) listener(target);
  return true;
}

/**
 * Writes `bytes` to `target` only if no file of that name exists at that moment, atomically: false
 * when it exists (or appeared meanwhile). The bytes go to a hidden temporary sibling first.
 */
export async function createExclusively(target: vscode.Uri, bytes: Uint8Array): Promise<boolean> {
  if (target.scheme !== 'file') return renameWithoutOverwrite(target, bytes);
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const temporary = vscode.Uri.joinPath(target, '..', temporaryFileName(name, randomBytes(6).toString('hex'))).fsPath;
  await fs.writeFile(temporary, bytes, { flag: 'wx' });
  try {
    await fs.link(temporary, target.fsPath);
    return created(target);
  } catch (error) {
    const code = codeOf(error);
    if (code === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(code)) throw error;
    return (await reserveThenMove(temporary, target.fsPath)) && created(target);
  } finally {
    await fs.rm(temporary, { force: true });
  }
}

/** Without hard links: the name is taken by an exclusive open (O_EXCL), then the bytes replace only that empty file of ours. */
async function reserveThenMove(temporary: string, target: string): Promise<boolean> {
  try {
    await (await fs.open(target, 'wx')).close();
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw error;
  }
  await fs.rename(temporary, target);
  return true;
}

/** Other file systems (none that this extension is enabled for today): VS Code's rename without overwrite. */
async function renameWithoutOverwrite(target: vscode.Uri, bytes: Uint8Array): Promise<boolean> {
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const temporary = vscode.Uri.joinPath(target, '..', temporaryFileName(name, randomBytes(6).toString('hex')));
  try {
    await vscode.workspace.fs.writeFile(temporary, bytes);
    await vscode.workspace.fs.rename(temporary, target, { overwrite: false });
    return created(target);
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    if ((error instanceof vscode.FileSystemError && error.code === 'FileExists') || (await exists(target))) return false;
    throw error;
  }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
