import * as assert from 'node:assert/strict';
import { RequestBudget, RequestGateOnBudget, WINDOW_MS } from '../../../src/segmind/requestBudget';
import { FakeClock, START_MS } from '../support/fakeClock';

describe('RequestBudget', () => {
  it('lets the limit through at once, then waits until the oldest request leaves the window', () => {
    const budget = new RequestBudget(3);
    for (const at of [0, 100, 200]) {
      assert.equal(budget.nextSlot(at), at);
      budget.take(at);
    }
    assert.equal(budget.nextSlot(300), WINDOW_MS);
    assert.equal(budget.used(300), 3);
    assert.equal(budget.nextSlot(WINDOW_MS + 1), WINDOW_MS + 1);
    assert.equal(budget.used(WINDOW_MS + 1), 2);
  });

  it('a pause after a 429 holds every request, whatever the budget', () => {
    const budget = new RequestBudget(50);
    budget.pauseUntil(5_000);
    assert.equal(budget.nextSlot(1_000), 5_000);
    budget.pauseUntil(2_000); // an earlier end never shortens a pause
    assert.equal(budget.nextSlot(1_000), 5_000);
  });

  it('a limit of 0 sets no ceiling: only a 429 pause holds requests', () => {
    const budget = new RequestBudget(0);
    for (let i = 0; i < 1_000; i++) budget.take(100);
    assert.equal(budget.nextSlot(100), 100);
    budget.pauseUntil(2_000);
    assert.equal(budget.nextSlot(100), 2_000);
  });

  it('rounds the limit down and treats a negative one as no ceiling', () => {
    const budget = new RequestBudget(7.9);
    assert.equal(budget.limit, 7);
    budget.setLimit(-3);
    assert.equal(budget.limit, 0);
  });
});

describe('RequestGateOnBudget', () => {
  it('shares one budget between callers: the sixth request of five per minute waits a minute', async () => {
    const clock = new FakeClock();
    const gate = new RequestGateOnBudget(new RequestBudget(5), clock);
    const startedAt: number[] = [];
    for (let i = 0; i < 6; i++) {
      await gate.acquire();
      startedAt.push(clock.now() - START_MS);
    }
    assert.deepEqual(startedAt.slice(0, 5), [0, 0, 0, 0, 0]);
    assert.equal(startedAt[5], WINDOW_MS);
  });

  it('waits out a 429 (Retry-After, or a default pause when none was given)', async () => {
    const clock = new FakeClock();
    const gate = new RequestGateOnBudget(new RequestBudget(50), clock);
    gate.rateLimited(3_000);
    await gate.acquire();
    assert.equal(clock.now() - START_MS, 3_000);
    gate.rateLimited(undefined);
    await gate.acquire();
    assert.equal(clock.now() - START_MS, 3_000 + RequestGateOnBudget.DEFAULT_PAUSE_MS);
  });
});
