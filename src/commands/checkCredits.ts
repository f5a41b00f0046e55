/** `segmind.checkCredits`: shows the balance and free credits; resolves to them for scripted callers. */
import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { ClientFactory } from '../config/clientFactory';
import type { Credits } from '../segmind/client';
import type { Notifier } from '../ui/notifier';
import { formatCredits } from '../ui/errorMessages';

export function checkCreditsCommand(clients: ClientFactory, keys: ApiKeyStore, notifier: Notifier): () => Promise<Credits | undefined> {
  return async () => {
    try {
      const credits = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Checking Segmind credits' },
        () => clients.create().credits(),
      );
      const free = credits.freeCredits === undefined ? '' : ` · free credits: ${formatCredits(credits.freeCredits)}`;
      const source = (await keys.get())?.source === 'environment' ? ' (key from SEGMIND_API_KEY)' : '';
      void vscode.window.showInformationMessage(`Segmind credits: ${formatCredits(credits.credits)}${free}${source}`);
      return credits;
    } catch (error) {
      void notifier.showError(error);
      return undefined;
    }
  };
}
