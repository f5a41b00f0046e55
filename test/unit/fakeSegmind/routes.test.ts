// The fake Segmind's routing and the checks in front of its endpoints (test/fakeSegmind/routes.ts),
// over real loopback HTTP: the key (401), the content type (406), unknown models, requests and
// paths (404), and a wrong method (405).
import * as assert from 'node:assert/strict';
import type { FakeSegmind } from '../../fakeSegmind/server';
import { KEY, fakeUnderTest } from './fakeUnderTest';

describe('FakeSegmind', function () {
  const rig = fakeUnderTest();
  let fake: FakeSegmind;
  before(() => (fake = rig.fake));
  const { api, post, getJson } = rig;

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
});
