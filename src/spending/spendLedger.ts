/**
 * Today's spend of the machine, for the flow and the status bar: one ledger file in the extension's
 * global storage, shared by every window under one lock (./ledgerFile.ts). A run takes a hold on its
 * whole price before anything is sent (refused past a limit), each job's submit moves its price from
 * the hold to a line of its own, Segmind's reported cost then replaces that price, and the rest of
 * the hold goes when the run ends. Another window's change reaches this one through a file watcher.
 */
import * as vscode from 'vscode';
import { randomUUID } from 'node:crypto';
import { Disposable } from '../base/dispose';
import type { Spender } from '../domain/errors/errors';
import { releaseHold, reportCost, spendOf, submitFromHold, takeHold, type DaySpend, type Ledger, type SpendLimits } from '../domain/spending/spending';
import { LEDGER_FILE, type LedgerFile } from './ledgerFile';

/** Where 0.3 kept the day's spend (global state): counted once more when the ledger file is first used. */
const LEGACY_KEY = 'segmind.spendToday';

export interface SpendHold {
  /** A job of the run is about to be submitted: its price counts from now on, whatever becomes of it. */
  submitted(jobId: string, usd: number): Promise<void>;
  /** The run is over: what it held and did not submit is free again. */
  release(): Promise<void>;
}

export class SpendLedger extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private last: DaySpend;

  constructor(
    private readonly file: LedgerFile,
    private readonly limits: () => SpendLimits,
    private readonly now: () => number = Date.now,
    legacy?: vscode.Memento,
  ) {
    super();
    this.last = { day: '', totalUsd: 0, agentUsd: 0 };
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(file.folder), LEDGER_FILE)));
    const reread = (): void => void this.refresh();
    this._register(watcher.onDidChange(reread));
    this._register(watcher.onDidCreate(reread));
    void this.importLegacy(legacy).finally(reread);
  }

  /** Today's spend as last read (the status bar's; every limit check reads the file under the lock). */
  today(): DaySpend {
    return this.last;
  }

  currentLimits(): SpendLimits {
    return this.limits();
  }

  async refresh(): Promise<DaySpend> {
    this.remember(spendOf(await this.file.read()));
    return this.last;
  }

  /** Holds `usd` for a run, or throws SpendLimitError (nothing held, nothing sent). */
  async hold(usd: number, spender: Spender): Promise<SpendHold> {
    const id = `hold-${randomUUID()}`;
    await this.change((ledger) => takeHold(ledger, { id, usd, spender, owner: this.file.owner, at: this.now() }, this.limits()));
    let released = false;
    return {
      submitted: (jobId, jobUsd) => this.change((ledger) => submitFromHold(ledger, id, { id: jobId, usd: jobUsd, at: this.now() })),
      release: async () => {
        if (released) return;
        released = true;
        await this.change((ledger) => releaseHold(ledger, id));
      },
    };
  }

  /** Segmind reported what the job cost: the ledger keeps that figure instead of the hold. */
  reportCost(jobId: string, usd: number): Promise<void> {
    return this.change((ledger) => reportCost(ledger, jobId, usd));
  }

  private async change(edit: (ledger: Ledger) => Ledger): Promise<void> {
    const spent = await this.file.update((ledger) => {
      const next = edit(ledger);
      return { ledger: next, result: spendOf(next) };
    });
    this.remember(spent);
  }

  private remember(spend: DaySpend): void {
    const same = spend.day === this.last.day && spend.totalUsd === this.last.totalUsd && spend.agentUsd === this.last.agentUsd;
    this.last = spend;
    if (!same && !this.isDisposed) this.changed.fire();
  }

  /** 0.3's record of today, if any, becomes a line of the ledger once, so an update in the middle of a day forgets nothing. */
  private async importLegacy(legacy: vscode.Memento | undefined): Promise<void> {
    const stored = legacy?.get<{ day?: unknown; totalUsd?: unknown; agentUsd?: unknown }>(LEGACY_KEY);
    if (!legacy || !stored) return;
    const total = Number(stored.totalUsd) || 0;
    const agent = Math.min(total, Number(stored.agentUsd) || 0);
    await this.file.update((ledger) => {
      if (stored.day !== ledger.day || total <= 0) return { ledger, result: undefined };
      const at = this.now();
      const lines = [
        { id: 'before-0.4-user', spender: 'user' as const, usd: total - agent, state: 'submitted' as const, owner: 0, at },
        { id: 'before-0.4-agent', spender: 'agent' as const, usd: agent, state: 'submitted' as const, owner: 0, at },
      ].filter((line) => line.usd > 0);
      return { ledger: { ...ledger, entries: [...ledger.entries, ...lines] }, result: undefined };
    });
    await legacy.update(LEGACY_KEY, undefined);
  }
}
