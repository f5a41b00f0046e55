// Sliding 60 s window rate limiter driven by the injected clock, so tests can
// hit the limit and then step the clock past it without waiting.

export const WINDOW_MS = 60_000;

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number; resetAt: number };

export class SlidingWindow {
  private hits: number[] = [];

  clear(): void {
    this.hits = [];
  }

  /** Counts the request if under `limit`; refused requests are not counted. */
  check(limit: number, now: number): RateDecision {
    this.hits = this.hits.filter((t) => t > now - WINDOW_MS);
    if (this.hits.length < limit) {
      this.hits.push(now);
      return { ok: true };
    }
    // A slot frees when enough of the oldest hits leave the window to get below the
    // limit (the limit may have been lowered since those hits were counted).
    const freeing = this.hits[this.hits.length - limit] ?? this.hits[0] ?? now;
    const resetAt = freeing + WINDOW_MS;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)), resetAt };
  }
}
