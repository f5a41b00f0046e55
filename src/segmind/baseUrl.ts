/**
 * Checks a configured base URL before the key is ever sent to it: https only, except plain http on
 * loopback for local testing; no credentials in the URL. Returns it without a trailing slash.
 */
import { ConfigurationError } from '../domain/errors/errors';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export function parseBaseUrl(value: string, setting: string): URL {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ConfigurationError(setting, `The setting ${setting} is not a valid URL: "${value}".`);
  }
  if (url.username || url.password) {
    throw new ConfigurationError(setting, `The setting ${setting} must not contain a user name or password.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new ConfigurationError(setting, `The setting ${setting} must use https (plain http is allowed only for localhost): "${url.origin}".`);
  }
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

/** Appends a path to a base URL that may itself have a path prefix. */
export function joinUrl(base: URL, path: string): URL {
  const joined = new URL(base.href);
  joined.pathname = `${base.pathname.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  return joined;
}
