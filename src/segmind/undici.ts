/**
 * The parts of undici this extension uses — a connection pool per origin (Agent), the proxy tunnel
 * (ProxyAgent), the dispatcher base class and the request call — from the lazy chunk
 * dist/undici.js (segmind/undiciParts.ts: undici's own modules rather than its index, 310 KiB
 * minified instead of 535). Types still come from the package's declarations.
 *
 * Loaded with the first request, not with the services nor at activation: undici and the node
 * modules under it (net, tls, http) are the largest part of what the services would load, and a
 * session without a key, or a command that asks before it sends, needs none of it yet.
 */
import type * as Undici from 'undici';
import type * as Chunk from './undiciParts';

export type Dispatcher = Undici.Dispatcher;
export type Agent = Undici.Agent;
export type ProxyAgent = Undici.ProxyAgent;
export type UndiciParts = Chunk.UndiciParts;

let parts: UndiciParts | undefined;

/** undici's dispatchers, loaded on first use. */
export function undici(): UndiciParts {
  // A require, not import(): a proxy route is built synchronously. esbuild.mjs makes it a require of dist/undici.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (parts ??= (require('./undiciParts') as typeof Chunk).loadUndiciParts());
}

let direct: Undici.Agent | undefined;

/** A request through `dispatcher` (a direct Agent of our own when none is given: never undici's global one). */
export function request(
  url: URL,
  options: Omit<Undici.Dispatcher.RequestOptions, 'origin' | 'path'>,
  dispatcher?: Undici.Dispatcher,
): Promise<Undici.Dispatcher.ResponseData> {
  const through = dispatcher ?? (direct ??= new (undici().Agent)());
  return through.request({ ...options, origin: url.origin, path: `${url.pathname}${url.search}` });
}
