/**
 * Today's spend, kept per machine in the extension's global state (shared by every window), counted
 * when a job is submitted. A run first takes a hold on its estimate: the limits are checked against
 * what was spent plus what this window's runs hold but have not submitted yet, so parallel runs (an
 * agent calls the tool several times at once) cannot pass a limit together. Each job's submit then
 * moves its share from the hold to the day's spend; the rest of the hold goes when the run ends.
 */
import * as vscode from 'vscode';
import { Disposable } from '../base/dispose';
import type { Spender } from '../domain/errors';
import { limitRefusal, localDay, spendOn, withSpend, type DaySpend, type SpendLimits } from '../domain/spending';

const KEY = 'segmind.spendToday';

export interface SpendHold {
  /** A job of the run is being submitted: its estimate counts from now on, whatever becomes of it. */
  submitted(amountUsd: number): Promise<void>;
  /** The run is over: what it held and did not submit is free again. */
  release(): void;
}

export class SpendLedger extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  /** Held by this window's runs and not yet submitted, by spender. */
  private readonly held: Record<Spender, number> = { user: 0, agent: 0 };
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly memento: vscode.Memento,
    private readonly limits: () => SpendLimits,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
  }

  today(): DaySpend {
    return spendOn(this.memento.get<unknown>(KEY), localDay(this.now()));
  }

  currentLimits(): SpendLimits {
    return this.limits();
  }

  /** Holds `estimateUsd` for a run, or throws SpendLimitError (nothing held, nothing sent). */
  hold(estimateUsd: number, spender: Spender): SpendHold {
    const spent = this.today();
    const pending = withSpend(withSpend(spent, this.held.user, 'user'), this.held.agent, 'agent');
    const refusal = limitRefusal(pending, estimateUsd, spender, this.limits());
    if (refusal) throw refusal;
    let left = estimateUsd;
    this.held[spender] += left;
    return {
      submitted: async (amountUsd) => {
        const share = Math.min(left, amountUsd);
        left -= share;
        this.held[spender] -= share;
        await this.record(amountUsd, spender);
      },
      release: () => {
        this.held[spender] -= left;
        left = 0;
      },
    };
  }

  private record(amountUsd: number, spender: Spender): Promise<void> {
    const next = this.writing.then(async () => {
      await this.memento.update(KEY, withSpend(this.today(), amountUsd, spender));
      if (!this.isDisposed) this.changed.fire();
    });
    this.writing = next.catch(() => undefined);
    return next;
  }
}
