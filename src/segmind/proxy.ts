/**
 * Networks as users have them: every request of a client (API, upload, downloads) goes through the
 * proxy VS Code is set to use (`http.proxy`, with `http.proxyAuthorization` and `http.proxyStrictSSL`),
 * or else the one of HTTPS_PROXY/HTTP_PROXY, except hosts in `http.noProxy`/NO_PROXY (read by
 * noProxy.ts). There is no implicit exception for loopback. One dispatcher per client, never the
 * global one: the extension host is shared with every other extension. Not covered: PAC scripts and
 * system proxy discovery.
 *
 * `http.proxyStrictSSL: false` relaxes the check of the proxy's own certificate only: requests to
 * Segmind travel in a CONNECT tunnel whose TLS is between us and Segmind, and that certificate is
 * always verified (a company CA comes in through NODE_EXTRA_CA_CERTS).
 */
import type * as Undici from 'undici';
import { undici, type Agent, type Dispatcher, type ProxyAgent } from './undici';
import { parseNoProxy, type NoProxyList } from './noProxy';

export interface ProxySettings {
  /** `http.proxy`; empty: the environment's. */
  readonly proxy: string;
  /** `http.proxyAuthorization`: sent to the proxy as Proxy-Authorization (never to Segmind). */
  readonly authorization?: string;
  /** `http.proxyStrictSSL`: check the proxy's TLS certificate (Segmind's is checked whatever it says). */
  readonly strictSSL: boolean;
  /** `http.noProxy`: hosts that go direct (noProxy.ts says which spellings). */
  readonly noProxy: readonly string[];
}

export interface ProxyRoute {
  /** Built on the first request (undici loads then): a route that is never used costs nothing. */
  readonly dispatcher: () => Dispatcher;
  /** Closes the dispatcher if it was built, after the requests under way on it. */
  close(): Promise<void>;
  /** For messages: the proxy in use, without credentials, or undefined when none is set. */
  readonly label?: string;
  /** NO_PROXY entries that mean nothing (ignored), for the log. */
  readonly ignoredNoProxy: readonly string[];
}

/** The proxy for each scheme; where none is set, requests go direct. */
interface Proxies {
  readonly http?: string;
  readonly https?: string;
}

export function proxyRoute(settings: ProxySettings, env: NodeJS.ProcessEnv = process.env): ProxyRoute {
  const configured = settings.proxy.trim();
  const proxies: Proxies = configured ? { http: configured, https: configured } : proxiesOfEnvironment(env);
  const noProxy = parseNoProxy(settings.noProxy.length > 0 ? settings.noProxy : (env['no_proxy'] ?? env['NO_PROXY'] ?? ''));
  const agentFor = (uri: string | undefined): ProxyAgent | undefined =>
    uri === undefined
      ? undefined
      : new (undici().ProxyAgent)({
          uri,
          ...(settings.authorization ? { token: settings.authorization } : {}),
          ...(settings.strictSSL ? {} : { proxyTls: { rejectUnauthorized: false } }),
        });
  const shown = proxies.https ?? proxies.http;
  let built: Dispatcher | undefined;
  const dispatcher = (): Dispatcher => {
    if (built) return built;
    const http = agentFor(proxies.http);
    const https = proxies.https === proxies.http ? http : agentFor(proxies.https);
    return (built = new (routerClass())(new (undici().Agent)(), { ...(http ? { http } : {}), ...(https ? { https } : {}) }, noProxy));
  };
  return {
    dispatcher,
    close: () => built?.close() ?? Promise.resolve(),
    ...(shown ? { label: withoutCredentials(shown) } : {}),
    ignoredNoProxy: noProxy.ignored,
  };
}

/** As curl and undici read them: the lower-case spelling first; HTTPS falls back to HTTP's proxy. */
function proxiesOfEnvironment(env: NodeJS.ProcessEnv): Proxies {
  const nonEmpty = (...values: (string | undefined)[]): string | undefined => values.map((value) => value?.trim()).find((value) => value);
  const http = nonEmpty(env['http_proxy'], env['HTTP_PROXY']);
  const https = nonEmpty(env['https_proxy'], env['HTTPS_PROXY']) ?? http;
  return { ...(http ? { http } : {}), ...(https ? { https } : {}) };
}

/** Sends each request direct or through the proxy of its scheme, by the NO_PROXY list (a class over undici's Dispatcher, made on first use). */
function defineRouter(Base: typeof Undici.Dispatcher) {
  return class ProxyRouter extends Base {
    constructor(
      private readonly direct: Agent,
      private readonly proxied: { readonly http?: ProxyAgent; readonly https?: ProxyAgent },
      private readonly noProxy: NoProxyList,
    ) {
      super();
    }

    override dispatch(options: Undici.Dispatcher.DispatchOptions, handler: Undici.Dispatcher.DispatchHandler): boolean {
      return this.routeFor(new URL(String(options.origin))).dispatch(options, handler);
    }

    private routeFor(url: URL): Dispatcher {
      const proxy = url.protocol === 'https:' ? this.proxied.https : this.proxied.http;
      return proxy && !this.noProxy.bypasses(url) ? proxy : this.direct;
    }

    override close(): Promise<void>;
    override close(callback: () => void): void;
    override close(callback?: () => void): Promise<void> | void {
      const closed = Promise.all(this.all().map((dispatcher) => dispatcher.close())).then(() => undefined);
      if (!callback) return closed;
      void closed.then(callback, callback);
    }

    override destroy(): Promise<void>;
    override destroy(err: Error | null): Promise<void>;
    override destroy(callback: () => void): void;
    override destroy(err: Error | null, callback: () => void): void;
    override destroy(errOrCallback?: Error | null | (() => void), callback?: () => void): Promise<void> | void {
      const error = typeof errOrCallback === 'function' ? null : (errOrCallback ?? null);
      const done = typeof errOrCallback === 'function' ? errOrCallback : callback;
      const destroyed = Promise.all(this.all().map((dispatcher) => dispatcher.destroy(error))).then(() => undefined);
      if (!done) return destroyed;
      void destroyed.then(done, done);
    }

    private all(): Dispatcher[] {
      return [...new Set<Dispatcher>([this.direct, ...(this.proxied.http ? [this.proxied.http] : []), ...(this.proxied.https ? [this.proxied.https] : [])])];
    }
  };
}

let Router: ReturnType<typeof defineRouter> | undefined;
const routerClass = (): ReturnType<typeof defineRouter> => (Router ??= defineRouter(undici().Dispatcher));

function withoutCredentials(proxy: string): string {
  try {
    const url = new URL(proxy);
    return `${url.protocol}//${url.host}`;
  } catch {
    return 'the configured proxy';
  }
}
