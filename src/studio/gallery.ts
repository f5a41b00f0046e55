/**
 * The Studio's gallery, host side: the images in each workspace folder's output folder that have a
 * sidecar, newest first, and a watcher that says when that changes. Sidecars are read through
 * `workspace.fs` and interpreted by the pure galleryItems.ts.
 */
import * as vscode from 'vscode';
import { readSettings } from '../config/settings';
import { outputFolders } from '../workspace/outputFolder';
import { readSidecar, type SidecarSummary } from '../domain/images/sidecar';
import type { ModelSpec } from '../domain/generation/customModels';
import { imagesWithSidecars, MAX_GALLERY_ITEMS, newestFirst } from './pure/galleryItems';
import { Disposable } from '../base/dispose';

export interface GalleryEntry {
  readonly uri: vscode.Uri;
  readonly name: string;
  /** Workspace-relative. */
  readonly path: string;
  readonly savedAt: string;
  readonly summary: SidecarSummary;
}

/** Where the gallery looks: each workspace folder's output folder, by its own setting. */
export function studioOutputFolders(): vscode.Uri[] {
  return outputFolders((folder) => readSettings(folder).outputFolder);
}

export async function listGallery(): Promise<GalleryEntry[]> {
  const { customModels } = readSettings();
  const perFolder = await Promise.all(studioOutputFolders().map((folder) => listFolder(folder, customModels)));
  return newestFirst(perFolder.flat(), MAX_GALLERY_ITEMS);
}

async function listFolder(folder: vscode.Uri, customModels: readonly ModelSpec[]): Promise<GalleryEntry[]> {
  let listing: [string, vscode.FileType][];
  try {
    listing = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return []; // not created yet
  }
  const names = listing.filter(([, type]) => type === vscode.FileType.File).map(([name]) => name);
  const images = imagesWithSidecars(names);
  const entries = await Promise.all(
    images.map(async (name): Promise<GalleryEntry | undefined> => {
      const uri = vscode.Uri.joinPath(folder, name);
      try {
        const summary = readSidecar(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, `${name}.json`))), customModels);
        if (!summary) return undefined;
        const savedAt = summary.savedAt ?? new Date((await vscode.workspace.fs.stat(uri)).mtime).toISOString();
        return { uri, name, path: vscode.workspace.asRelativePath(uri), savedAt, summary };
      } catch {
        return undefined; // deleted meanwhile
      }
    }),
  );
  return entries.filter((entry): entry is GalleryEntry => entry !== undefined);
}

/** Fires (debounced) when an image or sidecar in an output folder appears, changes or goes, or the setting changes. */
export class GalleryWatcher extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private watchers: vscode.FileSystemWatcher[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly debounceMs = 300) {
    super();
    this.watch();
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('segmind.outputFolder')) {
          this.watch();
          this.schedule();
        }
      }),
    );
    this._register(
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.watch();
        this.schedule();
      }),
    );
    this._register({
      dispose: () => {
        this.unwatch();
        if (this.timer) clearTimeout(this.timer);
      },
    });
  }

  private watch(): void {
    this.unwatch();
    this.watchers = studioOutputFolders().map((folder) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '*'));
      watcher.onDidCreate(() => this.schedule());
      watcher.onDidChange(() => this.schedule());
      watcher.onDidDelete(() => this.schedule());
      return watcher;
    });
  }

  private unwatch(): void {
    for (const watcher of this.watchers.splice(0)) watcher.dispose();
  }

  private schedule(): void {
    if (this.isDisposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.changed.fire();
    }, this.debounceMs);
  }
}
