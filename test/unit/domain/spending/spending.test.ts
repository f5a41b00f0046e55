/** The spending rules (src/domain/spending/spending.ts): the local day, what counts, which limit refuses, the ledger of holds. What a job is held at: pricing.test.ts. */
import * as assert from 'node:assert/strict';
import {
  committedSpend,
  ledgerOn,
  limitRefusal,
  localDay,
  readLedger,
  releaseHold,
  reportCost,
  spendOf,
  submitFromHold,
  takeHold,
  withSpend,
  type Ledger,
} from '../../../../src/domain/spending/spending';
import { SpendLimitError } from '../../../../src/domain/errors/errors';

const day = '2026-12-02';
const nothing = spendOf(readLedger(undefined, day));
const alive = (): boolean => true;
const noLimits = { dailyUsd: 0, agentDailyUsd: 0 };

describe('Spending that stays in bounds', () => {
  it('a day starts at local midnight', () => {
    assert.equal(localDay(new Date(2026, 11, 2, 0, 0, 1)), '2026-12-02');
    assert.equal(localDay(new Date(2026, 11, 1, 23, 59, 59)), '2026-12-01');
  });

  it('an unreadable ledger is an empty one; lines that cannot be read are left out', () => {
    assert.deepEqual(readLedger('junk', day), { day, entries: [] });
    const ledger = readLedger(
      {
        day,
        entries: [
          { id: 'a', spender: 'user', usd: 0.12, state: 'submitted', owner: 1, at: 1 },
          { id: 'b', spender: 'nobody', usd: 1, state: 'submitted' },
          { id: 'c', spender: 'agent', usd: 'lots', state: 'reported', owner: 1, at: 1 },
        ],
      },
      day,
    );
    assert.deepEqual(
      ledger.entries.map((entry) => [entry.id, entry.usd]),
      [
        ['a', 0.12],
        ['c', 0],
      ],
    );
  });

  it("the agent's spend is part of the total; the user's is not the agent's", () => {
    const spent = withSpend(withSpend(nothing, 0.08, 'agent'), 0.04, 'user');
    assert.equal(spent.totalUsd.toFixed(2), '0.12');
    assert.equal(spent.agentUsd.toFixed(2), '0.08');
  });

  it('no limit (0) never refuses', () => {
    assert.equal(limitRefusal(withSpend(nothing, 1000, 'agent'), 5, 'agent', noLimits), undefined);
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

  describe('the ledger', () => {
    const hold = (ledger: Ledger, id: string, usd: number, limits = noLimits): Ledger =>
      takeHold(ledger, { id, usd, spender: 'agent', owner: 7, at: 0 }, limits);

    it('holds count against the limits before anything is submitted: two runs cannot pass a limit together', () => {
      const limits = { dailyUsd: 0.1, agentDailyUsd: 0 };
      const one = hold(readLedger(undefined, day), 'run-1', 0.08, limits);
      assert.throws(() => hold(one, 'run-2', 0.08, limits), SpendLimitError);
      assert.equal(committedSpend(one).totalUsd, 0.08);
      assert.equal(spendOf(one).totalUsd, 0, 'nothing is spent until a job is submitted');
    });

    it("a submit moves a job's price out of its run's hold; a release frees the rest; a reported cost replaces the hold", () => {
      let ledger = hold(readLedger(undefined, day), 'run', 0.5);
      ledger = submitFromHold(ledger, 'run', { id: 'job-1', usd: 0.25, at: 1 });
      assert.deepEqual([spendOf(ledger).agentUsd, committedSpend(ledger).agentUsd], [0.25, 0.5]);
      ledger = releaseHold(ledger, 'run');
      assert.deepEqual([spendOf(ledger).agentUsd, committedSpend(ledger).agentUsd], [0.25, 0.25]);
      ledger = reportCost(ledger, 'job-1', 0.04);
      assert.deepEqual([spendOf(ledger).totalUsd, ledger.entries[0]?.state], [0.04, 'reported']);
    });

    it('a new day forgets what was spent but keeps the holds of runs still being prepared; holds of windows that are gone go', () => {
      let ledger = hold(readLedger(undefined, day), 'run', 0.5);
      ledger = submitFromHold(ledger, 'run', { id: 'job', usd: 0.2, at: 1 });
      const tomorrow = ledgerOn(ledger, '2026-12-03', alive);
      assert.deepEqual([tomorrow.day, spendOf(tomorrow).totalUsd, committedSpend(tomorrow).totalUsd], ['2026-12-03', 0, 0.3]);
      const windowGone = ledgerOn(ledger, day, () => false);
      assert.deepEqual([spendOf(windowGone).totalUsd, committedSpend(windowGone).totalUsd], [0.2, 0.2]);
    });

    it('a clock set back across midnight forgets nothing: what was spent counts on until the clock’s next midnight', () => {
      let ledger = hold(readLedger(undefined, day), 'run', 0.5);
      ledger = submitFromHold(ledger, 'run', { id: 'job', usd: 0.5, at: 1 });
      const yesterday = ledgerOn(ledger, '2026-12-01', alive);
      assert.deepEqual([yesterday.day, spendOf(yesterday).totalUsd], ['2026-12-01', 0.5]);
    });

    it('a clock that jumped forward and came back resets on the next real day (0.4 waited for the day it had jumped to)', () => {
      const jumped = ledgerOn(readLedger(undefined, day), '2027-03-01', alive); // the clock jumps three months ahead
      let back = submitFromHold(hold(jumped, 'run-2', 0.25), 'run-2', { id: 'job-2', usd: 0.25, at: 2 });
      back = ledgerOn(back, day, alive); // and is put right the same day
      assert.equal(spendOf(back).totalUsd, 0.25, 'what was spent while it was ahead still counts today');
      const nextDay = ledgerOn(back, '2026-12-03', alive);
      assert.deepEqual([nextDay.day, spendOf(nextDay).totalUsd], ['2026-12-03', 0]);
    });
  });
});
