/**
 * `segmind.setApiKey`: a password box, trimmed and sanity-checked, stored in SecretStorage, then
 * checked against the service in the background. A scripted call may pass the key as its argument
 * (a string, or `{ apiKey }`) and is asked nothing.
 */
import * as vscode from 'vscode';
import { executeCommand } from '../ui/contributions';
import { COMMAND_IDS } from '../base/pure/commandIds';
import { actionLabel } from '../ui/pure/errorMessages';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { CreditsMonitor } from '../credits/creditsMonitor';
import type { Logger } from '../log/logger';
import { checkApiKey } from '../domain/safety/apiKeyFormat';
import { isSegmindError } from '../domain/errors/errors';
import { formatCredits } from '../shared/format';
import { inputBox, showError, showInformation, showWarning } from '../ui/show';

export interface SetApiKeyDependencies {
  readonly keys: ApiKeyStore;
  readonly credits: CreditsMonitor;
  readonly logger: Logger;
}

export function setApiKeyCommand(deps: SetApiKeyDependencies): (arg?: unknown) => Promise<boolean> {
  return async (arg?: unknown) => {
    const scripted = keyFromArgument(arg);
    if (scripted !== undefined) {
      const check = checkApiKey(scripted);
      if (!check.ok) throw new Error(vscode.l10n.t('The API key was not saved: {0}', check.reason));
      await deps.keys.store(check.key);
      deps.logger.info(
        `API key saved in VS Code's secret storage (scripted call)${check.looksLikeSegmindKey ? '' : '; it does not look like a Segmind key (SG_…)'}.`,
      );
      return true;
    }

    const needed = reasonFromArgument(arg);
    const input = await inputBox({
      title: vscode.l10n.t('Segmind: Set API Key'),
      prompt: `${needed ? `${vscode.l10n.t('A Segmind API key is needed {0}.', needed)} ` : ''}${vscode.l10n.t("Paste your key (it starts with SG_); get one at segmind.com under API Keys. It is kept in VS Code's secret storage, never in settings or files.")}`,
      placeHolder: 'SG_…',
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => {
        const check = checkApiKey(value);
        return check.ok || value === '' ? undefined : check.reason;
      },
    });
    if (input === undefined) return false;
    const check = checkApiKey(input);
    if (!check.ok) {
      void showError(vscode.l10n.t('The API key was not saved: {0}', check.reason));
      return false;
    }
    if (!check.looksLikeSegmindKey) {
      const save = vscode.l10n.t('Save Anyway');
      const answer = await showWarning(vscode.l10n.t('This does not look like a Segmind API key (SG_ followed by hex digits).'), { modal: true }, save);
      if (answer !== save) return false;
    }
    await deps.keys.store(check.key);
    deps.logger.info("API key saved in VS Code's secret storage.");
    void verifyKey(deps);
    return true;
  };
}

/** Callers that need a key say why (`{ reason: 'to generate images' }`); the box repeats it. */
function reasonFromArgument(arg: unknown): string | undefined {
  return typeof arg === 'object' && arg !== null && 'reason' in arg && typeof arg.reason === 'string' ? arg.reason : undefined;
}

function keyFromArgument(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'object' && arg !== null && 'apiKey' in arg && typeof arg.apiKey === 'string') return arg.apiKey;
  return undefined;
}

/** Tells the user at once whether Segmind takes the key, rather than at their first generation. */
async function verifyKey(deps: SetApiKeyDependencies): Promise<void> {
  try {
    const { credits } = await deps.credits.refresh();
    void showInformation(vscode.l10n.t('Segmind API key saved. Credits: {0}.', formatCredits(credits)));
  } catch (error) {
    if (isSegmindError(error) && error.kind === 'unauthorized') {
      const again = actionLabel('setApiKey');
      const answer = await showWarning(vscode.l10n.t('The key was saved, but Segmind refused it: API key missing or invalid.'), again);
      if (answer === again) await executeCommand(COMMAND_IDS.setApiKey);
    } else {
      deps.logger.warn(`Saved the key but could not check it: ${error instanceof Error ? error.message : String(error)}`);
      void showInformation(vscode.l10n.t('Segmind API key saved.'));
    }
  }
}
