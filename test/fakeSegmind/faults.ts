// Injected faults: matching and counting only. How a matched fault is played
// out (status answer, dropped socket, delay, truncated body) lives in server.ts,
// which owns the sockets.

import type { Fault, HostName } from './types';

export class FaultList {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    // Copy, so the caller's object is not mutated when `times` counts down.
    this.faults.push({ ...fault, times: fault.times ?? 1 });
  }

  clear(): void {
    this.faults = [];
  }

  /** First matching fault, counted as used (and removed when used up); undefined if none. */
  take(host: HostName, method: string, path: string): Fault | undefined {
    const i = this.faults.findIndex((f) => matches(f, host, method, path));
    if (i < 0) return undefined;
    const f = this.faults[i] as Fault;
    f.times = (f.times ?? 1) - 1;
    if (f.times <= 0) this.faults.splice(i, 1);
    return f;
  }
}

function matches(f: Fault, host: HostName, method: string, path: string): boolean {
  if ((f.host ?? 'api') !== host) return false;
  if (f.method !== undefined && f.method.toUpperCase() !== method.toUpperCase()) return false;
  if (typeof f.path === 'string') return path.startsWith(f.path);
  f.path.lastIndex = 0; // a /g or /y RegExp keeps state between test() calls
  return f.path.test(path);
}

const DEFAULT_MESSAGES: Readonly<Record<number, string>> = {
  400: 'Bad request',
  401: 'Unauthorized: invalid or missing API key',
  403: 'Forbidden: this model is not available to your team',
  404: 'Not found',
  406: 'Insufficient credits',
  408: 'Request timeout',
  410: 'This model has been retired',
  413: 'Payload too large',
  422: 'Unprocessable request',
  429: 'Rate limit exceeded',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service temporarily unavailable',
  504: 'Gateway timeout',
};

/** Default body for a 'status' fault: JSON error, except 405 which the service answers with HTML. */
export function defaultFaultBody(status: number): { contentType: string; body: string } {
  if (status === 405) return { contentType: 'text/html; charset=utf-8', body: methodNotAllowedHtml() };
  const error = DEFAULT_MESSAGES[status] ?? `HTTP ${status}`;
  return { contentType: 'application/json', body: JSON.stringify({ error }) };
}

/** Guess a content type for a caller-supplied raw body. */
export function contentTypeOf(body: string): string {
  const t = body.trimStart();
  if (t.startsWith('<')) return 'text/html; charset=utf-8';
  try {
    JSON.parse(body);
    return 'application/json';
  } catch {
    return 'text/plain; charset=utf-8';
  }
}

/** The small page a Flask/Werkzeug-style gateway gives for a wrong method. */
export function methodNotAllowedHtml(): string {
  return (
    '<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n' +
    '<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n'
  );
}
