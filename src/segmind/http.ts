/**
 * One HTTP exchange over undici, with a per-request timeout, the caller's cancellation, and a cap on
 * the answer's size. Failures below HTTP (refused, reset, truncated, too slow) become typed errors;
 * HTTP statuses are returned as they are and interpreted by the client.
 */
import type { Dispatcher } from 'undici';
import { request } from './undici';
import { CancelledError, NetworkError, ProtocolError, RequestTimeoutError } from '../domain/errors/errors';

export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Deadline for the whole exchange, headers and body. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly maxBytes: number;
  /** Short description for messages, e.g. "status of request 1234". Never contains the key. */
  readonly what: string;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export async function exchange(req: HttpRequest, dispatcher?: Dispatcher): Promise<HttpResponse> {
  if (req.signal?.aborted) throw new CancelledError();
  const timeout = AbortSignal.timeout(req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
  try {
    const answer = await request(
      req.url,
      { method: req.method, headers: req.headers, ...(req.body === undefined ? {} : { body: req.body }), signal },
      dispatcher,
    );
    const body = await readBody(answer.body, req.maxBytes, req.what);
    return { status: answer.statusCode, headers: flattenHeaders(answer.headers), body };
  } catch (error) {
    if (req.signal?.aborted) throw new CancelledError();
    if (timeout.aborted) throw new RequestTimeoutError(req.timeoutMs, req.what);
    if (error instanceof ProtocolError) throw error;
    throw new NetworkError(`${req.what}: ${describeNetworkFailure(error)}`, { cause: error });
  }
}

async function readBody(body: Dispatcher.ResponseData['body'], maxBytes: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    total += buffer.length;
    if (total > maxBytes) {
      body.destroy();
      throw new ProtocolError(`${what}: the answer is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, total);
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function describeNetworkFailure(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${typeof code === 'string' ? `${code}: ` : ''}${error.message}${cause}`;
  }
  return String(error);
}
