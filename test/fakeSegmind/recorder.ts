// Turns an incoming request into a RecordedRequest, so tests can assert on what
// a client sent (including that no key reached the output host).

import type { IncomingMessage } from 'node:http';
import type { HostName, RecordedRequest } from './types';

export function recordRequest(host: HostName, req: IncomingMessage, bytes: Buffer, at: number): RecordedRequest {
  const url = req.url ?? '/';
  return {
    host,
    method: req.method ?? 'GET',
    path: pathOf(url),
    url,
    headers: { ...req.headers },
    body: parseBody(bytes),
    at,
  };
}

export function pathOf(url: string): string {
  const q = url.search(/[?#]/);
  return q < 0 ? url : url.slice(0, q);
}

/** Parsed JSON, or the raw text when not JSON, or undefined when empty. */
export function parseBody(bytes: Buffer): unknown {
  if (bytes.length === 0) return undefined;
  const text = bytes.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function filterRequests(all: readonly RecordedRequest[], host: HostName, method?: string, pathPrefix?: string): RecordedRequest[] {
  return all.filter(
    (r) =>
      r.host === host &&
      (method === undefined || r.method.toUpperCase() === method.toUpperCase()) &&
      (pathPrefix === undefined || r.path.startsWith(pathPrefix)),
  );
}
