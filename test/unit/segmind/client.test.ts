// SegmindClient (src/segmind/client.ts) against the real loopback fake server (test/fakeSegmind):
// the calls that work — v2 submit, status, result and download in every result shape and format,
// v1 sync, credits and uploads. The key, errors and transport are in client.<topic>.test.ts; the
// shared set-up (fake, fake clock, events) is in clientAgainstFake.ts.
import * as assert from 'node:assert/strict';
import sharp from 'sharp';
import type { FakeSegmind, ResultShape } from '../../fakeSegmind/server';
import { JobFailedError, NetworkError, NotFoundError, ProtocolError } from '../../../src/domain/errors/errors';
import { readPixelSize, sniffImageFormat } from '../../../src/domain/images/imageFormat';
import { rejection } from '../support/assertions';
import type { FakeClock } from '../support/fakeClock';
import { BODY, clientAgainstFake } from './clientAgainstFake';

describe('SegmindClient against the fake server', function () {
  const rig = clientAgainstFake();
  let fake: FakeSegmind;
  let clock: FakeClock;
  // Fresh in each test (the rig's own hooks run first): the tests below read them as plain names.
  beforeEach(() => ({ fake, clock } = rig));
  const { client, finishedJob } = rig;

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
});
