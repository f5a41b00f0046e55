/** After a reload: resume persisted jobs and tell the user what came of them. */
import * as vscode from 'vscode';
import { showWarning } from './show';
import type { JobTracker } from '../jobs/jobTracker';
import type { Logger } from '../log/logger';
import type { Notifier } from './notifier';
import { offerSavedImageActions } from './savedImageNotice';
import { resultsKept } from '../shared/wording';
import { actionLabel } from './pure/errorMessages';

export async function resumeJobsAfterReload(tracker: JobTracker, notifier: Notifier, logger: Logger, timeoutMs: number): Promise<void> {
  try {
    const { resumed, expired } = await tracker.resumePersisted(timeoutMs);
    if (expired.length > 0) {
      const ids = expired.map((record) => record.requestId).join(', ');
      const showLog = actionLabel('showLog');
      void showWarning(
        expired.length === 1
          ? vscode.l10n.t('A job expired while VS Code was closed ({0}): {1}.', resultsKept(), ids)
          : vscode.l10n.t('{0} jobs expired while VS Code was closed ({1}): {2}.', expired.length, resultsKept(), ids),
        showLog,
      ).then((answer) => answer && logger.show());
    }
    for (const job of resumed) {
      job.done.then(
        (saved) => void offerSavedImageActions([saved.uri], saved.prompt, { prefix: vscode.l10n.t('Resumed after reload and saved') }),
        (error: unknown) => void notifier.showError(error),
      );
    }
  } catch (error) {
    logger.error('Could not resume the jobs of the last session', error);
  }
}
