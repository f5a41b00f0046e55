// The fake Segmind's life cycle (test/fakeSegmind/server.ts), over real loopback HTTP: reset brings
// back the defaults, and close() never hangs on a call or a keep-alive socket. Routing and its
// checks are in routes.test.ts.
import * as assert from 'node:assert/strict';
import { FakeSegmind } from '../../fakeSegmind/server';
import { KEY, fakeUnderTest } from './fakeUnderTest';
import { until } from '../../support/conditions';

describe('FakeSegmind', function () {
  const rig = fakeUnderTest();
  let fake: FakeSegmind;
  before(() => (fake = rig.fake));
  const { api, submit, getJson, now } = rig;

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

  it('close() does not wait for a hanging call or keep-alive sockets', async () => {
    // Ten minutes each, far past the suite's hang detector: that close() returns at all says it waited for neither.
    const other = await FakeSegmind.start({ syncDelayMs: 10 * 60_000 });
    await fetch(other.apiBaseUrl + '/v1/get-user-credits', { headers: { 'x-api-key': KEY } }).then((r) => r.text());
    const hanging = fetch(other.apiBaseUrl + '/v1/gpt-image-1', {
      method: 'POST',
      headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
      body: '{"prompt":"x"}',
    }).catch((e: unknown) => e);
    other.addFault({ host: 'output', path: '/', kind: 'slow', delayMs: 10 * 60_000 });
    const slow = fetch(other.outputBaseUrl + '/assets/x.png').catch((e: unknown) => e);
    await until(() => other.busy === 2, 'both calls are being answered');
    await other.close();
    await other.close(); // idempotent
    assert.ok((await hanging) instanceof Error);
    assert.ok((await slow) instanceof Error);
  });
});
