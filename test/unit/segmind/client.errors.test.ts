// SegmindClient (src/segmind/client.ts) turning the service's answers into typed errors, against the
// loopback fake server: one error class per status the user must tell apart, malformed answers as
// ProtocolError, and the pure errorFromAnswer / serviceMessage behind them.
import * as assert from 'node:assert/strict';
import type { FakeSegmind } from '../../fakeSegmind/server';
import { errorFromAnswer, serviceMessage, type RequestEvent } from '../../../src/segmind/client';
import {
  BadRequestError,
  ForbiddenError,
  JobExpiredError,
  JobFailedError,
  ModelRetiredError,
  NotAcceptableError,
  ProtocolError,
  RateLimitError,
  ServerError,
  UnauthorizedError,
  UnexpectedStatusError,
} from '../../../src/domain/errors/errors';
import { rejection } from '../support/assertions';
import type { FakeClock } from '../support/fakeClock';
import { BODY, KEY, clientAgainstFake } from './clientAgainstFake';

describe('SegmindClient against the fake server', function () {
  const rig = clientAgainstFake();
  let fake: FakeSegmind;
  let clock: FakeClock;
  let events: RequestEvent[];
  // Fresh in each test (the rig's own hooks run first): the tests below read them as plain names.
  beforeEach(() => ({ fake, clock, events } = rig));
  const { client, finishedJob } = rig;

  describe('typed errors', () => {
    it('400: the service message, not retried', async () => {
      const error = await rejection(client().submit('gpt-image-1', { prompt: 'x', size: '3840x2160' }), BadRequestError);
      assert.equal(error.kind, 'bad-request');
      assert.equal(error.status, 400);
      assert.match(error.serviceMessage, /Invalid size/);
      assert.equal(fake.requestsTo('api', 'POST').length, 1);
    });
    it('401: a wrong key', async () => {
      const error = await rejection(client({ apiKey: () => Promise.resolve('SG_deadbeefdeadbeef') }).submit('gpt-image-1', BODY), UnauthorizedError);
      assert.equal(error.kind, 'unauthorized');
      assert.match(error.message, /API key missing or invalid/);
      assert.ok(!error.message.includes('SG_deadbeefdeadbeef'));
    });
    it('403: the message', async () => {
      fake.addFault({ path: '/v2/gpt-image-2', status: 403 });
      const error = await rejection(client().submit('gpt-image-2', BODY), ForbiddenError);
      assert.match(error.serviceMessage, /not available to your team/);
    });
    it('404 on a model: the service does not serve it (ModelRetiredError naming the model)', async () => {
      const error = await rejection(client().submit('gpt-image-9', BODY), ModelRetiredError);
      assert.deepEqual([error.model, error.status], ['gpt-image-9', 404]);
      assert.match(error.serviceMessage, /Model not found/);
    });
    it('404 on a job: JobExpiredError naming the request, on status and on result', async () => {
      const c = client();
      const { requestId } = await c.submit('gpt-image-1', BODY);
      clock.advance(3_600_001);
      const onStatus = await rejection(c.status(requestId), JobExpiredError);
      assert.equal(onStatus.requestId, requestId);
      assert.match(onStatus.message, /expired/);
      await rejection(c.result(requestId), JobExpiredError);
      await rejection(c.status('00000000-0000-4000-8000-000000000000'), JobExpiredError);
      assert.equal(fake.requestsTo('api', 'GET').length, 3, '404 is not retried');
    });
    it('406: the reason is classified from the text', async () => {
      fake.options.credits = 0.01;
      const credits = await rejection(client().submit('gpt-image-1', BODY), NotAcceptableError);
      assert.equal(credits.reason, 'insufficient-credits');
      assert.match(credits.serviceMessage, /Insufficient credits/);
      fake.options.credits = 10;
      fake.addFault({ path: '/v2/', status: 406, body: '{"error":"Invalid content type"}' });
      assert.equal((await rejection(client().submit('gpt-image-1', BODY), NotAcceptableError)).reason, 'content-type');
      fake.addFault({ path: '/v2/', status: 406, body: '{"error":"Team spend limit reached"}' });
      assert.equal((await rejection(client().submit('gpt-image-1', BODY), NotAcceptableError)).reason, 'spend-limit');
      fake.addFault({ path: '/v2/', status: 406, body: '{"error":"Nope"}' });
      assert.equal((await rejection(client().submit('gpt-image-1', BODY), NotAcceptableError)).reason, 'other');
      assert.equal(fake.jobs.size, 0);
    });
    it('410: model retired', async () => {
      fake.addFault({ path: '/v2/gpt-image-1', status: 410 });
      const error = await rejection(client().submit('gpt-image-1', BODY), ModelRetiredError);
      assert.match(error.serviceMessage, /retired/);
    });
    it('422 on a status poll: JobFailedError with the reason', async () => {
      const c = client();
      fake.planNextJob({ outcome: 'FAILED', error: 'Blocked by the safety system: violence' });
      const id = await finishedJob(c);
      const error = await rejection(c.status(id), JobFailedError);
      assert.equal(error.requestId, id);
      assert.equal(error.reason, 'Blocked by the safety system: violence');
      const onResult = await rejection(c.result(id), JobFailedError);
      assert.match(onResult.reason, /safety/);
      assert.equal(fake.requestsTo('api', 'POST').length, 1, 'never resubmitted');
    });
    it('422 with only {"error"} is still a failure with the reason, not a protocol error', async () => {
      fake.addFault({ path: '/v2/requests/', status: 422, body: '{"error":"Content blocked"}' });
      const error = await rejection(client().status('abc'), JobFailedError);
      assert.equal(error.reason, 'Content blocked');
    });
    it('429: retried with Retry-After, then RateLimitError with the wait', async () => {
      fake.addFault({ path: '/v1/get-user-credits', status: 429, headers: { 'retry-after': '3' }, times: Infinity });
      const error = await rejection(client().credits(), RateLimitError);
      assert.equal(error.retryAfterMs, 3_000);
      assert.equal(fake.requestsTo('api').length, 4);
      assert.deepEqual(clock.sleeps, [3_000, 3_000, 3_000]);
    });
    it('429 asking for longer than the policy allows is returned at once', async () => {
      fake.addFault({ path: '/v1/get-user-credits', status: 429, headers: { 'x-rate-limit-reset-at-utc': new Date(clock.now() + 50_000).toISOString() } });
      const error = await rejection(client().credits(), RateLimitError);
      assert.equal(error.retryAfterMs, 50_000);
      assert.equal(fake.requestsTo('api').length, 1);
    });
    it('5xx: GET retried up to maxAttempts with growing backoff, then ServerError', async () => {
      fake.addFault({ path: '/v2/requests/', status: 502, times: Infinity });
      const error = await rejection(client().status('abc'), ServerError);
      assert.equal(error.status, 502);
      assert.equal(fake.requestsTo('api').length, 4);
      assert.deepEqual(clock.sleeps, [375, 750, 1_500]);
      assert.deepEqual(
        events.map((e) => e.attempt),
        [1, 2, 3, 4],
      );
      assert.deepEqual(
        events.map((e) => e.retryInMs),
        [375, 750, 1_500, undefined],
      );
    });
    it('an unexpected status (e.g. 418) is UnexpectedStatusError', async () => {
      fake.addFault({ path: '/v1/get-user-credits', status: 418, body: 'teapot' });
      const error = await rejection(client().credits(), UnexpectedStatusError);
      assert.equal(error.serviceMessage, 'teapot');
    });
    it('an HTML 405 page becomes a short, tag-free message', async () => {
      fake.addFault({ path: '/v2/gpt-image-1', status: 405 });
      const error = await rejection(client().submit('gpt-image-1', BODY), UnexpectedStatusError);
      assert.equal(error.status, 405);
      assert.doesNotMatch(error.serviceMessage, /[<>]/);
      assert.match(error.serviceMessage, /Method Not Allowed/);
      assert.ok(error.serviceMessage.length <= 300);
      assert.doesNotMatch(error.message, /doctype|<html/i);
    });
  });

  describe('malformed answers', () => {
    it('non-JSON submit answer: ProtocolError saying so', async () => {
      fake.addFault({ path: '/v2/gpt-image-1', status: 200, body: 'Service OK' });
      const error = await rejection(client().submit('gpt-image-1', BODY), ProtocolError);
      assert.match(error.message, /submit answer is not JSON/);
      assert.match(error.message, /Service OK/);
    });
    it('submit answer without request_id: ProtocolError naming the field', async () => {
      fake.addFault({ path: '/v2/gpt-image-1', status: 200, body: '{"status":"QUEUED"}' });
      const error = await rejection(client().submit('gpt-image-1', BODY), ProtocolError);
      assert.match(error.message, /request_id/);
    });
    it('a request_id that could climb out of the URL is refused', async () => {
      fake.addFault({ path: '/v2/gpt-image-1', status: 200, body: '{"request_id":"../../v1/get-user-credits"}' });
      const error = await rejection(client().submit('gpt-image-1', BODY), ProtocolError);
      assert.match(error.message, /not a valid id/);
      await rejection(client().status('../x'), ProtocolError);
      assert.equal(fake.requestsTo('api', 'GET').length, 0);
    });
    it('status answer without status: ProtocolError', async () => {
      fake.addFault({ path: '/v2/requests/', status: 200, body: '{"request_id":"abc"}' });
      const error = await rejection(client().status('abc'), ProtocolError);
      assert.match(error.message, /status answer: status/);
    });
    it('completed result without an image: ProtocolError', async () => {
      fake.addFault({ path: '/v2/requests/', status: 200, body: '{"status":"COMPLETED","output":null}' });
      const error = await rejection(client().result('abc'), ProtocolError);
      assert.match(error.message, /no image/);
    });
    it('output that is not an image: ProtocolError', async () => {
      fake.addFault({ host: 'output', path: '/generations/', status: 200, body: '<html>not an image</html>' });
      const error = await rejection(client().download({ type: 'url', url: `${fake.outputBaseUrl}/generations/x.png` }), ProtocolError);
      assert.match(error.message, /not a PNG, JPEG or WebP/);
    });
  });

  describe('errorFromAnswer / serviceMessage (pure)', () => {
    const answer = (status: number, body: string, headers: Record<string, string> = {}) => ({ status, headers, body: Buffer.from(body) });
    it('reads {error}, {message}, {detail}, nested {error:{message}} and plain text', () => {
      assert.equal(serviceMessage(answer(400, '{"error":"bad size"}')), 'bad size');
      assert.equal(serviceMessage(answer(400, '{"message":"bad quality"}')), 'bad quality');
      assert.equal(serviceMessage(answer(400, '{"detail":"bad format"}')), 'bad format');
      assert.equal(serviceMessage(answer(400, '{"error":{"message":"nested"}}')), 'nested');
      assert.equal(serviceMessage(answer(500, '  upstream   exploded \n')), 'upstream exploded');
      assert.equal(serviceMessage(answer(500, '')), '');
    });
    it('strips scripts and styles from HTML and bounds the length', () => {
      const html = `<html><head><style>body{}</style><script>var k="x"</script></head><body><h1>Bad Gateway</h1>${'<p>more</p>'.repeat(200)}</body></html>`;
      const text = serviceMessage(answer(502, html));
      assert.match(text, /^Bad Gateway more/);
      assert.doesNotMatch(text, /body\{\}|var k/);
      assert.ok(text.length <= 300);
    });
    it('redacts keys', () => {
      assert.ok(!serviceMessage(answer(401, `{"error":"bad key ${KEY}"}`)).includes(KEY));
    });
    it('maps statuses to kinds with the context', () => {
      const kinds = [400, 401, 403, 404, 406, 410, 422, 429, 500, 503, 418].map(
        (s) => errorFromAnswer(answer(s, '{}'), { on: 'model', model: 'gpt-image-1' }, 0).kind,
      );
      assert.deepEqual(kinds, [
        'bad-request',
        'unauthorized',
        'forbidden',
        'model-retired',
        'not-acceptable',
        'model-retired',
        'job-failed',
        'rate-limited',
        'server',
        'server',
        'unexpected-status',
      ]);
      assert.equal(errorFromAnswer(answer(404, '{}'), { on: 'job', requestId: 'r1' }, 0).kind, 'job-expired');
      assert.equal(errorFromAnswer(answer(404, '{}'), { on: 'other' }, 0).kind, 'not-found');
      const limited = errorFromAnswer(answer(429, '{}', { 'retry-after': '4' }), { on: 'other' }, 0);
      assert.ok(limited instanceof RateLimitError && limited.retryAfterMs === 4_000);
    });
  });
});
