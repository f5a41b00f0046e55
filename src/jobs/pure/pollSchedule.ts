/**
 * When to ask for a job's status next. Adaptive: polls are sparse while the job is young and dense
 * around the model's typical finishing time, where the lag from completion to the saved file is
 * decided; once the job is overdue they spread out again. Segmind's guidance is "start near 1 s,
 * back off to 5–10 s"; the official SDK's fixed 1 s spends ~48 requests on a 48 s job.
 *
 * Pure: the job's age and the model's typical duration in, a delay out.
 */
export interface PollContext {
  /** Time since the job was submitted. */
  readonly ageMs: number;
  /** How long this model usually takes (catalog figure or what we have observed). */
  readonly typicalMs: number;
}

export interface PollScheduleOptions {
  /** Before the typical time: wait this fraction of the expected remaining time. */
  readonly remainingFraction: number;
  /**
   * Early on, never wait longer than this multiple of the job's age: 1 s, 3 s, 9 s … so that a job
   * that is quicker than usual (or a simulator's) is still seen within about a second.
   */
  readonly rampFactor: number;
  /** After the typical time: wait this fraction of how late the job is (plus the shortest gap). */
  readonly overdueFraction: number;
  /** Shortest gap between polls, near the expected finish. */
  readonly minDelayMs: number;
  /** Longest gap, early on and for long-overdue jobs. */
  readonly maxDelayMs: number;
}

/**
 * Chosen by simulation (the benchmark prints the real figures): a 48 s job is seen in 11 polls with
 * a median lag of about 0.5 s for finishes within ±2 s of the typical time.
 */
export const DEFAULT_POLL_SCHEDULE: PollScheduleOptions = {
  remainingFraction: 0.45,
  rampFactor: 2,
  overdueFraction: 0.2,
  minDelayMs: 1_000,
  maxDelayMs: 15_000,
};

/**
 * For a service on this machine (a simulator, a local mock: `http` is only ever allowed on
 * loopback): it answers at once, so a second between polls is only waiting. Ten times closer.
 */
export const LOOPBACK_POLL_SCHEDULE: PollScheduleOptions = { ...DEFAULT_POLL_SCHEDULE, minDelayMs: 100, maxDelayMs: 1_500 };

export function nextPollDelayMs(context: PollContext, options: PollScheduleOptions = DEFAULT_POLL_SCHEDULE): number {
  const remaining = context.typicalMs - context.ageMs;
  // Early: a fraction of the time still expected, so the gaps shrink as the finish nears, but never
  // more than the ramp allows. Late: proportional to the delay, so the lag stays a small share.
  const delay =
    remaining > 0
      ? Math.min(remaining * options.remainingFraction, context.ageMs * options.rampFactor)
      : options.minDelayMs + -remaining * options.overdueFraction;
  return Math.round(Math.min(options.maxDelayMs, Math.max(options.minDelayMs, delay)));
}
