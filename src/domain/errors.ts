/**
 * Every failure the user must be able to tell apart is its own error kind. They carry facts, not
 * sentences for the UI: turning them into words and actions happens at the edge (src/ui).
 * Messages here are for logs and are always redacted.
 */
import { redact } from './redact';

export type SegmindErrorKind =
  | 'invalid-parameters'
  | 'missing-api-key'
  | 'unauthorized'
  | 'forbidden'
  | 'bad-request'
  | 'not-found'
  | 'job-expired'
  | 'not-acceptable'
  | 'model-retired'
  | 'job-failed'
  | 'rate-limited'
  | 'server'
  | 'unexpected-status'
  | 'network'
  | 'request-timeout'
  | 'job-timeout'
  | 'protocol'
  | 'cancelled'
  | 'configuration'
  | 'no-workspace'
  | 'unsafe-destination'
  | 'spend-limit';

export abstract class SegmindError extends Error {
  abstract readonly kind: SegmindErrorKind;

  protected constructor(message: string) {
    super(redact(message));
    this.name = new.target.name;
  }
}

export interface ParameterProblem {
  /** The option name as the user knows it (`size`, `outputFormat`, …). */
  readonly parameter: string;
  readonly message: string;
}

/** Refused before any request: the parameters do not fit the chosen model. */
export class InvalidParametersError extends SegmindError {
  readonly kind = 'invalid-parameters';
  constructor(readonly problems: readonly ParameterProblem[]) {
    super(problems.map((p) => p.message).join(' '));
  }
}

export class MissingApiKeyError extends SegmindError {
  readonly kind = 'missing-api-key';
  constructor() {
    super('No Segmind API key is set.');
  }
}

/** Base for errors that come from an HTTP answer of the service. */
export abstract class ServiceAnswerError extends SegmindError {
  /** The service's own explanation, redacted, possibly empty. */
  readonly serviceMessage: string;

  protected constructor(
    readonly status: number,
    serviceMessage: string,
    fallback: string,
  ) {
    super(serviceMessage ? `${fallback} (HTTP ${status}): ${serviceMessage}` : `${fallback} (HTTP ${status})`);
    // Shown to the user as it is, so redacted here too, whoever built the error.
    this.serviceMessage = redact(serviceMessage);
  }
}

export class UnauthorizedError extends ServiceAnswerError {
  readonly kind = 'unauthorized';
  constructor(serviceMessage: string) {
    super(401, serviceMessage, 'API key missing or invalid');
  }
}

export class ForbiddenError extends ServiceAnswerError {
  readonly kind = 'forbidden';
  constructor(serviceMessage: string) {
    super(403, serviceMessage, 'Not allowed');
  }
}

export class BadRequestError extends ServiceAnswerError {
  readonly kind = 'bad-request';
  constructor(serviceMessage: string) {
    super(400, serviceMessage, 'The service refused the parameters');
  }
}

/** 404 on a model endpoint: the model is unknown to the service. */
export class NotFoundError extends ServiceAnswerError {
  readonly kind = 'not-found';
  constructor(
    serviceMessage: string,
    readonly resource: 'model' | 'credits' | 'other' = 'model',
  ) {
    super(404, serviceMessage, 'Not found');
  }
}

/** 404 on a job: results are kept for one hour only. */
export class JobExpiredError extends ServiceAnswerError {
  readonly kind = 'job-expired';
  constructor(
    readonly requestId: string,
    serviceMessage: string,
  ) {
    super(404, serviceMessage, `Result of request ${requestId} expired (kept 1 hour)`);
  }
}

export type NotAcceptableReason = 'insufficient-credits' | 'content-type' | 'spend-limit' | 'other';

/** 406 means several things; the service's text says which. */
export class NotAcceptableError extends ServiceAnswerError {
  readonly kind = 'not-acceptable';
  readonly reason: NotAcceptableReason;
  constructor(serviceMessage: string) {
    super(406, serviceMessage, 'Request not accepted');
    this.reason = classifyNotAcceptable(serviceMessage);
  }
}

function classifyNotAcceptable(text: string): NotAcceptableReason {
  const lower = text.toLowerCase();
  if (lower.includes('credit') || lower.includes('balance')) return 'insufficient-credits';
  if (lower.includes('content type') || lower.includes('content-type')) return 'content-type';
  if (lower.includes('limit')) return 'spend-limit';
  return 'other';
}

export class ModelRetiredError extends ServiceAnswerError {
  readonly kind = 'model-retired';
  constructor(serviceMessage: string) {
    super(410, serviceMessage, 'Model retired');
  }
}

/** A v2 job that ended FAILED (including content/safety blocks). Never resubmitted automatically. */
export class JobFailedError extends ServiceAnswerError {
  readonly kind = 'job-failed';
  /** The service's reason, redacted (it is shown to the user as it is). */
  readonly reason: string;
  constructor(
    readonly requestId: string | undefined,
    reason: string,
  ) {
    super(422, reason, 'Generation failed');
    this.reason = redact(reason);
  }
}

export class RateLimitError extends ServiceAnswerError {
  readonly kind = 'rate-limited';
  constructor(
    /** How long the service asked us to wait, when it said so. */
    readonly retryAfterMs: number | undefined,
    serviceMessage: string,
  ) {
    super(429, serviceMessage, 'Rate limited');
  }
}

export class ServerError extends ServiceAnswerError {
  readonly kind = 'server';
  constructor(status: number, serviceMessage: string) {
    super(status, serviceMessage, 'Segmind server error');
  }
}

export class UnexpectedStatusError extends ServiceAnswerError {
  readonly kind = 'unexpected-status';
  constructor(status: number, serviceMessage: string) {
    super(status, serviceMessage, 'Unexpected answer');
  }
}

/**
 * The connection failed or dropped. For a submit this is ambiguous: the job may have been
 * accepted and billed, which is why submits are never retried after it.
 */
export class NetworkError extends SegmindError {
  readonly kind = 'network';
  readonly detail: string;
  constructor(detail: string, options?: { cause?: unknown }) {
    super(`Network error: ${detail}`);
    this.detail = redact(detail);
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

export class RequestTimeoutError extends SegmindError {
  readonly kind = 'request-timeout';
  constructor(
    readonly timeoutMs: number,
    readonly what: string,
  ) {
    super(`${what} got no answer within ${Math.round(timeoutMs / 1000)} s`);
  }
}

/** The whole job ran past `segmind.timeoutSeconds`. The service may still finish (and bill) it. */
export class JobTimeoutError extends SegmindError {
  readonly kind = 'job-timeout';
  constructor(
    readonly timeoutMs: number,
    readonly requestId: string | undefined,
  ) {
    super(`Gave up waiting after ${Math.round(timeoutMs / 1000)} s${requestId ? ` (request ${requestId})` : ''}`);
  }
}

/** The service answered something we cannot use; the message names what was wrong. */
export class ProtocolError extends SegmindError {
  readonly kind = 'protocol';
  constructor(readonly what: string) {
    super(`Unexpected answer from Segmind: ${what}`);
  }
}

export class CancelledError extends SegmindError {
  readonly kind = 'cancelled';
  constructor() {
    super('Cancelled');
  }
}

/** A setting that cannot be used as it is (for example a base URL that would leak the key). */
export class ConfigurationError extends SegmindError {
  readonly kind = 'configuration';
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
  }
}

/** Every concrete error, so a `switch (error.kind)` narrows and can be checked for exhaustiveness. */
export type AnySegmindError =
  | InvalidParametersError
  | MissingApiKeyError
  | UnauthorizedError
  | ForbiddenError
  | BadRequestError
  | NotFoundError
  | JobExpiredError
  | NotAcceptableError
  | ModelRetiredError
  | JobFailedError
  | RateLimitError
  | ServerError
  | UnexpectedStatusError
  | NetworkError
  | RequestTimeoutError
  | JobTimeoutError
  | ProtocolError
  | CancelledError
  | ConfigurationError
  | NoWorkspaceError
  | UnsafeDestinationError
  | SpendLimitError;

/** Images are saved into a workspace folder, so without one there is nowhere to put them. */
export class NoWorkspaceError extends SegmindError {
  readonly kind = 'no-workspace';
  constructor() {
    super('No folder is open: images are saved into the workspace folder.');
  }
}

/** A name that is never written: `.git` in any spelling, or a `:` (a drive or an NTFS stream). */
export type ForbiddenName = 'git' | 'stream';

/** Why a location is not confined to its workspace folder (workspace/confinement.ts decides). */
export type ConfinementReason = 'outside' | ForbiddenName | 'unverifiable';

/**
 * A paid image's folder failed the confinement check just before the write (turned into a link
 * while the job ran, say) and there was no safe folder to take it instead: nothing was written.
 */
export class UnsafeDestinationError extends SegmindError {
  readonly kind = 'unsafe-destination';
  constructor(
    /** Workspace-relative, as the user knows it. */
    readonly location: string,
    readonly reason: ConfinementReason,
    readonly requestId: string | undefined,
    readonly detail?: string,
  ) {
    super(`Not saved${requestId ? ` (request ${requestId})` : ''}: ${location} is no longer a safe place to write (${reason}${detail ? `: ${detail}` : ''}).`);
  }
}

/** Who spends: every way in, or the agent tool (which has a limit of its own too). */
export type Spender = 'user' | 'agent';

/** The run's estimate would take a day's spend past its limit: refused before any request. */
export class SpendLimitError extends SegmindError {
  readonly kind = 'spend-limit';
  constructor(
    readonly setting: 'segmind.dailySpendLimit' | 'segmind.agentDailySpendLimit',
    readonly limitUsd: number,
    /** Counted since local midnight: every way in for the daily limit, the agent's part for the agent's. */
    readonly spentTodayUsd: number,
    readonly estimateUsd: number,
  ) {
    super(`Refused: $${estimateUsd.toFixed(2)} more would take today's spend of $${spentTodayUsd.toFixed(2)} past ${setting} ($${limitUsd.toFixed(2)}).`);
  }
}

export function isSegmindError(value: unknown): value is AnySegmindError {
  return value instanceof SegmindError;
}
