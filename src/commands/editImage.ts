/**
 * `segmind.editImage`. Four entry points, one flow (src/flow/generationFlow.ts):
 * - the Explorer context menu on PNG/JPEG/WebP files, one or several (`(uri, selectedUris)`);
 * - the image preview's editor title (`(uri)`);
 * - the palette (no argument): a pick of the workspace's images, several allowed;
 * - a scripted call with the options object (`images`, `mask`, …): asks nothing and resolves to the
 *   saved files' Uris, or rejects with the reason when nothing was saved.
 */
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../base/pure/commandIds';
import type { Logger } from '../log/logger';
import { isCommandOptions } from '../domain/generation/options';
import type { FinishedRun, GenerationFlow } from '../flow/generationFlow';
import type { Notifier } from '../ui/notifier';
import { ProgressNotification } from '../ui/progressNotification';
import { offerSavedImageActions, showSaveWarnings } from '../ui/savedImageNotice';
import { IMAGE_PREVIEW, type PaletteAsker } from './paletteAsker';
import { runScripted } from './scripted';

export interface EditImageDependencies {
  readonly flow: GenerationFlow;
  readonly asker: PaletteAsker;
  readonly notifier: Notifier;
  readonly logger: Logger;
}

export function editImageCommand(deps: EditImageDependencies): (arg?: unknown, selected?: unknown) => Promise<vscode.Uri[] | undefined> {
  return async (arg?: unknown, selected?: unknown) => {
    if (isCommandOptions(arg)) return runScripted(COMMAND_IDS.editImage, deps.flow, { options: arg, edit: true }, deps.notifier, deps.logger);
    return runInteractive(deps, targetsOf(arg, selected));
  };
}

/** Explorer passes the clicked file and the whole selection (which includes it); the preview title only the file. */
function targetsOf(arg: unknown, selected: unknown): vscode.Uri[] {
  if (Array.isArray(selected) && selected.length > 0 && selected.every((item) => item instanceof vscode.Uri)) return selected;
  return arg instanceof vscode.Uri ? [arg] : [];
}

async function runInteractive(deps: EditImageDependencies, targets: vscode.Uri[]): Promise<vscode.Uri[] | undefined> {
  try {
    const presenter = new ProgressNotification((run) => presentEdited(deps, run));
    const result = await deps.flow.run({ options: { images: targets }, edit: true, signal: presenter.signal }, deps.asker, presenter);
    return result.ran ? result.outcome.saved.map((image) => image.uri) : undefined;
  } catch (error) {
    void deps.notifier.showError(error);
    return undefined;
  }
}

/** Side by side: the original in the current column, the result beside it, then a notification. */
async function presentEdited(deps: EditImageDependencies, run: FinishedRun): Promise<void> {
  const { outcome, plan } = run;
  const [failure] = outcome.failures;
  if (failure !== undefined) void deps.notifier.showError(failure);
  showSaveWarnings(outcome.saved);
  const original = run.edited?.images[0];
  if (outcome.saved.length === 0 || !original) return;

  await vscode.commands.executeCommand('vscode.openWith', original.uri, IMAGE_PREVIEW, { preview: false, viewColumn: vscode.ViewColumn.Active });
  let column: vscode.ViewColumn = vscode.ViewColumn.Beside;
  for (const image of outcome.saved) {
    await vscode.commands.executeCommand('vscode.openWith', image.uri, IMAGE_PREVIEW, { preview: false, viewColumn: column });
    // Further variants join the result's column rather than opening a column each.
    column = vscode.window.tabGroups.activeTabGroup.viewColumn;
  }
  void offerSavedImageActions(
    outcome.saved.map((image) => image.uri),
    plan.prompt,
    { suffix: vscode.l10n.t('(edited from {0}; the original is unchanged)', original.path) },
  );
}
