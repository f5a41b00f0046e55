/** A job as the status bar, Show Jobs and the Studio see it. Pure data, no handles. */
import type { ModelSlug } from '../domain/catalog';

export type JobStateName =
  | 'submitting' | 'queued' | 'processing' | 'rate-limited' | 'downloading'
  | 'saved' | 'failed' | 'cancelled' | 'expired';

export const RUNNING_STATES: ReadonlySet<JobStateName> = new Set(['submitting', 'queued', 'processing', 'rate-limited', 'downloading']);

export interface JobSnapshot {
  readonly id: string;
  readonly model: ModelSlug;
  readonly prompt: string;
  readonly state: JobStateName;
  readonly requestId?: string;
  /** When the job was submitted (or, before that, started). */
  readonly startedAt: number;
  readonly finishedAt?: number;
  /** While rate-limited: when the next try goes. */
  readonly retryAt?: number;
  /** Where the image was saved, as a Uri string. */
  readonly savedUri?: string;
  /** Why it failed, in words. */
  readonly error?: string;
  /** Picked up again after a window reload. */
  readonly resumed: boolean;
}

export function isRunning(job: Pick<JobSnapshot, 'state'>): boolean {
  return RUNNING_STATES.has(job.state);
}
