/**
 * Which hosts go direct: `http.noProxy` or NO_PROXY, read the way users write them. undici's own
 * reading takes `::1` for host `:` port `1`, honours `*` only as the whole value, and knows no
 * address ranges, so a list that says "not through the proxy" could still send a request through
 * it. This reading is the one the proxy route uses. Pure (node:net's BlockList matches the ranges).
 *
 * An entry is, separated by commas or white space:
 * - `*`: every host goes direct (also inside a list);
 * - a host name: that host and its subdomains (`example.com` covers `api.example.com`); a leading
 *   `.` or `*.` means the same;
 * - an IP address, IPv6 with or without brackets (`::1`, `[::1]`);
 * - an address range in CIDR notation (`10.0.0.0/8`, `fd00::/8`), matched against IP hosts;
 * - any of the host forms with `:port` (IPv6 in brackets then: `[::1]:8080`): only that port.
 * Names are not resolved: `localhost` does not cover `127.0.0.1`, nor the other way round.
 */
import { BlockList, isIP } from 'node:net';

export interface NoProxyList {
  /** True when requests to this URL go direct. */
  bypasses(url: URL): boolean;
  /** Entries that were not understood (they are ignored), for the log. */
  readonly ignored: readonly string[];
}

const DEFAULT_PORTS: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443 };

interface HostEntry {
  readonly kind: 'name' | 'ip';
  readonly host: string;
  readonly port?: number;
}

interface RangeEntry {
  readonly ranges: BlockList;
  readonly port?: number;
}

export function parseNoProxy(value: string | readonly string[]): NoProxyList {
  const entries = (typeof value === 'string' ? [value] : value)
    .flatMap((item) => item.split(/[\s,]+/))
    .map((item) => item.trim())
    .filter(Boolean);
  const hosts: HostEntry[] = [];
  const ranges: RangeEntry[] = [];
  const ignored: string[] = [];
  let everything = false;

  for (const entry of entries) {
    if (entry === '*') {
      everything = true;
      continue;
    }
    const { host, port } = splitPort(entry);
    if (host === undefined) {
      ignored.push(entry);
      continue;
    }
    const cidr = /^(.+)\/(\d{1,3})$/.exec(host);
    if (cidr) {
      const range = rangeOf(cidr[1] ?? '', Number(cidr[2]));
      if (range) ranges.push({ ranges: range, ...(port === undefined ? {} : { port }) });
      else ignored.push(entry);
      continue;
    }
    const address = unbracket(host);
    if (isIP(address)) {
      hosts.push({ kind: 'ip', host: normaliseIp(address), ...(port === undefined ? {} : { port }) });
      continue;
    }
    const name = host
      .replace(/^\*?\./, '')
      .replace(/\.$/, '')
      .toLowerCase();
    if (!/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(name)) {
      ignored.push(entry);
      continue;
    }
    hosts.push({ kind: 'name', host: name, ...(port === undefined ? {} : { port }) });
  }

  return {
    ignored,
    bypasses(url: URL): boolean {
      if (everything) return true;
      const port = url.port ? Number(url.port) : (DEFAULT_PORTS[url.protocol] ?? 0);
      const hostname = unbracket(url.hostname).replace(/\.$/, '').toLowerCase();
      const ipVersion = isIP(hostname);
      const ip = ipVersion ? normaliseIp(hostname) : undefined;
      const portMatches = (entry: { readonly port?: number }): boolean => entry.port === undefined || entry.port === port;
      for (const entry of hosts) {
        if (!portMatches(entry)) continue;
        if (entry.kind === 'ip' ? ip === entry.host : !ip && (hostname === entry.host || hostname.endsWith(`.${entry.host}`))) return true;
      }
      return ip !== undefined && ranges.some((entry) => portMatches(entry) && entry.ranges.check(ip, ipVersion === 6 ? 'ipv6' : 'ipv4'));
    },
  };
}

/** `host:port`, `[v6]:port`, a bare IPv6 address (its colons are not a port), or a host alone. */
function splitPort(entry: string): { host?: string; port?: number } {
  const bracketed = /^(\[[^\]]+\](?:\/\d{1,3})?)(?::(\d{1,5}))?$/.exec(entry);
  if (bracketed) return withPort(bracketed[1] ?? '', bracketed[2]);
  if (isIP(entry) === 6 || /^[0-9a-f:]+:[0-9a-f:.]*\/\d{1,3}$/i.test(entry)) return { host: entry };
  const hostPort = /^([^:]+):(\d{1,5})$/.exec(entry);
  if (hostPort) return withPort(hostPort[1] ?? '', hostPort[2]);
  return entry.includes(':') ? {} : { host: entry };
}

function withPort(host: string, port: string | undefined): { host?: string; port?: number } {
  if (port === undefined) return { host };
  const number = Number(port);
  return number > 0 && number < 65536 ? { host, port: number } : {};
}

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function rangeOf(address: string, prefix: number): BlockList | undefined {
  const bare = unbracket(address);
  const version = isIP(bare);
  if (!version || prefix > (version === 6 ? 128 : 32)) return undefined;
  const list = new BlockList();
  list.addSubnet(bare, prefix, version === 6 ? 'ipv6' : 'ipv4');
  return list;
}

/** One spelling per address (`::0001` and `::1` are one host), through the URL parser's own. */
function normaliseIp(address: string): string {
  if (isIP(address) !== 6) return address;
  try {
    return unbracket(new URL(`http://[${address}]/`).hostname);
  } catch {
    return address.toLowerCase();
  }
}
