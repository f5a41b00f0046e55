// The fake's routes: which endpoint answers a host, method and path, and the checks in front of
// every endpoint — route (404), method (405), key (401), content type (406), JSON (400). Kept apart
// from server.ts, which owns the sockets and what comes before routing (faults, the rate limit).

import type { HostName, RecordedRequest } from './types';
import type { Reply } from './http';
import { errorReply, methodNotAllowed } from './http';
import type { FakeState } from './state';
import * as ep from './endpoints';

export interface Route {
  pattern: RegExp;
  methods: readonly string[];
  /** api and upload hosts need the key; the output host is public. */
  auth: boolean;
  handle: (m: RegExpExecArray, call: ep.Call, path: string) => Reply | undefined | Promise<Reply | undefined>;
}

/** Every host's routes, over the fake's state; the first whose pattern matches the path answers. */
export function buildRoutes(s: FakeState): Record<HostName, Route[]> {
  const param = (m: RegExpExecArray): string => safeDecode(m[1] ?? '');
  return {
    api: [
      { pattern: /^\/v1\/get-user-credits$/, methods: ['GET'], auth: true, handle: () => ep.getCredits(s) },
      { pattern: /^\/v1\/([^/]+)$/, methods: ['POST'], auth: true, handle: (m, call) => ep.runV1(s, param(m), call) },
      { pattern: /^\/v2\/requests\/([^/]+)\/status$/, methods: ['GET'], auth: true, handle: (m) => ep.statusV2(s, param(m)) },
      { pattern: /^\/v2\/requests\/([^/]+)$/, methods: ['GET'], auth: true, handle: (m) => ep.resultV2(s, param(m)) },
      { pattern: /^\/v2\/([^/]+)$/, methods: ['POST'], auth: true, handle: (m, call) => ep.submitV2(s, param(m), call) },
    ],
    upload: [{ pattern: /^\/upload-asset$/, methods: ['POST'], auth: true, handle: (_m, call) => ep.uploadAssets(s, call) }],
    output: [
      {
        pattern: /^\/generations\/([^/]+)\.([A-Za-z0-9]+)$/,
        methods: ['GET', 'HEAD'],
        auth: false,
        handle: (m) => ep.getGeneration(s, param(m), m[2] ?? ''),
      },
      { pattern: /^\/assets\/[^/]+$/, methods: ['GET', 'HEAD'], auth: false, handle: (_m, _c, path) => ep.getAsset(s, path) },
    ],
  };
}

/**
 * The answer of the first route matching the request's path, after the checks a real endpoint makes
 * first; undefined when the endpoint gives none (a call the client abandoned).
 */
export function routeRequest(
  routes: readonly Route[],
  rec: RecordedRequest,
  bytes: Buffer,
  signal: AbortSignal,
  apiKey: string,
): Reply | undefined | Promise<Reply | undefined> {
  for (const route of routes) {
    const m = route.pattern.exec(rec.path);
    if (!m) continue;
    if (!route.methods.includes(rec.method)) return methodNotAllowed(route.methods);
    if (route.auth && !keyMatches(rec.headers['x-api-key'], apiKey)) {
      return errorReply(401, 'Unauthorized: invalid or missing API key');
    }
    let json: unknown;
    if (rec.method === 'POST') {
      if (!isJsonContentType(rec.headers['content-type'])) return errorReply(406, 'Invalid content type');
      try {
        json = JSON.parse(bytes.toString('utf8')) as unknown;
      } catch {
        return errorReply(400, 'Invalid JSON body');
      }
    }
    return route.handle(m, { json, signal }, rec.path);
  }
  return errorReply(404, 'Not found');
}

function keyMatches(header: string | string[] | undefined, apiKey: string): boolean {
  return typeof header === 'string' && header === apiKey;
}

function isJsonContentType(header: string | string[] | undefined): boolean {
  if (typeof header !== 'string') return false;
  return (header.split(';')[0] ?? '').trim().toLowerCase() === 'application/json';
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
