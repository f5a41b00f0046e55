/**
 * The two quick fixes of one missing image (hidden commands; the code actions pass the target):
 * a free placeholder at once, or a generation with the prompt box prefilled with the suggestion.
 * Both save at exactly the referenced path.
 */
import * as vscode from 'vscode';
import { generationOptionsFor, placeholderOptionsFor, type FillTarget } from '../flow/missingImageFill';
import type { GenerationFlow } from '../flow/generationFlow';
import type { PlaceholderMaker } from '../flow/placeholders';
import type { QuickFixArgument } from '../missingImages/missingImageActions';
import type { Notifier } from '../ui/notifier';
import { ProgressNotification } from '../ui/progressNotification';
import { showSaveWarnings } from '../ui/savedImageNotice';
import type { PaletteAsker } from './paletteAsker';
import { inputBox, showStatusMessage } from '../ui/show';
import { requireTrust } from '../flow/trust';

export interface MissingImageFixDependencies {
  readonly flow: GenerationFlow;
  readonly placeholders: PlaceholderMaker;
  readonly asker: PaletteAsker;
  readonly notifier: Notifier;
}

function targetOf(argument: unknown): FillTarget | undefined {
  const target = (argument as Partial<QuickFixArgument> | undefined)?.target;
  return target && target.target instanceof vscode.Uri && target.workspaceFolder instanceof vscode.Uri ? target : undefined;
}

export function placeholderForMissingImageCommand(deps: MissingImageFixDependencies): (arg?: unknown) => Promise<vscode.Uri | undefined> {
  return async (arg?: unknown) => {
    const target = targetOf(arg);
    if (!target) return undefined;
    try {
      const made = await deps.placeholders.make(placeholderOptionsFor(target), target.target);
      showStatusMessage(vscode.l10n.t('Segmind: made a free placeholder at {0}', vscode.workspace.asRelativePath(made.uri)), 5_000);
      return made.uri;
    } catch (error) {
      void deps.notifier.showError(error);
      return undefined;
    }
  };
}

export function generateMissingImageCommand(deps: MissingImageFixDependencies): (arg?: unknown) => Promise<vscode.Uri | undefined> {
  return async (arg?: unknown) => {
    const target = targetOf(arg);
    if (!target) return undefined;
    try {
      requireTrust('The "Generate with Segmind" quick fix');
      const name = vscode.workspace.asRelativePath(target.target);
      const prompt = await inputBox({
        title: vscode.l10n.t('Segmind: Generate {0}', name),
        value: target.prompt,
        ignoreFocusOut: true,
        prompt: target.size
          ? vscode.l10n.t('Saved at {0}, fitted to {1} × {2}', name, target.size.width, target.size.height)
          : vscode.l10n.t("Saved at {0}, at the model's size", name),
        validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Write what the image shows.')),
      });
      if (prompt === undefined) return undefined;
      const options = generationOptionsFor(target, { prompt });
      if (!options) return undefined;
      const presenter = new ProgressNotification((run) => {
        const [failure] = run.outcome.failures;
        if (failure !== undefined) void deps.notifier.showError(failure);
        showSaveWarnings(run.outcome.saved);
        return Promise.resolve();
      });
      const result = await deps.flow.run({ options, origin: target.target, signal: presenter.signal }, deps.asker, presenter);
      return result.ran ? result.outcome.saved[0]?.uri : undefined;
    } catch (error) {
      void deps.notifier.showError(error);
      return undefined;
    }
  };
}
