// Public types of the fake Segmind server. Kept apart from server.ts so the
// helper modules (jobs, faults, images…) can share them without a cycle.
// Other engineers code against these names: change only by adding.

export type ModelSlug = 'gpt-image-1' | 'gpt-image-1-mini' | 'gpt-image-2' | 'gpt-image-1-edit';

/** Where a finished v2 result puts the image (docs/segmind-api.md, "Result"). */
export type ResultShape = 'images' | 'outputUrl' | 'outputList' | 'base64' | 'dataUri';

/** api = api.segmind.com, upload = workflows-api.segmind.com, output = images.segmind.com. */
export type HostName = 'api' | 'upload' | 'output';

export interface RecordedRequest {
  host: HostName;
  method: string;
  /** Path without the query string. */
  path: string;
  /** Path with the query string, exactly as received. (Addition to the brief.) */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, or the raw string when not JSON, or undefined when the body was empty. */
  body: unknown;
  /** options.now() when the request arrived. */
  at: number;
}

export interface JobPlan {
  durationMs: number;
  outcome: 'COMPLETED' | 'FAILED';
  /** Reason reported when outcome is FAILED. */
  error: string;
  resultShape: ResultShape;
  cost: number;
  /** Include status_url/response_url in the submit answer. */
  includeStatusUrls: boolean;
  /** status_url/response_url point to another origin (a client must not send its key there). */
  foreignStatusUrls: boolean;
  /** Answer a `background: transparent` request with an opaque image, as the models have been seen to. */
  ignoreTransparency: boolean;
  /** Serve bytes that start like a PNG but decode as nothing. */
  corruptImage: boolean;
}

export interface Fault {
  /** Default 'api'. */
  host?: HostName;
  /** Default: any method. Case-insensitive. */
  method?: string;
  /** string = prefix of the path (without query); RegExp = tested against the path. */
  path: string | RegExp;
  /** Default 'status'. */
  kind?: 'status' | 'drop' | 'slow' | 'truncate';
  /** For 'status' (e.g. 500, 503, 429, 400, 403, 404, 405, 406, 410). Default 500. */
  status?: number;
  /** Raw body for 'status'. Default JSON {"error": "..."}; for 405 a small HTML page. */
  body?: string;
  /** Extra answer headers, e.g. { 'retry-after': '1' }. */
  headers?: Record<string, string>;
  /** For 'slow': wait this long, then answer normally. */
  delayMs?: number;
  /** How many matching requests it affects; default 1; Infinity allowed. */
  times?: number;
}

export interface FakeSegmindOptions {
  /** The only accepted key (header x-api-key). */
  apiKey: string;
  credits: number;
  freeCredits: number;
  /** GET /v1/get-user-credits answers 404 {"error":"No credits found for the user"}. */
  creditsMissing: boolean;
  /** Defaults for every new job. */
  jobPlan: Partial<JobPlan>;
  /** How long a v1 call blocks (wall-clock ms). */
  syncDelayMs: number;
  /** After this long since submit (by now()), status/result answer 404. */
  retentionMs: number;
  /** After this long since submit (by now()), output files answer 404. (Addition; default 7 days.) */
  outputRetentionMs?: number;
  /** When set, api-host requests beyond N in a sliding 60 s window (by now()) get 429. */
  rateLimitPerMinute: number | undefined;
  /** Key of the URL list in the upload answer. */
  uploadKey: 'file_urls' | 'urls';
  /** Add x-remaining-credits to v2 answers too (a GUESS in the contract). */
  remainingCreditsHeader: boolean;
  /** Clock for job progress, expiry, rate limit and RecordedRequest.at. */
  now: () => number;
  /** Models the service no longer serves: a call to one answers this status and message (410, or 404 as for a slug it never knew). */
  retiredModels: Record<string, { readonly status: 404 | 410; readonly message: string }>;
  /** Slugs the service serves beyond the four seeds, each taking the parameters of the model it is like. */
  customModels: Record<string, ModelSlug>;
}

/** Output files live about 7 days at Segmind. */
export const DEFAULT_OUTPUT_RETENTION_MS = 7 * 24 * 3_600_000;

export const DEFAULT_JOB_PLAN: Readonly<JobPlan> = Object.freeze({
  durationMs: 300,
  outcome: 'COMPLETED',
  error: 'Image generation failed: the request was rejected by the safety system',
  resultShape: 'images',
  cost: 0.04,
  includeStatusUrls: true,
  foreignStatusUrls: false,
  ignoreTransparency: false,
  corruptImage: false,
});

/** A fresh copy each time: options are mutable, so a shared object would leak between tests. */
export function defaultOptions(): FakeSegmindOptions {
  return {
    apiKey: 'SG_0123456789abcdef',
    credits: 12.5,
    freeCredits: 0.018,
    creditsMissing: false,
    jobPlan: {},
    syncDelayMs: 100,
    retentionMs: 3_600_000,
    outputRetentionMs: DEFAULT_OUTPUT_RETENTION_MS,
    rateLimitPerMinute: undefined,
    uploadKey: 'file_urls',
    remainingCreditsHeader: true,
    now: Date.now,
    retiredModels: {},
    customModels: {},
  };
}
