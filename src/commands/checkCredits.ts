/** `segmind.checkCredits`: shows the balance and free credits; resolves to them for scripted callers. */
import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { CreditsMonitor } from '../credits/creditsMonitor';
import type { Credits } from '../segmind/client';
import type { Notifier } from '../ui/notifier';
import { formatCredits } from '../shared/format';
import { showInformation, withProgress } from '../ui/show';

export function checkCreditsCommand(credits: CreditsMonitor, keys: ApiKeyStore, notifier: Notifier): () => Promise<Credits | undefined> {
  return async () => {
    try {
      const balance = await withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking Segmind credits') }, () =>
        credits.refresh(),
      );
      const free = balance.freeCredits === undefined ? '' : ` · ${vscode.l10n.t('free credits: {0}', formatCredits(balance.freeCredits))}`;
      const source = (await keys.get())?.source === 'environment' ? ` ${vscode.l10n.t('(key from SEGMIND_API_KEY)')}` : '';
      void showInformation(`${vscode.l10n.t('Segmind credits: {0}', formatCredits(balance.credits))}${free}${source}`);
      return balance;
    } catch (error) {
      void notifier.showError(error);
      return undefined;
    }
  };
}
