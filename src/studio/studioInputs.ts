/** The Studio's edit inputs: picked or dropped images, each checked (inside the workspace, really an image) and sent with a preview. */
import * as vscode from 'vscode';
import { toDataUrl } from '../domain/images/dataUrl';
import { isInside } from '../domain/safety/workspacePath';
import type { InputView } from '../protocol/studioProtocol';
import { readEditInputs, resolveEditInputs } from '../workspace/editInputReader';
import { studioOutputFolders } from './gallery';
import type { StudioChannel } from './studioChannel';

/** Inputs outside the output folder are previewed as data: URLs; bigger ones get no preview. */
const MAX_PREVIEW_BYTES = 8 * 1024 * 1024;

export class StudioInputs {
  constructor(
    private readonly channel: StudioChannel,
    private readonly webview: vscode.Webview,
  ) {}

  async pick(): Promise<void> {
    const picked = await vscode.window.showOpenDialog({
      title: vscode.l10n.t('Image Studio: images to edit'),
      openLabel: vscode.l10n.t('Add to Edit'),
      canSelectMany: true,
      filters: { Images: ['png', 'jpg', 'jpeg', 'webp', 'PNG', 'JPG', 'JPEG', 'WEBP'] },
      ...(vscode.workspace.workspaceFolders?.[0] ? { defaultUri: vscode.workspace.workspaceFolders[0].uri } : {}),
    });
    if (picked && picked.length > 0) await this.add(picked);
  }

  async add(uris: readonly vscode.Uri[]): Promise<void> {
    const views: InputView[] = [];
    const problems: string[] = [];
    for (const uri of uris) {
      try {
        const resolved = await resolveEditInputs([uri]);
        const [image] = (await readEditInputs(resolved.images)).images;
        const [ref] = resolved.images;
        if (!image || !ref) continue;
        views.push({
          uri: ref.uri.toString(),
          path: ref.path,
          ...this.previewOf(ref.uri, image.bytes, image.format),
          ...(image.pixelSize ? { width: image.pixelSize.width, height: image.pixelSize.height } : {}),
        });
      } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
      }
    }
    if (views.length > 0) this.channel.post({ type: 'inputsAdded', inputs: views });
    if (problems.length > 0) this.channel.notice({ severity: 'error', text: problems.join(' '), actions: [] });
  }

  private previewOf(uri: vscode.Uri, bytes: Uint8Array, format: Parameters<typeof toDataUrl>[1]): { src?: string } {
    if (studioOutputFolders().some((folder) => folder.scheme === uri.scheme && isInside(folder.path, uri.path))) {
      return { src: this.webview.asWebviewUri(uri).toString() };
    }
    // Outside the local resource roots: a data: URL (the mask painter needs the image itself).
    return bytes.length <= MAX_PREVIEW_BYTES ? { src: toDataUrl(bytes, format) } : {};
  }
}
