/**
 * Facts that several places put into words, each said once here: how long Segmind keeps a result,
 * that a job we stop waiting for may still be billed. The edges (ui/, statusBar/, commands/,
 * studio/, and the Studio webview, which bundles this) build their sentences from these. Functions, not constants: a sentence is looked up in
 * the bundle of VS Code's display language when it is said (the bundle is configured at activation).
 */
import * as l10n from '@vscode/l10n';
import type { ConfinementReason } from './confinementReason';

/** A table row whose `label` is looked up each time it is read, so it is said in the display language of that moment. */
export function withLabel<T extends object>(row: T, label: () => string): T & { readonly label: string } {
  return Object.defineProperty(row, 'label', { get: label, enumerable: true }) as T & { readonly label: string };
}

/** Segmind keeps a job's result this long after it was submitted (docs/segmind-api.md). */
export const RESULT_RETENTION_MS = 60 * 60 * 1000;

const RETENTION_HOURS = RESULT_RETENTION_MS / 3_600_000;

/** `1 hour`, for the log and error classes' own messages, which stay English. */
export const RETENTION_IN_LOGS = `${RETENTION_HOURS} hour${RETENTION_HOURS === 1 ? '' : 's'}`;

/** `1 hour`, from RESULT_RETENTION_MS, in the display language. */
export function retention(): string {
  return RETENTION_HOURS === 1 ? l10n.t('1 hour') : l10n.t('{0} hours', RETENTION_HOURS);
}

/** `Segmind keeps results for 1 hour`. */
export function resultsKept(): string {
  return l10n.t('Segmind keeps results for {0}', retention());
}

/** Said wherever we stop waiting for a job: there is no cancel endpoint. */
export function mayStillCharge(): string {
  return l10n.t('Segmind may still finish the job and charge for it');
}

/** What a message offers to do next: a button in a notification or in the Studio's notice line. */
export type ErrorAction = 'setApiKey' | 'showLog' | 'openSettings' | 'checkCredits' | 'manageTrust';

/** The button for an action, as the notifications and the Studio's notices show it. */
export function actionLabel(action: ErrorAction): string {
  switch (action) {
    case 'setApiKey':
      return l10n.t('Set API Key');
    case 'showLog':
      return l10n.t('Show Log');
    case 'openSettings':
      return l10n.t('Open Settings');
    case 'checkCredits':
      return l10n.t('Check Credits');
    case 'manageTrust':
      return l10n.t('Manage Workspace Trust');
  }
}

/** `leads outside the workspace folder.`: the end of a sentence that starts with what it is. */
export function leadsOutside(): string {
  return l10n.t('leads outside the workspace folder.');
}

/** Why a location was refused, as the end of a sentence that starts with what it is ("The path "x" …"). */
export function refusalOf(confinement: { readonly reason: ConfinementReason; readonly detail?: string }): string {
  switch (confinement.reason) {
    case 'outside':
      return leadsOutside();
    case 'git':
      return l10n.t('is inside .git, which belongs to git.');
    case 'stream':
      return l10n.t('has a ":" in a name (a drive or an alternate data stream), which is never written.');
    case 'unverifiable':
      return l10n.t('could not be checked ({0}), so nothing is written there.', confinement.detail ?? l10n.t('unknown error'));
  }
}
