/**
 * `segmind.generateImage`. Three entry points, one flow (src/flow/generationFlow.ts):
 * - the palette: asks for a prompt and a model, then runs;
 * - the editor context menu of Markdown/HTML/CSS/JSX: the same, then inserts a link at the cursor;
 * - a scripted call with the options object: asks nothing and resolves to the saved files' Uris.
 *   With input images it edits them, as `segmind.editImage` does (the options object is shared).
 */
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../base/pure/commandIds';
import { altText, imageLink, linkLanguageFor, relativeImagePath } from '../domain/references/links';
import { isCommandOptions } from '../domain/generation/options';
import type { FinishedRun, GenerationFlow } from '../flow/generationFlow';
import type { Logger } from '../log/logger';
import type { Notifier } from '../ui/notifier';
import { ProgressNotification } from '../ui/progressNotification';
import { offerSavedImageActions, showSaveWarnings } from '../ui/savedImageNotice';
import { IMAGE_PREVIEW, type PaletteAsker } from './paletteAsker';
import { runScripted } from './scripted';

export interface GenerateImageDependencies {
  readonly flow: GenerationFlow;
  readonly asker: PaletteAsker;
  readonly notifier: Notifier;
  readonly logger: Logger;
}

export function generateImageCommand(deps: GenerateImageDependencies): (arg?: unknown) => Promise<vscode.Uri[] | undefined> {
  return async (arg?: unknown) => {
    if (isCommandOptions(arg)) return runScripted(COMMAND_IDS.generateImage, deps.flow, { options: arg }, deps.notifier, deps.logger);
    return runInteractive(deps, arg instanceof vscode.Uri ? arg : undefined);
  };
}

async function runInteractive(deps: GenerateImageDependencies, target: vscode.Uri | undefined): Promise<vscode.Uri[] | undefined> {
  try {
    const presenter = new ProgressNotification((run) => presentGenerated(deps, run, target));
    const result = await deps.flow.run({ options: {}, signal: presenter.signal, ...(target ? { origin: target } : {}) }, deps.asker, presenter);
    return result.ran ? result.outcome.saved.map((image) => image.uri) : undefined;
  } catch (error) {
    void deps.notifier.showError(error);
    return undefined;
  }
}

/** The images open in the preview; from an editor's context menu, links go in at the cursor. */
async function presentGenerated(deps: GenerateImageDependencies, run: FinishedRun, target: vscode.Uri | undefined): Promise<void> {
  const { outcome, plan } = run;
  const [failure] = outcome.failures;
  if (failure !== undefined) void deps.notifier.showError(failure);
  showSaveWarnings(outcome.saved);
  if (outcome.saved.length === 0) return;

  const editor = target && vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === target.toString());
  const language = editor && linkLanguageFor(editor.document.languageId);
  if (editor && language) {
    const links = outcome.saved.map((image) => imageLink(language, relativeImagePath(editor.document.uri.path, image.uri.path), altText(plan.prompt)));
    await editor.edit((edit) => edit.replace(editor.selection, links.join('\n')));
  }

  // Beside the document being written, when there is one; otherwise where the user is looking
  // (Beside with no editor open would leave an empty group on the left).
  const previewColumn = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
  for (const image of outcome.saved) {
    await vscode.commands.executeCommand('vscode.openWith', image.uri, IMAGE_PREVIEW, { preview: false, viewColumn: previewColumn });
  }
  void offerSavedImageActions(
    outcome.saved.map((image) => image.uri),
    plan.prompt,
  );
}
