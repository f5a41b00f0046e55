// SegmindClient (src/segmind/client.ts) when the network misbehaves, against the loopback fake server:
// which requests are retried after a drop, a truncation, a 503, a 429 or a timeout (a POST that may
// have reached the service never is), cancellation at every stage, and the base URLs it accepts.
import * as assert from 'node:assert/strict';
import { FakeSegmind } from '../../fakeSegmind/server';
import { SegmindClient, type RequestEvent } from '../../../src/segmind/client';
import { CancelledError, ConfigurationError, NetworkError, NotFoundError, RequestTimeoutError } from '../../../src/domain/errors/errors';
import { readPixelSize } from '../../../src/domain/images/imageFormat';
import { rejection } from '../support/assertions';
import type { FakeClock } from '../support/fakeClock';
import { BODY, KEY, clientAgainstFake } from './clientAgainstFake';
import { until } from '../../support/conditions';

describe('SegmindClient against the fake server', function () {
  const rig = clientAgainstFake();
  let fake: FakeSegmind;
  let clock: FakeClock;
  let events: RequestEvent[];
  // Fresh in each test (the rig's own hooks run first): the tests below read them as plain names.
  beforeEach(() => ({ fake, clock, events } = rig));
  const { client, finishedJob } = rig;

  describe('transport failures and retries', () => {
    it('a submit that gets a dropped connection is NOT retried (exactly one POST)', async () => {
      fake.addFault({ path: '/v2/gpt-image-1', method: 'POST', kind: 'drop' });
      await rejection(client().submit('gpt-image-1', BODY), NetworkError);
      assert.equal(fake.requestsTo('api', 'POST', '/v2/gpt-image-1').length, 1);
      assert.equal(clock.sleeps.length, 0);
    });
    it('a submit that gets 503 is retried and succeeds', async () => {
      fake.addFault({ path: '/v2/gpt-image-1', method: 'POST', status: 503 });
      const { requestId } = await client().submit('gpt-image-1', BODY);
      assert.ok(requestId);
      assert.equal(fake.requestsTo('api', 'POST', '/v2/gpt-image-1').length, 2);
      assert.equal(fake.jobs.size, 1);
    });
    it('a submit that gets 429 is retried', async () => {
      fake.addFault({ path: '/v2/gpt-image-1', method: 'POST', status: 429, headers: { 'retry-after': '2' } });
      await client().submit('gpt-image-1', BODY);
      assert.equal(fake.requestsTo('api', 'POST').length, 2);
      assert.deepEqual(clock.sleeps, [2_000]);
    });
    it('a submit that times out is NOT retried', async () => {
      fake.addFault({ path: '/v2/gpt-image-1', method: 'POST', kind: 'slow', delayMs: 2_000 });
      const error = await rejection(client({ timeouts: { requestMs: 80 } }).submit('gpt-image-1', BODY), RequestTimeoutError);
      assert.equal(error.kind, 'request-timeout');
      assert.equal(error.timeoutMs, 80);
      assert.equal(fake.requestsTo('api', 'POST').length, 1);
    });
    it('GET status is retried after a dropped connection', async () => {
      const c = client();
      const id = await finishedJob(c);
      fake.addFault({ path: `/v2/requests/${id}/status`, kind: 'drop' });
      assert.equal((await c.status(id)).state, 'completed');
      assert.equal(fake.requestsTo('api', 'GET', `/v2/requests/${id}/status`).length, 2);
    });
    it('GET status is retried after a truncated answer', async () => {
      const c = client();
      const id = await finishedJob(c);
      fake.addFault({ path: `/v2/requests/${id}/status`, kind: 'truncate', times: 2 });
      assert.equal((await c.status(id)).state, 'completed');
      assert.equal(fake.requestsTo('api', 'GET', `/v2/requests/${id}/status`).length, 3);
      assert.equal(events.filter((e) => e.error?.kind === 'network').length, 2);
    });
    it('a truncated download is retried', async () => {
      const c = client();
      const id = await finishedJob(c);
      const result = await c.result(id);
      assert.ok(result.image);
      fake.addFault({ host: 'output', path: '/generations/', kind: 'truncate' });
      const image = await c.download(result.image);
      assert.deepEqual(readPixelSize(image.bytes), { width: 1024, height: 1536 });
      assert.equal(fake.requestsTo('output').length, 2);
    });
    it('a GET that keeps timing out ends in RequestTimeoutError after maxAttempts', async () => {
      fake.addFault({ path: '/v1/get-user-credits', kind: 'slow', delayMs: 2_000, times: Infinity });
      const c = client({ timeouts: { requestMs: 60 }, retry: { maxAttempts: 2, baseDelayMs: 100, maxDelayMs: 100, maxRetryAfterMs: 1_000 } });
      await rejection(c.credits(), RequestTimeoutError);
      assert.equal(fake.requestsTo('api').length, 2);
    });
    it('a slow GET within the timeout succeeds', async () => {
      fake.addFault({ path: '/v1/get-user-credits', kind: 'slow', delayMs: 30 });
      assert.equal((await client({ timeouts: { requestMs: 2_000 } }).credits()).credits, 12.5);
    });
    it('a refused connection is a NetworkError', async () => {
      const other = await FakeSegmind.start();
      const base = other.apiBaseUrl;
      await other.close();
      const c = new SegmindClient({ apiBaseUrl: base, uploadBaseUrl: base, apiKey: () => Promise.resolve(KEY), clock, random: () => 0.5 });
      const error = await rejection(c.credits(), NetworkError);
      assert.match(error.message, /credits/);
      assert.equal(clock.sleeps.length, 3, 'a GET is retried');
    });
  });

  describe('cancellation', () => {
    it('an already aborted signal: CancelledError, no request', async () => {
      const controller = new AbortController();
      controller.abort();
      await rejection(client().submit('gpt-image-1', BODY, controller.signal), CancelledError);
      assert.equal(fake.requests.length, 0);
    });
    it('aborting during a request: CancelledError, not retried', async () => {
      fake.addFault({ path: '/v1/get-user-credits', kind: 'slow', delayMs: 2_000, times: Infinity });
      const controller = new AbortController();
      const pending = client().credits(controller.signal);
      await until(() => fake.requestsTo('api').length === 1, 'the request reached the service');
      controller.abort();
      const error = await rejection(pending, CancelledError);
      assert.equal(error.kind, 'cancelled');
      assert.equal(fake.requestsTo('api').length, 1);
    });
    it('aborting during a backoff wait: CancelledError', async () => {
      fake.addFault({ path: '/v1/get-user-credits', status: 503, times: Infinity });
      const controller = new AbortController();
      const c = client({
        clock: {
          now: clock.now,
          sleep: (ms, signal) => {
            controller.abort();
            return clock.sleep(ms, signal);
          },
        },
      });
      await rejection(c.credits(controller.signal), CancelledError);
      assert.equal(fake.requestsTo('api').length, 1);
    });
  });

  describe('base URL validation', () => {
    const make =
      (apiBaseUrl: string, uploadBaseUrl = 'https://workflows-api.segmind.com') =>
      () =>
        new SegmindClient({ apiBaseUrl, uploadBaseUrl, apiKey: () => Promise.resolve(KEY) });
    it('requires https except on loopback', () => {
      assert.throws(make('http://api.segmind.com'), ConfigurationError);
      assert.throws(
        make('https://api.segmind.com', 'http://workflows-api.segmind.com'),
        (e: unknown) => e instanceof ConfigurationError && e.setting === 'segmind.uploadBaseUrl',
      );
      assert.doesNotThrow(make('https://api.segmind.com'));
      assert.doesNotThrow(make('http://127.0.0.1:9', 'http://localhost:9'));
    });
    it('refuses credentials in the URL', () => {
      assert.throws(make('https://me:secret@api.segmind.com'), (e: unknown) => e instanceof ConfigurationError && e.setting === 'segmind.apiBaseUrl');
    });
    it('works under a path prefix', async () => {
      // The fake does not serve a prefix, so the request lands on its 404: it proves the path was used.
      const c = new SegmindClient({ apiBaseUrl: `${fake.apiBaseUrl}/proxy/`, uploadBaseUrl: fake.uploadBaseUrl, apiKey: () => Promise.resolve(KEY), clock });
      await rejection(c.credits(), NotFoundError);
      assert.equal(fake.requests[0]?.path, '/proxy/v1/get-user-credits');
    });
  });
});
