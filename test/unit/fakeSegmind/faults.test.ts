// Faults injected into the fake Segmind (test/fakeSegmind/faults.ts, played out by server.ts), over
// real loopback HTTP: a status answer, a dropped connection, a slow answer and a truncated body,
// each matched by host, method and path and counted down by `times`.
import * as assert from 'node:assert/strict';
import type { FakeSegmind } from '../../fakeSegmind/server';
import { fakeUnderTest } from './fakeUnderTest';

describe('FakeSegmind', function () {
  const rig = fakeUnderTest();
  let fake: FakeSegmind;
  before(() => (fake = rig.fake));
  const { api, post, submit } = rig;

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
});
