// SegmindClient against the real loopback fake server (test/fakeSegmind). A fake clock makes
// retries and backoff instant and drives the fake's job progress, expiry and rate limit.
import * as assert from 'node:assert/strict';
import sharp from 'sharp';
import { FakeSegmind, type ResultShape } from '../../fakeSegmind/server';
import { SegmindClient, errorFromAnswer, serviceMessage, type RequestEvent, type SegmindClientOptions } from '../../../src/segmind/client';
import {
  BadRequestError,
  CancelledError,
  ConfigurationError,
  ForbiddenError,
  JobExpiredError,
  JobFailedError,
  MissingApiKeyError,
  ModelRetiredError,
  NetworkError,
  NotAcceptableError,
  NotFoundError,
  ProtocolError,
  RateLimitError,
  RequestTimeoutError,
  ServerError,
  UnauthorizedError,
  UnexpectedStatusError,
} from '../../../src/domain/errors/errors';
import { readPixelSize, sniffImageFormat } from '../../../src/domain/images/imageFormat';
import type { ModelSlug } from '../../../src/domain/generation/catalog';
import { rejection } from '../support/assertions';
import { FakeClock } from '../support/fakeClock';

const KEY = 'SG_0123456789abcdef';
const BODY = { prompt: 'a red fox', size: '1024x1536' };

describe('SegmindClient against the fake server', function () {
  this.timeout(5000);

  let fake: FakeSegmind;
  let clock: FakeClock;
  let events: RequestEvent[];

  before(async () => {
    fake = await FakeSegmind.start();
  });
  beforeEach(() => {
    clock = new FakeClock();
    events = [];
    fake.reset({ now: clock.now, syncDelayMs: 5 });
  });
  after(async () => {
    await fake.close();
  });

  function client(overrides: Partial<SegmindClientOptions> = {}): SegmindClient {
    return new SegmindClient({
      apiBaseUrl: fake.apiBaseUrl,
      uploadBaseUrl: fake.uploadBaseUrl,
      apiKey: () => Promise.resolve(KEY),
      clock,
      random: () => 0.5,
      onRequest: (event) => events.push(event),
      ...overrides,
    });
  }

  async function finishedJob(c: SegmindClient, model: ModelSlug = 'gpt-image-1', body: Record<string, unknown> = BODY): Promise<string> {
    const { requestId } = await c.submit(model, body);
    clock.advance(10_000);
    return requestId;
  }

  describe('v2 end to end', () => {
    const shapes: ResultShape[] = ['images', 'outputUrl', 'outputList', 'base64', 'dataUri'];
    const formats = ['png', 'jpeg', 'webp'] as const;
    for (const shape of shapes) {
      for (const format of formats) {
        it(`${shape} / ${format}: submit → status → result → download, of the requested size`, async () => {
          const c = client();
          fake.planNextJob({ resultShape: shape, durationMs: 2_000 });
          const submitted = await c.submit('gpt-image-1-mini', { prompt: `fox ${shape}`, size: '1536x1024', output_format: format });
          assert.match(submitted.requestId, /^[0-9a-f-]{36}$/);
          assert.equal(submitted.state, 'queued');

          assert.equal((await c.status(submitted.requestId)).state, 'queued');
          clock.advance(1_000);
          assert.equal((await c.status(submitted.requestId)).state, 'processing');
          assert.equal((await c.result(submitted.requestId)).image, undefined);
          clock.advance(1_500);
          const status = await c.status(submitted.requestId);
          assert.equal(status.state, 'completed');
          assert.equal(status.metrics?.inference_time, 1.6);

          const result = await c.result(submitted.requestId);
          assert.equal(result.state, 'completed');
          assert.ok(result.image);
          assert.equal(result.image.type, shape === 'base64' || shape === 'dataUri' ? 'bytes' : 'url');
          assert.equal(result.metrics?.cost, 0.04);
          assert.equal(typeof result.remainingCredits, 'number');

          const image = await c.download(result.image);
          assert.equal(image.format, format);
          assert.equal(sniffImageFormat(image.bytes), format);
          assert.deepEqual(readPixelSize(image.bytes), { width: 1536, height: 1024 });
        });
      }
    }

    it('renders a large size on gpt-image-2', async function () {
      this.timeout(10_000);
      const c = client();
      const id = await finishedJob(c, 'gpt-image-2', { prompt: 'wide', size: '2048x1152', output_format: 'jpeg' });
      const result = await c.result(id);
      assert.ok(result.image);
      const image = await c.download(result.image);
      assert.deepEqual(readPixelSize(image.bytes), { width: 2048, height: 1152 });
    });

    it('sends the JSON body and content type the service expects', async () => {
      await client().submit('gpt-image-1', { ...BODY, output_compression: 80 });
      const [post] = fake.requestsTo('api', 'POST', '/v2/gpt-image-1');
      assert.ok(post);
      assert.deepEqual(post.body, { ...BODY, output_compression: 80 });
      assert.match(String(post.headers['content-type']), /^application\/json/);
    });
  });

  describe('the key', () => {
    it('goes as x-api-key to the api and upload hosts, and never to the output host', async () => {
      const c = client();
      const id = await finishedJob(c);
      await c.status(id);
      const result = await c.result(id);
      assert.ok(result.image);
      await c.download(result.image);
      const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#00f' } })
        .png()
        .toBuffer();
      const [assetUrl] = await c.upload([`data:image/png;base64,${png.toString('base64')}`]);
      assert.ok(assetUrl);
      await c.download({ type: 'url', url: assetUrl });
      await c.credits();

      const api = fake.requestsTo('api');
      const upload = fake.requestsTo('upload');
      const output = fake.requestsTo('output');
      assert.ok(api.length >= 4 && upload.length === 1 && output.length === 2);
      for (const r of [...api, ...upload]) assert.equal(r.headers['x-api-key'], KEY, `${r.method} ${r.path}`);
      for (const r of [...api, ...upload]) assert.equal(r.headers['authorization'], undefined);
      for (const r of output) {
        assert.equal(r.headers['x-api-key'], undefined, `key sent to output host: ${r.path}`);
        assert.ok(!JSON.stringify(r.headers).includes(KEY));
      }
    });

    it('does not follow a foreign status_url: every request goes to the configured api origin', async () => {
      const c = client();
      fake.planNextJob({ foreignStatusUrls: true });
      const id = await finishedJob(c);
      assert.equal((await c.status(id)).state, 'completed');
      assert.ok((await c.result(id)).image);
      const apiPort = new URL(fake.apiBaseUrl).host;
      const statusCalls = fake.requestsTo('api', 'GET', `/v2/requests/${id}`);
      assert.equal(statusCalls.length, 2);
      for (const r of statusCalls) assert.equal(r.headers['host'], apiPort);
      assert.equal(fake.requests.length, 3);
      for (const event of events) assert.equal(new URL(event.url).origin, fake.apiBaseUrl);
    });

    it('follows a download redirect without the key, even one pointing at the api host', async () => {
      const c = client();
      const id = await finishedJob(c);
      const real = `${fake.outputBaseUrl}/generations/${id}.png`;
      fake.addFault({ host: 'output', path: '/moved/', status: 302, body: '', headers: { location: `${fake.apiBaseUrl}/bounce/x` } });
      fake.addFault({ host: 'api', path: '/bounce/', status: 307, body: '', headers: { location: real } });
      const image = await c.download({ type: 'url', url: `${fake.outputBaseUrl}/moved/x.png` });
      assert.equal(image.format, 'png');
      const hops = fake.requests.filter((r) => r.path.startsWith('/moved/') || r.path.startsWith('/bounce/') || r.path.startsWith('/generations/'));
      assert.equal(hops.length, 3);
      for (const r of hops) assert.equal(r.headers['x-api-key'], undefined, `${r.host} ${r.path}`);
    });

    it('gives up after too many redirects', async () => {
      fake.addFault({ host: 'output', path: '/loop', status: 302, body: '', headers: { location: '/loop' }, times: Infinity });
      const error = await rejection(client().download({ type: 'url', url: `${fake.outputBaseUrl}/loop` }), ProtocolError);
      assert.match(error.message, /redirects/);
      assert.equal(fake.requestsTo('output').length, 4);
    });

    it('refuses to call without a key (MissingApiKeyError), before any request', async () => {
      for (const apiKey of [() => Promise.resolve(undefined), () => Promise.resolve('   ')]) {
        await rejection(client({ apiKey }).credits(), MissingApiKeyError);
      }
      assert.equal(fake.requests.length, 0);
    });

    it('is asked for on every call, so a key set meanwhile is used', async () => {
      let key = 'SG_ffffffffffffffff';
      const c = client({ apiKey: () => Promise.resolve(key) });
      await rejection(c.credits(), UnauthorizedError);
      key = KEY;
      assert.equal((await c.credits()).credits, 12.5);
    });

    it('is redacted from error messages when the server echoes it', async () => {
      const odd = 'not-a-segmind-shaped-key-123';
      fake.options.apiKey = odd;
      fake.addFault({
        path: '/v1/get-user-credits',
        status: 400,
        body: JSON.stringify({ error: `Invalid x-api-key header ${odd}, expected SG_ key like ${KEY}` }),
      });
      const error = await rejection(client({ apiKey: () => Promise.resolve(odd) }).credits(), BadRequestError);
      assert.ok(!error.message.includes(odd), error.message);
      assert.ok(!error.serviceMessage.includes(odd));
      assert.ok(!error.message.includes(KEY));

      fake.addFault({ path: '/v2/requests/', status: 422, body: JSON.stringify({ status: 'FAILED', error: `key ${odd} banned` }) });
      const failed = await rejection(client({ apiKey: () => Promise.resolve(odd) }).status('abc'), JobFailedError);
      assert.ok(!failed.reason.includes(odd), failed.reason);
      assert.ok(!failed.message.includes(odd));
    });
  });

  describe('v1 sync', () => {
    it('returns the image bytes and the accounting headers', async () => {
      const c = client();
      const answer = await c.generateSync('gpt-image-1', { prompt: 'sync fox', size: '1024x1536', output_format: 'webp' }, 5_000);
      assert.equal(answer.image.type, 'bytes');
      assert.match(answer.requestId ?? '', /^[0-9a-f-]{36}$/);
      assert.equal(answer.cost, 0.04);
      assert.equal(answer.remainingCredits, 12.46);
      assert.equal(typeof answer.generationSeconds, 'number');
      const image = await c.download(answer.image);
      assert.equal(image.format, 'webp');
      assert.deepEqual(readPixelSize(image.bytes), { width: 1024, height: 1536 });
      assert.equal(fake.requestsTo('output').length, 0);
      assert.equal(fake.requestsTo('api', 'POST', '/v1/gpt-image-1').length, 1);
    });

    it('tolerates a JSON answer pointing at the image', async () => {
      const c = client();
      const id = await finishedJob(c);
      fake.addFault({
        path: '/v1/gpt-image-1',
        status: 200,
        body: JSON.stringify({ output: `${fake.outputBaseUrl}/generations/${id}.png` }),
        headers: { 'x-cost': '0.04' },
      });
      const answer = await c.generateSync('gpt-image-1', BODY, 5_000);
      assert.equal(answer.image.type, 'url');
      assert.equal(answer.cost, 0.04);
      assert.equal((await c.download(answer.image)).format, 'png');
    });

    it('reports a FAILED sync call as JobFailedError with the reason', async () => {
      fake.planNextJob({ outcome: 'FAILED', error: 'Blocked by safety system' });
      const error = await rejection(client().generateSync('gpt-image-1', BODY, 5_000), JobFailedError);
      assert.match(error.reason, /Blocked by safety system/);
    });
  });

  describe('credits', () => {
    it('reads credits and "free-credits"', async () => {
      fake.options.credits = 3.25;
      fake.options.freeCredits = 0.5;
      assert.deepEqual(await client().credits(), { credits: 3.25, freeCredits: 0.5 });
    });
    it('accepts quoted numbers and a missing free-credits', async () => {
      fake.addFault({ path: '/v1/get-user-credits', status: 200, body: '{"credits":"7.5"}' });
      assert.deepEqual(await client().credits(), { credits: 7.5, freeCredits: undefined });
    });
    it('names a missing credits field', async () => {
      fake.addFault({ path: '/v1/get-user-credits', status: 200, body: '{"balance":1}' });
      const error = await rejection(client().credits(), ProtocolError);
      assert.match(error.message, /credits/);
    });
    it('a user without credits gets NotFoundError with the service text', async () => {
      fake.options.creditsMissing = true;
      const error = await rejection(client().credits(), NotFoundError);
      assert.match(error.serviceMessage, /No credits found/);
    });
    it('retries 503 on the credits GET', async () => {
      fake.addFault({ path: '/v1/get-user-credits', status: 503, times: 2 });
      assert.equal((await client().credits()).credits, 12.5);
      assert.equal(fake.requestsTo('api', 'GET', '/v1/get-user-credits').length, 3);
      assert.deepEqual(clock.sleeps, [375, 750]);
    });
  });

  describe('upload', () => {
    let dataUrls: string[];
    before(async () => {
      const png = await sharp({ create: { width: 8, height: 6, channels: 4, background: { r: 1, g: 2, b: 3, alpha: 0.5 } } })
        .png()
        .toBuffer();
      const jpeg = await sharp({ create: { width: 5, height: 7, channels: 3, background: '#abc' } })
        .jpeg()
        .toBuffer();
      dataUrls = [`data:image/png;base64,${png.toString('base64')}`, `data:image/jpeg;base64,${jpeg.toString('base64')}`];
    });
    for (const uploadKey of ['file_urls', 'urls'] as const) {
      it(`reads the URLs under ${uploadKey}`, async () => {
        fake.options.uploadKey = uploadKey;
        const c = client();
        const urls = await c.upload(dataUrls);
        assert.equal(urls.length, 2);
        for (const url of urls) assert.ok(url.startsWith(`${fake.outputBaseUrl}/assets/`));
        const [post] = fake.requestsTo('upload', 'POST', '/upload-asset');
        assert.deepEqual(post?.body, { data_urls: dataUrls });
        assert.deepEqual(readPixelSize((await c.download({ type: 'url', url: urls[1] ?? '' })).bytes), { width: 5, height: 7 });
      });
    }
    it('refuses an answer with the wrong number of URLs', async () => {
      fake.addFault({ host: 'upload', path: '/upload-asset', status: 200, body: '{"file_urls":[],"message":"ok"}' });
      const error = await rejection(client().upload(dataUrls), ProtocolError);
      assert.match(error.message, /expected 2 file URL/);
    });
    it('is not retried after a dropped connection (it is a POST)', async () => {
      fake.addFault({ host: 'upload', path: '/upload-asset', kind: 'drop' });
      await rejection(client().upload(dataUrls), NetworkError);
      assert.equal(fake.requestsTo('upload').length, 1);
    });
  });

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
      setTimeout(() => controller.abort(), 30);
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
