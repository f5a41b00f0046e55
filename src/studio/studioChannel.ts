/**
 * The host's side of the one typed protocol with the Studio webview: nothing is posted before the
 * webview says `ready` (notices, inputs and restored settings from before wait for it; the rest is
 * sent in full then), and errors become notices in the user's words, with the Studio's actions.
 */
import * as vscode from 'vscode';
import { Disposable } from '../base/dispose';
import type { Logger } from '../log/logger';
import { STUDIO_COMMANDS, type HostToWebview, type NoticeView, type StudioCommand } from '../protocol/studioProtocol';
import type { ErrorAction } from '../ui/pure/errorMessages';
import type { Notifier } from '../ui/notifier';

export class StudioChannel extends Disposable {
  private readonly posted = this._register(new vscode.EventEmitter<HostToWebview>());
  /** Every message posted to the webview (for tests and diagnostics). */
  readonly onDidPost = this.posted.event;
  private ready = false;
  /** Messages that came up before `ready` and are not part of the full state sent then. */
  private pending: HostToWebview[] = [];

  constructor(
    private readonly webview: vscode.Webview,
    private readonly notifier: Notifier,
    private readonly logger: Logger,
  ) {
    super();
  }

  /** The webview is ready: from now on messages go out; returns what waited, to be sent after the full state. */
  open(): HostToWebview[] {
    this.ready = true;
    return this.pending.splice(0);
  }

  post(message: HostToWebview): void {
    if (this.isDisposed) return;
    if (!this.ready) {
      if (message.type === 'notice' || message.type === 'inputsAdded' || message.type === 'restoreSettings') this.pending.push(message);
      return;
    }
    this.posted.fire(message);
    void this.webview.postMessage(message).then(undefined, () => undefined);
  }

  notice(notice: NoticeView): void {
    this.post({ type: 'notice', notice });
  }

  async showError(error: unknown): Promise<void> {
    const words = await this.notifier.wordsFor(error);
    this.logger.error(`Image Studio: ${words.text}`, error);
    const actions = words.actions.filter((action: ErrorAction): action is StudioCommand => (STUDIO_COMMANDS as readonly string[]).includes(action));
    this.notice({
      severity: words.severity,
      text: words.text,
      actions: actions.includes('showLog') || words.severity === 'info' ? actions : [...actions, 'showLog'],
      ...(words.setting && actions.includes('openSettings') ? { setting: words.setting } : {}),
    });
  }
}
