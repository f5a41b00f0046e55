/**
 * The evidence of the evidence rule (domain/references/evidence.ts): every image file of a workspace
 * folder by name, and the folders that hold a `.git` entry (each the root of a repository). Listed
 * once per folder by the scan's file search — one walk, `node_modules` and `.git`'s insides never
 * entered, links to folders not followed — and kept current by a file system watcher, so that a
 * reference is judged by a lookup, never a walk of its own. A watcher tells of a folder deleted,
 * moved or created as one event, not one per file inside: then the folder is listed again when next
 * asked.
 */
import * as vscode from 'vscode';
import * as posix from 'node:path/posix';
import { Disposable } from '../base/dispose';
import type { RepositoryFiles } from '../domain/references/evidence';
import { IMAGE_EXTENSIONS } from '../domain/references/imageReference';
import type { Logger } from '../log/logger';
import { findFiles } from './fileSearch';
import { onDidCreateFile } from './imageWriter';
import { pathInFolder } from '../domain/safety/workspacePath';

const EXTENSIONS = IMAGE_EXTENSIONS.map((extension) => extension.slice(1));
/** Every image, whatever the case of its extension (the walk matches without case). */
const IMAGES = `**/*.{${EXTENSIONS.join(',')}}`;
/** Whether a path names an image by its extension, whatever its case. */
export const isImagePath = (path: string): boolean => IMAGE_EXTENSIONS.some((extension) => path.toLowerCase().endsWith(extension));
/** What the walk never enters: installed packages, and a repository's history (its `.git` entry itself is listed). */
const NEVER_ENTERED = ['**/node_modules/**', '**/.git/**/*'];

/** One workspace folder's images and repositories; changed in place by the watcher. */
class FolderFiles implements RepositoryFiles {
  private readonly byName = new Map<string, Set<string>>();
  readonly repositories = new Set<string>();

  named(name: string): readonly string[] {
    return [...(this.byName.get(name.toLowerCase()) ?? [])];
  }

  add(path: string): void {
    if (posix.basename(path) === '.git') {
      this.repositories.add(posix.dirname(path) === '.' ? '' : posix.dirname(path));
      return;
    }
    const key = posix.basename(path).toLowerCase();
    let paths = this.byName.get(key);
    if (!paths) this.byName.set(key, (paths = new Set()));
    paths.add(path);
  }

  remove(path: string): void {
    if (posix.basename(path) === '.git') this.repositories.delete(posix.dirname(path) === '.' ? '' : posix.dirname(path));
    else this.byName.get(posix.basename(path).toLowerCase())?.delete(path);
  }
}

export class RepositoryIndex extends Disposable {
  private readonly folders = new Map<string, { ready: Promise<FolderFiles>; pending: ((files: FolderFiles) => void)[] | undefined }>();
  private readonly created = this._register(new vscode.EventEmitter<vscode.Uri>());
  private readonly deleted = this._register(new vscode.EventEmitter<vscode.Uri>());
  /** An image appeared (after the index knows it): a missing image may now be there, or found elsewhere. */
  readonly onDidCreate = this.created.event;
  readonly onDidDelete = this.deleted.event;

  constructor(private readonly logger: Logger) {
    super();
    const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/*', false, true, false));
    this._register(watcher.onDidCreate((uri) => void this.onCreated(uri)));
    this._register(
      watcher.onDidDelete((uri) => {
        if (isTracked(uri)) this.change(uri, 'remove', this.deleted);
        // What went can no longer be asked whether it was a folder: a name without an extension likely was (a build's
        // thousands of deleted files are not, and must not make every document be read again).
        else if (!posix.basename(uri.path).includes('.')) this.forget(uri, this.deleted);
      }),
    );
    // What the extension writes itself is known at once, not when (or if) the watcher reports it.
    this._register(onDidCreateFile((uri) => void this.onCreated(uri)));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.folders.clear()));
  }

  private async onCreated(uri: vscode.Uri): Promise<void> {
    if (isTracked(uri)) return this.change(uri, 'add', this.created);
    // Another file is no evidence; a folder (made, moved in, restored) may hold images no event will name.
    const isFolder = await Promise.resolve(vscode.workspace.fs.stat(uri)).then(
      (stat) => (stat.type & vscode.FileType.Directory) !== 0,
      () => false,
    );
    if (isFolder) this.forget(uri, this.created);
  }

  /** Something that may have held images went, or came: its folder is listed again when next asked. */
  private forget(uri: vscode.Uri, event: vscode.EventEmitter<vscode.Uri>): void {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || /(^|\/)(node_modules|\.git)(\/|$)/.test(relativeTo(folder.uri, uri))) return;
    this.folders.delete(folder.uri.toString());
    if (!this.isDisposed) event.fire(uri);
  }

  /** The image files and repositories of a workspace folder, listed on first use. */
  filesOf(workspaceFolder: vscode.Uri): Promise<RepositoryFiles> {
    const key = workspaceFolder.toString();
    let entry = this.folders.get(key);
    if (!entry) {
      const pending: ((files: FolderFiles) => void)[] = [];
      const ready = this.list(workspaceFolder).then((files) => {
        // What the watcher saw while the walk ran is applied on top of what it found.
        for (const apply of entry?.pending ?? []) apply(files);
        if (entry) entry.pending = undefined;
        return files;
      });
      entry = { ready, pending };
      this.folders.set(key, entry);
    }
    return entry.ready;
  }

  private async list(workspaceFolder: vscode.Uri): Promise<FolderFiles> {
    const started = performance.now();
    const files = new FolderFiles();
    try {
      const found = await findFiles(workspaceFolder, [IMAGES, '**/.git'], { exclude: NEVER_ENTERED, anyType: true, anyCase: true });
      for (const uri of found) files.add(relativeTo(workspaceFolder, uri));
      this.logger.info(
        `Evidence of ${workspaceFolder.toString(true)}: ${found.length - files.repositories.size} images, ${files.repositories.size} repositories, listed in ${(performance.now() - started).toFixed(0)} ms.`,
      );
    } catch (error) {
      // No evidence: every reference that resolves to nothing is reported, as before the rule.
      this.logger.error(`Could not list the images of ${workspaceFolder.toString(true)}`, error);
    }
    return files;
  }

  private change(uri: vscode.Uri, how: 'add' | 'remove', event: vscode.EventEmitter<vscode.Uri>): void {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const entry = folder && this.folders.get(folder.uri.toString());
    if (folder && entry) {
      const path = relativeTo(folder.uri, uri);
      if (!/(^|\/)node_modules\//.test(path) && !/(^|\/)\.git\//.test(path)) {
        const apply = (files: FolderFiles): void => files[how](path);
        if (entry.pending) entry.pending.push(apply);
        else void entry.ready.then(apply);
      }
    }
    // Fired once the change is in the index (a settled promise's callbacks run in order).
    void (entry?.ready ?? Promise.resolve()).then(() => {
      if (!this.isDisposed) event.fire(uri);
    });
  }
}

/** An image or a `.git` entry: what the index holds, and changes one by one. */
const isTracked = (uri: vscode.Uri): boolean => isImagePath(uri.path) || posix.basename(uri.path) === '.git';

function relativeTo(folder: vscode.Uri, uri: vscode.Uri): string {
  return pathInFolder(folder, uri);
}
