/** Errors that come from an HTTP answer of the service: one class per answer the UI tells apart. */
import { redact } from '../safety/redact';
import { SegmindError } from './segmindError';
import { RETENTION_IN_LOGS } from '../../shared/wording';

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
    super(404, serviceMessage, `Result of request ${requestId} expired (kept ${RETENTION_IN_LOGS})`);
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

/**
 * The service does not serve the model (any more): 410, or 404 on a submit. Segmind retires models
 * and adds new ones; the message names the model and offers to switch `segmind.defaultModel`.
 */
export class ModelRetiredError extends ServiceAnswerError {
  readonly kind = 'model-retired';
  constructor(
    serviceMessage: string,
    /** The model's slug, when the call named one. */
    readonly model?: string,
    status: 404 | 410 = 410,
  ) {
    super(status, serviceMessage, model ? `Model ${model} is not served` : 'Model retired');
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
