/** What the JobTracker is asked to run and what it answers: the request, the saving port, the tracked job. */
import type * as vscode from 'vscode';
import type { Clock } from '../domain/jobs/clock';
import type { Logger } from '../log/logger';
import type { ImageParameters, ModelSlug } from '../domain/generation/catalog';
import type { ExactSize } from '../domain/generation/exactSize';
import type { SourceImage } from '../domain/images/sidecar';
import type { FileFormat, PixelSize } from '../domain/images/imageFormat';
import type { Transport } from '../domain/jobs/transport';
import type { SegmindClient } from '../segmind/client';
import type { JobRecord } from './pure/jobRecord';
import type { JobStore } from './jobStore';
import type { FinishedJob, JobProgress } from './pure/runJob';

/** Where and how a finished job's image is kept: what the saveResult port needs besides the bytes. */
export interface ResultDescription {
  /** The slug the job was sent to and the sidecar records (a custom model's own). */
  readonly model: string;
  /** The catalog model whose timings apply, when `model` is a custom model's slug. */
  readonly like?: ModelSlug;
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
  /** The project's style (segmind.stylePrompt), sent after the prompt: the sidecar records it. */
  readonly stylePrompt?: string;
  /** The other files of a set: each written from this image once it is saved (one render per element). */
  readonly alsoWrite?: readonly SetMember[];
}

/** A file of a set made from another file's render: fitted (cover) to its size, in the format its extension names. */
export interface SetMember {
  /** Where it goes, as a Uri string: exactly there, or not at all. */
  readonly uri: string;
  /** None: the render's own size. */
  readonly size?: { readonly width: number; readonly height: number };
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

/**
 * A file made for the user: where, in which format, at which pixel size. Known when it is written,
 * so that nobody downstream (an agent's answer) reads the file back to learn them.
 */
export interface MadeFile {
  readonly uri: vscode.Uri;
  /** An image format, or `svg` for a placeholder drawn as one. */
  readonly format: string;
  /** Absent only when the image library could not read what was kept as it came. */
  readonly pixelSize?: PixelSize;
}

/** A file as the saver wrote it (a paid image, or a file of its set). */
export interface WrittenFile extends MadeFile {
  readonly format: FileFormat;
}

/** Where a finished job's image was saved, and what its user should be told about it (say, no real transparency). */
export interface SavedResult extends WrittenFile {
  readonly warnings: readonly string[];
  /** The other files of its set, written from it (those that could not be are in the warnings). */
  readonly alsoSaved?: readonly WrittenFile[];
}

/** Saves a finished job's image (and sidecar) and says where: the tracker's port to the workspace. */
/** `signal`: once aborted, no further file of the job is written (those written already stay). */
export type SaveResult = (request: ResultDescription, job: FinishedJob, signal?: AbortSignal) => Promise<SavedResult>;

export interface SavedJob extends SavedResult {
  readonly id: string;
  readonly prompt: string;
  readonly job: FinishedJob;
}

export interface StartOptions {
  /** Aborting it cancels the job (as the Cancel action does). */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: JobProgress) => void;
  /** Just before the submit request goes out, with the job's id (the spend ledger counts the job then). */
  readonly beforeSubmit?: (jobId: string) => void | Promise<void>;
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
  /** Called with what Segmind says a job cost (`x-cost`, `metrics.cost`), by the job's id. */
  readonly onCost?: (jobId: string, usd: number) => void | Promise<void>;
}
