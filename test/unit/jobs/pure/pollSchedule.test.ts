/**
 * The poll schedule (src/jobs/pure/pollSchedule.ts): few requests, yet a finished job is seen within
 * about a second, early for quick jobs, dense near the model's typical time, sparse when overdue.
 */
import * as assert from 'node:assert/strict';
import { DEFAULT_POLL_SCHEDULE, nextPollDelayMs } from '../../../../src/jobs/pure/pollSchedule';

/** The times at which a job of `typicalMs` is polled, until `untilMs`. */
function pollTimes(typicalMs: number, untilMs: number): number[] {
  const times: number[] = [];
  let age = 0;
  while (age < untilMs) {
    age += nextPollDelayMs({ ageMs: age, typicalMs });
    times.push(age);
  }
  return times;
}

describe('pollSchedule', () => {
  it('looks early (1 s, then 3 s), is sparse in the middle and dense near the typical time', () => {
    assert.deepEqual(pollTimes(48_000, 3_000), [1_000, 3_000]);
    const middle = nextPollDelayMs({ ageMs: 15_000, typicalMs: 48_000 });
    const nearEnd = nextPollDelayMs({ ageMs: 46_000, typicalMs: 48_000 });
    assert.ok(middle >= 10_000, `gap at 15 s: ${middle} ms`);
    assert.equal(nearEnd, DEFAULT_POLL_SCHEDULE.minDelayMs);
  });

  it('sees a job quicker than usual within about a second', () => {
    for (const duration of [200, 2_000, 8_000]) {
      const times = pollTimes(48_000, duration);
      const lag = (times[times.length - 1] ?? 0) - duration;
      assert.ok(lag <= 1_000, `${duration} ms job seen ${lag} ms late`);
    }
  });

  it('reaches a 48 s job in at most 12 polls, the last one at most 1 s after it finished', () => {
    const times = pollTimes(48_000, 48_000);
    assert.ok(times.length <= 12, `${times.length} polls: ${times.join(', ')}`);
    const last = times[times.length - 1] ?? 0;
    assert.ok(last - 48_000 <= 1_000, `lag ${last - 48_000} ms`);
  });

  it('spreads out again, proportionally, when a job is overdue', () => {
    const justLate = nextPollDelayMs({ ageMs: 50_000, typicalMs: 48_000 });
    const veryLate = nextPollDelayMs({ ageMs: 98_000, typicalMs: 48_000 });
    assert.ok(justLate < veryLate);
    assert.equal(veryLate, DEFAULT_POLL_SCHEDULE.minDelayMs + 50_000 * DEFAULT_POLL_SCHEDULE.overdueFraction);
    assert.equal(nextPollDelayMs({ ageMs: 10 * 60_000, typicalMs: 48_000 }), DEFAULT_POLL_SCHEDULE.maxDelayMs);
  });

  it('never waits less than the minimum nor more than the maximum', () => {
    for (let age = 0; age < 300_000; age += 777) {
      for (const typical of [8_000, 42_000, 94_000]) {
        const delay = nextPollDelayMs({ ageMs: age, typicalMs: typical });
        assert.ok(delay >= DEFAULT_POLL_SCHEDULE.minDelayMs && delay <= DEFAULT_POLL_SCHEDULE.maxDelayMs, `${delay} at ${age}/${typical}`);
      }
    }
  });

  it('honours custom options', () => {
    const options = { remainingFraction: 0.5, rampFactor: 100, overdueFraction: 1, minDelayMs: 100, maxDelayMs: 400 };
    assert.equal(nextPollDelayMs({ ageMs: 1, typicalMs: 601 }, options), 100);
    assert.equal(nextPollDelayMs({ ageMs: 10, typicalMs: 610 }, options), 300);
    assert.equal(nextPollDelayMs({ ageMs: 700, typicalMs: 600 }, options), 200);
    assert.equal(nextPollDelayMs({ ageMs: 10, typicalMs: 60_000 }, options), 400);
  });
});
