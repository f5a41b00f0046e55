/**
 * The one place where typed errors become words and the actions offered with them. Pure, so every
 * message is unit-tested; the host only displays what this returns. `said` puts the service's own
 * words (English, as Segmind sent them) after a sentence of ours: `{0}` is `: …` or a full stop.
 */
import * as l10n from '@vscode/l10n';
import { isSegmindError, type AnySegmindError } from '../../domain/errors/errors';
import { TEXT_TO_IMAGE_MODELS } from '../../domain/generation/catalog';
import { formatCredits, formatUsd } from '../../shared/format';
import { refusalOf } from '../../shared/wording';
import { mayStillCharge, resultsKept, type ErrorAction } from '../../shared/wording';

export type { ErrorAction } from '../../shared/wording';
export { actionLabel } from '../../shared/wording';

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
      return { text: l10n.t('No Segmind API key is set. Set one to generate images.'), severity: 'warning', actions: ['setApiKey'] };
    case 'unauthorized':
      return { text: l10n.t('Segmind refused the API key: API key missing or invalid.'), severity: 'error', actions: ['setApiKey', 'showLog'] };
    case 'forbidden':
      return { text: l10n.t('Segmind does not allow this request{0}', said(error.serviceMessage)), severity: 'error', actions: ['showLog'] };
    case 'bad-request':
      return { text: l10n.t('Segmind refused the parameters{0}', said(error.serviceMessage)), severity: 'error', actions: ['showLog'] };
    case 'not-found': {
      const why = said(error.serviceMessage);
      const text = {
        model: () => l10n.t('Segmind does not know this model{0}', why),
        credits: () => l10n.t('Segmind has no credits record for this key{0}', why),
        other: () => l10n.t('Segmind could not find it{0}', why),
      }[error.resource]();
      return { text, severity: 'error', actions: ['showLog'] };
    }
    case 'job-expired':
      return { text: l10n.t('The result of request {0} expired ({1}).', error.requestId, resultsKept()), severity: 'error', actions: ['showLog'] };
    case 'not-acceptable': {
      const balance = context.balance === undefined ? '' : ` ${l10n.t('Your balance: {0} credits.', formatCredits(context.balance))}`;
      return {
        text: `${l10n.t('Segmind did not accept the request{0}', said(error.serviceMessage))}${balance}`,
        severity: 'error',
        actions: ['checkCredits', 'showLog'],
      };
    }
    case 'model-retired': {
      // A model it serves to switch to: the newest of the catalog's that is not the one refused.
      const other = [...TEXT_TO_IMAGE_MODELS].reverse().find((model) => model !== error.model) ?? TEXT_TO_IMAGE_MODELS[0];
      return {
        text: error.model
          ? l10n.t(
              'Segmind no longer serves the model {0}{1} Switch segmind.defaultModel to a model it serves (such as {2}) in the settings, then run again.',
              error.model,
              said(error.serviceMessage),
              other,
            )
          : l10n.t('This model has been retired by Segmind{0}', said(error.serviceMessage)),
        severity: 'error',
        actions: ['openSettings', 'showLog'],
        setting: 'segmind.defaultModel',
      };
    }
    case 'job-failed':
      return { text: l10n.t('Generation failed{0}', said(error.reason)), severity: 'error', actions: ['showLog'] };
    case 'rate-limited':
      return {
        text: l10n.t('Segmind is rate-limiting requests{0} Try again in a minute.', said(error.serviceMessage)),
        severity: 'warning',
        actions: ['showLog'],
      };
    case 'server':
      return { text: l10n.t('Segmind had a server error (HTTP {0}){1}', error.status, said(error.serviceMessage)), severity: 'error', actions: ['showLog'] };
    case 'unexpected-status':
      return { text: l10n.t('Segmind answered HTTP {0}{1}', error.status, said(error.serviceMessage)), severity: 'error', actions: ['showLog'] };
    case 'network':
      return { text: l10n.t('Could not reach Segmind: {0}', error.detail), severity: 'error', actions: ['showLog'] };
    case 'request-timeout':
      return { text: l10n.t('Segmind did not answer in time ({0}).', error.what), severity: 'error', actions: ['showLog'] };
    case 'job-timeout':
      return {
        text: error.requestId
          ? l10n.t('Gave up waiting after {0} s. {1} (request {2}).', Math.round(error.timeoutMs / 1000), mayStillCharge(), error.requestId)
          : l10n.t('Gave up waiting after {0} s. {1}.', Math.round(error.timeoutMs / 1000), mayStillCharge()),
        severity: 'error',
        actions: ['openSettings', 'showLog'],
        setting: 'segmind.timeoutSeconds',
      };
    case 'protocol':
      return { text: l10n.t('Segmind sent an answer this extension does not understand: {0}.', error.what), severity: 'error', actions: ['showLog'] };
    case 'cancelled':
      return { text: l10n.t('Cancelled. {0}.', mayStillCharge()), severity: 'info', actions: [] };
    case 'configuration':
      return { text: error.message, severity: 'error', actions: ['openSettings'], setting: error.setting };
    case 'no-workspace':
      return { text: l10n.t('Open a folder first: generated images are saved into the workspace.'), severity: 'warning', actions: [] };
    case 'unsafe-destination':
      return {
        text: error.requestId
          ? l10n.t(
              'The image of request {0} was not saved: {1} {2} Nothing was written; Segmind may have charged for it.',
              error.requestId,
              error.location,
              refusalOf(error),
            )
          : l10n.t('The image was not saved: {0} {1} Nothing was written; Segmind may have charged for it.', error.location, refusalOf(error)),
        severity: 'error',
        actions: ['showLog'],
      };
    case 'spend-limit':
      return {
        text: l10n.t(
          "Not sent: this run (up to {0}) would take today's spend of {1} past your limit of {2} ({3}). Raise the limit in the settings, or wait until midnight.",
          formatUsd(error.estimateUsd),
          formatUsd(error.spentTodayUsd),
          formatUsd(error.limitUsd),
          error.setting,
        ),
        severity: 'warning',
        actions: ['openSettings'],
        setting: error.setting,
      };
    case 'spend-ledger-busy':
      return {
        text: l10n.t("Not sent: today's spend could not be checked, because another VS Code window kept the spend ledger busy. Try again in a moment."),
        severity: 'warning',
        actions: ['showLog'],
      };
    case 'untrusted-workspace':
      return {
        text: l10n.t(
          'Not sent: this workspace is in Restricted Mode, and this would spend money on what its files ask for. Trust the workspace to allow it; free placeholders work without trust.',
        ),
        severity: 'warning',
        actions: ['manageTrust'],
      };
  }
}

/** A job's failure (its typed error, or anything else that went wrong) in a line of words. */
export function failureWords(failure: unknown): string {
  if (isSegmindError(failure)) return describeError(failure).text;
  return failure instanceof Error ? failure.message : String(failure);
}
