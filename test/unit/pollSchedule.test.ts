import * as assert from 'node:assert/strict';
import { DEFAULT_POLL_SCHEDULE, pollDelayMs } from '../../src/jobs/pollSchedule';

describe('pollSchedule', () => {
  it('starts near 1 s and backs off to at most 5 s', () => {
    assert.equal(pollDelayMs(0), 1_000);
    assert.equal(pollDelayMs(1), 1_500);
    assert.equal(pollDelayMs(2), 2_250);
    let previous = 0;
    for (let i = 0; i < 50; i++) {
      const delay = pollDelayMs(i);
      assert.ok(delay >= previous && delay <= DEFAULT_POLL_SCHEDULE.maxDelayMs);
      previous = delay;
    }
    assert.equal(pollDelayMs(50), 5_000);
  });
  it('honours a custom schedule and treats negative indexes as the first', () => {
    assert.equal(pollDelayMs(3, { firstDelayMs: 10, growth: 2, maxDelayMs: 1_000 }), 80);
    assert.equal(pollDelayMs(20, { firstDelayMs: 10, growth: 2, maxDelayMs: 1_000 }), 1_000);
    assert.equal(pollDelayMs(-3), 1_000);
  });
});
