// Job state machine. A job stores only when it was submitted and its plan; its
// state is computed from the injected clock on every look, so a test with a
// fake clock moves jobs forward by moving the clock — no timers involved.

import type { JobPlan, ModelSlug } from './types';
import type { OutputSpec } from './models';

export type JobState = 'QUEUED' | 'PROCESSING' | 'COMPLETED' | 'FAILED';

/** What FakeSegmind.jobs holds. The first four fields are the public contract. */
export interface JobRecord {
  /** As called: one of the seeds, or a custom slug the fake serves (FakeSegmindOptions.customModels). */
  slug: ModelSlug | (string & {});
  body: Record<string, unknown>;
  submittedAt: number;
  plan: JobPlan;
  id: string;
  /** v1 calls are recorded too, but have no v2 status/result. */
  transport: 'v1' | 'v2';
  output: OutputSpec;
  /** Set once the cost was deducted (on first observation as COMPLETED). */
  charged: boolean;
}

/** The queue takes the first 20 % of the duration, as a real queue would come first. */
const QUEUED_FRACTION = 0.2;

export function jobStateAt(job: JobRecord, now: number): JobState {
  const elapsed = now - job.submittedAt;
  const duration = job.plan.durationMs;
  if (elapsed < duration) return elapsed < duration * QUEUED_FRACTION ? 'QUEUED' : 'PROCESSING';
  return job.plan.outcome;
}

export function isExpired(job: JobRecord, now: number, retentionMs: number): boolean {
  return now - job.submittedAt > retentionMs;
}

/** Seconds, like the service's metrics. */
export function jobMetrics(job: JobRecord): { inference_time: number; queue_time: number } {
  const d = job.plan.durationMs / 1000;
  return { inference_time: round3(d * (1 - QUEUED_FRACTION)), queue_time: round3(d * QUEUED_FRACTION) };
}

export function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * Deducts the cost of every job that has completed by `now` and was not yet
 * charged. Called before each request is answered, so the balance reflects
 * finished jobs whether or not the client polled them (as the real service
 * bills when the job finishes, not when it is read).
 */
export function chargeCompleted(jobs: Iterable<JobRecord>, now: number, charge: (cost: number) => void): void {
  for (const job of jobs) {
    if (!job.charged && job.transport === 'v2' && jobStateAt(job, now) === 'COMPLETED') {
      job.charged = true;
      charge(job.plan.cost);
    }
  }
}
