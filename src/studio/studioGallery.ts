/**
 * The Studio's gallery: this workspace's results (images with a sidecar), sent to the webview, and
 * what its buttons do. An action names an image by Uri; only images in the gallery are acted on.
 * "Run again" repeats a sidecar, which may come from anyone's repository: SidecarRunAsker asks first.
 */
import * as vscode from 'vscode';
import { readSettings } from '../config/settings';
import { altText, imageLink } from '../domain/references/links';
import { isPaintedMask } from '../domain/images/sidecar';
import { UntrustedWorkspaceError } from '../domain/errors/errors';
import type { Asker } from '../flow/generationFlow';
import type { Logger } from '../log/logger';
import type { GalleryAction, GalleryItemView, StudioSettings } from '../protocol/studioProtocol';
import type { Confirm } from '../ui/confirm';
import { listGallery, type GalleryEntry } from './gallery';
import { SidecarRunAsker } from './sidecarRunAsker';
import type { StudioChannel } from './studioChannel';
import type { StudioInputs } from './studioInputs';

export interface StudioRun {
  (settings: StudioSettings, images: readonly unknown[], mask: { paintedMask?: Uint8Array; maskFile?: string }, asker: Asker): Promise<void>;
}

export class StudioGallery {
  private entries = new Map<string, GalleryEntry>();

  constructor(
    private readonly channel: StudioChannel,
    private readonly webview: vscode.Webview,
    private readonly inputs: StudioInputs,
    private readonly deps: { readonly logger: Logger; readonly confirm: Confirm; readonly run: StudioRun; readonly isClosed: () => boolean },
  ) {}

  async refresh(): Promise<void> {
    if (this.deps.isClosed()) return;
    const entries = await listGallery();
    if (this.deps.isClosed()) return; // closed while the folder was being read
    this.entries = new Map(entries.map((entry) => [entry.uri.toString(), entry]));
    const items: GalleryItemView[] = entries.map((entry) => ({
      uri: entry.uri.toString(),
      name: entry.name,
      path: entry.path,
      src: this.webview.asWebviewUri(entry.uri).toString(),
      prompt: entry.summary.prompt,
      model: entry.summary.model,
      savedAt: entry.savedAt,
      edited: entry.summary.sourceImages.length > 0,
      ...(entry.summary.width ? { width: entry.summary.width } : {}),
      ...(entry.summary.height ? { height: entry.summary.height } : {}),
    }));
    const folder = vscode.workspace.workspaceFolders?.[0];
    this.channel.post({ type: 'gallery', items, folder: folder ? readSettings(folder.uri).outputFolder : '' });
  }

  async act(action: GalleryAction, uriText: string): Promise<void> {
    const entry = this.entries.get(uriText);
    if (!entry) {
      this.deps.logger.warn('Image Studio: a gallery action named an image that is not in the gallery; ignored.');
      return;
    }
    switch (action) {
      case 'open':
        return openImage(entry.uri);
      case 'reveal':
        await vscode.commands.executeCommand('revealInExplorer', entry.uri);
        return;
      case 'copyLink': {
        const link = imageLink('markdown', vscode.workspace.asRelativePath(entry.uri, false), altText(entry.summary.prompt));
        await vscode.env.clipboard.writeText(link);
        this.channel.notice({ severity: 'info', text: vscode.l10n.t('Copied {0}', link), actions: [] });
        return;
      }
      case 'useAsInput':
        return this.inputs.add([entry.uri]);
      case 'regenerate':
        return this.runAgain(entry);
    }
  }

  private async runAgain(entry: GalleryEntry): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      // A sidecar is the workspace's file: what it asks for waits until the workspace is trusted.
      await this.channel.showError(new UntrustedWorkspaceError('Run again from a sidecar'));
      return;
    }
    const { settings, sourceImages, maskPath } = entry.summary;
    if (!settings) {
      this.channel.notice({
        severity: 'error',
        text: vscode.l10n.t('{0} was made with settings this version cannot repeat (see its sidecar).', entry.path),
        actions: [],
      });
      return;
    }
    this.channel.post({ type: 'restoreSettings', settings });
    const painted = maskPath !== undefined && isPaintedMask(maskPath);
    if (painted)
      this.channel.notice({
        severity: 'info',
        text: vscode.l10n.t('The mask painted for that edit was not kept; running it again without a mask.'),
        actions: [],
      });
    await this.deps.run(settings, sourceImages, maskPath && !painted ? { maskFile: maskPath } : {}, new SidecarRunAsker(this.deps.confirm, entry.path));
  }
}

export async function openImage(uri: vscode.Uri): Promise<void> {
  await vscode.commands.executeCommand('vscode.openWith', uri, 'imagePreview.previewEditor', { preview: false, viewColumn: vscode.ViewColumn.Beside });
}
