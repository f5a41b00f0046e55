/**
 * The context key `segmind.placeholderImages`: the paths of images whose sidecar says
 * `"placeholder": true`, so the Explorer offers Render Placeholder with AI… on them alone. Kept up
 * to date by a watcher on sidecars.
 */
import * as vscode from 'vscode';
import { readPlaceholderSidecar } from '../domain/placeholder';

const SIDECARS = '**/*.{png,jpg,jpeg,webp,PNG,JPG,JPEG,WEBP}.json';
const MAX_SIDECARS = 5_000;

export class PlaceholderContext implements vscode.Disposable {
  private readonly placeholders = new Set<string>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher(SIDECARS);
  private publishing: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.watcher.onDidCreate((sidecar) => void this.read(sidecar));
    this.watcher.onDidChange((sidecar) => void this.read(sidecar));
    this.watcher.onDidDelete((sidecar) => {
      this.placeholders.delete(imageOf(sidecar).fsPath);
      this.publish();
    });
    void vscode.workspace.findFiles(SIDECARS, '{**/node_modules/**,**/.git/**}', MAX_SIDECARS).then(async (sidecars) => {
      for (const sidecar of sidecars) await this.read(sidecar);
    });
  }

  private async read(sidecar: vscode.Uri): Promise<void> {
    const text = await vscode.workspace.fs.readFile(sidecar).then(
      (bytes) => new TextDecoder().decode(bytes),
      () => '',
    );
    const image = imageOf(sidecar).fsPath;
    if (readPlaceholderSidecar(text)) this.placeholders.add(image);
    else this.placeholders.delete(image);
    this.publish();
  }

  /** Once per burst of changes (a fill writes many). */
  private publish(): void {
    clearTimeout(this.publishing);
    this.publishing = setTimeout(() => void vscode.commands.executeCommand('setContext', 'segmind.placeholderImages', [...this.placeholders]), 100);
  }

  dispose(): void {
    clearTimeout(this.publishing);
    this.watcher.dispose();
  }
}

const imageOf = (sidecar: vscode.Uri): vscode.Uri => sidecar.with({ path: sidecar.path.replace(/\.json$/, '') });
