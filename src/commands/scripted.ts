/**
 * The scripted entry point of `segmind.generateImage` and `segmind.editImage`: the options object runs
 * the flow with an asker that asks nothing, and the caller gets the saved files' Uris, or a
 * rejection in the user's words with the error's `kind` and `cause` attached.
 */
import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';
import type { Logger } from '../log/logger';
import type { GenerationFlow, GenerationRequest } from '../flow/generationFlow';
import { parseCommandOptions } from '../domain/generation/options';
import { ScriptedAsker } from '../flow/scriptedAsker';
import type { Notifier } from '../ui/notifier';

/** A script's request: its options object as the script gave it, parsed here (the edge) before the flow sees it. */
export type ScriptedRequest = Omit<GenerationRequest, 'options'> & { readonly options: unknown };

export async function runScripted(command: string, flow: GenerationFlow, request: ScriptedRequest, notifier: Notifier, logger: Logger): Promise<vscode.Uri[]> {
  try {
    const result = await flow.run({ ...request, options: parseCommandOptions(request.options) }, new ScriptedAsker(logger, `${command} (scripted)`));
    if (!result.ran) throw new Error(result.reason); // a scripted asker never stops a run; kept for the types
    const { saved, failures } = result.outcome;
    if (saved.length === 0) {
      const [failure] = failures;
      throw failure instanceof Error ? failure : new Error(l10n.t('No image was saved.'));
    }
    return saved.map((image) => image.uri);
  } catch (error) {
    throw await scriptedRejection(command, error, notifier, logger);
  }
}

/** What a scripted caller's promise rejects with: the user's words, with the error's `kind` and `cause`. */
export async function scriptedRejection(command: string, error: unknown, notifier: Notifier, logger: Logger): Promise<Error> {
  const words = await notifier.wordsFor(error);
  logger.error(`${command} (scripted) failed: ${words.text}`);
  return Object.assign(new Error(words.text), { kind: (error as { kind?: unknown }).kind, cause: error });
}
