// A virtual clock for unit tests: `sleep` resolves at once (after a microtask hop) while moving
// virtual time forward, so retries, backoff and polling run in milliseconds. Pass `clock.now` to
// the fake server's `options.now` so jobs, expiry and the rate limit follow the same time.
import type { Clock } from '../../../src/domain/jobs/clock';
import { CancelledError } from '../../../src/domain/errors/errors';

export const START_MS = 1_700_000_000_000;

export class FakeClock implements Clock {
  time: number;
  /** Every sleep asked for, in order (ms). */
  readonly sleeps: number[] = [];

  constructor(start = START_MS) {
    this.time = start;
  }

  readonly now = (): number => this.time;

  readonly sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
    if (signal?.aborted) throw new CancelledError();
    this.sleeps.push(ms);
    this.time += Math.max(0, ms);
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (signal?.aborted) throw new CancelledError();
  };

  advance(ms: number): void {
    this.time += ms;
  }

  /** Total virtual time slept. */
  get slept(): number {
    return this.sleeps.reduce((a, b) => a + b, 0);
  }
}
