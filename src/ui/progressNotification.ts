/**
 * A presenter of the flow for the palette commands: a cancellable progress notification from the
 * moment the run is agreed to until its jobs are over ("uploading…", then "processing · 0:41").
 * Its Cancel aborts the run's signal: uploads stop, and jobs stop being waited for.
 */
import * as vscode from 'vscode';
import { JOB_STATES } from '../shared/jobStates';
import { formatDuration } from '../shared/format';
import type { GenerationPlan } from '../domain/generation/plan';
import type { FinishedRun, Presenter } from '../flow/generationFlow';
import type { VariantProgress } from '../flow/runVariants';
import { withProgress } from './show';

export class ProgressNotification implements Presenter {
  private readonly controller = new AbortController();
  private say: ((message: string) => void) | undefined;
  private close: (() => void) | undefined;

  /** `onReport` shows what came of the run once the notification is gone. */
  constructor(private readonly onReport?: (result: FinishedRun) => void | Promise<void>) {}

  /** Pass it with the request: Cancel aborts it. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  started(plan: GenerationPlan): void {
    const title = plan.sourceImages ? vscode.l10n.t('Segmind: editing with {0}', plan.model) : vscode.l10n.t('Segmind: generating with {0}', plan.model);
    void withProgress({ title, cancellable: true }, (report, token) => {
      this.say = (message) => report(message);
      const cancellation = token.onCancellationRequested(() => this.controller.abort());
      return new Promise<void>((resolve) => {
        this.close = () => {
          cancellation.dispose();
          resolve();
        };
      });
    });
  }

  step(text: string | null): void {
    if (text !== null) this.say?.(text);
  }

  progress(update: VariantProgress): void {
    const elapsed = formatDuration(update.elapsedMs);
    this.say?.(
      update.retryInMs === undefined
        ? `${JOB_STATES[update.phase].label} · ${elapsed}`
        : vscode.l10n.t('{0}, retrying in {1} s · {2}', JOB_STATES[update.phase].label, Math.ceil(update.retryInMs / 1000), elapsed),
    );
  }

  finished(): void {
    this.close?.();
    this.say = undefined;
  }

  async report(result: FinishedRun): Promise<void> {
    await this.onReport?.(result);
  }
}
