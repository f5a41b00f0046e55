/** What the Segmind client takes and answers (src/segmind/client.ts): its options and the shapes of its results. */
import type { Dispatcher } from 'undici';
import type { Clock } from '../domain/jobs/clock';
import type { SegmindError } from '../domain/errors/errors';
import type { ImageFormat } from '../domain/images/imageFormat';
import type { ImageSource } from './imageSource';
import type { RetryPolicy } from './retryPolicy';
import type { Metrics } from './schemas';

export interface Timeouts {
  /** Ordinary API calls (submit, status, result, credits). */
  readonly requestMs: number;
  readonly downloadMs: number;
  readonly uploadMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { requestMs: 30_000, downloadMs: 120_000, uploadMs: 120_000 };

/** One attempt of one request, for the log. Never contains the key or bodies. */
export interface RequestEvent {
  readonly method: string;
  readonly url: string;
  readonly attempt: number;
  readonly status?: number;
  readonly durationMs: number;
  readonly error?: SegmindError;
  readonly retryInMs?: number;
}

export interface SegmindClientOptions {
  readonly apiBaseUrl: string;
  readonly uploadBaseUrl: string;
  /** Asked once per call, so a key set meanwhile is used at once. */
  readonly apiKey: () => Promise<string | undefined>;
  readonly clock?: Clock;
  readonly random?: () => number;
  readonly retry?: RetryPolicy;
  readonly timeouts?: Partial<Timeouts>;
  /** The route of the requests, built on the first one (see proxy.ts); direct when none is given. */
  readonly dispatcher?: () => Dispatcher;
  /** The proxy requests go through, named in network errors (without credentials). */
  readonly via?: string;
  readonly userAgent?: string;
  readonly onRequest?: (event: RequestEvent) => void;
  /**
   * Asked before every request to the API and upload hosts and told of every 429: the shared
   * request budget lives behind it. Downloads from the public output host do not count.
   */
  readonly gate?: {
    acquire(signal?: AbortSignal): Promise<void>;
    rateLimited(retryAfterMs: number | undefined): void;
  };
}

export type JobState = 'queued' | 'processing' | 'completed';

export interface JobStatus {
  readonly state: JobState;
  readonly metrics?: Metrics;
  readonly remainingCredits?: number;
}

export interface JobResult {
  readonly state: JobState;
  /** Present when completed. */
  readonly image?: ImageSource;
  readonly metrics?: Metrics;
  readonly remainingCredits?: number;
}

export interface SubmittedJob {
  readonly requestId: string;
  readonly state: JobState;
}

export interface SyncResult {
  readonly image: ImageSource;
  readonly requestId?: string;
  readonly cost?: number;
  readonly remainingCredits?: number;
  readonly generationSeconds?: number;
}

export interface Credits {
  readonly credits: number;
  readonly freeCredits?: number;
}

export interface DownloadedImage {
  readonly bytes: Uint8Array;
  readonly format: ImageFormat;
}
