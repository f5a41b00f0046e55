/** The notification after images are saved: Reveal in Explorer / Copy Markdown Link. */
import * as vscode from 'vscode';
import { altText, imageLink } from '../output/links';

export async function offerSavedImageActions(uris: readonly vscode.Uri[], prompt: string, prefix = 'Saved'): Promise<void> {
  const names = uris.map((uri) => vscode.workspace.asRelativePath(uri));
  const reveal = 'Reveal in Explorer';
  const copy = 'Copy Markdown Link';
  const choice = await vscode.window.showInformationMessage(`${prefix} ${names.join(', ')}`, reveal, copy);
  if (choice === reveal) {
    for (const uri of uris) await vscode.commands.executeCommand('revealInExplorer', uri);
  } else if (choice === copy) {
    await vscode.env.clipboard.writeText(names.map((name) => imageLink('markdown', name, altText(prompt))).join('\n'));
  }
}
