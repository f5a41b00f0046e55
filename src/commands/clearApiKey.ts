/** `segmind.clearApiKey`: removes the key from SecretStorage (the environment variable stays). */
import * as vscode from 'vscode';
import { ENVIRONMENT_VARIABLE, type ApiKeyStore } from '../auth/apiKeyStore';
import type { CreditsMonitor } from '../credits/creditsMonitor';
import type { Logger } from '../log/logger';
import { showInformation } from '../ui/show';

export function clearApiKeyCommand(keys: ApiKeyStore, credits: CreditsMonitor, logger: Logger): () => Promise<void> {
  return async () => {
    await keys.clear();
    credits.clear();
    logger.info("API key removed from VS Code's secret storage.");
    const note = keys.hasEnvironmentKey() ? ` ${vscode.l10n.t('The {0} environment variable is still set and will be used.', ENVIRONMENT_VARIABLE)}` : '';
    void showInformation(`${vscode.l10n.t('Segmind API key cleared.')}${note}`);
  };
}
