/**
 * The Segmind API as this extension uses it: v2 submit / status / result, v1 sync, credits,
 * uploads and output downloads. No VS Code here; the host passes settings and the key in.
 *
 * Security rules enforced in this one place:
 * - the key is only ever attached to requests for the configured API and upload origins;
 * - status and result URLs are built from the configured base, never taken from an answer;
 * - output downloads carry no key at all.
 */
import { systemClock, type Clock } from '../domain/jobs/clock';
import { ConfigurationError, isSegmindError, JobFailedError, MissingApiKeyError, ProtocolError } from '../domain/errors/errors';
import { exchange, type HttpResponse } from './http';
import { extractImageSource, type ImageSource } from './imageSource';
import { sniffImageFormat } from '../domain/images/imageFormat';
import { isLoopbackHost, joinUrl, parseBaseUrl } from './baseUrl';
import { DEFAULT_RETRY_POLICY, decideRetry, type RequestSafety, type RetryPolicy } from './retryPolicy';
import { answerSchemas } from './schemas';
import { DEFAULT_TIMEOUTS, type Credits, type DownloadedImage, type JobResult, type JobStatus, type RequestEvent } from './clientTypes';
import type { SegmindClientOptions, SubmittedJob, SyncResult, Timeouts } from './clientTypes';
import { errorFromAnswer, errorText, numberHeader, parseJson, parsePublicUrl, remainingCredits, toJobState } from './answers';
import { withoutSecret, type AnswerContext } from './answers';

export * from './clientTypes';
export { errorFromAnswer, serviceMessage } from './answers';

const MAX_JSON_BYTES = 64 * 1024 * 1024; // base64 images can arrive inline
const MAX_IMAGE_BYTES = 64 * 1024 * 1024;
const MAX_REDIRECTS = 3;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,200}$/;

interface CallSpec {
  readonly method: 'GET' | 'POST';
  readonly url: URL;
  readonly body?: unknown;
  readonly safety: RequestSafety;
  readonly what: string;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly context: AnswerContext;
  /** Answers other than 2xx that the caller interprets itself (e.g. redirects of a download). */
  readonly passStatuses?: readonly number[];
}

export class SegmindClient {
  private readonly apiBase: URL;
  private readonly uploadBase: URL;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly retry: RetryPolicy;
  private readonly timeouts: Timeouts;

  /** The service is on this machine (a simulator): its jobs are polled more closely. */
  get onLoopback(): boolean {
    return isLoopbackHost(this.apiBase.hostname);
  }

  constructor(private readonly options: SegmindClientOptions) {
    this.apiBase = parseBaseUrl(options.apiBaseUrl, 'segmind.apiBaseUrl');
    this.uploadBase = parseBaseUrl(options.uploadBaseUrl, 'segmind.uploadBaseUrl');
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  }

  /** v2: queues a job. Never retried unless the service answered 429/5xx (a submit is billed). */
  async submit(model: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<SubmittedJob> {
    const response = await this.call(
      {
        method: 'POST',
        url: joinUrl(this.apiBase, `v2/${model}`),
        body,
        safety: 'submit',
        what: `submit to ${model}`,
        timeoutMs: this.timeouts.requestMs,
        maxBytes: MAX_JSON_BYTES,
        context: { on: 'model', model },
      },
      signal,
    );
    const answer = parseJson(response, answerSchemas().submitAnswerSchema, 'submit answer');
    if (!REQUEST_ID.test(answer.request_id)) throw new ProtocolError(`submit answer: request_id "${answer.request_id.slice(0, 60)}" is not a valid id`);
    return { requestId: answer.request_id, state: toJobState(answer.status) ?? 'queued' };
  }

  async status(requestId: string, signal?: AbortSignal): Promise<JobStatus> {
    const response = await this.call(
      {
        method: 'GET',
        url: this.requestUrl(requestId, '/status'),
        safety: 'idempotent',
        what: `status of ${requestId}`,
        timeoutMs: this.timeouts.requestMs,
        maxBytes: MAX_JSON_BYTES,
        context: { on: 'job', requestId },
      },
      signal,
    );
    const answer = parseJson(response, answerSchemas().statusAnswerSchema, 'status answer');
    const state = toJobState(answer.status, response.status);
    if (!state) throw new JobFailedError(requestId, errorText(answer.error) || `status ${answer.status}`);
    return { state, metrics: answer.metrics, remainingCredits: remainingCredits(response, answer.metrics) };
  }

  async result(requestId: string, signal?: AbortSignal): Promise<JobResult> {
    const response = await this.call(
      {
        method: 'GET',
        url: this.requestUrl(requestId, ''),
        safety: 'idempotent',
        what: `result of ${requestId}`,
        timeoutMs: this.timeouts.requestMs,
        maxBytes: MAX_JSON_BYTES,
        context: { on: 'job', requestId },
      },
      signal,
    );
    const answer = parseJson(response, answerSchemas().resultAnswerSchema, 'result answer');
    // Some answers carry the output without a status; an image means it is done.
    const state = answer.status === undefined ? 'completed' : toJobState(answer.status, response.status);
    if (!state) throw new JobFailedError(requestId, errorText(answer.error) || `status ${answer.status ?? 'FAILED'}`);
    const common = { metrics: answer.metrics, remainingCredits: remainingCredits(response, answer.metrics) };
    if (state !== 'completed') return { state, ...common };
    return { state, image: extractImageSource(answer), ...common };
  }

  /** v1: one blocking call that answers with the image bytes (or, tolerated, JSON pointing at it). */
  async generateSync(model: string, body: Record<string, unknown>, timeoutMs: number, signal?: AbortSignal): Promise<SyncResult> {
    const response = await this.call(
      {
        method: 'POST',
        url: joinUrl(this.apiBase, `v1/${model}`),
        body,
        safety: 'submit',
        what: `v1 call to ${model}`,
        timeoutMs,
        maxBytes: MAX_IMAGE_BYTES,
        context: { on: 'model', model },
      },
      signal,
    );
    const accounting = {
      requestId: response.headers['x-request-id'],
      cost: numberHeader(response, 'x-cost'),
      remainingCredits: numberHeader(response, 'x-remaining-credits'),
      generationSeconds: numberHeader(response, 'x-generation-time'),
    };
    if (sniffImageFormat(response.body)) return { image: { type: 'bytes', bytes: new Uint8Array(response.body) }, ...accounting };
    const answer = parseJson(response, answerSchemas().resultAnswerSchema, 'v1 answer');
    return { image: extractImageSource(answer), ...accounting };
  }

  async credits(signal?: AbortSignal): Promise<Credits> {
    const response = await this.call(
      {
        method: 'GET',
        url: joinUrl(this.apiBase, 'v1/get-user-credits'),
        safety: 'idempotent',
        what: 'credits',
        timeoutMs: this.timeouts.requestMs,
        maxBytes: MAX_JSON_BYTES,
        context: { on: 'credits' },
      },
      signal,
    );
    const answer = parseJson(response, answerSchemas().creditsAnswerSchema, 'credits answer');
    return { credits: answer.credits, freeCredits: answer['free-credits'] };
  }

  /** Uploads images (as data URLs) to Segmind storage so edit models can fetch them. */
  async upload(dataUrls: readonly string[], signal?: AbortSignal): Promise<string[]> {
    const response = await this.call(
      {
        method: 'POST',
        url: joinUrl(this.uploadBase, 'upload-asset'),
        body: { data_urls: dataUrls },
        safety: 'submit',
        what: 'image upload',
        timeoutMs: this.timeouts.uploadMs,
        maxBytes: MAX_JSON_BYTES,
        context: { on: 'other' },
      },
      signal,
    );
    const answer = parseJson(response, answerSchemas().uploadAnswerSchema, 'upload answer');
    const urls = answer.file_urls ?? answer.urls;
    if (!urls || urls.length !== dataUrls.length) {
      throw new ProtocolError(`upload answer: expected ${dataUrls.length} file URL(s) in file_urls or urls, got ${urls?.length ?? 0}`);
    }
    return urls;
  }

  /** Fetches a finished image from its public URL, with no key, following a few redirects. */
  async download(source: ImageSource, signal?: AbortSignal): Promise<DownloadedImage> {
    const bytes = source.type === 'bytes' ? source.bytes : await this.fetchPublic(source.url, signal);
    const format = sniffImageFormat(bytes);
    if (!format) throw new ProtocolError('the output is not a PNG, JPEG or WebP image');
    return { bytes, format };
  }

  private async fetchPublic(location: string, signal?: AbortSignal): Promise<Uint8Array> {
    let url = parsePublicUrl(location);
    for (let redirects = 0; ; redirects++) {
      const target = url;
      const response = await this.call(
        {
          method: 'GET',
          url: target,
          safety: 'idempotent',
          what: 'image download',
          timeoutMs: this.timeouts.downloadMs,
          maxBytes: MAX_IMAGE_BYTES,
          context: { on: 'other' },
          passStatuses: [301, 302, 303, 307, 308],
        },
        signal,
        { authenticated: false },
      );
      if (response.status < 300) return new Uint8Array(response.body);
      const next = response.headers['location'];
      if (!next || redirects >= MAX_REDIRECTS) throw new ProtocolError(`image download: too many or empty redirects (HTTP ${response.status})`);
      url = parsePublicUrl(new URL(next, target).href);
    }
  }

  private requestUrl(requestId: string, suffix: '' | '/status'): URL {
    if (!REQUEST_ID.test(requestId)) throw new ProtocolError(`request id "${requestId.slice(0, 60)}" is not a valid id`);
    return joinUrl(this.apiBase, `v2/requests/${encodeURIComponent(requestId)}${suffix}`);
  }

  /** Sends one logical request, retrying per the policy; returns only 2xx (or `passStatuses`) answers. */
  private async call(spec: CallSpec, signal: AbortSignal | undefined, auth = { authenticated: true }): Promise<HttpResponse> {
    const headers: Record<string, string> = { accept: 'application/json, image/*;q=0.9, */*;q=0.5' };
    if (this.options.userAgent) headers['user-agent'] = this.options.userAgent;
    if (spec.body !== undefined) headers['content-type'] = 'application/json';
    if (auth.authenticated) headers['x-api-key'] = await this.keyFor(spec.url);
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);

    for (let attempt = 1; ; attempt++) {
      if (auth.authenticated) await this.options.gate?.acquire(signal);
      const started = this.clock.now();
      try {
        const response = withoutSecret(
          await exchange(
            {
              method: spec.method,
              url: spec.url,
              headers,
              ...(body === undefined ? {} : { body }),
              timeoutMs: spec.timeoutMs,
              ...(signal ? { signal } : {}),
              maxBytes: spec.maxBytes,
              what: this.options.via ? `${spec.what} (through the proxy ${this.options.via})` : spec.what,
            },
            this.options.dispatcher?.(),
          ),
          headers['x-api-key'],
        );
        if ((response.status >= 200 && response.status < 300) || spec.passStatuses?.includes(response.status)) {
          this.report({ method: spec.method, url: spec.url.href, attempt, status: response.status, durationMs: this.clock.now() - started });
          return response;
        }
        throw errorFromAnswer(response, spec.context, this.clock.now());
      } catch (error) {
        if (!isSegmindError(error)) throw error;
        if (error.kind === 'rate-limited' && auth.authenticated) this.options.gate?.rateLimited(error.retryAfterMs);
        const decision = error.kind === 'cancelled' ? { retry: false as const } : decideRetry(error, attempt, spec.safety, this.retry, this.random);
        this.report({
          method: spec.method,
          url: spec.url.href,
          attempt,
          durationMs: this.clock.now() - started,
          error,
          ...('status' in error && typeof error.status === 'number' ? { status: error.status } : {}),
          ...(decision.retry ? { retryInMs: decision.delayMs } : {}),
        });
        if (!decision.retry) throw error;
        await this.clock.sleep(decision.delayMs, signal);
      }
    }
  }

  private async keyFor(url: URL): Promise<string> {
    if (url.origin !== this.apiBase.origin && url.origin !== this.uploadBase.origin) {
      // Unreachable by construction; kept so a future change cannot leak the key by accident.
      throw new ConfigurationError('segmind.apiBaseUrl', `Refusing to send the API key to ${url.origin}.`);
    }
    const key = (await this.options.apiKey())?.trim();
    if (!key) throw new MissingApiKeyError();
    return key;
  }

  private report(event: RequestEvent): void {
    this.options.onRequest?.(event);
  }
}
