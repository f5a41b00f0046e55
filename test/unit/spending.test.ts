/** The spending rules (domain/spending.ts): the local day, what counts, which limit refuses. */
import * as assert from 'node:assert/strict';
import { limitRefusal, localDay, spendOn, withSpend } from '../../src/domain/spending';

const day = '2026-12-02';
const nothing = spendOn(undefined, day);

describe('Spending that stays in bounds', () => {
  it('a day starts at local midnight', () => {
    assert.equal(localDay(new Date(2026, 11, 2, 0, 0, 1)), '2026-12-02');
    assert.equal(localDay(new Date(2026, 11, 1, 23, 59, 59)), '2026-12-01');
  });

  it('what was stored for another day, or anything unreadable, is nothing spent today', () => {
    assert.deepEqual(spendOn({ day: '2026-12-01', totalUsd: 3, agentUsd: 1 }, day), { day, totalUsd: 0, agentUsd: 0 });
    assert.deepEqual(spendOn({ day, totalUsd: 'lots', agentUsd: -4 }, day), { day, totalUsd: 0, agentUsd: 0 });
    assert.deepEqual(spendOn({ day, totalUsd: 0.12, agentUsd: 0.04 }, day), { day, totalUsd: 0.12, agentUsd: 0.04 });
  });

  it("the agent's spend is part of the total; the user's is not the agent's", () => {
    const spent = withSpend(withSpend(nothing, 0.08, 'agent'), 0.04, 'user');
    assert.equal(spent.totalUsd.toFixed(2), '0.12');
    assert.equal(spent.agentUsd.toFixed(2), '0.08');
  });

  it('no limit (0) never refuses', () => {
    assert.equal(limitRefusal(withSpend(nothing, 1000, 'agent'), 5, 'agent', { dailyUsd: 0, agentDailyUsd: 0 }), undefined);
  });

  it('reaching a limit exactly is allowed; passing it is refused with the spend, the limit and the setting', () => {
    const spent = withSpend(withSpend(nothing, 0.04, 'user'), 0.04, 'user');
    assert.equal(limitRefusal(spent, 0.04, 'user', { dailyUsd: 0.12, agentDailyUsd: 0 }), undefined, '0.04 × 3 is 0.12, whatever the floats say');
    const refusal = limitRefusal(spent, 0.08, 'user', { dailyUsd: 0.12, agentDailyUsd: 0 });
    assert.ok(refusal);
    assert.equal(refusal.setting, 'segmind.dailySpendLimit');
    assert.deepEqual([refusal.limitUsd, refusal.estimateUsd, Number(refusal.spentTodayUsd.toFixed(2))], [0.12, 0.08, 0.08]);
  });

  it("the agent's limit counts only the agent's spend, and holds only for the agent", () => {
    const spent = withSpend(withSpend(nothing, 1.9, 'user'), 0.1, 'agent');
    const limits = { dailyUsd: 0, agentDailyUsd: 0.12 };
    assert.equal(limitRefusal(spent, 0.02, 'agent', limits), undefined);
    assert.equal(limitRefusal(spent, 0.04, 'agent', limits)?.setting, 'segmind.agentDailySpendLimit');
    assert.equal(limitRefusal(spent, 0.04, 'user', limits), undefined, "the palette is not held to the agent's limit");
  });

  it("when both limits are passed, the daily one is named (raising the agent's alone would not help)", () => {
    const spent = withSpend(nothing, 1, 'agent');
    assert.equal(limitRefusal(spent, 0.5, 'agent', { dailyUsd: 1.2, agentDailyUsd: 1.2 })?.setting, 'segmind.dailySpendLimit');
  });
});
