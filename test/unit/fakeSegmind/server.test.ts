// The fake Segmind's life cycle (test/fakeSegmind/server.ts), over real loopback HTTP: reset brings
// back the defaults, and close() never hangs on a call or a keep-alive socket. Routing and its
// checks are in routes.test.ts.
import * as assert from 'node:assert/strict';
import { FakeSegmind } from '../../fakeSegmind/server';
import { KEY, START_MS, fakeUnderTest } from './fakeUnderTest';

describe('FakeSegmind', function () {
  this.timeout(5000);

  let clock = 0;
  const now = (): number => clock;
  beforeEach(() => (clock = START_MS));
  const rig = fakeUnderTest(now);
  let fake: FakeSegmind;
  before(() => (fake = rig.fake));
  const { api, submit, getJson } = rig;

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
