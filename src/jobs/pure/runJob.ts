/**
 * Runs one generation job from submission to image bytes, on either transport, reporting each phase.
 * Pure of VS Code: the host turns the progress into a notification and saves the bytes.
 *
 * Rate limits never fail a job: a 429 while polling only makes us wait longer. The job ends with
 * the image, a typed failure, cancellation, or the deadline.
 */
import type { Transport } from '../../domain/jobs/transport';
import type { Clock } from '../../domain/jobs/clock';
import type { DownloadedImage, SegmindClient } from '../../segmind/client';
import { JobTimeoutError, RateLimitError } from '../../domain/errors/errors';
import { nextPollDelayMs, type PollScheduleOptions, DEFAULT_POLL_SCHEDULE } from './pollSchedule';

export type JobPhase = 'submitting' | 'queued' | 'processing' | 'rate-limited' | 'downloading';

export interface JobProgress {
  readonly phase: JobPhase;
  readonly requestId?: string;
  readonly elapsedMs: number;
  /** When rate-limited: how long until the next try. */
  readonly retryInMs?: number;
}

export interface JobSpec {
  readonly model: string;
  readonly body: Record<string, unknown>;
  readonly transport: Transport;
  /** From submission to image bytes. */
  readonly deadlineMs: number;
  /** How long this model usually takes; the poll schedule is dense around it. */
  readonly typicalMs: number;
  /** A job accepted earlier (before a reload): skip the submit and poll this id. */
  readonly resume?: { readonly requestId: string; readonly submittedAt: number };
}

export interface JobHooks {
  readonly clock: Clock;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: JobProgress) => void;
  /** Called just before the submit request goes out (never for a resumed job): from then on it may cost money. */
  readonly beforeSubmit?: () => void | Promise<void>;
  /** Called once the service has accepted the job, before the first poll (to persist the id). */
  readonly onSubmitted?: (requestId: string) => void | Promise<void>;
  readonly schedule?: PollScheduleOptions;
}

export interface FinishedJob {
  readonly requestId?: string;
  readonly image: DownloadedImage;
  readonly cost?: number;
  readonly remainingCredits?: number;
  readonly inferenceSeconds?: number;
  readonly queueSeconds?: number;
  readonly submittedAt: number;
  readonly completedAt: number;
  readonly polls: number;
}

export async function runJob(client: SegmindClient, spec: JobSpec, hooks: JobHooks): Promise<FinishedJob> {
  return spec.transport === 'sync' ? runSync(client, spec, hooks) : runAsync(client, spec, hooks);
}

async function runSync(client: SegmindClient, spec: JobSpec, hooks: JobHooks): Promise<FinishedJob> {
  const { clock } = hooks;
  const submittedAt = clock.now();
  hooks.onProgress?.({ phase: 'submitting', elapsedMs: 0 });
  await hooks.beforeSubmit?.();
  const answer = await client.generateSync(spec.model, spec.body, spec.deadlineMs, hooks.signal);
  hooks.onProgress?.({ phase: 'downloading', requestId: answer.requestId, elapsedMs: clock.now() - submittedAt });
  const image = await client.download(answer.image, hooks.signal);
  return {
    requestId: answer.requestId,
    image,
    cost: answer.cost,
    remainingCredits: answer.remainingCredits,
    inferenceSeconds: answer.generationSeconds,
    submittedAt,
    completedAt: clock.now(),
    polls: 0,
  };
}

async function runAsync(client: SegmindClient, spec: JobSpec, hooks: JobHooks): Promise<FinishedJob> {
  const { clock, signal } = hooks;
  const schedule = hooks.schedule ?? DEFAULT_POLL_SCHEDULE;
  const submittedAt = spec.resume?.submittedAt ?? clock.now();
  const elapsed = (): number => clock.now() - submittedAt;

  let requestId: string;
  if (spec.resume) {
    requestId = spec.resume.requestId;
  } else {
    hooks.onProgress?.({ phase: 'submitting', elapsedMs: 0 });
    await hooks.beforeSubmit?.();
    requestId = (await client.submit(spec.model, spec.body, signal)).requestId;
    await hooks.onSubmitted?.(requestId);
  }
  hooks.onProgress?.({ phase: 'queued', requestId, elapsedMs: elapsed() });
  const nextDelay = (): number => nextPollDelayMs({ ageMs: elapsed(), typicalMs: spec.typicalMs }, schedule);

  // A resumed job gets a whole deadline from now: it may have been submitted long ago (the result is
  // kept an hour), and giving up on it before even one look would lose an image that is ready.
  const deadlineAt = (spec.resume ? clock.now() : submittedAt) + spec.deadlineMs;
  const waitAtMost = async (ms: number): Promise<void> => {
    const left = deadlineAt - clock.now();
    if (left <= 0) throw new JobTimeoutError(spec.deadlineMs, requestId);
    await clock.sleep(Math.min(ms, left), signal);
    if (clock.now() >= deadlineAt) throw new JobTimeoutError(spec.deadlineMs, requestId);
  };

  let polls = 0;
  let delay = spec.resume ? 0 : nextDelay(); // a resumed job may be done already: look at once
  for (;;) {
    await waitAtMost(delay);
    polls++;
    delay = nextDelay();
    try {
      const status = await client.status(requestId, signal);
      if (status.state !== 'completed') {
        hooks.onProgress?.({ phase: status.state, requestId, elapsedMs: elapsed() });
        continue;
      }
      hooks.onProgress?.({ phase: 'downloading', requestId, elapsedMs: elapsed() });
      const result = await client.result(requestId, signal);
      if (result.state !== 'completed' || !result.image) continue; // answered ahead of its status; poll again
      const image = await client.download(result.image, signal);
      return {
        requestId,
        image,
        cost: result.metrics?.cost,
        remainingCredits: result.remainingCredits,
        inferenceSeconds: result.metrics?.inference_time,
        queueSeconds: result.metrics?.queue_time,
        submittedAt,
        completedAt: clock.now(),
        polls,
      };
    } catch (error) {
      if (!(error instanceof RateLimitError)) throw error;
      delay = Math.max(delay, error.retryAfterMs ?? 0);
      hooks.onProgress?.({ phase: 'rate-limited', requestId, elapsedMs: elapsed(), retryInMs: delay });
    }
  }
}
