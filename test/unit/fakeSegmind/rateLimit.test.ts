// The fake Segmind's rate limit (test/fakeSegmind/rateLimit.ts), over real loopback HTTP: a sliding
// 60 s window on the api host, driven by a fake clock, so the test steps past it without waiting.
import * as assert from 'node:assert/strict';
import type { FakeSegmind } from '../../fakeSegmind/server';
import { fakeUnderTest } from './fakeUnderTest';

describe('FakeSegmind', function () {
  const rig = fakeUnderTest();
  let fake: FakeSegmind;
  before(() => (fake = rig.fake));
  const { api, advance } = rig;

  it('rate limit: 429 with Retry-After and reset time; refused requests do not count', async () => {
    fake.options.rateLimitPerMinute = 3;
    for (let i = 0; i < 3; i++) {
      assert.equal((await api('/v1/get-user-credits')).status, 200);
      advance(10_000);
    }
    const r = await api('/v1/get-user-credits'); // t = 30 s; the first hit frees at 60 s
    assert.equal(r.status, 429);
    assert.deepEqual(await r.json(), { error: 'Rate limit exceeded' });
    assert.equal(r.headers.get('retry-after'), '30');
    assert.equal(r.headers.get('x-rate-limit-reset-at-utc'), new Date(1_700_000_000_000 + 60_000).toISOString());
    assert.equal((await api('/v1/get-user-credits')).status, 429);
    assert.equal((await fetch(fake.outputBaseUrl + '/assets/x.png')).status, 404); // other hosts unaffected
    advance(30_000);
    assert.equal((await api('/v1/get-user-credits')).status, 200);
    assert.equal((await api('/v1/get-user-credits')).status, 429);
  });
});
