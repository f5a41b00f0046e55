// FakeSegmind: three loopback HTTP servers standing in for api.segmind.com,
// workflows-api.segmind.com (uploads) and images.segmind.com (public outputs).
// This file owns sockets and the request pipeline:
//   read body → record → fault → rate limit → route (405) → auth (401)
//   → content type (406) → JSON (400) → endpoint → send,
// the routing and the checks in front of the endpoints being in routes.ts.
// Plain node:http, no vscode import: it runs under mocha and in the extension host.

import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { FakeSegmindOptions, Fault, HostName, JobPlan, RecordedRequest } from './types';
import { FaultList, contentTypeOf, defaultFaultBody } from './faults';
import { SlidingWindow } from './rateLimit';
import { filterRequests, recordRequest } from './recorder';
import type { Reply } from './http';
import { errorReply, rawReply, readBody, send, sleep } from './http';
import { FakeState } from './state';
import type { Upload } from './state';
import type { JobRecord, JobState } from './jobs';
import { jobStateAt } from './jobs';
import { buildRoutes, routeRequest, type Route } from './routes';

export type { FakeSegmindOptions, Fault, HostName, JobPlan, ModelSlug, RecordedRequest, ResultShape } from './types';
export { DEFAULT_JOB_PLAN, DEFAULT_OUTPUT_RETENTION_MS, defaultOptions } from './types';
export type { JobRecord, JobState } from './jobs';
export type { Upload } from './state';
export { sniffImageFormat } from './images';

/** Generous: several 4K PNG data URLs in one upload still fit. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** A key and certificate (PEM) to serve HTTPS with. */
export interface ServingTls {
  readonly key: string;
  readonly cert: string;
}

export class FakeSegmind {
  private readonly state: FakeState;
  private readonly servers: Record<HostName, http.Server>;
  private readonly sockets = new Set<Socket>();
  /** One per request in flight; close() aborts them so no wait outlives the servers. */
  private readonly inFlight = new Set<AbortController>();
  private handling = 0;
  private readonly faults = new FaultList();
  private readonly rateWindow = new SlidingWindow();
  private readonly routes: Record<HostName, Route[]>;
  private closed: Promise<void> | undefined;

  readonly requests: RecordedRequest[] = [];

  private constructor(options: Partial<FakeSegmindOptions> | undefined, tls: ServingTls | undefined) {
    this.state = new FakeState(options, { api: '', upload: '', output: '' });
    const make = (host: HostName): http.Server => {
      const handler: http.RequestListener = (req, res) => void this.handle(host, req, res);
      const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, handler) : http.createServer(handler);
      server.on('connection', (s: Socket) => {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
      });
      return server;
    };
    this.servers = { api: make('api'), upload: make('upload'), output: make('output') };
    this.routes = buildRoutes(this.state);
  }

  /** Listens on 127.0.0.1, a free port per host; over HTTPS with `tls` (a certificate of 127.0.0.1). */
  static async start(options?: Partial<FakeSegmindOptions>, tls?: ServingTls): Promise<FakeSegmind> {
    const fake = new FakeSegmind(options, tls);
    for (const host of ['api', 'upload', 'output'] as const) {
      const server = fake.servers[host];
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      });
      fake.state.urls[host] = `${tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
    }
    return fake;
  }

  get apiBaseUrl(): string {
    return this.state.urls.api;
  }
  get uploadBaseUrl(): string {
    return this.state.urls.upload;
  }
  get outputBaseUrl(): string {
    return this.state.urls.output;
  }

  /** Mutable between requests (e.g. fake.options.credits = 0). */
  get options(): FakeSegmindOptions {
    return this.state.options;
  }
  set options(value: FakeSegmindOptions) {
    this.state.options = value;
  }

  /** Requests whose handler has not returned yet: 0 once every call (an aborted one too) is settled, its charge included. */
  get busy(): number {
    return this.handling;
  }

  get jobs(): ReadonlyMap<string, JobRecord> {
    return this.state.jobs;
  }

  get uploads(): Upload[] {
    return this.state.uploads;
  }
  set uploads(value: Upload[]) {
    this.state.uploads.splice(0, this.state.uploads.length, ...value);
  }

  requestsTo(host: HostName, method?: string, pathPrefix?: string): RecordedRequest[] {
    return filterRequests(this.requests, host, method, pathPrefix);
  }

  addFault(fault: Fault): void {
    this.faults.add(fault);
  }

  /** Queue: the next accepted v2 submit or v1 call uses it, then the queue advances. */
  planNextJob(plan: Partial<JobPlan>): void {
    this.state.queuePlan(plan);
  }

  /**
   * Every job still running finishes now (its duration becomes what has elapsed): a test plans a job
   * long enough to see it running however loaded the machine is, then lets it end when it has looked.
   */
  finishJobs(): void {
    const now = this.state.options.now();
    for (const job of this.state.jobs.values()) {
      const state = jobStateAt(job, now);
      if (state === 'QUEUED' || state === 'PROCESSING') job.plan = { ...job.plan, durationMs: Math.max(0, now - job.submittedAt) };
    }
  }

  /** State of a job by the current clock (addition; undefined when unknown). */
  jobState(id: string): JobState | undefined {
    const job = this.state.jobs.get(id);
    return job && jobStateAt(job, this.state.options.now());
  }

  /** Clears requests, faults, plan queue, jobs, uploads and the rate window; options = defaults ← given. */
  reset(options?: Partial<FakeSegmindOptions>): void {
    this.requests.length = 0;
    this.faults.clear();
    this.rateWindow.clear();
    this.state.reset(options);
  }

  /** Closes all three servers; destroys open (keep-alive or hanging) sockets so it never hangs. */
  close(): Promise<void> {
    this.closed ??= (async () => {
      for (const ac of this.inFlight) ac.abort();
      const done = Object.values(this.servers).map((server) => new Promise<void>((resolve) => server.close(() => resolve())));
      for (const s of this.sockets) s.destroy();
      await Promise.all(done);
    })();
    return this.closed;
  }

  private async handle(host: HostName, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    this.handling++;
    try {
      await this.answer(host, req, res);
    } finally {
      this.handling--;
    }
  }

  private async answer(host: HostName, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const ac = new AbortController();
    this.inFlight.add(ac);
    // 'close' before the answer was fully written = the client went away (or we destroyed it).
    res.on('close', () => {
      if (!res.writableFinished) ac.abort();
      this.inFlight.delete(ac);
    });
    try {
      const { bytes, tooLarge } = await readBody(req, MAX_BODY_BYTES);
      const rec = recordRequest(host, req, bytes, this.state.options.now());
      this.requests.push(rec);
      const head = rec.method === 'HEAD';

      let truncate = false;
      const fault = this.faults.take(host, rec.method, rec.path);
      if (fault) {
        switch (fault.kind ?? 'status') {
          case 'drop':
            req.socket.destroy();
            return;
          case 'slow':
            if (!(await sleep(fault.delayMs ?? 0, ac.signal))) return;
            break;
          case 'truncate':
            truncate = true;
            break;
          case 'status':
            send(res, faultReply(fault), { head, truncate: false });
            return;
        }
      }
      if (tooLarge) {
        send(res, errorReply(413, 'Payload too large'), { head, truncate });
        return;
      }
      const reply = await this.dispatch(host, rec, bytes, ac.signal);
      if (!reply || ac.signal.aborted) return;
      send(res, reply, { head, truncate });
    } catch (err) {
      // A bug in the fake should show up as a loud 500, not as a hung test.
      if (!res.headersSent && !res.destroyed) {
        send(res, errorReply(500, `FakeSegmind internal error: ${err instanceof Error ? err.message : String(err)}`), { head: false, truncate: false });
      } else {
        res.destroy();
      }
    }
  }

  private async dispatch(host: HostName, rec: RecordedRequest, bytes: Buffer, signal: AbortSignal): Promise<Reply | undefined> {
    const o = this.state.options;
    // The rate limit sits in front of everything on the api host (polls count too: the contract's
    // advice is to plan as if they do). Refused requests are not counted.
    if (host === 'api' && o.rateLimitPerMinute !== undefined) {
      const d = this.rateWindow.check(o.rateLimitPerMinute, o.now());
      if (!d.ok) {
        return errorReply(429, 'Rate limit exceeded', {
          'retry-after': String(d.retryAfterSeconds),
          'x-rate-limit-reset-at-utc': new Date(d.resetAt).toISOString(),
        });
      }
    }
    // Bill jobs that finished since the last request, whoever asks.
    this.state.chargeCompletedJobs();

    return routeRequest(this.routes[host], rec, bytes, signal, o.apiKey);
  }
}

function faultReply(fault: Fault): Reply {
  const status = fault.status ?? 500;
  const { contentType, body } = fault.body !== undefined ? { contentType: contentTypeOf(fault.body), body: fault.body } : defaultFaultBody(status);
  return rawReply(status, contentType, body, fault.headers ?? {});
}
