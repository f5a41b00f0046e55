/**
 * The progress of one agent's call, sent while it runs: at each change of a job's phase, and at
 * least every 10 s while it waits (so an agent sees "processing 0:40", not silence, for a job of a
 * minute or two). Nothing is sent once the call is over or cancelled.
 */
import type { JobPhase } from '../jobs/pure/runJob';
import { fillProgressText, jobProgressText } from './pure/progressText';

/** How often a waiting call says it still waits. */
export const PROGRESS_EVERY_MS = 10_000;

export class CallProgress {
  private readonly jobs = new Map<number, { phase: JobPhase; since: number; elapsedAt: number }>();
  private variants = 1;
  private readonly timer: ReturnType<typeof setInterval> | undefined;
  private done = false;

  constructor(
    private readonly send: ((message: string) => void) | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.timer = send ? setInterval(() => this.repeat(), PROGRESS_EVERY_MS) : undefined;
    this.timer?.unref?.();
  }

  /** A job's phase (each variant's own); said when it changed. */
  job(variant: number, of: number, phase: JobPhase, elapsedMs: number): void {
    this.variants = of;
    const known = this.jobs.get(variant);
    this.jobs.set(variant, { phase, since: this.now() - elapsedMs, elapsedAt: elapsedMs });
    if (known?.phase !== phase) this.say(jobProgressText(phase, elapsedMs, { index: variant, of }));
  }

  /** A fill starts its `index`th target of `of`. */
  target(index: number, of: number, target: string): void {
    this.say(fillProgressText(index, of, target));
  }

  private repeat(): void {
    for (const [variant, job] of this.jobs) this.say(jobProgressText(job.phase, this.now() - job.since, { index: variant, of: this.variants }));
  }

  private say(message: string): void {
    if (!this.done) this.send?.(message);
  }

  /** The call is over: nothing more is said. */
  end(): void {
    this.done = true;
    if (this.timer) clearInterval(this.timer);
  }
}
