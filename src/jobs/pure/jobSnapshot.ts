/** A job as the status bar, Show Jobs and the Studio see it. Pure data, no handles. */
import { isRunningState, type JobStateName } from '../../shared/jobStates';

export interface JobSnapshot {
  readonly id: string;
  readonly model: string;
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
  /**
   * Why it failed or stopped: the typed error as the job ended with it. Only the view that shows the
   * job turns it into a sentence (src/ui/pure/errorMessages.ts).
   */
  readonly failure?: unknown;
  /** Picked up again after a window reload. */
  readonly resumed: boolean;
}

export function isRunning(job: Pick<JobSnapshot, 'state'>): boolean {
  return isRunningState(job.state);
}
