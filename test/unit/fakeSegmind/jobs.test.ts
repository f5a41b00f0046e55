// The fake Segmind's jobs (test/fakeSegmind/jobs.ts), over real loopback HTTP: a job planned to fail
// answers 422 and is never charged, and a finished job is forgotten after the retention time while
// its output stays about 7 days. A fake clock moves the jobs on; nothing here waits.
import * as assert from 'node:assert/strict';
import type { FakeSegmind } from '../../fakeSegmind/server';
import { fakeUnderTest } from './fakeUnderTest';

describe('FakeSegmind', function () {
  const rig = fakeUnderTest();
  let fake: FakeSegmind;
  before(() => (fake = rig.fake));
  const { submit, getJson, advance } = rig;

  describe('errors', () => {
    it('422: a FAILED job on status and result; never charged; no output', async () => {
      fake.planNextJob({ outcome: 'FAILED', error: 'Blocked by safety system', durationMs: 50 });
      const id = await submit('gpt-image-1', { prompt: 'bad' });
      advance(50);
      for (const p of [`/v2/requests/${id}/status`, `/v2/requests/${id}`]) {
        const r = await getJson(p);
        assert.equal(r.status, 422);
        assert.deepEqual(r.json, { status: 'FAILED', error: 'Blocked by safety system', request_id: id });
      }
      assert.equal((await fetch(`${fake.outputBaseUrl}/generations/${id}.png`)).status, 404);
      assert.equal(fake.options.credits, 12.5);
    });
  });

  it('expiry: status and result 404 after the retention time; output stays ~7 days', async () => {
    const id = await submit('gpt-image-1', { prompt: 'old' });
    advance(3_600_000);
    assert.equal((await getJson(`/v2/requests/${id}`)).json.status, 'COMPLETED');
    advance(1);
    for (const p of [`/v2/requests/${id}/status`, `/v2/requests/${id}`]) {
      const r = await getJson(p);
      assert.equal(r.status, 404);
      assert.deepEqual(r.json, { error: `Request ${id} not found` });
    }
    assert.equal((await fetch(`${fake.outputBaseUrl}/generations/${id}.png`)).status, 200);
    advance(7 * 24 * 3_600_000);
    assert.equal((await fetch(`${fake.outputBaseUrl}/generations/${id}.png`)).status, 404);
  });
});
