// One function per service endpoint. They get an already authenticated,
// already parsed call and return the answer as a value; server.ts does
// routing, auth, faults, rate limiting and sending.

import { randomUUID } from 'node:crypto';
import type { FakeState } from './state';
import { DEFAULT_OUTPUT_RETENTION_MS } from './types';
import type { JobRecord } from './jobs';
import { isExpired, jobMetrics, jobStateAt, round3 } from './jobs';
import { isModelSlug, validateBody } from './models';
import { CONTENT_TYPES, EXTENSIONS, formatFromExtension, sniffImageFormat } from './images';
import type { ImageFormat } from './images';
import type { Reply } from './http';
import { errorReply, jsonReply, rawReply, sleep } from './http';

export interface Call {
  /** Parsed JSON body (POST only; the server already refused invalid JSON). */
  json: unknown;
  signal: AbortSignal;
}

const NOT_FOUND = 'Not found';

export function getCredits(state: FakeState): Reply {
  const o = state.options;
  if (o.creditsMissing) return errorReply(404, 'No credits found for the user');
  return jsonReply(200, { credits: o.credits, 'free-credits': o.freeCredits });
}

/** Checks shared by v1 and v2 model calls; on success the plan is taken from the queue. */
function acceptModelCall(state: FakeState, slugParam: string, json: unknown, transport: 'v1' | 'v2'): { reply: Reply } | { job: JobRecord } {
  const retired = state.options.retiredModels[slugParam];
  if (retired) return { reply: errorReply(retired.status, retired.message) };
  const like = isModelSlug(slugParam) ? slugParam : state.options.customModels[slugParam];
  if (!like) return { reply: errorReply(404, 'Model not found') };
  const v = validateBody(like, json);
  if (!v.ok) return { reply: errorReply(400, v.error) };
  const plan = state.peekPlan();
  const credits = state.options.credits;
  if (credits < plan.cost) {
    return { reply: errorReply(406, `Insufficient credits. Your balance is ${credits}, this model needs ${plan.cost}.`) };
  }
  const taken = state.takePlan();
  const job: JobRecord = {
    id: randomUUID(),
    slug: slugParam,
    body: json as Record<string, unknown>,
    submittedAt: state.options.now(),
    plan: taken,
    transport,
    output: taken.ignoreTransparency ? { ...v.output, transparent: false } : v.output,
    charged: false,
  };
  state.jobs.set(job.id, job);
  return { job };
}

function v2Headers(state: FakeState): Record<string, string> {
  return state.options.remainingCreditsHeader ? { 'x-remaining-credits': String(state.options.credits) } : {};
}

export function submitV2(state: FakeState, slug: string, call: Call): Reply {
  const r = acceptModelCall(state, slug, call.json, 'v2');
  if ('reply' in r) return r.reply;
  const { job } = r;
  const answer: Record<string, unknown> = { request_id: job.id, status: 'QUEUED' };
  if (job.plan.includeStatusUrls) {
    const origin = job.plan.foreignStatusUrls ? 'https://evil.example' : state.urls.api;
    answer.status_url = `${origin}/v2/requests/${job.id}/status`;
    answer.response_url = `${origin}/v2/requests/${job.id}`;
  }
  return jsonReply(200, answer, v2Headers(state));
}

/** The v2 job for an id, or undefined when unknown, expired or a v1 call. */
function liveV2Job(state: FakeState, id: string): JobRecord | undefined {
  const job = state.jobs.get(id);
  if (!job || job.transport !== 'v2' || isExpired(job, state.options.now(), state.options.retentionMs)) return undefined;
  return job;
}

function failedReply(state: FakeState, job: JobRecord): Reply {
  return jsonReply(422, { status: 'FAILED', error: job.plan.error, request_id: job.id }, v2Headers(state));
}

export function statusV2(state: FakeState, id: string): Reply {
  const job = liveV2Job(state, id);
  if (!job) return errorReply(404, `Request ${id} not found`);
  const s = jobStateAt(job, state.options.now());
  if (s === 'FAILED') return failedReply(state, job);
  if (s === 'COMPLETED') {
    return jsonReply(200, { status: s, request_id: id, metrics: { inference_time: jobMetrics(job).inference_time } }, v2Headers(state));
  }
  return jsonReply(200, { status: s, request_id: id }, v2Headers(state));
}

export function outputUrl(state: FakeState, job: JobRecord): string {
  return `${state.urls.output}/generations/${job.id}.${EXTENSIONS[job.output.format]}`;
}

export async function resultV2(state: FakeState, id: string): Promise<Reply> {
  const job = liveV2Job(state, id);
  if (!job) return errorReply(404, `Request ${id} not found`);
  const s = jobStateAt(job, state.options.now());
  if (s === 'FAILED') return failedReply(state, job);
  // Not finished: no output. Always "PROCESSING" here (the brief's choice), even while the status
  // endpoint still says QUEUED; clients must treat any non-final status as "keep waiting".
  if (s !== 'COMPLETED') return jsonReply(200, { status: 'PROCESSING', request_id: id }, v2Headers(state));

  const answer: Record<string, unknown> = { status: 'COMPLETED', request_id: id };
  const url = outputUrl(state, job);
  switch (job.plan.resultShape) {
    case 'images':
      answer.images = [{ url }];
      break;
    case 'outputUrl':
      answer.output = url;
      break;
    case 'outputList':
      answer.output = [url];
      break;
    case 'base64':
    case 'dataUri': {
      const b64 = (await imageOf(state, job)).toString('base64');
      answer.output = job.plan.resultShape === 'base64' ? b64 : `data:${CONTENT_TYPES[job.output.format]};base64,${b64}`;
      break;
    }
  }
  const m = jobMetrics(job);
  answer.metrics = { cost: job.plan.cost, remaining_credits: state.options.credits, inference_time: m.inference_time, queue_time: m.queue_time };
  return jsonReply(200, answer, v2Headers(state));
}

function imageOf(state: FakeState, job: JobRecord): Promise<Buffer> {
  // A PNG signature, then nothing an image library can decode: a paid image that cannot be processed.
  if (job.plan.corruptImage)
    return Promise.resolve(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('not really a picture')]));
  return state.imageFor(job.id, job.output, String(job.body.prompt));
}

/** v1: blocks syncDelayMs (wall clock), then answers the raw bytes. undefined = client went away. */
export async function runV1(state: FakeState, slug: string, call: Call): Promise<Reply | undefined> {
  const r = acceptModelCall(state, slug, call.json, 'v1');
  if ('reply' in r) return r.reply;
  const { job } = r;
  const started = Date.now();
  // Rendering in parallel with the wait keeps big sizes from adding to syncDelayMs.
  const bytes = job.plan.outcome === 'COMPLETED' ? imageOf(state, job) : undefined;
  if (!(await sleep(state.options.syncDelayMs, call.signal))) {
    // Not charged: the fake treats a disconnect as a cancelled call (the real service might still bill).
    bytes?.catch(() => undefined);
    return undefined;
  }
  if (!bytes) return errorReply(422, job.plan.error);
  const body = await bytes;
  job.charged = true;
  state.charge(job.plan.cost);
  return rawReply(200, CONTENT_TYPES[job.output.format], body, {
    'x-remaining-credits': String(state.options.credits),
    'x-cost': String(job.plan.cost),
    'x-request-id': job.id,
    'x-generation-time': String(round3((Date.now() - started) / 1000)),
  });
}

const DATA_URL = /^data:image\/(png|jpeg|webp);base64,([A-Za-z0-9+/=\s]*)$/;

export function uploadAssets(state: FakeState, call: Call): Reply {
  const body = call.json;
  const list = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).data_urls : undefined;
  if (!Array.isArray(list) || list.length === 0) return errorReply(400, 'data_urls is required and must be a non-empty list');
  const decoded: Array<{ format: ImageFormat; bytes: Buffer }> = [];
  for (const [i, item] of list.entries()) {
    const m = typeof item === 'string' ? DATA_URL.exec(item) : null;
    if (!m) return errorReply(400, `data_urls[${i}] is not a base64 data URL of a png, jpeg or webp image`);
    const format = m[1] as ImageFormat;
    const bytes = Buffer.from(m[2] ?? '', 'base64');
    if (sniffImageFormat(bytes) !== format) {
      return errorReply(400, `data_urls[${i}] does not contain a valid ${format} image`);
    }
    decoded.push({ format, bytes });
  }
  // All or nothing: store only after every item passed.
  const urls = decoded.map(({ format, bytes }) => {
    const url = `${state.urls.output}/assets/${randomUUID()}.${EXTENSIONS[format]}`;
    state.uploads.push({ url, contentType: CONTENT_TYPES[format], bytes });
    return url;
  });
  return jsonReply(200, { [state.options.uploadKey]: urls, message: 'Files uploaded successfully' });
}

/** Output host: a generated image. Public: no key check. */
export async function getGeneration(state: FakeState, id: string, ext: string): Promise<Reply> {
  const job = state.jobs.get(id);
  const now = state.options.now();
  if (
    !job ||
    job.transport !== 'v2' ||
    jobStateAt(job, now) !== 'COMPLETED' ||
    isExpired(job, now, state.options.outputRetentionMs ?? DEFAULT_OUTPUT_RETENTION_MS) ||
    formatFromExtension(ext) !== job.output.format
  ) {
    return errorReply(404, NOT_FOUND);
  }
  const bytes = await imageOf(state, job);
  return rawReply(200, CONTENT_TYPES[job.output.format], bytes, { 'cache-control': 'public, max-age=604800' });
}

/** Output host: an uploaded asset. */
export function getAsset(state: FakeState, path: string): Reply {
  const url = state.urls.output + path;
  const asset = state.uploads.find((u) => u.url === url);
  if (!asset) return errorReply(404, NOT_FOUND);
  return rawReply(200, asset.contentType, asset.bytes, { 'cache-control': 'public, max-age=604800' });
}
