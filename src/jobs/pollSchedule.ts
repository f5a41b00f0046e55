/**
 * How long to wait before the next status poll. Segmind's guidance is to start near 1 s and back off
 * to 5–10 s on long jobs; the official SDK's fixed 1 s wastes requests against the rate limit.
 */
export interface PollScheduleOptions {
  readonly firstDelayMs: number;
  readonly growth: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_POLL_SCHEDULE: PollScheduleOptions = { firstDelayMs: 1_000, growth: 1.5, maxDelayMs: 5_000 };

/** Delay before poll number `pollIndex` (0 = the first poll after submitting). */
export function pollDelayMs(pollIndex: number, options: PollScheduleOptions = DEFAULT_POLL_SCHEDULE): number {
  return Math.round(Math.min(options.maxDelayMs, options.firstDelayMs * options.growth ** Math.max(0, pollIndex)));
}
