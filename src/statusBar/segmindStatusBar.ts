/**
 * The one status-bar item. It re-renders at most once a second (a tick while jobs run keeps the
 * elapsed time moving), and only touches the properties that changed, so it never flickers.
 */
import * as vscode from 'vscode';
import { Disposable } from '../base/dispose';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { CreditsMonitor } from '../credits/creditsMonitor';
import { readSettings } from '../config/settings';
import type { JobTracker } from '../jobs/jobTracker';
import { isRunning } from '../jobs/pure/jobSnapshot';
import type { Clock } from '../domain/jobs/clock';
import type { SpendLedger } from '../spending/spendLedger';
import { statusBarView, type KeyState, type StatusBarView } from './pure/statusBarView';
import { COMMAND_IDS } from '../ui/contributions';

const MIN_INTERVAL_MS = 1_000;

export class SegmindStatusBar extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('segmind.status', vscode.StatusBarAlignment.Right, 100));
  private shown: StatusBarView | undefined;
  private keyState: KeyState = 'none';
  private lastRender = 0;
  private pending: NodeJS.Timeout | undefined;
  private ticker: NodeJS.Timeout | undefined;

  constructor(
    private readonly tracker: JobTracker,
    private readonly credits: CreditsMonitor,
    private readonly keys: ApiKeyStore,
    private readonly clock: Clock,
    private readonly spending: SpendLedger,
  ) {
    super();
    this.item.name = 'Segmind';
    this._register(tracker.onDidChange(() => this.schedule()));
    this._register(credits.onDidChange(() => this.schedule()));
    this._register(spending.onDidChange(() => this.schedule()));
    this._register(keys.onDidChange(() => void this.refreshKeyState()));
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (
          event.affectsConfiguration('segmind.lowCreditWarning') ||
          event.affectsConfiguration('segmind.dailySpendLimit') ||
          event.affectsConfiguration('segmind.agentDailySpendLimit')
        )
          this.schedule();
      }),
    );
    this._register({
      dispose: () => {
        clearTimeout(this.pending);
        clearInterval(this.ticker);
      },
    });
    void this.refreshKeyState();
  }

  /** What the item shows now (for tests and the Studio). */
  get view(): StatusBarView | undefined {
    return this.shown;
  }

  private async refreshKeyState(): Promise<void> {
    const key = await this.keys.get();
    this.keyState = !key ? 'none' : key.source === 'environment' ? 'environment' : 'stored';
    this.schedule();
  }

  private schedule(): void {
    if (this.pending || this.isDisposed) return;
    const wait = Math.max(0, this.lastRender + MIN_INTERVAL_MS - this.clock.now());
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.render();
    }, wait);
  }

  private render(): void {
    this.lastRender = this.clock.now();
    const jobs = this.tracker.snapshots();
    const { credits, problem } = this.credits.state;
    const view = statusBarView({
      jobs,
      key: this.keyState,
      lowCreditWarning: readSettings().lowCreditWarning,
      now: this.clock.now(),
      ...(credits ? { credits } : {}),
      ...(problem ? { creditsProblem: problem } : {}),
      spend: { today: this.spending.today(), limits: this.spending.currentLimits() },
    });
    this.apply(view);
    this.keepTicking(jobs.some(isRunning));
  }

  private apply(view: StatusBarView): void {
    const before = this.shown;
    if (view.text !== before?.text) this.item.text = view.text;
    if (view.tooltip !== before?.tooltip) {
      const tooltip = new vscode.MarkdownString(view.tooltip, true);
      tooltip.isTrusted = { enabledCommands: [COMMAND_IDS.showJobs, COMMAND_IDS.checkCredits, COMMAND_IDS.showLog, COMMAND_IDS.setApiKey] };
      this.item.tooltip = tooltip;
    }
    if (view.command !== before?.command) this.item.command = view.command;
    if (view.warning !== before?.warning) {
      this.item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    }
    if (view.accessibilityLabel !== before?.accessibilityLabel) {
      this.item.accessibilityInformation = { label: view.accessibilityLabel, role: 'button' };
    }
    if (!before) this.item.show();
    this.shown = view;
  }

  private keepTicking(busy: boolean): void {
    if (busy && !this.ticker) this.ticker = setInterval(() => this.schedule(), MIN_INTERVAL_MS);
    if (!busy && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }
}
