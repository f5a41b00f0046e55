/**
 * The one place where typed errors become words and the actions offered with them. Pure, so every
 * message is unit-tested; the host only displays what this returns.
 */
import { isSegmindError, type AnySegmindError } from '../domain/errors';
import { formatCredits, formatUsd } from '../domain/format';
import { refusalOf } from '../workspace/confinement';
import { MAY_STILL_CHARGE, OPEN_A_FOLDER, RESULTS_KEPT } from '../domain/wording';

export type ErrorAction = 'setApiKey' | 'showLog' | 'openSettings' | 'checkCredits';

export interface UserMessage {
  readonly text: string;
  readonly severity: 'error' | 'warning' | 'info';
  /** Offered as buttons, most useful first. Every error also offers Show Log. */
  readonly actions: readonly ErrorAction[];
  /** For 'openSettings': which setting. */
  readonly setting?: string;
}

export function describeError(error: AnySegmindError, context: { balance?: number } = {}): UserMessage {
  const said = (message: string): string => (message ? `: ${message}` : '.');
  switch (error.kind) {
    case 'invalid-parameters':
      return { text: error.message, severity: 'error', actions: ['showLog'] };
    case 'missing-api-key':
      return { text: 'No Segmind API key is set. Set one to generate images.', severity: 'warning', actions: ['setApiKey'] };
    case 'unauthorized':
      return { text: 'Segmind refused the API key: API key missing or invalid.', severity: 'error', actions: ['setApiKey', 'showLog'] };
    case 'forbidden':
      return { text: `Segmind does not allow this request${said(error.serviceMessage)}`, severity: 'error', actions: ['showLog'] };
    case 'bad-request':
      return { text: `Segmind refused the parameters${said(error.serviceMessage)}`, severity: 'error', actions: ['showLog'] };
    case 'not-found': {
      const what = { model: 'Segmind does not know this model', credits: 'Segmind has no credits record for this key', other: 'Segmind could not find it' }[
        error.resource
      ];
      return { text: `${what}${said(error.serviceMessage)}`, severity: 'error', actions: ['showLog'] };
    }
    case 'job-expired':
      return { text: `The result of request ${error.requestId} expired (${RESULTS_KEPT}).`, severity: 'error', actions: ['showLog'] };
    case 'not-acceptable': {
      const balance = context.balance === undefined ? '' : ` Your balance: ${formatCredits(context.balance)} credits.`;
      return { text: `Segmind did not accept the request${said(error.serviceMessage)}${balance}`, severity: 'error', actions: ['checkCredits', 'showLog'] };
    }
    case 'model-retired':
      return {
        text: `This model has been retired by Segmind${said(error.serviceMessage)}`,
        severity: 'error',
        actions: ['openSettings', 'showLog'],
        setting: 'segmind.defaultModel',
      };
    case 'job-failed':
      return { text: `Generation failed${said(error.reason)}`, severity: 'error', actions: ['showLog'] };
    case 'rate-limited':
      return { text: `Segmind is rate-limiting requests${said(error.serviceMessage)} Try again in a minute.`, severity: 'warning', actions: ['showLog'] };
    case 'server':
      return { text: `Segmind had a server error (HTTP ${error.status})${said(error.serviceMessage)}`, severity: 'error', actions: ['showLog'] };
    case 'unexpected-status':
      return { text: `Segmind answered HTTP ${error.status}${said(error.serviceMessage)}`, severity: 'error', actions: ['showLog'] };
    case 'network':
      return { text: `Could not reach Segmind: ${error.detail}`, severity: 'error', actions: ['showLog'] };
    case 'request-timeout':
      return { text: `Segmind did not answer in time (${error.what}).`, severity: 'error', actions: ['showLog'] };
    case 'job-timeout':
      return {
        text: `Gave up waiting after ${Math.round(error.timeoutMs / 1000)} s. ${MAY_STILL_CHARGE}${error.requestId ? ` (request ${error.requestId})` : ''}.`,
        severity: 'error',
        actions: ['openSettings', 'showLog'],
        setting: 'segmind.timeoutSeconds',
      };
    case 'protocol':
      return { text: `Segmind sent an answer this extension does not understand: ${error.what}.`, severity: 'error', actions: ['showLog'] };
    case 'cancelled':
      return { text: `Cancelled. ${MAY_STILL_CHARGE}.`, severity: 'info', actions: [] };
    case 'configuration':
      return { text: error.message, severity: 'error', actions: ['openSettings'], setting: error.setting };
    case 'no-workspace':
      return { text: `${OPEN_A_FOLDER}: generated images are saved into the workspace.`, severity: 'warning', actions: [] };
    case 'unsafe-destination':
      return {
        text: `The image${error.requestId ? ` of request ${error.requestId}` : ''} was not saved: ${error.location} ${refusalOf(error)} Nothing was written; Segmind may have charged for it.`,
        severity: 'error',
        actions: ['showLog'],
      };
    case 'spend-limit':
      return {
        text: `Not sent: this run (about ${formatUsd(error.estimateUsd)}) would take today's spend of ${formatUsd(error.spentTodayUsd)} past your limit of ${formatUsd(error.limitUsd)} (${error.setting}). Raise the limit in the settings, or wait until midnight.`,
        severity: 'warning',
        actions: ['openSettings'],
        setting: error.setting,
      };
  }
}

/** A job's failure (its typed error, or anything else that went wrong) in a line of words. */
export function failureWords(failure: unknown): string {
  if (isSegmindError(failure)) return describeError(failure).text;
  return failure instanceof Error ? failure.message : String(failure);
}
