/**
 * Shows errors as describeError puts them into sentences, with their actions wired to commands. Errors that
 * are not ours (a disk full while saving, say) get a plain message and the log.
 */
import * as vscode from 'vscode';
import { executeCommand } from './contributions';
import type { Logger } from '../log/logger';
import { isSegmindError } from '../domain/errors/errors';
import { COMMAND_IDS } from '../base/pure/commandIds';
import { actionLabel, describeError, type ErrorAction, type UserMessage } from './pure/errorMessages';
import { showError, showInformation, showWarning } from './show';

export class Notifier {
  constructor(
    private readonly logger: Logger,
    /** Best-effort balance for "insufficient credits" messages. */
    private readonly balance: () => Promise<number | undefined>,
  ) {}

  /** Words for an error, as a scripted caller gets them in the rejection. */
  async wordsFor(error: unknown): Promise<UserMessage> {
    if (!isSegmindError(error)) {
      const detail = error instanceof Error ? error.message : String(error);
      return { text: vscode.l10n.t('Something went wrong: {0}', detail), severity: 'error', actions: ['showLog'] };
    }
    const balance = error.kind === 'not-acceptable' ? await this.balance().catch(() => undefined) : undefined;
    return describeError(error, balance === undefined ? {} : { balance });
  }

  async showError(error: unknown): Promise<void> {
    if (isSegmindError(error) && error.kind === 'missing-api-key') {
      // Nothing works without a key: go straight to the box that sets it.
      this.logger.warn('No API key is set; asking for one.');
      await executeCommand(COMMAND_IDS.setApiKey, { reason: vscode.l10n.t('to use Segmind') });
      return;
    }
    const message = await this.wordsFor(error);
    this.logger.error(message.text, error);
    // Every error offers Show Log (README, "Failures"); a plain notice like "Cancelled" needs no buttons.
    const actions: readonly ErrorAction[] =
      message.severity === 'info' || message.actions.includes('showLog') ? message.actions : [...message.actions, 'showLog'];
    const labels = actions.map((action) => actionLabel(action));
    const show = message.severity === 'info' ? showInformation : message.severity === 'warning' ? showWarning : showError;
    const chosen = await show(message.text, ...labels);
    const action = actions.find((candidate) => actionLabel(candidate) === chosen);
    if (action) await this.run(action, message.setting);
  }

  private async run(action: ErrorAction, setting: string | undefined): Promise<void> {
    switch (action) {
      case 'setApiKey':
        await executeCommand(COMMAND_IDS.setApiKey);
        return;
      case 'showLog':
        this.logger.show();
        return;
      case 'checkCredits':
        await executeCommand(COMMAND_IDS.checkCredits);
        return;
      case 'openSettings':
        await vscode.commands.executeCommand('workbench.action.openSettings', setting ?? 'segmind');
        return;
      case 'manageTrust':
        await vscode.commands.executeCommand('workbench.trust.manage');
        return;
    }
  }
}
