/**
 * Every failure the user must be able to tell apart is its own error kind. They carry facts, not
 * sentences for the UI: turning them into words and actions happens at the edge (src/ui).
 * Messages here are for logs and are always redacted.
 */
import type { ConfinementReason } from '../../shared/confinementReason';
import { redact } from '../safety/redact';
import { SegmindError } from './segmindError';
import type {
  BadRequestError,
  ForbiddenError,
  JobExpiredError,
  JobFailedError,
  ModelRetiredError,
  NotAcceptableError,
  NotFoundError,
  RateLimitError,
  ServerError,
  UnauthorizedError,
  UnexpectedStatusError,
} from './serviceErrors';

export * from './segmindError';
export * from './serviceErrors';

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

/** A schema's issues (zod's) as the typed error, one problem per parameter; `words` says each one (a user's sentence, or an agent's English). */
export function invalidParametersOf(
  issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[],
  whole: string,
  words: (parameter: string | undefined, message: string) => string,
): InvalidParametersError {
  return new InvalidParametersError(
    issues.map((issue) => {
      const parameter = issue.path.map(String).join('.') || undefined;
      return { parameter: parameter ?? whole, message: words(parameter, issue.message) };
    }),
  );
}

export class MissingApiKeyError extends SegmindError {
  readonly kind = 'missing-api-key';
  constructor() {
    super('No Segmind API key is set.');
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
  | SpendLimitError
  | SpendLedgerBusyError
  | UntrustedWorkspaceError;

/** Images are saved into a workspace folder, so without one there is nowhere to put them. */
export class NoWorkspaceError extends SegmindError {
  readonly kind = 'no-workspace';
  constructor() {
    super('No folder is open: images are saved into the workspace folder.');
  }
}

export type { ConfinementReason, ForbiddenName } from '../../shared/confinementReason';

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

/** Who spends: every entry point, or the agent tool (which has a limit of its own too). */
export type Spender = 'user' | 'agent';

/** The run's estimate would take a day's spend past its limit: refused before any request. */
export class SpendLimitError extends SegmindError {
  readonly kind = 'spend-limit';
  constructor(
    readonly setting: 'segmind.dailySpendLimit' | 'segmind.agentDailySpendLimit',
    readonly limitUsd: number,
    /** Counted since local midnight: every entry point for the daily limit, the agent's part for the agent's. */
    readonly spentTodayUsd: number,
    readonly estimateUsd: number,
  ) {
    super(`Refused: $${estimateUsd.toFixed(2)} more would take today's spend of $${spentTodayUsd.toFixed(2)} past ${setting} ($${limitUsd.toFixed(2)}).`);
  }
}

export function isSegmindError(value: unknown): value is AnySegmindError {
  return value instanceof SegmindError;
}

/** Today's spend could not be read under its lock in time (another window kept it): refused rather than counted blind. */
export class SpendLedgerBusyError extends SegmindError {
  readonly kind = 'spend-ledger-busy';
  constructor(readonly file: string) {
    super(`The spend ledger ${file} stayed locked by another window: today's spend could not be checked, so nothing was sent.`);
  }
}

/**
 * Restricted Mode: a paid run whose prompt or parameters come from the workspace's files (a quick
 * fix, a fill, a sidecar, a placeholder's render) or from an agent waits until the workspace is
 * trusted. Nothing was sent.
 */
export class UntrustedWorkspaceError extends SegmindError {
  readonly kind = 'untrusted-workspace';
  constructor(
    /** What was refused, in the log's words (`Fill Missing Images in generate mode`). */
    readonly what: string,
  ) {
    super(`Refused in Restricted Mode: ${what} spends money on what the workspace's files say; trust the workspace first. Nothing was sent.`);
  }
}
