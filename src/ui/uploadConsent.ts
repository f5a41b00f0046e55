/**
 * Editing sends the user's own files to Segmind storage (the edit models fetch their inputs by URL),
 * so the first interactive edit says so in a modal and lets them decline. "Upload and Edit" is
 * remembered for good; declining cancels only this edit and the question comes back next time, so a
 * cautious first answer never locks the feature away. A scripted call is its own consent
 * (src/flow/scriptedAsker.ts).
 */
import * as vscode from 'vscode';
import type { Logger } from '../log/logger';
import { hostOf } from '../shared/format';
import { showInformation } from './show';

const CONSENT_KEY = 'segmind.editUploadConsent';

interface StoredConsent {
  readonly acceptedAt: string;
}

export class UploadConsent {
  constructor(
    private readonly memento: vscode.Memento,
    private readonly logger: Logger,
  ) {}

  get accepted(): boolean {
    return this.memento.get<StoredConsent>(CONSENT_KEY) !== undefined;
  }

  /** True to go ahead. Asks only until the user has once chosen "Upload and Edit". */
  async confirm(paths: readonly string[], uploadBaseUrl: string): Promise<boolean> {
    if (this.accepted) return true;
    const accept = vscode.l10n.t('Upload and Edit');
    const host = hostOf(uploadBaseUrl);
    const sent =
      paths.length === 1
        ? vscode.l10n.t('{0} will be sent to {1} and stored by Segmind, so the model can fetch it by URL.', paths[0] ?? '', host)
        : vscode.l10n.t(
            'These {0} files ({1}) will be sent to {2} and stored by Segmind, so the model can fetch them by URL.',
            paths.length,
            paths.join(', '),
            host,
          );
    const choice = await showInformation(
      vscode.l10n.t('Editing uploads your image to Segmind storage.'),
      {
        modal: true,
        detail: `${sent} ${vscode.l10n.t('The original files are never changed. You will not be asked again once you choose "{0}".', accept)}`,
      },
      accept,
    );
    if (choice !== accept) return false;
    await this.memento.update(CONSENT_KEY, { acceptedAt: new Date().toISOString() } satisfies StoredConsent);
    this.logger.info('The user agreed that edits upload their images to Segmind storage (remembered).');
    return true;
  }
}
