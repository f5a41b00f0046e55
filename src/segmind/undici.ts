/**
 * The parts of undici this extension uses — a connection pool per origin (Agent), the proxy tunnel
 * (ProxyAgent), the dispatcher base class and the request call — taken from undici's own modules
 * rather than its index, which loads fetch, WebSocket, caches and mocks too (535 KiB of the bundle
 * minified, 308 KiB this way). Types still come from the package's declarations.
 *
 * Loaded with the first request, not with the services: undici and the node modules under it (net,
 * tls, http) are the largest part of what the services would load, and a session without a key,
 * or a command that asks before it sends, needs none of it yet.
 */
import type * as Undici from 'undici';

export type Dispatcher = Undici.Dispatcher;
export type Agent = Undici.Agent;
export type ProxyAgent = Undici.ProxyAgent;

export interface UndiciParts {
  readonly Agent: typeof Undici.Agent;
  readonly ProxyAgent: typeof Undici.ProxyAgent;
  readonly Dispatcher: typeof Undici.Dispatcher;
}

let parts: UndiciParts | undefined;

/** undici's dispatchers, loaded on first use. */
export function undici(): UndiciParts {
  if (parts) return parts;
  /* eslint-disable @typescript-eslint/no-require-imports -- undici's modules have no declarations of their own; the package's types describe them */
  const Dispatcher = require('undici/lib/dispatcher/dispatcher.js') as typeof Undici.Dispatcher;
  // What undici's index does: every dispatcher gets request, stream, pipeline, upgrade and connect
  // (ProxyAgent tunnels with connect).
  Object.assign(Dispatcher.prototype, require('undici/lib/api/index.js'));
  parts = {
    Agent: require('undici/lib/dispatcher/agent.js') as typeof Undici.Agent,
    ProxyAgent: require('undici/lib/dispatcher/proxy-agent.js') as typeof Undici.ProxyAgent,
    Dispatcher,
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  return parts;
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
