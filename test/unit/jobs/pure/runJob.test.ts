// runJob against the real loopback fake server, with a virtual clock shared by the client, the
// job runner and the fake (job progress, expiry, rate limit): minutes of polling run in milliseconds.
import * as assert from 'node:assert/strict';
import { FakeSegmind } from '../../../fakeSegmind/server';
import { SegmindClient } from '../../../../src/segmind/client';
import { CancelledError, JobExpiredError, JobFailedError, JobTimeoutError, NetworkError, UnauthorizedError } from '../../../../src/domain/errors/errors';
import { readPixelSize } from '../../../../src/domain/images/imageFormat';
import { runJob, type JobProgress, type JobSpec } from '../../../../src/jobs/pure/runJob';
import { nextPollDelayMs } from '../../../../src/jobs/pure/pollSchedule';
import { rejection } from '../../support/assertions';
import { FakeClock, START_MS } from '../../support/fakeClock';

const KEY = 'SG_0123456789abcdef';
const BODY = { prompt: 'a lighthouse at dusk', size: '1024x1536', output_format: 'png' };

describe('runJob against the fake server', function () {
  let fake: FakeSegmind;
  let clock: FakeClock;
  let client: SegmindClient;
  let progress: JobProgress[];

  before(async () => {
    fake = await FakeSegmind.start();
  });
  beforeEach(() => {
    clock = new FakeClock();
    progress = [];
    fake.reset({ now: clock.now, syncDelayMs: 5 });
    client = new SegmindClient({
      apiBaseUrl: fake.apiBaseUrl,
      uploadBaseUrl: fake.uploadBaseUrl,
      apiKey: () => Promise.resolve(KEY),
      clock,
      random: () => 0.5,
    });
  });
  after(async () => {
    await fake.close();
  });

  const spec = (overrides: Partial<JobSpec> = {}): JobSpec => ({
    model: 'gpt-image-1',
    body: BODY,
    transport: 'async',
    deadlineMs: 600_000,
    typicalMs: 5_000,
    ...overrides,
  });
  const hooks = (extra: Partial<Parameters<typeof runJob>[2]> = {}): Parameters<typeof runJob>[2] => ({
    clock,
    onProgress: (p) => progress.push(p),
    ...extra,
  });
  /** When the schedule polls a job of `typicalMs`, up to the first poll at or after `untilMs`. */
  const pollTimes = (typicalMs: number, untilMs: number): number[] => {
    const times: number[] = [];
    for (let at = 0; at < untilMs;) times.push((at += nextPollDelayMs({ ageMs: at, typicalMs })));
    return times;
  };
  const statusPolls = (): number => fake.requests.filter((r) => /^\/v2\/requests\/[^/]+\/status$/.test(r.path)).length;

  it('async happy path: one submit, status polls, one result fetch, one download', async () => {
    fake.planNextJob({ durationMs: 5_000, cost: 0.05 });
    const job = await runJob(client, spec(), hooks());

    assert.equal(fake.requestsTo('api', 'POST', '/v2/gpt-image-1').length, 1);
    assert.equal(statusPolls(), job.polls);
    // The adaptive schedule for a 5 s typical time: the job finishes at 5000 ms.
    const expected = pollTimes(5_000, 5_000);
    assert.equal(job.polls, expected.length);
    assert.deepEqual(
      clock.sleeps,
      expected.map((at, i) => at - (expected[i - 1] ?? 0)),
    );
    assert.equal(fake.requests.filter((r) => r.host === 'api' && r.method === 'GET' && /^\/v2\/requests\/[^/]+$/.test(r.path)).length, 1);
    assert.equal(fake.requestsTo('output').length, 1);
    assert.equal(fake.requests.length, 1 + expected.length + 1 + 1);

    assert.match(job.requestId ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(job.image.format, 'png');
    assert.deepEqual(readPixelSize(job.image.bytes), { width: 1024, height: 1536 });
    assert.equal(job.cost, 0.05);
    assert.equal(job.inferenceSeconds, 4);
    assert.equal(job.queueSeconds, 1);
    assert.equal(job.remainingCredits, 12.45);
    assert.equal(job.submittedAt, START_MS);
    assert.equal(job.completedAt, START_MS + (expected[expected.length - 1] ?? 0));

    const phases = progress.map((p) => p.phase);
    // Every poll before the finish says processing (the first fifth of a job is queued at the fake).
    assert.deepEqual(phases, ['submitting', 'queued', ...expected.slice(0, -1).map(() => 'processing'), 'downloading']);
    for (const p of progress.slice(1)) assert.equal(p.requestId, job.requestId);
    assert.deepEqual(
      progress.map((p) => p.elapsedMs),
      [0, 0, ...expected],
    );
  });

  it('resumes a job accepted before a reload: no submit, an immediate poll, then the image', async () => {
    const submitted = await client.submit('gpt-image-1', BODY);
    clock.advance(30_000);
    const job = await runJob(client, spec({ resume: { requestId: submitted.requestId, submittedAt: clock.now() - 30_000 } }), hooks());
    assert.equal(fake.requestsTo('api', 'POST').length, 1, 'only the original submit');
    assert.equal(job.requestId, submitted.requestId);
    assert.equal(job.polls, 1, 'the job had finished while we were away: one poll is enough');
    assert.equal(clock.slept, 0, 'no waiting before the first poll');
    assert.equal(job.submittedAt, START_MS);
  });

  it('a resumed job gets a whole deadline from the resume, however old it is', async () => {
    const submitted = await client.submit('gpt-image-1', BODY);
    clock.advance(120_000); // longer than the deadline below
    const job = await runJob(client, spec({ deadlineMs: 60_000, resume: { requestId: submitted.requestId, submittedAt: START_MS } }), hooks());
    assert.equal(job.requestId, submitted.requestId);
  });

  it('calls onSubmitted (awaited) with the request id before the first status poll', async () => {
    const seen: Array<{ id: string; pollsSoFar: number }> = [];
    const job = await runJob(
      client,
      spec(),
      hooks({
        onSubmitted: async (id) => {
          await new Promise((resolve) => setTimeout(resolve, 10));
          seen.push({ id, pollsSoFar: statusPolls() });
        },
      }),
    );
    assert.equal(seen.length, 1);
    assert.equal(seen[0]?.id, job.requestId);
    assert.equal(seen[0]?.pollsSoFar, 0);
    assert.ok(statusPolls() >= 1);
  });

  it('a rate limit while polling does not fail the job; "rate-limited" is reported', async () => {
    fake.options.rateLimitPerMinute = 3;
    fake.planNextJob({ durationMs: 20_000 });
    const job = await runJob(client, spec(), hooks());

    const limited = progress.filter((p) => p.phase === 'rate-limited');
    assert.ok(limited.length >= 1, JSON.stringify(progress.map((p) => p.phase)));
    assert.ok((limited[0]?.retryInMs ?? 0) > 30_000, `waits as long as the service asked: ${limited[0]?.retryInMs}`);
    assert.ok(fake.requests.some((r) => r.host === 'api' && r.method === 'GET') && job.image.bytes.length > 0);
    assert.equal(fake.requestsTo('api', 'POST').length, 1, 'never resubmitted');
    assert.ok(job.completedAt - job.submittedAt >= 60_000);
    assert.equal(job.image.format, 'png');
  });

  it('a burst of 429 answers on status is ridden out (in the client, then in the loop)', async () => {
    fake.planNextJob({ durationMs: 3_000 });
    fake.addFault({ path: '/v2/requests/', method: 'GET', status: 429, headers: { 'retry-after': '2' }, times: 6 });
    const job = await runJob(client, spec(), hooks());
    assert.ok(job.image.bytes.length > 0);
    assert.ok(progress.some((p) => p.phase === 'rate-limited' && p.retryInMs === 2_000));
    assert.equal(fake.requestsTo('api', 'POST').length, 1);
  });

  it('5xx and dropped connections while polling are retried', async () => {
    fake.planNextJob({ durationMs: 3_000 });
    fake.addFault({ path: '/v2/requests/', method: 'GET', status: 503, times: 2 });
    fake.addFault({ path: '/v2/requests/', method: 'GET', kind: 'drop', times: 1 });
    const job = await runJob(client, spec(), hooks());
    assert.ok(job.image.bytes.length > 0);
    assert.equal(fake.requestsTo('api', 'POST').length, 1);
  });

  it('FAILED → JobFailedError with the reason, never resubmitted', async () => {
    fake.planNextJob({ durationMs: 3_000, outcome: 'FAILED', error: 'Your request was rejected by the safety system' });
    const error = await rejection(runJob(client, spec(), hooks()), JobFailedError);
    assert.match(error.reason, /safety system/);
    assert.ok(error.requestId);
    assert.equal(fake.requestsTo('api', 'POST').length, 1);
    assert.equal(fake.requestsTo('output').length, 0);
  });

  it('an expired request (404) → JobExpiredError', async () => {
    fake.options.retentionMs = 2_000;
    fake.planNextJob({ durationMs: 100_000 });
    const error = await rejection(runJob(client, spec(), hooks()), JobExpiredError);
    assert.ok(error.requestId);
    assert.equal(statusPolls(), 2);
  });

  it('the deadline → JobTimeoutError, without polling past it', async () => {
    fake.planNextJob({ durationMs: 3_600_000 });
    const error = await rejection(runJob(client, spec({ deadlineMs: 10_000 }), hooks()), JobTimeoutError);
    assert.equal(error.timeoutMs, 10_000);
    assert.ok(error.requestId);
    assert.ok(clock.now() - START_MS <= 10_000, `${clock.now() - START_MS}`);
    for (const r of fake.requests) assert.ok(r.at - START_MS < 10_000);
    assert.equal(statusPolls(), pollTimes(5_000, 10_000).filter((at) => at < 10_000).length); // the next would be past 10 s
  });

  it('cancel while polling → CancelledError, and no request after it', async () => {
    fake.planNextJob({ durationMs: 60_000 });
    const controller = new AbortController();
    let requestsAtCancel = -1;
    const run = runJob(
      client,
      spec(),
      hooks({
        signal: controller.signal,
        onProgress: (p) => {
          progress.push(p);
          if (p.phase === 'processing' && requestsAtCancel < 0) {
            requestsAtCancel = fake.requests.length;
            controller.abort();
          }
        },
      }),
    );
    await rejection(run, CancelledError);
    assert.ok(requestsAtCancel > 0);
    assert.equal(fake.requests.length, requestsAtCancel);
  });

  it('cancel before starting → CancelledError, nothing sent', async () => {
    const controller = new AbortController();
    controller.abort();
    await rejection(runJob(client, spec(), hooks({ signal: controller.signal })), CancelledError);
    assert.equal(fake.requests.length, 0);
  });

  it('a refused submit fails at once; onSubmitted is not called', async () => {
    let submitted = false;
    const c = new SegmindClient({ apiBaseUrl: fake.apiBaseUrl, uploadBaseUrl: fake.uploadBaseUrl, apiKey: () => Promise.resolve('SG_badbadbadbad00'), clock });
    await rejection(
      runJob(
        c,
        spec(),
        hooks({
          onSubmitted: () => {
            submitted = true;
          },
        }),
      ),
      UnauthorizedError,
    );
    assert.equal(submitted, false);
    assert.equal(statusPolls(), 0);
  });

  it('a submit whose connection drops is not retried and fails with NetworkError', async () => {
    fake.addFault({ path: '/v2/gpt-image-1', method: 'POST', kind: 'drop' });
    await rejection(runJob(client, spec(), hooks()), NetworkError);
    assert.equal(fake.requestsTo('api', 'POST').length, 1);
    assert.equal(statusPolls(), 0);
  });

  it('a foreign status_url in the submit answer is ignored', async () => {
    fake.planNextJob({ foreignStatusUrls: true, durationMs: 500 });
    const job = await runJob(client, spec(), hooks());
    assert.ok(job.image.bytes.length > 0);
    const apiHost = new URL(fake.apiBaseUrl).host;
    for (const r of fake.requestsTo('api')) assert.equal(r.headers['host'], apiHost);
    for (const r of fake.requestsTo('output')) assert.equal(r.headers['x-api-key'], undefined);
  });

  it('sync transport: one v1 call, no polls, accounting from the headers', async () => {
    const job = await runJob(client, spec({ transport: 'sync', body: { ...BODY, output_format: 'jpeg' } }), hooks());
    assert.equal(fake.requestsTo('api', 'POST', '/v1/gpt-image-1').length, 1);
    assert.equal(fake.requests.length, 1);
    assert.equal(job.polls, 0);
    assert.equal(job.image.format, 'jpeg');
    assert.deepEqual(readPixelSize(job.image.bytes), { width: 1024, height: 1536 });
    assert.equal(job.cost, 0.04);
    assert.equal(job.remainingCredits, 12.46);
    assert.match(job.requestId ?? '', /^[0-9a-f-]{36}$/);
    assert.deepEqual(
      progress.map((p) => p.phase),
      ['submitting', 'downloading'],
    );
  });

  it('sync transport: a failed generation is JobFailedError', async () => {
    fake.planNextJob({ outcome: 'FAILED', error: 'moderation_blocked' });
    const error = await rejection(runJob(client, spec({ transport: 'sync' }), hooks()), JobFailedError);
    assert.match(error.reason, /moderation_blocked/);
  });
});
