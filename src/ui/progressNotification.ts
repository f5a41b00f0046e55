/**
 * A presenter of the flow for the palette commands: a cancellable progress notification from the
 * moment the run is agreed to until its jobs are over ("uploading…", then "processing · 0:41").
 * Its Cancel aborts the run's signal: uploads stop, and jobs stop being waited for.
 */
import * as vscode from 'vscode';
import { formatDuration } from '../domain/format';
import type { GenerationPlan } from '../domain/plan';
import type { FinishedRun, Presenter } from '../flow/generationFlow';
import type { VariantProgress } from '../flow/runVariants';

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
    const verb = plan.sourceImages ? 'editing' : 'generating';
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Segmind: ${verb} with ${plan.model}`, cancellable: true },
      (progress, token) => {
        this.say = (message) => progress.report({ message });
        const cancellation = token.onCancellationRequested(() => this.controller.abort());
        return new Promise<void>((resolve) => {
          this.close = () => {
            cancellation.dispose();
            resolve();
          };
        });
      },
    );
  }

  step(text: string | null): void {
    if (text !== null) this.say?.(text);
  }

  progress(update: VariantProgress): void {
    const wait = update.retryInMs === undefined ? '' : `, retrying in ${Math.ceil(update.retryInMs / 1000)} s`;
    this.say?.(`${update.phase}${wait} · ${formatDuration(update.elapsedMs)}`);
  }

  finished(): void {
    this.close?.();
    this.say = undefined;
  }

  async report(result: FinishedRun): Promise<void> {
    await this.onReport?.(result);
  }
}
