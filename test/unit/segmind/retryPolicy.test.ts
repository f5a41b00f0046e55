import * as assert from 'node:assert/strict';
import {
  BadRequestError,
  JobExpiredError,
  NetworkError,
  RateLimitError,
  RequestTimeoutError,
  ServerError,
  UnauthorizedError,
  type AnySegmindError,
} from '../../../src/domain/errors/errors';
import { DEFAULT_RETRY_POLICY, backoffDelay, decideRetry, retryAfterMs, type RetryPolicy } from '../../../src/segmind/retryPolicy';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 30_000 };
const half = (): number => 0.5;
const NOW = Date.parse('2025-01-01T12:00:00Z');

describe('retryPolicy', () => {
  describe('decideRetry', () => {
    const transient: Array<[string, AnySegmindError]> = [
      ['429', new RateLimitError(undefined, 'slow down')],
      ['500', new ServerError(500, 'oops')],
      ['502', new ServerError(502, '')],
      ['503', new ServerError(503, 'busy')],
      ['network', new NetworkError('ECONNRESET')],
      ['timeout', new RequestTimeoutError(30_000, 'status')],
    ];
    for (const [name, error] of transient) {
      it(`retries an idempotent GET after ${name}`, () => {
        const decision = decideRetry(error, 1, 'idempotent', policy, half);
        assert.equal(decision.retry, true);
        assert.ok(decision.retry && decision.delayMs > 0);
      });
    }

    it('retries a submit after a 429 or 5xx answer', () => {
      assert.equal(decideRetry(new RateLimitError(undefined, ''), 1, 'submit', policy, half).retry, true);
      assert.equal(decideRetry(new ServerError(503, ''), 1, 'submit', policy, half).retry, true);
      assert.equal(decideRetry(new ServerError(500, ''), 3, 'submit', policy, half).retry, true);
    });

    it('never retries a submit after a network error or a timeout (the outcome is unknown)', () => {
      for (let attempt = 1; attempt <= 3; attempt++) {
        assert.deepEqual(decideRetry(new NetworkError('socket hang up'), attempt, 'submit', policy, half), { retry: false });
        assert.deepEqual(decideRetry(new RequestTimeoutError(100, 'submit'), attempt, 'submit', policy, half), { retry: false });
      }
    });

    it('never retries answers that will not change', () => {
      for (const error of [new BadRequestError('bad'), new UnauthorizedError(''), new JobExpiredError('abc', '')] as AnySegmindError[]) {
        assert.deepEqual(decideRetry(error, 1, 'idempotent', policy, half), { retry: false });
      }
    });

    it('stops at maxAttempts (attempts count the first one)', () => {
      const error = new ServerError(500, '');
      assert.equal(decideRetry(error, 3, 'idempotent', policy, half).retry, true);
      assert.deepEqual(decideRetry(error, 4, 'idempotent', policy, half), { retry: false });
      assert.deepEqual(decideRetry(error, 1, 'idempotent', { ...policy, maxAttempts: 1 }, half), { retry: false });
    });

    it('waits at least what Retry-After asked, and gives up when it asked too long', () => {
      const asked = decideRetry(new RateLimitError(7_000, ''), 1, 'idempotent', policy, half);
      assert.deepEqual(asked, { retry: true, delayMs: 7_000 });
      const short = decideRetry(new RateLimitError(10, ''), 1, 'idempotent', policy, half);
      assert.ok(short.retry && short.delayMs === backoffDelay(1, policy, half));
      assert.deepEqual(decideRetry(new RateLimitError(30_001, ''), 1, 'idempotent', policy, half), { retry: false });
      assert.equal(decideRetry(new RateLimitError(30_000, ''), 1, 'idempotent', policy, half).retry, true);
    });

    it('has sane defaults', () => {
      assert.ok(DEFAULT_RETRY_POLICY.maxAttempts >= 2);
      assert.ok(DEFAULT_RETRY_POLICY.baseDelayMs <= DEFAULT_RETRY_POLICY.maxDelayMs);
    });
  });

  describe('backoffDelay', () => {
    it('grows exponentially and stays within [exp/2, exp] (equal jitter)', () => {
      for (let attempt = 1; attempt <= 8; attempt++) {
        const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
        assert.equal(
          backoffDelay(attempt, policy, () => 0),
          exp / 2,
        );
        assert.equal(
          backoffDelay(attempt, policy, () => 1),
          exp,
        );
        const mid = backoffDelay(attempt, policy, half);
        assert.ok(mid >= exp / 2 && mid <= exp, `attempt ${attempt}: ${mid}`);
      }
      assert.equal(
        backoffDelay(1, policy, () => 1),
        500,
      );
      assert.equal(
        backoffDelay(2, policy, () => 1),
        1_000,
      );
      assert.equal(
        backoffDelay(3, policy, () => 1),
        2_000,
      );
    });
    it('is capped at maxDelayMs', () => {
      assert.equal(
        backoffDelay(30, policy, () => 1),
        policy.maxDelayMs,
      );
      assert.ok(backoffDelay(30, policy, () => 0.999) <= policy.maxDelayMs);
    });
    it('spreads with the random source', () => {
      const seen = new Set([0, 0.25, 0.5, 0.75, 1].map((r) => backoffDelay(3, policy, () => r)));
      assert.equal(seen.size, 5);
    });
  });

  describe('retryAfterMs', () => {
    it('reads Retry-After in seconds', () => {
      assert.equal(retryAfterMs({ 'retry-after': '5' }, NOW), 5_000);
      assert.equal(retryAfterMs({ 'retry-after': ' 0 ' }, NOW), 0);
      assert.equal(retryAfterMs({ 'retry-after': '1.5' }, NOW), 1_500);
    });
    it('reads Retry-After as an HTTP date', () => {
      const at = new Date(NOW + 12_000).toUTCString();
      assert.equal(retryAfterMs({ 'retry-after': at }, NOW), 12_000);
      assert.equal(retryAfterMs({ 'retry-after': new Date(NOW - 5_000).toUTCString() }, NOW), 0);
    });
    it('reads x-rate-limit-reset-at-utc as an ISO time, with or without zone', () => {
      assert.equal(retryAfterMs({ 'x-rate-limit-reset-at-utc': new Date(NOW + 20_000).toISOString() }, NOW), 20_000);
      assert.equal(retryAfterMs({ 'x-rate-limit-reset-at-utc': '2025-01-01T12:00:30' }, NOW), 30_000);
      assert.equal(retryAfterMs({ 'x-rate-limit-reset-at-utc': '2025-01-01T13:00:30+01:00' }, NOW), 30_000);
    });
    it('reads x-rate-limit-reset-at-utc as epoch seconds or milliseconds', () => {
      assert.equal(retryAfterMs({ 'x-rate-limit-reset-at-utc': String(NOW / 1000 + 9) }, NOW), 9_000);
      assert.equal(retryAfterMs({ 'x-rate-limit-reset-at-utc': String(NOW + 4_000) }, NOW), 4_000);
      assert.equal(retryAfterMs({ 'x-rate-limit-reset-at-utc': String(NOW / 1000 - 60) }, NOW), 0);
    });
    it('prefers Retry-After, and falls back when it is unreadable', () => {
      assert.equal(retryAfterMs({ 'retry-after': '2', 'x-rate-limit-reset-at-utc': String(NOW / 1000 + 9) }, NOW), 2_000);
      assert.equal(retryAfterMs({ 'retry-after': 'soon', 'x-rate-limit-reset-at-utc': String(NOW / 1000 + 9) }, NOW), 9_000);
    });
    it('is undefined when nothing usable was said', () => {
      assert.equal(retryAfterMs({}, NOW), undefined);
      assert.equal(retryAfterMs({ 'retry-after': '' }, NOW), undefined);
      assert.equal(retryAfterMs({ 'retry-after': 'later' }, NOW), undefined);
      assert.equal(retryAfterMs({ 'x-rate-limit-reset-at-utc': 'whenever' }, NOW), undefined);
    });
  });
});
