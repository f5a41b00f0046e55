/**
 * Owns every job from submission to saved file. A v2 job's request id is persisted before its first
 * status poll, so a window reload or restart resumes it (Segmind keeps results for an hour); older
 * records are reported as expired. Jobs run side by side, each with its own abort controller, and a
 * failure of one never touches another. Listeners (status bar, Show Jobs, Studio) get snapshots.
 */
import * as vscode from 'vscode';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../domain/clock';
import { Disposable } from '../base/dispose';
import type { Logger } from '../log/logger';
import { MODELS, type ImageParameters, type ModelSlug } from '../domain/catalog';
import { CancelledError, isSegmindError, JobExpiredError } from '../domain/errors';
import type { JobStateName } from '../domain/jobStates';
import type { ExactSize } from '../domain/exactSize';
import type { SourceImage } from '../domain/sidecar';
import type { Transport } from '../domain/transport';
import type { SegmindClient } from '../segmind/client';
import { sortStoredJobs, type JobRecord } from './jobRecord';
import { isRunning, type JobSnapshot } from './jobSnapshot';
import type { JobStore } from './jobStore';
import { runJob, type FinishedJob, type JobProgress } from './runJob';

/** Where and how a finished job's image is kept: what the saveResult port needs besides the bytes. */
export interface ResultDescription {
  readonly model: ModelSlug;
  readonly prompt: string;
  readonly parameters: ImageParameters;
  readonly transport: Transport;
  /** Where the image goes: the output folder, or the folder of the `path` asked for. */
  readonly outputFolder: vscode.Uri;
  /** What `outputFolder` must stay inside of, checked again just before the write. */
  readonly workspaceFolder: vscode.Uri;
  /** `outputFolder` is `path`'s: if it fails the check before the write, the output folder takes the image. */
  readonly chosenPath?: boolean;
  readonly baseName: string;
  readonly extension?: string;
  readonly replaces?: { readonly sha256: string };
  readonly saveMetadata: boolean;
  readonly variant?: { readonly index: number; readonly of: number };
  readonly sourceImages?: readonly SourceImage[];
  readonly mask?: SourceImage;
  /** Fit the image to exactly this size before saving. */
  readonly exact?: ExactSize;
  /** Copy back what the mask protects from the original (segmind.preserveUnmaskedPixels). */
  readonly keepUnmasked?: KeepUnmaskedSource;
}

/** Where the original and the mask of a masked edit are, kept with the job so that it survives a reload. */
export interface KeepUnmaskedSource {
  /** The first image, as a Uri string. */
  readonly original: string;
  /** The mask file's Uri string, or a painted mask's PNG bytes in base64 (it is not a file). */
  readonly mask: { readonly uri: string } | { readonly pngBase64: string };
}

/** Everything needed to run one job and save its image. */
export interface JobRequest extends ResultDescription {
  readonly body: Record<string, unknown>;
  readonly timeoutMs: number;
}

/** Where a finished job's image was saved, and what its user should be told about it (say, no real transparency). */
export interface SavedResult {
  readonly uri: vscode.Uri;
  readonly warnings: readonly string[];
}

/** Saves a finished job's image (and sidecar) and says where: the tracker's port to the workspace. */
export type SaveResult = (request: ResultDescription, job: FinishedJob) => Promise<SavedResult>;

export interface SavedJob {
  readonly id: string;
  readonly prompt: string;
  readonly uri: vscode.Uri;
  readonly job: FinishedJob;
  readonly warnings: readonly string[];
}

export interface StartOptions {
  /** Aborting it cancels the job (as the Cancel action does). */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: JobProgress) => void;
  /** Just before the submit request goes out (the spend ledger counts the job then). */
  readonly beforeSubmit?: () => void | Promise<void>;
}

export interface TrackedJob {
  readonly id: string;
  /** Resolves when the image is saved; rejects with the job's typed error. */
  readonly done: Promise<SavedJob>;
}

export interface ResumeReport {
  readonly resumed: readonly TrackedJob[];
  readonly expired: readonly JobRecord[];
}

export interface JobTrackerDependencies {
  readonly store: JobStore;
  /** A client made from the settings of the moment (a changed setting applies to the next job). */
  readonly createClient: () => SegmindClient;
  readonly saveResult: SaveResult;
  readonly logger: Logger;
  readonly clock: Clock;
  /** Called with the balance a finished job reported. */
  readonly onRemainingCredits?: (credits: number) => void;
}

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
        `Job ${record.requestId} (${record.model}, "${record.prompt}") expired while VS Code was closed: Segmind keeps results for 1 hour.`,
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
      const finished = await runJob(
        this.deps.createClient(),
        {
          model: request.model,
          body: request.body,
          transport: request.transport,
          deadlineMs: request.timeoutMs,
          typicalMs: MODELS[request.model].typicalSeconds * 1000,
          ...(resumeFrom ? { resume: { requestId: resumeFrom.requestId, submittedAt: resumeFrom.submittedAt } } : {}),
        },
        {
          clock,
          signal: controller.signal,
          ...(options.beforeSubmit ? { beforeSubmit: options.beforeSubmit } : {}),
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
      const { uri, warnings } = await this.deps.saveResult(request, finished);
      for (const warning of warnings) logger.warn(warning);
      await this.deps.store.remove(id);
      this.update(id, { state: 'saved', savedUri: uri.toString(), finishedAt: clock.now(), retryAt: undefined });
      logger.info(
        `Saved ${vscode.workspace.asRelativePath(uri)} (${finished.image.format}, ${finished.image.bytes.length} bytes), ` +
          `${((clock.now() - finished.submittedAt) / 1000).toFixed(1)} s after submitting, ${finished.polls} status poll(s)` +
          `${finished.cost === undefined ? '' : `, cost ${finished.cost}`}.`,
      );
      return { id, prompt: request.prompt, uri, job: finished, warnings };
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
