/**
 * When to try a request again, and after how long. Pure: the caller supplies the clock's "now" and
 * the random source, so tests decide both.
 *
 * The rule that matters most: a submit is not idempotent (every accepted POST is a new billed job),
 * so it is retried only when the service *answered* 429 or 5xx — proof that no job was created.
 * After a timeout or a dropped connection its outcome is unknown, and we never resubmit.
 */
import type { AnySegmindError } from '../domain/errors/errors';

export type RequestSafety = 'idempotent' | 'submit';

export interface RetryPolicy {
  /** Total attempts including the first. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A Retry-After longer than this is not waited for inside one call; the caller decides. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
};

export type RetryDecision = { readonly retry: true; readonly delayMs: number } | { readonly retry: false };

export function decideRetry(error: AnySegmindError, attempt: number, safety: RequestSafety, policy: RetryPolicy, random: () => number): RetryDecision {
  if (attempt >= policy.maxAttempts) return { retry: false };
  const backoff = backoffDelay(attempt, policy, random);
  switch (error.kind) {
    case 'rate-limited': {
      const asked = error.retryAfterMs;
      if (asked !== undefined && asked > policy.maxRetryAfterMs) return { retry: false };
      return { retry: true, delayMs: Math.max(asked ?? 0, backoff) };
    }
    case 'server':
      return { retry: true, delayMs: backoff };
    case 'network':
    case 'request-timeout':
      return safety === 'idempotent' ? { retry: true, delayMs: backoff } : { retry: false };
    default:
      return { retry: false };
  }
}

/** Exponential backoff with "equal jitter": half fixed, half random, so retries spread out. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}

/**
 * Reads how long the service wants us to wait, from `Retry-After` (seconds or an HTTP date) or
 * `x-rate-limit-reset-at-utc` (an ISO date or epoch seconds; its exact form is a guess).
 */
export function retryAfterMs(headers: Readonly<Record<string, string | undefined>>, nowMs: number): number | undefined {
  const retryAfter = headers['retry-after']?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.round(Number(retryAfter) * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - nowMs);
  }
  const resetAt = headers['x-rate-limit-reset-at-utc']?.trim();
  if (resetAt) {
    let at: number;
    if (/^\d+(\.\d+)?$/.test(resetAt)) {
      const n = Number(resetAt);
      at = n > 1e12 ? n : n * 1000;
    } else {
      // An ISO time without a zone is meant as UTC, as the header's name says.
      at = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(resetAt) ? resetAt : `${resetAt}Z`);
    }
    if (!Number.isNaN(at)) return Math.max(0, at - nowMs);
  }
  return undefined;
}
