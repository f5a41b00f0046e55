/**
 * A discrete-event clock for benchmarks: sleeps queue up with their wake times, and virtual time
 * jumps to the earliest one whenever no request is in flight. Concurrent jobs therefore share one
 * timeline (two 1 s sleeps side by side take 1 s, not 2), and a 94 s job runs in milliseconds.
 * HTTP requests to the loopback fake take real time but no virtual time.
 */
import { CancelledError } from '../../src/domain/errors/errors';
import type { Clock } from '../../src/domain/jobs/clock';

interface Sleeper {
  readonly wakeAt: number;
  readonly resolve: () => void;
}

export class VirtualClock implements Clock {
  private time: number;
  private sleepers: Sleeper[] = [];
  private readonly ticker: NodeJS.Timeout;
  /** Requests under way; time stands still while there are any. */
  inFlight = 0;

  constructor(start = Date.UTC(2026, 10, 22)) {
    this.time = start;
    this.ticker = setInterval(() => this.advance(), 1);
  }

  readonly now = (): number => this.time;

  readonly sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(new CancelledError());
      this.sleepers.push({ wakeAt: this.time + Math.max(0, ms), resolve });
      signal?.addEventListener('abort', () => reject(new CancelledError()), { once: true });
    });

  stop(): void {
    clearInterval(this.ticker);
  }

  private advance(): void {
    if (this.inFlight > 0 || this.sleepers.length === 0) return;
    const next = Math.min(...this.sleepers.map((sleeper) => sleeper.wakeAt));
    this.time = Math.max(this.time, next);
    const due = this.sleepers.filter((sleeper) => sleeper.wakeAt <= this.time);
    this.sleepers = this.sleepers.filter((sleeper) => sleeper.wakeAt > this.time);
    for (const sleeper of due) sleeper.resolve();
  }
}
