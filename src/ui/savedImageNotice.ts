/** The notification after images are saved: Reveal in Explorer / Copy Markdown Link / Open Studio / Export Icon Set. */
import * as vscode from 'vscode';
import { executeCommand } from './contributions';
import { COMMAND_IDS } from '../base/pure/commandIds';
import { altText, imageLink } from '../domain/references/links';
import { showInformation, showWarning } from './show';

export interface SavedNoticeWording {
  /** Before the file names; default "Saved". */
  readonly prefix?: string;
  /** After the file names, e.g. "(edited from logo.png; the original is unchanged)". */
  readonly suffix?: string;
}

export async function offerSavedImageActions(uris: readonly vscode.Uri[], prompt: string, wording: SavedNoticeWording = {}): Promise<void> {
  const names = uris.map((uri) => vscode.workspace.asRelativePath(uri));
  const reveal = vscode.l10n.t('Reveal in Explorer');
  const copy = vscode.l10n.t('Copy Markdown Link');
  const studio = vscode.l10n.t('Open Studio');
  const icons = vscode.l10n.t('Export Icon Set');
  const message = `${wording.prefix ?? vscode.l10n.t('Saved')} ${names.join(', ')}${wording.suffix ? ` ${wording.suffix}` : ''}`;
  const choice = await showInformation(message, reveal, copy, studio, icons);
  if (choice === icons) {
    await executeCommand(COMMAND_IDS.exportIconSet, uris[0]);
  } else if (choice === studio) {
    await executeCommand(COMMAND_IDS.openStudio);
  } else if (choice === reveal) {
    for (const uri of uris) await vscode.commands.executeCommand('revealInExplorer', uri);
  } else if (choice === copy) {
    await vscode.env.clipboard.writeText(names.map((name) => imageLink('markdown', name, altText(prompt))).join('\n'));
  }
}

/** What the saving step found worth saying (no real transparency, an image kept as it came), one warning each. */
export function showSaveWarnings(saved: readonly { readonly warnings: readonly string[] }[]): void {
  for (const warning of saved.flatMap((image) => image.warnings)) void showWarning(warning);
}
