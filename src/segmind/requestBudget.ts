/**
 * One budget of requests per minute shared by every job (and the credits check), so that several
 * jobs together stay under Segmind's rate limit instead of each spending it alone. A 429 with
 * Retry-After pauses everyone, since the limit is per key, not per job. A limit of 0 means no
 * ceiling of our own: only the service's 429s slow things down. Pure: time is passed in.
 */
export const WINDOW_MS = 60_000;

export class RequestBudget {
  private readonly sent: number[] = [];
  private pausedUntil = 0;

  constructor(private limitPerMinute: number) {
    this.setLimit(limitPerMinute);
  }

  /** Requests per minute; 0 (or less) for no ceiling. */
  setLimit(limitPerMinute: number): void {
    this.limitPerMinute = Math.max(0, Math.floor(limitPerMinute));
  }

  get limit(): number {
    return this.limitPerMinute;
  }

  /** The earliest time (≥ now) at which one more request fits. Does not take it. */
  nextSlot(now: number): number {
    this.forget(now);
    let slot = Math.max(now, this.pausedUntil);
    if (this.limitPerMinute > 0 && this.sent.length >= this.limitPerMinute) {
      // The window frees up when the oldest request that keeps it full leaves it.
      const oldest = this.sent[this.sent.length - this.limitPerMinute] ?? now;
      slot = Math.max(slot, oldest + WINDOW_MS);
    }
    return slot;
  }

  /** Records a request sent at `at`. */
  take(at: number): void {
    this.sent.push(at);
  }

  /** The service asked everyone to wait until `until`. */
  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /** Requests counted in the window ending at `now`. */
  used(now: number): number {
    this.forget(now);
    return this.sent.length;
  }

  private forget(now: number): void {
    while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - WINDOW_MS) this.sent.shift();
  }
}

/** What the client asks before each request to the API host, and tells after a 429. */
export interface RequestGate {
  /** Resolves when one more request may go (and counts it). */
  acquire(signal?: AbortSignal): Promise<void>;
  /** The service answered 429; `retryAfterMs` when it said how long to wait. */
  rateLimited(retryAfterMs: number | undefined): void;
}

/** The budget with a clock: waits for a slot rather than computing one. */
export class RequestGateOnBudget implements RequestGate {
  /** When a 429 says nothing about when to retry, everyone waits this long. */
  static readonly DEFAULT_PAUSE_MS = 5_000;

  constructor(
    readonly budget: RequestBudget,
    private readonly clock: { now(): number; sleep(ms: number, signal?: AbortSignal): Promise<void> },
  ) {}

  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const slot = this.budget.nextSlot(now);
      if (slot <= now) {
        this.budget.take(now);
        return;
      }
      // Another job may take the slot while we sleep, so look again after waking.
      await this.clock.sleep(slot - now, signal);
    }
  }

  rateLimited(retryAfterMs: number | undefined): void {
    this.budget.pauseUntil(this.clock.now() + (retryAfterMs ?? RequestGateOnBudget.DEFAULT_PAUSE_MS));
  }
}
