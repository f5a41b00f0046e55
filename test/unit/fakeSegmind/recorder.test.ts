// The fake Segmind's record of requests (test/fakeSegmind/recorder.ts), over real loopback HTTP:
// what tests assert a client sent, including that no key reached the output host.
import * as assert from 'node:assert/strict';
import type { FakeSegmind } from '../../fakeSegmind/server';
import { KEY, fakeUnderTest } from './fakeUnderTest';

describe('FakeSegmind', function () {
  const rig = fakeUnderTest();
  let fake: FakeSegmind;
  before(() => (fake = rig.fake));
  const { post } = rig;

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
    assert.equal(a?.at, rig.clock);
    assert.equal(o?.host, 'output');
    assert.equal(o?.headers['x-custom'], 'y');
    assert.equal(o?.headers['x-api-key'], undefined);
    assert.equal(o?.body, undefined);
    assert.equal(fake.requestsTo('api', 'post', '/v2/').length, 1);
    assert.equal(fake.requestsTo('upload').length, 0);
  });
});
