// The fake Segmind's endpoints (test/fakeSegmind/endpoints.ts), over real loopback HTTP: v2 submit,
// poll, result and output for each model, every result shape, v1 sync and credits, and uploads
// served back publicly. A fake clock drives job progress, so nothing here waits for a job.
import * as assert from 'node:assert/strict';
import sharp from 'sharp';
import type { FakeSegmind, ResultShape } from '../../fakeSegmind/server';
import { KEY, fakeUnderTest } from './fakeUnderTest';
import { until } from '../../support/conditions';

describe('FakeSegmind', function () {
  const rig = fakeUnderTest();
  let fake: FakeSegmind;
  before(() => (fake = rig.fake));
  const { post, submit, getJson, advance } = rig;

  describe('v2 submit → poll → result → output', () => {
    const cases = [
      { slug: 'gpt-image-1', body: { size: '1024x1536' }, format: 'png', w: 1024, h: 1536, alpha: false },
      { slug: 'gpt-image-1-mini', body: { size: '1536x1024', output_format: 'jpeg', output_compression: 80 }, format: 'jpeg', w: 1536, h: 1024, alpha: false },
      {
        slug: 'gpt-image-1-edit',
        body: { image_urls: ['http://x/a.png'], output_format: 'webp', background: 'transparent' },
        format: 'webp',
        w: 1024,
        h: 1024,
        alpha: true,
      },
      { slug: 'gpt-image-2', body: { size: '2048x1152', background: 'transparent' }, format: 'png', w: 2048, h: 1152, alpha: true },
    ] as const;
    for (const c of cases) {
      it(`${c.slug} ${c.format} ${c.w}x${c.h}`, async () => {
        const res = await post(`/v2/${c.slug}`, { prompt: 'a red fox', ...c.body });
        assert.equal(res.status, 200);
        const sub = (await res.json()) as Record<string, string>;
        const id = sub.request_id ?? '';
        assert.match(id, /^[0-9a-f-]{36}$/);
        assert.equal(sub.status, 'QUEUED');
        assert.equal(sub.status_url, `${fake.apiBaseUrl}/v2/requests/${id}/status`);
        assert.equal(sub.response_url, `${fake.apiBaseUrl}/v2/requests/${id}`);

        assert.equal((await getJson(`/v2/requests/${id}/status`)).json.status, 'QUEUED');
        assert.equal((await getJson(`/v2/requests/${id}`)).json.status, 'PROCESSING'); // result never says QUEUED
        advance(100); // 1/3 of the default 300 ms
        assert.equal((await getJson(`/v2/requests/${id}/status`)).json.status, 'PROCESSING');
        const early = await getJson(`/v2/requests/${id}`);
        assert.equal(early.status, 200);
        assert.equal(early.json.status, 'PROCESSING');
        assert.equal(early.json.output, undefined);
        assert.equal(early.json.images, undefined);

        advance(200);
        const st = await getJson(`/v2/requests/${id}/status`);
        assert.equal(st.json.status, 'COMPLETED');
        assert.equal(typeof (st.json.metrics as Record<string, unknown>).inference_time, 'number');

        const result = await getJson(`/v2/requests/${id}`);
        assert.equal(result.json.status, 'COMPLETED');
        assert.equal(result.json.output, undefined);
        const url = (result.json.images as Array<{ url: string }>)[0]?.url ?? '';
        assert.ok(url.startsWith(`${fake.outputBaseUrl}/generations/${id}.`), url);
        const metrics = result.json.metrics as Record<string, number>;
        assert.equal(metrics.cost, 0.04);
        assert.equal(metrics.remaining_credits, 12.46); // charged once, though observed twice
        assert.equal(result.res.headers.get('x-remaining-credits'), '12.46');

        const img = await fetch(url); // public host: no key
        assert.equal(img.status, 200);
        assert.equal(img.headers.get('content-type'), `image/${c.format}`);
        const bytes = Buffer.from(await img.arrayBuffer());
        assert.equal(img.headers.get('content-length'), String(bytes.length));
        const meta = await sharp(bytes).metadata();
        assert.equal(meta.format, c.format);
        assert.equal(meta.width, c.w);
        assert.equal(meta.height, c.h);
        assert.equal(meta.hasAlpha, c.alpha);
        const stats = await sharp(bytes).stats();
        assert.equal(stats.isOpaque, !c.alpha);
        assert.ok((stats.channels[0]?.stdev ?? 0) > 1, 'picture is not flat');

        assert.equal(fake.requestsTo('output')[0]?.headers['x-api-key'], undefined);
        const job = fake.jobs.get(id);
        assert.equal(job?.slug, c.slug);
        assert.equal(job?.body.prompt, 'a red fox');
        assert.equal(fake.options.credits, 12.46);
      });
    }

    it('auto size and model defaults; wrong extension and unfinished output are 404', async () => {
      fake.planNextJob({ durationMs: 0 });
      const id = await submit('gpt-image-1', { prompt: 'x', size: 'auto' });
      const bad = await fetch(`${fake.outputBaseUrl}/generations/${id}.webp`);
      assert.equal(bad.status, 404);
      const ok = await fetch(`${fake.outputBaseUrl}/generations/${id}.png`);
      const meta = await sharp(Buffer.from(await ok.arrayBuffer())).metadata();
      assert.deepEqual([meta.width, meta.height], [1024, 1024]);

      const id2 = await submit('gpt-image-2', { prompt: 'y' }); // default size 1536x1024
      assert.equal((await fetch(`${fake.outputBaseUrl}/generations/${id2}.png`)).status, 404);
      advance(300);
      const out2 = await fetch(`${fake.outputBaseUrl}/generations/${id2}.png`);
      const meta2 = await sharp(Buffer.from(await out2.arrayBuffer())).metadata();
      assert.deepEqual([meta2.width, meta2.height], [1536, 1024]);
    });

    it('answers a transparent request with an opaque image when planned to (a model ignoring it)', async () => {
      fake.planNextJob({ ignoreTransparency: true });
      const opaque = fake.jobs;
      const r = await post('/v2/gpt-image-1', { prompt: 'x', background: 'transparent', size: '1024x1024' });
      assert.equal(r.status, 200);
      const id = ((await r.json()) as { request_id: string }).request_id;
      assert.equal(opaque.get(id)?.output.transparent, false);
      const r2 = await post('/v2/gpt-image-1', { prompt: 'x', background: 'transparent', size: '1024x1024' });
      assert.equal(opaque.get(((await r2.json()) as { request_id: string }).request_id)?.output.transparent, true, 'only the planned job');
    });

    it('status URLs can be omitted or foreign', async () => {
      fake.planNextJob({ includeStatusUrls: false });
      fake.planNextJob({ foreignStatusUrls: true });
      const a = (await (await post('/v2/gpt-image-1', { prompt: 'p' })).json()) as Record<string, string>;
      assert.ok(a.request_id);
      assert.equal(a.status_url, undefined);
      assert.equal(a.response_url, undefined);
      const b = (await (await post('/v2/gpt-image-1', { prompt: 'p' })).json()) as Record<string, string>;
      assert.ok(b.status_url?.startsWith('https://evil.example/v2/requests/'));
      assert.ok(!b.response_url?.startsWith(fake.apiBaseUrl));
      const c = (await (await post('/v2/gpt-image-1', { prompt: 'p' })).json()) as Record<string, string>;
      assert.ok(c.status_url?.startsWith(fake.apiBaseUrl)); // queue advanced back to defaults
    });
  });

  describe('result shapes', () => {
    const shapes: ResultShape[] = ['images', 'outputUrl', 'outputList', 'base64', 'dataUri'];
    for (const shape of shapes) {
      it(shape, async () => {
        fake.planNextJob({ resultShape: shape, durationMs: 0 });
        const id = await submit('gpt-image-1-mini', { prompt: 'shape', output_format: 'webp' });
        const { json } = await getJson(`/v2/requests/${id}`);
        const expectedUrl = `${fake.outputBaseUrl}/generations/${id}.webp`;
        let bytes: Buffer;
        switch (shape) {
          case 'images':
            assert.equal(json.output, undefined);
            assert.deepEqual(json.images, [{ url: expectedUrl }]);
            bytes = Buffer.from(await (await fetch(expectedUrl)).arrayBuffer());
            break;
          case 'outputUrl':
            assert.equal(json.output, expectedUrl);
            bytes = Buffer.from(await (await fetch(expectedUrl)).arrayBuffer());
            break;
          case 'outputList':
            assert.deepEqual(json.output, [expectedUrl]);
            bytes = Buffer.from(await (await fetch(expectedUrl)).arrayBuffer());
            break;
          case 'base64':
            bytes = Buffer.from(json.output as string, 'base64');
            break;
          case 'dataUri': {
            const m = /^data:image\/webp;base64,(.+)$/.exec(json.output as string);
            assert.ok(m);
            bytes = Buffer.from(m[1] ?? '', 'base64');
            break;
          }
        }
        assert.equal(bytes.toString('latin1', 8, 12), 'WEBP');
        assert.equal((await sharp(bytes).metadata()).width, 1024);
      });
    }
  });

  describe('v1 sync and credits', () => {
    it('answers raw bytes with accounting headers and charges', async () => {
      const r = await post('/v1/gpt-image-1-mini', { prompt: 'sync', output_format: 'jpeg', size: '1024x1536' });
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('content-type'), 'image/jpeg');
      assert.equal(r.headers.get('x-cost'), '0.04');
      assert.equal(r.headers.get('x-remaining-credits'), '12.46');
      assert.match(r.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
      assert.ok(Number(r.headers.get('x-generation-time')) >= 0.015);
      const bytes = Buffer.from(await r.arrayBuffer());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xff, 0xd8, 0xff]);
      assert.equal((await sharp(bytes).metadata()).height, 1536);
      const credits = await getJson('/v1/get-user-credits');
      assert.deepEqual(credits.json, { credits: 12.46, 'free-credits': 0.018 });
    });

    it('FAILED plan → 422; a client disconnect is not charged', async () => {
      fake.planNextJob({ outcome: 'FAILED', error: 'nope' });
      const r = await post('/v1/gpt-image-1', { prompt: 'x' });
      assert.equal(r.status, 422);
      assert.deepEqual(await r.json(), { error: 'nope' });

      fake.options.syncDelayMs = 2000;
      const ac = new AbortController();
      const arrived = fake.requests.length;
      const pending = fetch(fake.apiBaseUrl + '/v1/gpt-image-1', {
        method: 'POST',
        headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
        body: '{"prompt":"x"}',
        signal: ac.signal,
      });
      await until(() => fake.requests.length > arrived, 'the call reached the fake');
      ac.abort();
      await assert.rejects(pending);
      // Settled: had the fake missed the disconnect, it would have charged after the 2 s delay, before this.
      await until(() => fake.busy === 0, 'the fake settled the aborted call');
      assert.equal(fake.options.credits, 12.5);
    });

    it('credits missing → 404', async () => {
      fake.options.creditsMissing = true;
      const r = await getJson('/v1/get-user-credits');
      assert.equal(r.status, 404);
      assert.deepEqual(r.json, { error: 'No credits found for the user' });
    });
  });

  describe('upload-asset', () => {
    const png = (): Promise<Buffer> =>
      sharp({ create: { width: 4, height: 4, channels: 3, background: '#0f0' } })
        .png()
        .toBuffer();

    for (const uploadKey of ['file_urls', 'urls'] as const) {
      it(`answers under ${uploadKey} and serves the assets publicly`, async () => {
        fake.options.uploadKey = uploadKey;
        const p = await png();
        const w = await sharp(p).webp().toBuffer();
        const r = await post(
          '/upload-asset',
          { data_urls: [`data:image/png;base64,${p.toString('base64')}`, `data:image/webp;base64,${w.toString('base64')}`] },
          fake.uploadBaseUrl,
        );
        assert.equal(r.status, 200);
        const j = (await r.json()) as Record<string, unknown>;
        assert.equal(j.message, 'Files uploaded successfully');
        const urls = j[uploadKey] as string[];
        assert.equal(urls.length, 2);
        assert.equal(j[uploadKey === 'urls' ? 'file_urls' : 'urls'], undefined);
        assert.match(urls[0] ?? '', new RegExp(`^${fake.outputBaseUrl}/assets/[0-9a-f-]{36}\\.png$`));
        const got = await fetch(urls[0] ?? '');
        assert.equal(got.headers.get('content-type'), 'image/png');
        assert.deepEqual(Buffer.from(await got.arrayBuffer()), p);
        assert.equal(fake.uploads.length, 2);
        assert.equal(fake.uploads[1]?.contentType, 'image/webp');
      });
    }

    it('refuses bad data URLs and mismatched magic bytes, storing nothing', async () => {
      const p = await png();
      for (const data_urls of [
        [],
        ['http://x/y.png'],
        [`data:image/jpeg;base64,${p.toString('base64')}`],
        [`data:image/png;base64,${p.toString('base64')}`, 'data:image/gif;base64,R0lG'],
      ]) {
        const r = await post('/upload-asset', { data_urls }, fake.uploadBaseUrl);
        assert.equal(r.status, 400, JSON.stringify(data_urls).slice(0, 80));
      }
      assert.equal(fake.uploads.length, 0);
    });
  });
});
