/**
 * How the client reads the service's answers: a non-2xx answer as the typed error the UI tells
 * apart, the service's own words (short, redacted), status words as job states, JSON checked by its
 * zod schema, the remaining credits, and the key scrubbed from anything that echoes it. Pure.
 */
import type * as z from '../domain/generation/schema';
import {
  BadRequestError,
  ForbiddenError,
  JobExpiredError,
  JobFailedError,
  ModelRetiredError,
  NotAcceptableError,
  NotFoundError,
  ProtocolError,
  RateLimitError,
  ServerError,
  UnauthorizedError,
  UnexpectedStatusError,
  type SegmindError,
} from '../domain/errors/errors';
import { sniffImageFormat } from '../domain/images/imageFormat';
import { redact } from '../domain/safety/redact';
import type { JobState } from './clientTypes';
import type { HttpResponse } from './http';
import { retryAfterMs } from './retryPolicy';
import { answerSchemas, describeIssues, type Metrics } from './schemas';

/** What an answer was about: a 404 on a job means its result expired; on a model, that the service does not serve it. */
export type AnswerContext =
  { readonly on: 'model'; readonly model: string } | { readonly on: 'job'; readonly requestId: string } | { readonly on: 'credits' } | { readonly on: 'other' };

/**
 * An answer that echoes our key (whatever its shape) has it replaced before any part of the answer
 * can reach a message, a log or the user. Image bytes are left alone.
 */
export function withoutSecret(response: HttpResponse, secret: string | undefined): HttpResponse {
  if (!secret || secret.length < 6 || !response.body.includes(secret) || sniffImageFormat(response.body)) return response;
  return { ...response, body: Buffer.from(redact(response.body.toString('utf8'), [secret])) };
}

export function parsePublicUrl(location: string): URL {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new ProtocolError(`the output URL is not a URL: "${location.slice(0, 80)}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ProtocolError(`the output URL has an unsupported scheme: ${url.protocol}`);
  return url;
}

/** Turns a non-2xx answer into the typed error the UI tells apart. */
export function errorFromAnswer(response: HttpResponse, context: AnswerContext, nowMs: number): SegmindError {
  const message = serviceMessage(response);
  const status = response.status;
  switch (status) {
    case 400:
      return new BadRequestError(message);
    case 401:
      return new UnauthorizedError(message);
    case 403:
      return new ForbiddenError(message);
    case 404:
      // On a model call, a model the service does not serve: the same answer as a retired one.
      if (context.on === 'model') return new ModelRetiredError(message, context.model, 404);
      return context.on === 'job' ? new JobExpiredError(context.requestId, message) : new NotFoundError(message, context.on);
    case 406:
      return new NotAcceptableError(message);
    case 410:
      return new ModelRetiredError(message, context.on === 'model' ? context.model : undefined, 410);
    case 422:
      return new JobFailedError(context.on === 'job' ? context.requestId : undefined, message || 'the job failed');
    case 429:
      return new RateLimitError(retryAfterMs(response.headers, nowMs), message);
    default:
      return status >= 500 ? new ServerError(status, message) : new UnexpectedStatusError(status, message);
  }
}

/** The service's explanation, from JSON `{error}` or plain text or an HTML page; short and redacted. */
export function serviceMessage(response: HttpResponse): string {
  const text = response.body.toString('utf8', 0, Math.min(response.body.length, 16_384));
  let message = text;
  try {
    const parsed = answerSchemas().errorBodySchema.safeParse(JSON.parse(text));
    if (parsed.success) message = errorText(parsed.data.error) || errorText(parsed.data.message) || errorText(parsed.data.detail) || text;
  } catch {
    message = text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ');
  }
  const compact = message.replace(/\s+/g, ' ').trim();
  return redact(compact.length > 300 ? `${compact.slice(0, 297)}…` : compact);
}

export function errorText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const inner = (value as { message?: unknown }).message;
    return typeof inner === 'string' ? inner : JSON.stringify(value);
  }
  return '';
}

/**
 * Maps the service's status words onto our three states; undefined means failed. Unknown words are
 * taken as "still working" (the contract is tolerant here), except that an HTTP 422 is always failure.
 */
export function toJobState(status: string | undefined, httpStatus?: number): JobState | undefined {
  if (httpStatus === 422) return undefined;
  switch ((status ?? '').toUpperCase()) {
    case 'COMPLETED':
    case 'SUCCEEDED':
    case 'SUCCESS':
    case 'DONE':
      return 'completed';
    case 'FAILED':
    case 'ERROR':
    case 'CANCELLED':
    case 'CANCELED':
      return undefined;
    case 'QUEUED':
    case 'IN_QUEUE':
    case 'PENDING':
    case '':
      return 'queued';
    default:
      return 'processing';
  }
}

export function parseJson<T extends z.ZodMiniType>(response: HttpResponse, schema: T, what: string): z.infer<T> {
  let value: unknown;
  try {
    value = JSON.parse(response.body.toString('utf8'));
  } catch {
    const start = response.body.toString('utf8', 0, 40).replace(/\s+/g, ' ');
    throw new ProtocolError(`${what} is not JSON (it starts with "${redact(start)}")`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ProtocolError(`${what}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

export function numberHeader(response: HttpResponse, name: string): number | undefined {
  const raw = response.headers[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

export function remainingCredits(response: HttpResponse, metrics: Metrics | undefined): number | undefined {
  return metrics?.remaining_credits ?? numberHeader(response, 'x-remaining-credits');
}
