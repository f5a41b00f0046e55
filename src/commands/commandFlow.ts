/**
 * The steps that the generate and edit commands share: making sure a key exists before asking
 * anything, turning an outcome into the Uris a scripted caller gets, and the rejection it gets.
 */
import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { GenerationOutcome, VariantProgress } from '../flow/runVariants';
import { CancelledError } from '../domain/errors';
import { formatElapsed } from '../statusBar/statusBarView';
import type { Logger } from '../base/logger';
import type { Notifier } from '../ui/notifier';
import { COMMAND_IDS } from '../base/commandIds';

/** Without a key, goes straight to the Set API Key box (saying why); true once a key exists. */
export async function ensureApiKey(keys: ApiKeyStore, purpose: string): Promise<boolean> {
  if (await keys.get()) return true;
  await vscode.commands.executeCommand(COMMAND_IDS.setApiKey, { reason: `to ${purpose}` });
  return (await keys.get()) !== undefined;
}

/** The saved files, or the first failure when nothing was saved. */
export function savedUrisOrThrow(outcome: GenerationOutcome): vscode.Uri[] {
  if (outcome.saved.length === 0) {
    const [failure] = outcome.failures;
    throw failure instanceof Error ? failure : new Error('No image was saved.');
  }
  return outcome.saved.map((image) => image.uri);
}

/** What a scripted caller's promise rejects with: the user's words, the error kind, the cause. */
export async function scriptedRejection(command: string, error: unknown, notifier: Notifier, logger: Logger): Promise<Error> {
  const words = await notifier.wordsFor(error);
  logger.error(`${command} (scripted) failed: ${words.text}`);
  return Object.assign(new Error(words.text), { kind: (error as { kind?: unknown }).kind, cause: error });
}

export interface JobProgressReporter {
  /** A free-form step before the jobs start (e.g. "uploading…"). */
  readonly say: (message: string) => void;
  /** Job progress, shown as "processing · 0:41". */
  readonly onProgress: (update: VariantProgress) => void;
}

/**
 * A cancellable progress notification around a run of jobs. Cancel aborts the signal; if it
 * stopped every job before one was saved, the run ends as cancelled.
 */
export function withJobProgress(
  title: string,
  work: (signal: AbortSignal, reporter: JobProgressReporter) => Promise<GenerationOutcome>,
): Promise<GenerationOutcome> {
  return Promise.resolve(vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const cancellation = token.onCancellationRequested(() => controller.abort());
      try {
        const outcome = await work(controller.signal, {
          say: (message) => progress.report({ message }),
          onProgress: (update) => {
            const wait = update.retryInMs === undefined ? '' : `, retrying in ${Math.ceil(update.retryInMs / 1000)} s`;
            progress.report({ message: `${update.phase}${wait} · ${formatElapsed(update.elapsedMs)}` });
          },
        });
        if (token.isCancellationRequested && outcome.saved.length === 0) throw new CancelledError();
        return outcome;
      } finally {
        cancellation.dispose();
      }
    },
  ));
}
