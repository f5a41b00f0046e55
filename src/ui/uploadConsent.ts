/**
 * Editing sends the user's own files to Segmind storage (the edit models fetch their inputs by URL),
 * so the first interactive edit says so in a modal and lets them decline. "Upload and Edit" is
 * remembered for good; declining cancels only this edit and the question comes back next time, so a
 * cautious first answer never locks the feature away. A scripted call is its own consent
 * (src/flow/scriptedAsker.ts).
 */
import * as vscode from 'vscode';
import type { Logger } from '../log/logger';
import { hostOf } from '../domain/format';

const CONSENT_KEY = 'segmind.editUploadConsent';
const ACCEPT = 'Upload and Edit';

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
    const files = paths.length === 1 ? (paths[0] ?? 'The image') : `These ${paths.length} files (${paths.join(', ')})`;
    const choice = await vscode.window.showInformationMessage(
      'Editing uploads your image to Segmind storage.',
      {
        modal: true,
        detail:
          `${files} will be sent to ${hostOf(uploadBaseUrl)} and stored by Segmind, so the model can fetch ${paths.length === 1 ? 'it' : 'them'} by URL. ` +
          'The original files are never changed. You will not be asked again once you choose "Upload and Edit".',
      },
      ACCEPT,
    );
    if (choice !== ACCEPT) return false;
    await this.memento.update(CONSENT_KEY, { acceptedAt: new Date().toISOString() } satisfies StoredConsent);
    this.logger.info('The user agreed that edits upload their images to Segmind storage (remembered).');
    return true;
  }
}
