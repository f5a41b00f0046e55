/**
 * undici's dispatchers and request API, taken from its own modules rather than its index (which
 * loads fetch, WebSocket, caches and mocks too). A lazy chunk, dist/undici.js (310 KiB minified,
 * half of what dist/extension.js would otherwise carry): segmind/undici.ts requires it with the
 * first request, so activation never parses it. Types still come from the package's declarations.
 */
import type * as Undici from 'undici';

export interface UndiciParts {
  readonly Agent: typeof Undici.Agent;
  readonly ProxyAgent: typeof Undici.ProxyAgent;
  readonly Dispatcher: typeof Undici.Dispatcher;
}

/** Loads the modules and gives every dispatcher the API undici's index adds; call once. */
export function loadUndiciParts(): UndiciParts {
  /* eslint-disable @typescript-eslint/no-require-imports -- undici's modules have no declarations of their own; the package's types describe them */
  const Dispatcher = require('undici/lib/dispatcher/dispatcher.js') as typeof Undici.Dispatcher;
  // What undici's index does: every dispatcher gets request, stream, pipeline, upgrade and connect
  // (ProxyAgent tunnels with connect).
  Object.assign(Dispatcher.prototype, require('undici/lib/api/index.js'));
  return {
    Agent: require('undici/lib/dispatcher/agent.js') as typeof Undici.Agent,
    ProxyAgent: require('undici/lib/dispatcher/proxy-agent.js') as typeof Undici.ProxyAgent,
    Dispatcher,
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}
