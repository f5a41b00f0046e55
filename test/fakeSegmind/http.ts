// Small HTTP helpers: answers are built as values (Reply) and sent in one place,
// so a 'truncate' fault can cut any answer, and abortable waits so a client
// disconnect or close() never leaves a timer behind.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { methodNotAllowedHtml } from './faults';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: Buffer.from(JSON.stringify(value)) };
}

export function errorReply(status: number, error: string, headers: Record<string, string> = {}): Reply {
  return jsonReply(status, { error }, headers);
}

export function rawReply(status: number, contentType: string, body: Buffer | string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': contentType, ...headers }, body: typeof body === 'string' ? Buffer.from(body) : body };
}

export function methodNotAllowed(allow: readonly string[]): Reply {
  return rawReply(405, 'text/html; charset=utf-8', methodNotAllowedHtml(), { allow: allow.join(', ') });
}

export interface SendMode {
  /** HEAD: headers only. */
  head: boolean;
  /** Declare the full Content-Length, send half, then destroy the socket. */
  truncate: boolean;
}

export function send(res: ServerResponse, reply: Reply, mode: SendMode): void {
  const { body } = reply;
  if (mode.truncate) {
    const sent = Math.floor(body.length / 2);
    const declared = Math.max(body.length, sent + 1); // always more than what is sent
    res.writeHead(reply.status, { ...reply.headers, 'content-length': String(declared) });
    if (sent > 0) {
      // Destroy only once the half is flushed, so the client really sees a partial body.
      res.write(body.subarray(0, sent), () => res.destroy());
    } else {
      res.flushHeaders();
      setImmediate(() => res.destroy());
    }
    return;
  }
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(body.length) });
  res.end(mode.head ? undefined : body);
}

/** Reads the whole body; beyond `max` bytes the rest is drained and `tooLarge` set. */
export function readBody(req: IncomingMessage, max: number): Promise<{ bytes: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve({ bytes: Buffer.concat(chunks), tooLarge }));
    req.on('error', reject);
  });
}

/** Resolves true after `ms`, or false as soon as `signal` aborts (the timer is cleared). */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
