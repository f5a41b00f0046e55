/**
 * The context key `segmind.placeholderImages`: the paths of images whose sidecar says
 * `"placeholder": true`, so the Explorer offers Render Placeholder with AI… on them alone. Kept up
 * to date by a watcher on sidecars.
 */
import * as vscode from 'vscode';
import { findPlaceholderImages, imageOfSidecar, isPlaceholderSidecar, PLACEHOLDER_SIDECARS } from '../workspace/placeholderSidecars';
import { setContext } from '../ui/contributions';

export class PlaceholderContext implements vscode.Disposable {
  private readonly placeholders = new Set<string>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher(PLACEHOLDER_SIDECARS);
  private publishing: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.watcher.onDidCreate((sidecar) => void this.read(sidecar));
    this.watcher.onDidChange((sidecar) => void this.read(sidecar));
    this.watcher.onDidDelete((sidecar) => {
      this.placeholders.delete(imageOfSidecar(sidecar).fsPath);
      this.publish();
    });
    void findPlaceholderImages().then((images) => {
      for (const image of images) this.placeholders.add(image.fsPath);
      this.publish();
    });
  }

  private async read(sidecar: vscode.Uri): Promise<void> {
    const image = imageOfSidecar(sidecar).fsPath;
    if (await isPlaceholderSidecar(sidecar)) this.placeholders.add(image);
    else this.placeholders.delete(image);
    this.publish();
  }

  /** Once per burst of changes (a fill writes many). */
  private publish(): void {
    clearTimeout(this.publishing);
    this.publishing = setTimeout(() => void setContext('segmind.placeholderImages', [...this.placeholders]), 100);
  }

  dispose(): void {
    clearTimeout(this.publishing);
    this.watcher.dispose();
  }
}
