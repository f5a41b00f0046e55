/**
 * Owns every job from submission to saved file. A v2 job's request id is persisted before its first
 * status poll, so a window reload or restart resumes it (Segmind keeps results for an hour); older
 * records are reported as expired. Jobs run side by side, each with its own abort controller, and a
 * failure of one never touches another. Listeners (status bar, Show Jobs, Studio) get snapshots.
 */
import * as vscode from 'vscode';
import { randomUUID } from 'node:crypto';
import { Disposable } from '../base/dispose';
import { MODELS } from '../domain/generation/catalog';
import { modelSpecOf } from '../domain/generation/customModels';
import { CancelledError, isSegmindError, JobExpiredError } from '../domain/errors/errors';
import type { JobStateName } from '../shared/jobStates';
import { sortStoredJobs, type JobRecord } from './pure/jobRecord';
import { isRunning, type JobSnapshot } from './pure/jobSnapshot';
import { runJob } from './pure/runJob';
import { LOOPBACK_POLL_SCHEDULE } from './pure/pollSchedule';
import type { JobRequest, JobTrackerDependencies, ResumeReport, SavedJob, StartOptions, TrackedJob } from './jobRequest';
import { RETENTION_IN_LOGS } from '../shared/wording';

export type * from './jobRequest';

/** Finished jobs kept for Show Jobs. */
const RECENT_LIMIT = 20;

interface Entry {
  snapshot: JobSnapshot;
  readonly controller: AbortController;
}

export class JobTracker extends Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly deps: JobTrackerDependencies) {
    super();
    // Stop polling without forgetting: persisted jobs resume in the next window.
    this._register({ dispose: () => this.entries.forEach((entry) => entry.controller.abort()) });
  }

  start(request: JobRequest, options: StartOptions = {}): TrackedJob {
    const id = randomUUID();
    const done = this.run(id, request, undefined, options);
    return { id, done };
  }

  /** Picks up the jobs persisted by an earlier window; reports (and forgets) the expired ones. */
  async resumePersisted(timeoutMs: number): Promise<ResumeReport> {
    const { resumable, expired, invalid } = sortStoredJobs(this.deps.store.read(), this.deps.clock.now());
    if (invalid > 0) this.deps.logger.warn(`Ignored ${invalid} unreadable stored job record(s).`);
    if (expired.length > 0 || invalid > 0) await this.deps.store.keepOnly(resumable.map((record) => record.id));
    for (const record of expired) {
      this.deps.logger.warn(
        `Job ${record.requestId} (${record.model}, "${record.prompt}") expired while VS Code was closed: Segmind keeps results for ${RETENTION_IN_LOGS}.`,
      );
      this.remember({
        ...this.snapshotOf(record),
        state: 'expired',
        resumed: true,
        finishedAt: this.deps.clock.now(),
        failure: new JobExpiredError(record.requestId, ''),
      });
    }
    const resumed = resumable
      .filter((record) => !this.entries.has(record.id))
      .map((record) => {
        this.deps.logger.info(
          `Resuming job ${record.requestId} (${record.model}, "${record.prompt}") submitted ${Math.round((this.deps.clock.now() - record.submittedAt) / 1000)} s ago.`,
        );
        const outputFolder = vscode.Uri.parse(record.outputFolder);
        // Records of 0.2 have no workspace folder: the one the output folder lies in (as written) is it.
        const workspaceFolder = record.workspaceFolder
          ? vscode.Uri.parse(record.workspaceFolder)
          : (vscode.workspace.getWorkspaceFolder(outputFolder)?.uri ?? outputFolder);
        const request: JobRequest = {
          model: record.model,
          ...(record.like ? { like: record.like } : {}),
          prompt: record.prompt,
          parameters: record.parameters,
          transport: 'async',
          outputFolder,
          workspaceFolder,
          ...(record.chosenPath ? { chosenPath: true } : {}),
          baseName: record.baseName,
          saveMetadata: record.saveMetadata,
          ...(record.extension ? { extension: record.extension } : {}),
          ...(record.replaces ? { replaces: record.replaces } : {}),
          variant: record.variant,
          sourceImages: record.sourceImages,
          mask: record.mask,
          exact: record.exact,
          keepUnmasked: record.keepUnmasked,
          ...(record.stylePrompt ? { stylePrompt: record.stylePrompt } : {}),
          ...(record.alsoWrite ? { alsoWrite: record.alsoWrite } : {}),
          body: {}, // the job was submitted before the reload; only its id is needed now
          timeoutMs,
        };
        return { id: record.id, done: this.run(record.id, request, record, {}) };
      });
    return { resumed, expired };
  }

  /** Stops waiting for a job. Segmind has no cancel endpoint: the job may still finish and be billed. */
  cancel(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry || !isRunning(entry.snapshot)) return false;
    entry.controller.abort();
    return true;
  }

  snapshots(): JobSnapshot[] {
    const all = [...this.entries.values()].map((entry) => entry.snapshot);
    const running = all.filter(isRunning).sort((a, b) => a.startedAt - b.startedAt);
    const finished = all.filter((job) => !isRunning(job)).sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0));
    return [...running, ...finished];
  }

  private async run(id: string, request: JobRequest, resumeFrom: JobRecord | undefined, options: StartOptions): Promise<SavedJob> {
    const { clock, logger } = this.deps;
    const controller = new AbortController();
    const onOuterAbort = (): void => controller.abort();
    options.signal?.addEventListener('abort', onOuterAbort, { once: true });
    this.entries.set(id, {
      controller,
      snapshot: {
        id,
        model: request.model,
        prompt: request.prompt,
        state: resumeFrom ? 'queued' : 'submitting',
        startedAt: resumeFrom?.submittedAt ?? clock.now(),
        resumed: resumeFrom !== undefined,
        ...(resumeFrom ? { requestId: resumeFrom.requestId } : {}),
      },
    });
    this.fire();

    try {
      if (options.signal?.aborted) throw new CancelledError();
      const client = this.deps.createClient();
      const finished = await runJob(
        client,
        {
          model: request.model,
          body: request.body,
          transport: request.transport,
          deadlineMs: request.timeoutMs,
          typicalMs: (modelSpecOf(request.like ?? request.model)?.typicalSeconds ?? MODELS['gpt-image-2'].typicalSeconds) * 1000,
          ...(resumeFrom ? { resume: { requestId: resumeFrom.requestId, submittedAt: resumeFrom.submittedAt } } : {}),
        },
        {
          clock,
          signal: controller.signal,
          ...(client.onLoopback ? { schedule: LOOPBACK_POLL_SCHEDULE } : {}),
          ...(options.beforeSubmit ? { beforeSubmit: () => options.beforeSubmit?.(id) } : {}),
          onSubmitted: async (requestId) => {
            this.update(id, { requestId, startedAt: clock.now() });
            if (request.transport === 'async') await this.deps.store.add(this.recordOf(id, requestId, request));
            logger.info(`Segmind accepted the ${request.model} job: request ${requestId}.`);
          },
          onProgress: (progress) => {
            this.update(id, {
              state: progress.phase,
              ...(progress.requestId ? { requestId: progress.requestId } : {}),
              retryAt: progress.retryInMs === undefined ? undefined : clock.now() + progress.retryInMs,
            });
            options.onProgress?.(progress);
          },
        },
      );
      if (finished.remainingCredits !== undefined) this.deps.onRemainingCredits?.(finished.remainingCredits);
      if (finished.cost !== undefined)
        await Promise.resolve(this.deps.onCost?.(id, finished.cost)).catch((error: unknown) =>
          logger.warn(`The cost of ${id} was not recorded: ${String(error)}`),
        );
      // Cancelled while the image came back: nothing of it is written (the caller stopped waiting).
      if (controller.signal.aborted) throw new CancelledError();
      const saved = await this.deps.saveResult(request, finished, controller.signal);
      const { uri } = saved;
      for (const warning of saved.warnings) logger.warn(warning);
      await this.deps.store.remove(id);
      this.update(id, { state: 'saved', savedUri: uri.toString(), finishedAt: clock.now(), retryAt: undefined });
      logger.info(
        `Saved ${vscode.workspace.asRelativePath(uri)} (${finished.image.format}, ${finished.image.bytes.length} bytes), ` +
          `${((clock.now() - finished.submittedAt) / 1000).toFixed(1)} s after submitting, ${finished.polls} status poll(s)` +
          `${finished.cost === undefined ? '' : `, cost ${finished.cost}`}.`,
      );
      return { ...saved, id, prompt: request.prompt, job: finished };
    } catch (error) {
      if (this.isDisposed) throw error; // the window is going away: keep the record to resume later
      const state: JobStateName = !isSegmindError(error)
        ? 'failed'
        : error.kind === 'cancelled'
          ? 'cancelled'
          : error.kind === 'job-expired'
            ? 'expired'
            : 'failed';
      // A cancelled job is forgotten too: the user chose to stop waiting for it.
      await this.deps.store.remove(id).catch(() => undefined);
      this.update(id, { state, failure: error, finishedAt: clock.now(), retryAt: undefined });
      throw error;
    } finally {
      options.signal?.removeEventListener('abort', onOuterAbort);
      this.prune();
    }
  }

  private recordOf(id: string, requestId: string, request: JobRequest): JobRecord {
    return {
      version: 1,
      id,
      requestId,
      model: request.model,
      ...(request.like ? { like: request.like } : {}),
      prompt: request.prompt,
      parameters: { ...request.parameters },
      outputFolder: request.outputFolder.toString(),
      workspaceFolder: request.workspaceFolder.toString(),
      ...(request.chosenPath ? { chosenPath: true } : {}),
      baseName: request.baseName,
      saveMetadata: request.saveMetadata,
      ...(request.extension ? { extension: request.extension } : {}),
      ...(request.replaces ? { replaces: { ...request.replaces } } : {}),
      submittedAt: this.entries.get(id)?.snapshot.startedAt ?? this.deps.clock.now(),
      ...(request.variant ? { variant: request.variant } : {}),
      ...(request.sourceImages ? { sourceImages: [...request.sourceImages] } : {}),
      ...(request.mask ? { mask: request.mask } : {}),
      ...(request.exact ? { exact: request.exact } : {}),
      ...(request.keepUnmasked ? { keepUnmasked: request.keepUnmasked } : {}),
      ...(request.stylePrompt ? { stylePrompt: request.stylePrompt } : {}),
      ...(request.alsoWrite ? { alsoWrite: request.alsoWrite.map((member) => ({ ...member })) } : {}),
    };
  }

  private snapshotOf(record: JobRecord): JobSnapshot {
    return {
      id: record.id,
      model: record.model,
      prompt: record.prompt,
      state: 'queued',
      requestId: record.requestId,
      startedAt: record.submittedAt,
      resumed: true,
    };
  }

  private remember(snapshot: JobSnapshot): void {
    this.entries.set(snapshot.id, { snapshot, controller: new AbortController() });
    this.fire();
  }

  private update(id: string, change: Partial<JobSnapshot>): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.snapshot = { ...entry.snapshot, ...change };
    this.fire();
  }

  private prune(): void {
    const finished = [...this.entries.values()].filter((entry) => !isRunning(entry.snapshot));
    finished
      .sort((a, b) => (b.snapshot.finishedAt ?? 0) - (a.snapshot.finishedAt ?? 0))
      .slice(RECENT_LIMIT)
      .forEach((entry) => this.entries.delete(entry.snapshot.id));
  }

  private fire(): void {
    if (!this.isDisposed) this.changed.fire();
  }
}
