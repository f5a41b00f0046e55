/**
 * A real HTTP proxy on loopback for the tests: CONNECT tunnels (what undici's ProxyAgent uses, for
 * http and https targets alike) and plain forwarding of absolute-form requests. It records what it was
 * asked to reach and the Proxy-Authorization it got, and can demand one (407 otherwise). It forwards
 * only to loopback: anything else gets 502.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  readonly method: string;
  /** `host:port` for CONNECT, the absolute URL when forwarded. */
  readonly target: string;
  readonly proxyAuthorization?: string;
  /** Every header name the proxy itself was sent (a tunnel's contents are not visible to it). */
  readonly headerNames: readonly string[];
}

/** The tests never reach any address but loopback, through the proxy neither (code-server looks up its gallery through it). */
function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
}

export class LoopbackProxy {
  readonly requests: ProxiedRequest[] = [];
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
    private readonly requiredAuthorization: string | undefined,
    /** Answer every CONNECT with 502, as a proxy whose upstream is down does. */
    private readonly refuseTunnels: boolean,
  ) {}

  /** With `tls` (key and certificate, PEM) it is an HTTPS proxy, as some companies run them. */
  static async start(options: { requireAuthorization?: string; refuseTunnels?: boolean; tls?: { key: string; cert: string } } = {}): Promise<LoopbackProxy> {
    const server: http.Server = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }) : http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const proxy = new LoopbackProxy(
      server,
      `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
      options.requireAuthorization,
      options.refuseTunnels === true,
    );
    server.on('connection', (socket) => {
      proxy.sockets.add(socket);
      socket.on('close', () => proxy.sockets.delete(socket));
    });
    server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => proxy.tunnel(request, client, head));
    server.on('request', (request, response) => proxy.forward(request, response));
    return proxy;
  }

  /** Requests whose target is on this port (the fake's api, upload or output host). */
  to(port: number): ProxiedRequest[] {
    return this.requests.filter((request) => request.target.includes(`:${port}`));
  }

  private allowed(request: http.IncomingMessage): boolean {
    const authorization = request.headers['proxy-authorization'];
    this.requests.push({
      method: request.method ?? '',
      target: request.url ?? '',
      headerNames: Object.keys(request.headers),
      ...(authorization ? { proxyAuthorization: authorization } : {}),
    });
    return this.requiredAuthorization === undefined || authorization === this.requiredAuthorization;
  }

  private tunnel(request: http.IncomingMessage, client: net.Socket, head: Buffer): void {
    if (!this.allowed(request)) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const [host = '', port = '80'] = (request.url ?? '').split(':');
    if (this.refuseTunnels || !isLoopback(host)) {
      client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    this.sockets.add(upstream);
    upstream.on('close', () => this.sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  }

  private forward(request: http.IncomingMessage, response: http.ServerResponse): void {
    if (!this.allowed(request)) {
      response.writeHead(407, { 'proxy-authenticate': 'Basic' }).end();
      return;
    }
    const target = new URL(request.url ?? '');
    if (!isLoopback(target.hostname)) {
      response.writeHead(502).end();
      return;
    }
    const { 'proxy-authorization': _, ...headers } = request.headers;
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: request.method, headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
