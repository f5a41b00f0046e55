/**
 * `segmind.exportIconSet`: the Explorer menu and the image preview's title pass the image; the
 * palette asks for one; the saved-image notification passes the new file; a scripted call passes
 * `{ image, folder? }` and gets the written Uris. Local only: no request, no key.
 */
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../base/pure/commandIds';
import type { Logger } from '../log/logger';
import { isCommandOptions } from '../domain/generation/options';
import { exportIconSet, ICON_LINK_TAGS, type IconSetRequest } from '../flow/iconSetExport';
import type { Notifier } from '../ui/notifier';
import { pickWorkspaceImages } from './paletteAsker';
import { scriptedRejection } from './scripted';
import { showInformation } from '../ui/show';

export interface ExportIconSetDependencies {
  readonly notifier: Notifier;
  readonly logger: Logger;
  readonly outputFolderOf: (workspaceFolder: vscode.Uri) => string;
}

export function exportIconSetCommand(deps: ExportIconSetDependencies): (arg?: unknown) => Promise<vscode.Uri[] | undefined> {
  return async (arg?: unknown) => {
    if (isCommandOptions(arg)) {
      try {
        const request: IconSetRequest = { image: arg['image'], ...(arg['folder'] === undefined ? {} : { folder: arg['folder'] }) };
        return [...(await exportIconSet(request, deps.outputFolderOf)).files];
      } catch (error) {
        throw await scriptedRejection(COMMAND_IDS.exportIconSet, error, deps.notifier, deps.logger);
      }
    }
    try {
      const image =
        arg instanceof vscode.Uri
          ? arg
          : (
              await pickWorkspaceImages({
                title: vscode.l10n.t('Segmind: Export Icon Set — choose the image'),
                placeHolder: vscode.l10n.t('A square image works best; others are fitted whole'),
                many: false,
              })
            )?.[0];
      if (!image) return undefined;
      const written = await exportIconSet({ image }, deps.outputFolderOf);
      deps.logger.info(
        `Wrote the icon set of ${vscode.workspace.asRelativePath(image)}: ${written.files.map((uri) => vscode.workspace.asRelativePath(uri)).join(', ')}.`,
      );
      void offerIconSetActions(written.folder, written.files.length);
      return [...written.files];
    } catch (error) {
      void deps.notifier.showError(error);
      return undefined;
    }
  };
}

async function offerIconSetActions(folder: vscode.Uri, count: number): Promise<void> {
  const copy = vscode.l10n.t('Copy <link> Tags');
  const reveal = vscode.l10n.t('Reveal in Explorer');
  const choice = await showInformation(
    vscode.l10n.t('Wrote {0} icon files to {1}/ (no request was sent).', count, vscode.workspace.asRelativePath(folder)),
    copy,
    reveal,
  );
  if (choice === copy) await vscode.env.clipboard.writeText(ICON_LINK_TAGS);
  else if (choice === reveal) await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.joinPath(folder, 'favicon.ico'));
}
