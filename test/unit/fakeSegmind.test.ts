// Tests of the fake Segmind server itself (test/fakeSegmind), talking to it
// over real loopback HTTP with Node's global fetch. A fake clock drives job
// progress, expiry and the rate limit, so nothing here waits for jobs.

import * as assert from 'node:assert/strict';
import sharp from 'sharp';
import { FakeSegmind } from '../fakeSegmind/server';
import type { ResultShape } from '../fakeSegmind/server';

const KEY = 'SG_0123456789abcdef';

describe('FakeSegmind', function () {
  this.timeout(5000);

  let fake: FakeSegmind;
  let clock = 0;
  const now = (): number => clock;

  before(async () => {
    fake = await FakeSegmind.start({ now });
  });
  beforeEach(() => {
    clock = 1_700_000_000_000;
    fake.reset({ now, syncDelayMs: 20 });
  });
  after(async () => {
    await fake.close();
  });

  function api(path: string, init: RequestInit = {}, key: string | null = KEY): Promise<Response> {
    const headers = new Headers(init.headers);
    if (key !== null) headers.set('x-api-key', key);
    return fetch(fake.apiBaseUrl + path, { ...init, headers });
  }
  function post(path: string, body: unknown, base = fake.apiBaseUrl): Promise<Response> {
    return fetch(base + path, {
      method: 'POST',
      headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }
  async function submit(slug: string, body: Record<string, unknown>): Promise<string> {
    const res = await post(`/v2/${slug}`, body);
    assert.equal(res.status, 200, await res.clone().text());
    const json = (await res.json()) as { request_id: string };
    return json.request_id;
  }
  async function getJson(path: string): Promise<{ status: number; json: Record<string, unknown>; res: Response }> {
    const res = await api(path);
    return { status: res.status, json: (await res.json()) as Record<string, unknown>, res };
  }

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
        clock += 100; // 1/3 of the default 300 ms
        assert.equal((await getJson(`/v2/requests/${id}/status`)).json.status, 'PROCESSING');
        const early = await getJson(`/v2/requests/${id}`);
        assert.equal(early.status, 200);
        assert.equal(early.json.status, 'PROCESSING');
        assert.equal(early.json.output, undefined);
        assert.equal(early.json.images, undefined);

        clock += 200;
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
      clock += 300;
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

  describe('errors', () => {
    it('401: no key, wrong key, Bearer alone; also on the upload host', async () => {
      for (const r of [
        await api('/v1/get-user-credits', {}, null),
        await api('/v1/get-user-credits', {}, 'SG_wrong'),
        await api('/v1/get-user-credits', { headers: { authorization: `Bearer ${KEY}` } }, null),
        await fetch(fake.uploadBaseUrl + '/upload-asset', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
      ]) {
        assert.equal(r.status, 401);
        assert.deepEqual(await r.json(), { error: 'Unauthorized: invalid or missing API key' });
      }
    });

    it('406: wrong content type, insufficient credits', async () => {
      const r1 = await api('/v2/gpt-image-1', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"prompt":"x"}' });
      assert.equal(r1.status, 406);
      assert.deepEqual(await r1.json(), { error: 'Invalid content type' });
      fake.options.credits = 0.03; // below the 0.04 cost, not zero
      const r2 = await post('/v2/gpt-image-1', { prompt: 'x' });
      assert.equal(r2.status, 406);
      assert.deepEqual(await r2.json(), { error: 'Insufficient credits. Your balance is 0.03, this model needs 0.04.' });
      const r3 = await post('/v1/gpt-image-1', { prompt: 'x' });
      assert.equal(r3.status, 406);
      assert.equal(fake.jobs.size, 0);
    });

    it('404: unknown model, unknown request id, unknown path', async () => {
      const r1 = await post('/v2/dall-e-9', { prompt: 'x' });
      assert.equal(r1.status, 404);
      assert.deepEqual(await r1.json(), { error: 'Model not found' });
      for (const p of ['/v2/requests/nope/status', '/v2/requests/nope']) {
        const r = await getJson(p);
        assert.equal(r.status, 404);
        assert.deepEqual(r.json, { error: 'Request nope not found' });
      }
      assert.equal((await api('/v3/whatever')).status, 404);
    });

    it('422: a FAILED job on status and result; never charged; no output', async () => {
      fake.planNextJob({ outcome: 'FAILED', error: 'Blocked by safety system', durationMs: 50 });
      const id = await submit('gpt-image-1', { prompt: 'bad' });
      clock += 50;
      for (const p of [`/v2/requests/${id}/status`, `/v2/requests/${id}`]) {
        const r = await getJson(p);
        assert.equal(r.status, 422);
        assert.deepEqual(r.json, { status: 'FAILED', error: 'Blocked by safety system', request_id: id });
      }
      assert.equal((await fetch(`${fake.outputBaseUrl}/generations/${id}.png`)).status, 404);
      assert.equal(fake.options.credits, 12.5);
    });

    it('400: validation per model, invalid JSON', async () => {
      const bad: Array<[string, Record<string, unknown>]> = [
        ['gpt-image-1', {}],
        ['gpt-image-1', { prompt: '   ' }],
        ['gpt-image-1', { prompt: 'x', size: '3840x2160' }],
        ['gpt-image-1', { prompt: 'x', quality: 'ultra' }],
        ['gpt-image-1', { prompt: 'x', background: 'transparent', output_format: 'jpeg' }],
        ['gpt-image-1', { prompt: 'x', output_format: 'gif' }],
        ['gpt-image-1', { prompt: 'x', output_compression: 0 }],
        ['gpt-image-1', { prompt: 'x', output_compression: 50.5 }],
        ['gpt-image-2', { prompt: 'x', output_compression: 101 }],
        ['gpt-image-1', { prompt: 'x', moderation: 'none' }],
        ['gpt-image-1-edit', { prompt: 'x' }],
        ['gpt-image-1-edit', { prompt: 'x', image_urls: [] }],
        ['gpt-image-1-edit', { prompt: 'x', image_urls: ['http://a/b.png'], mask: 5 }],
      ];
      for (const [slug, body] of bad) {
        const r = await post(`/v2/${slug}`, body);
        assert.equal(r.status, 400, `${slug} ${JSON.stringify(body)}`);
        const j = (await r.json()) as { error: unknown };
        assert.equal(typeof j.error, 'string');
      }
      const good: Array<[string, Record<string, unknown>]> = [
        ['gpt-image-2', { prompt: 'x', size: '3840x2160', output_compression: 0 }],
        ['gpt-image-1-edit', { prompt: 'x', image_urls: ['http://a/b.png'], mask: null }],
        ['gpt-image-2', { prompt: 'x', image: 'http://a/b.png', quality: 'high', moderation: 'low' }],
      ];
      for (const [slug, body] of good) assert.equal((await post(`/v2/${slug}`, body)).status, 200, slug);

      const r = await api('/v2/gpt-image-1', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"prompt":' });
      assert.equal(r.status, 400);
      assert.equal(fake.requests.at(-1)?.body, '{"prompt":'); // recorded raw when not JSON
    });

    it('405: wrong method answers an HTML page', async () => {
      for (const r of [
        await api('/v2/gpt-image-1'),
        await api('/v1/get-user-credits', { method: 'POST' }),
        await api('/v2/requests/x', { method: 'DELETE' }),
      ]) {
        assert.equal(r.status, 405);
        assert.match(r.headers.get('content-type') ?? '', /^text\/html/);
        assert.match(await r.text(), /Method Not Allowed/);
      }
    });
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
      const pending = fetch(fake.apiBaseUrl + '/v1/gpt-image-1', {
        method: 'POST',
        headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
        body: '{"prompt":"x"}',
        signal: ac.signal,
      });
      setTimeout(() => ac.abort(), 30);
      await assert.rejects(pending);
      await new Promise((r2) => setTimeout(r2, 30));
      assert.equal(fake.options.credits, 12.5);
    });

    it('credits missing → 404', async () => {
      fake.options.creditsMissing = true;
      const r = await getJson('/v1/get-user-credits');
      assert.equal(r.status, 404);
      assert.deepEqual(r.json, { error: 'No credits found for the user' });
    });
  });

  it('rate limit: 429 with Retry-After and reset time; refused requests do not count', async () => {
    fake.options.rateLimitPerMinute = 3;
    for (let i = 0; i < 3; i++) {
      assert.equal((await api('/v1/get-user-credits')).status, 200);
      clock += 10_000;
    }
    const r = await api('/v1/get-user-credits'); // t = 30 s; the first hit frees at 60 s
    assert.equal(r.status, 429);
    assert.deepEqual(await r.json(), { error: 'Rate limit exceeded' });
    assert.equal(r.headers.get('retry-after'), '30');
    assert.equal(r.headers.get('x-rate-limit-reset-at-utc'), new Date(1_700_000_000_000 + 60_000).toISOString());
    assert.equal((await api('/v1/get-user-credits')).status, 429);
    assert.equal((await fetch(fake.outputBaseUrl + '/assets/x.png')).status, 404); // other hosts unaffected
    clock += 30_000;
    assert.equal((await api('/v1/get-user-credits')).status, 200);
    assert.equal((await api('/v1/get-user-credits')).status, 429);
  });

  it('expiry: status and result 404 after the retention time; output stays ~7 days', async () => {
    const id = await submit('gpt-image-1', { prompt: 'old' });
    clock += 3_600_000;
    assert.equal((await getJson(`/v2/requests/${id}`)).json.status, 'COMPLETED');
    clock += 1;
    for (const p of [`/v2/requests/${id}/status`, `/v2/requests/${id}`]) {
      const r = await getJson(p);
      assert.equal(r.status, 404);
      assert.deepEqual(r.json, { error: `Request ${id} not found` });
    }
    assert.equal((await fetch(`${fake.outputBaseUrl}/generations/${id}.png`)).status, 200);
    clock += 7 * 24 * 3_600_000;
    assert.equal((await fetch(`${fake.outputBaseUrl}/generations/${id}.png`)).status, 404);
  });

  describe('faults', () => {
    it('status: body, headers, times, method filter, RegExp path, 405 default HTML', async () => {
      fake.addFault({ path: '/v1/get-user-credits', status: 503, headers: { 'retry-after': '1' }, times: 2 });
      for (let i = 0; i < 2; i++) {
        const r = await api('/v1/get-user-credits');
        assert.equal(r.status, 503);
        assert.equal(r.headers.get('retry-after'), '1');
        assert.equal(typeof ((await r.json()) as { error: unknown }).error, 'string');
      }
      assert.equal((await api('/v1/get-user-credits')).status, 200);

      fake.addFault({ path: /^\/v2\/requests\/[^/]+\/status$/, method: 'GET', status: 500, body: 'oops' });
      fake.addFault({ path: '/v2/', method: 'POST', status: 405 });
      const r1 = await api('/v2/requests/abc/status');
      assert.equal(r1.status, 500);
      assert.equal(await r1.text(), 'oops');
      const r2 = await post('/v2/gpt-image-1', { prompt: 'x' });
      assert.equal(r2.status, 405);
      assert.match(await r2.text(), /<title>405/);
      assert.equal(fake.jobs.size, 0);

      fake.addFault({ host: 'output', path: '/generations/', status: 403, times: Infinity });
      for (let i = 0; i < 3; i++) assert.equal((await fetch(`${fake.outputBaseUrl}/generations/x.png`)).status, 403);
    });

    it('drop: the connection closes without an answer', async () => {
      fake.addFault({ path: '/v2/gpt-image-1', kind: 'drop' });
      await assert.rejects(post('/v2/gpt-image-1', { prompt: 'x' }));
      assert.equal(fake.requestsTo('api', 'POST', '/v2/gpt-image-1').length, 1);
      assert.equal((await post('/v2/gpt-image-1', { prompt: 'x' })).status, 200);
    });

    it('slow: answers normally after the delay', async () => {
      fake.addFault({ path: '/v1/get-user-credits', kind: 'slow', delayMs: 150 });
      const t0 = Date.now();
      const r = await api('/v1/get-user-credits');
      assert.ok(Date.now() - t0 >= 140);
      assert.equal(r.status, 200);
      assert.equal(((await r.json()) as { credits: number }).credits, 12.5);
    });

    it('truncate: Content-Length promises more than arrives', async () => {
      fake.planNextJob({ durationMs: 0 });
      const id = await submit('gpt-image-1', { prompt: 'cut' });
      fake.addFault({ host: 'output', path: '/generations/', kind: 'truncate' });
      const r = await fetch(`${fake.outputBaseUrl}/generations/${id}.png`);
      assert.equal(r.status, 200);
      const declared = Number(r.headers.get('content-length'));
      assert.ok(declared > 1000);
      await assert.rejects(r.arrayBuffer());
      const whole = await fetch(`${fake.outputBaseUrl}/generations/${id}.png`);
      assert.equal((await whole.arrayBuffer()).byteLength, declared);
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

  it('records every request with host, method, path, headers, parsed body and clock time', async () => {
    await post('/v2/gpt-image-1?x=1', { prompt: 'rec' });
    await fetch(`${fake.outputBaseUrl}/generations/none.png`, { headers: { 'x-custom': 'y' } });
    const [a, o] = fake.requests;
    assert.equal(a?.host, 'api');
    assert.equal(a?.method, 'POST');
    assert.equal(a?.path, '/v2/gpt-image-1');
    assert.equal(a?.url, '/v2/gpt-image-1?x=1');
    assert.equal(a?.headers['x-api-key'], KEY);
    assert.deepEqual(a?.body, { prompt: 'rec' });
    assert.equal(a?.at, clock);
    assert.equal(o?.host, 'output');
    assert.equal(o?.headers['x-custom'], 'y');
    assert.equal(o?.headers['x-api-key'], undefined);
    assert.equal(o?.body, undefined);
    assert.equal(fake.requestsTo('api', 'post', '/v2/').length, 1);
    assert.equal(fake.requestsTo('upload').length, 0);
  });

  it('reset clears state and restores defaults', async () => {
    fake.options.credits = 1;
    fake.addFault({ path: '/', status: 500, times: Infinity });
    fake.planNextJob({ outcome: 'FAILED' });
    await api('/v1/get-user-credits');
    fake.reset({ now });
    assert.equal(fake.requests.length, 0);
    assert.equal(fake.options.credits, 12.5);
    assert.equal((await api('/v1/get-user-credits')).status, 200);
    fake.options.jobPlan = { durationMs: 0 };
    const id = await submit('gpt-image-1', { prompt: 'x' });
    assert.equal((await getJson(`/v2/requests/${id}`)).json.status, 'COMPLETED');
  });

  it('close() is quick even with a hanging call and keep-alive sockets', async () => {
    const other = await FakeSegmind.start({ syncDelayMs: 60_000 });
    await fetch(other.apiBaseUrl + '/v1/get-user-credits', { headers: { 'x-api-key': KEY } }).then((r) => r.text());
    const hanging = fetch(other.apiBaseUrl + '/v1/gpt-image-1', {
      method: 'POST',
      headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
      body: '{"prompt":"x"}',
    }).catch((e: unknown) => e);
    other.addFault({ host: 'output', path: '/', kind: 'slow', delayMs: 60_000 });
    const slow = fetch(other.outputBaseUrl + '/assets/x.png').catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 30));
    const t0 = Date.now();
    await other.close();
    await other.close(); // idempotent
    assert.ok(Date.now() - t0 < 500, `close took ${Date.now() - t0} ms`);
    assert.ok((await hanging) instanceof Error);
    assert.ok((await slow) instanceof Error);
  });
});
