/**
 * Networks as users have them: every request of a client (API, upload, downloads) goes through the
 * proxy VS Code is set to use (`http.proxy`, with `http.proxyAuthorization` and `http.proxyStrictSSL`),
 * or else the one of HTTPS_PROXY/HTTP_PROXY, except hosts in `http.noProxy`/NO_PROXY. There is no
 * implicit exception for loopback. One dispatcher per client, never the global one: the extension
 * host is shared with every other extension. Not covered: PAC scripts and system proxy discovery.
 */
import { EnvHttpProxyAgent, type Dispatcher } from 'undici';

export interface ProxySettings {
  /** `http.proxy`; empty: the environment's. */
  readonly proxy: string;
  /** `http.proxyAuthorization`: sent to the proxy as Proxy-Authorization (never to Segmind). */
  readonly authorization?: string;
  /** `http.proxyStrictSSL`: check TLS certificates (a company CA comes in through NODE_EXTRA_CA_CERTS). */
  readonly strictSSL: boolean;
  /** `http.noProxy`: hosts (`host` or `host:port`, `.domain` for subdomains) that go direct. */
  readonly noProxy: readonly string[];
}

export interface ProxyRoute {
  readonly dispatcher: Dispatcher;
  /** For messages: the proxy in use, without credentials, or undefined when none is set. */
  readonly label?: string;
}

export function proxyRoute(settings: ProxySettings, env: NodeJS.ProcessEnv = process.env): ProxyRoute {
  const tls = settings.strictSSL ? {} : { requestTls: { rejectUnauthorized: false }, proxyTls: { rejectUnauthorized: false } };
  const auth = settings.authorization ? { token: settings.authorization } : {};
  const configured = settings.proxy.trim();
  if (configured) {
    const noProxy = settings.noProxy.length > 0 ? settings.noProxy.join(',') : env['NO_PROXY'] ?? env['no_proxy'] ?? '';
    return {
      dispatcher: new EnvHttpProxyAgent({ httpProxy: configured, httpsProxy: configured, noProxy, ...auth, ...tls }),
      label: withoutCredentials(configured),
    };
  }
  const fromEnvironment = env['HTTPS_PROXY'] ?? env['https_proxy'] ?? env['HTTP_PROXY'] ?? env['http_proxy'];
  return {
    dispatcher: new EnvHttpProxyAgent({ ...(settings.noProxy.length > 0 ? { noProxy: settings.noProxy.join(',') } : {}), ...auth, ...tls }),
    ...(fromEnvironment ? { label: withoutCredentials(fromEnvironment) } : {}),
  };
}

function withoutCredentials(proxy: string): string {
  try {
    const url = new URL(proxy);
    return `${url.protocol}//${url.host}`;
  } catch {
    return 'the configured proxy';
  }
}
