/**
 * Issue 3's benchmark: the adaptive poll schedule with the shared request budget, side by side with
 * the official SDK's policy (a status poll every 1.0 s, giving up on the first 429), against the
 * fake Segmind on a virtual clock. Prints figures; asserts nothing (targets are read by people).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeSegmind } from '../fakeSegmind/server';
import { RequestBudget, RequestGateOnBudget } from '../../src/segmind/requestBudget';
import { runJob } from '../../src/jobs/pure/runJob';
import { MODELS, type ModelSlug } from '../../src/domain/generation/catalog';
import { SegmindClient } from '../../src/segmind/client';
import { RateLimitError, isSegmindError } from '../../src/domain/errors/errors';
import { VirtualClock } from './virtualClock';

const KEY = 'SG_0123456789abcdef';
const BODY = { prompt: 'benchmark', size: '1024x1024', output_format: 'png' };

type Policy = 'adaptive' | 'sdk';

interface JobFigures {
  readonly completed: boolean;
  readonly statusRequests: number;
  /** From the server's completion to the file on disk, virtual ms. */
  readonly lagMs?: number;
  readonly failure?: string;
}

interface World {
  readonly fake: FakeSegmind;
  readonly clock: VirtualClock;
  readonly folder: string;
  client(policy: Policy): SegmindClient;
}

async function withWorld<T>(rateLimitPerMinute: number | undefined, budgetPerMinute: number, body: (world: World) => Promise<T>): Promise<T> {
  const clock = new VirtualClock();
  const fake = await FakeSegmind.start({ apiKey: KEY, now: clock.now, rateLimitPerMinute, credits: 1_000 });
  const folder = await mkdtemp(join(tmpdir(), 'segmind-bench-'));
  const budget = new RequestGateOnBudget(new RequestBudget(budgetPerMinute), clock);
  const gate = {
    acquire: async (signal?: AbortSignal) => {
      await budget.acquire(signal);
      clock.inFlight++;
    },
    rateLimited: (ms: number | undefined) => budget.rateLimited(ms),
  };
  const world: World = {
    fake,
    clock,
    folder,
    client: (policy) =>
      new SegmindClient({
        apiBaseUrl: fake.apiBaseUrl,
        uploadBaseUrl: fake.uploadBaseUrl,
        apiKey: () => Promise.resolve(KEY),
        clock,
        random: () => 0.5,
        // The SDK neither retries nor shares a budget; it counts its requests for time to stand still.
        ...(policy === 'sdk'
          ? {
              retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 },
              gate: {
                acquire: () => {
                  clock.inFlight++;
                  return Promise.resolve();
                },
                rateLimited: () => undefined,
              },
            }
          : { gate }),
        onRequest: (event) => {
          if (event.url.startsWith(fake.apiBaseUrl)) clock.inFlight--;
        },
      }),
  };
  try {
    return await body(world);
  } finally {
    clock.stop();
    await fake.close();
    await rm(folder, { recursive: true, force: true });
  }
}

/** The official SDK's loop: poll every 1.0 s, 600 s deadline, fail on the first 429 or 5xx. */
async function sdkJob(client: SegmindClient, clock: VirtualClock, model: ModelSlug): Promise<Uint8Array> {
  const { requestId } = await client.submit(model, BODY);
  const started = clock.now();
  while (clock.now() - started < 600_000) {
    await clock.sleep(1_000);
    const status = await client.status(requestId);
    if (status.state === 'completed') {
      const result = await client.result(requestId);
      if (!result.image) throw new Error('no image');
      return (await client.download(result.image)).bytes;
    }
  }
  throw new Error('deadline');
}

async function oneJob(world: World, policy: Policy, model: ModelSlug, durationMs: number): Promise<JobFigures> {
  const { fake, clock } = world;
  fake.planNextJob({ durationMs });
  const before = fake.requests.length;
  const statusCount = (): number => fake.requests.slice(before).filter((r) => r.host === 'api' && r.path.endsWith('/status') && r.method === 'GET').length;
  try {
    const client = world.client(policy);
    const bytes =
      policy === 'sdk'
        ? await sdkJob(client, clock, model)
        : (await runJob(client, { model, body: BODY, transport: 'async', deadlineMs: 600_000, typicalMs: MODELS[model].typicalSeconds * 1000 }, { clock }))
            .image.bytes;
    await writeFile(join(world.folder, `${fake.jobs.size}.png`), bytes);
    const job = [...fake.jobs.values()].at(-1);
    const lagMs = job ? clock.now() - (job.submittedAt + job.plan.durationMs) : undefined;
    return { completed: true, statusRequests: statusCount(), ...(lagMs === undefined ? {} : { lagMs }) };
  } catch (error) {
    const failure = error instanceof RateLimitError ? 'gave up on a 429' : isSegmindError(error) ? error.kind : String(error);
    return { completed: false, statusRequests: statusCount(), failure };
  }
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** Deterministic spread of durations around the nominal one (±10 %), so lag is a distribution. */
function durations(nominalMs: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => Math.round(nominalMs * (0.9 + (0.2 * i) / Math.max(1, count - 1))));
}

export async function pollingBenchmark(): Promise<void> {
  console.log('\n## Polling: adaptive schedule vs the official SDK policy (virtual clock, fake Segmind)\n');
  console.log('Each row: 21 jobs with durations spread ±10 % around the nominal one, run one at a time.');
  console.log('Lag = from the server completing the job to the file written on disk (virtual time; loopback network time excluded).\n');
  const cases: Array<[string, ModelSlug, number]> = [
    ['8 s', 'gpt-image-1', 8_000],
    ['48 s', 'gpt-image-1', 48_000],
    ['94 s', 'gpt-image-2', 94_000],
  ];
  const rows: Record<string, string | number>[] = [];
  for (const [label, model, nominal] of cases) {
    for (const policy of ['adaptive', 'sdk'] as const) {
      const figures = await withWorld(undefined, 1_000, async (world) => {
        const all: JobFigures[] = [];
        for (const duration of durations(nominal, 21)) all.push(await oneJob(world, policy, model, duration));
        return all;
      });
      const exact = await withWorld(undefined, 1_000, (world) => oneJob(world, policy, model, nominal));
      const lags = figures.flatMap((f) => (f.lagMs === undefined ? [] : [f.lagMs]));
      rows.push({
        job: `${label} (${model}, typical ${MODELS[model].typicalSeconds} s)`,
        policy,
        'status requests (exact duration)': exact.statusRequests,
        'status requests (mean of 21)': +(figures.reduce((a, f) => a + f.statusRequests, 0) / figures.length).toFixed(1),
        'lag median s': +(quantile(lags, 0.5) / 1000).toFixed(2),
        'lag p95 s': +(quantile(lags, 0.95) / 1000).toFixed(2),
        completed: `${figures.filter((f) => f.completed).length}/${figures.length}`,
      });
    }
  }
  console.table(rows);

  console.log('\n## Under a rate limit of 5 requests per minute (the fake counts every API request: submit, polls, result)\n');
  const limited: Record<string, string | number>[] = [];
  for (const policy of ['adaptive', 'sdk'] as const) {
    const figures = await withWorld(5, 5, async (world) => {
      const job = await oneJob(world, policy, 'gpt-image-1', 48_000);
      return { job, total: world.fake.requestsTo('api').length };
    });
    limited.push({
      policy,
      '48 s job completed': figures.job.completed ? 'yes' : `no (${figures.job.failure ?? ''})`,
      'status requests': figures.job.statusRequests,
      'lag s': figures.job.lagMs === undefined ? '-' : +(figures.job.lagMs / 1000).toFixed(2),
      'API requests incl. refused': figures.total,
    });
  }
  console.table(limited);

  console.log('\n## 4 concurrent 48 s jobs under a ceiling of 50 requests per minute\n');
  const concurrent: Record<string, string | number>[] = [];
  for (const policy of ['adaptive', 'sdk'] as const) {
    const result = await withWorld(50, 50, async (world) => {
      const jobs = await Promise.all(
        [0, 1, 2, 3].map(async (i) => {
          await world.clock.sleep(i * 250); // submitted a moment apart, as variants are
          return oneJob(world, policy, 'gpt-image-1', 48_000);
        }),
      );
      const api = world.fake.requestsTo('api');
      let peak = 0;
      for (const request of api) peak = Math.max(peak, api.filter((r) => r.at > request.at - 60_000 && r.at <= request.at).length);
      return { jobs, total: api.length, peak };
    });
    concurrent.push({
      policy,
      completed: `${result.jobs.filter((j) => j.completed).length}/4`,
      'API requests': result.total,
      'busiest 60 s window': result.peak,
      failures:
        result.jobs
          .filter((j) => !j.completed)
          .map((j) => j.failure)
          .join(', ') || 'none',
    });
  }
  console.table(concurrent);
}
