/**
 * The two quick fixes of one missing image (hidden commands; the code actions pass the target):
 * a free placeholder at once, or a generation with the prompt box prefilled with the suggestion.
 * Both save at exactly the referenced path; a generation also writes the other missing files of
 * the element (its set) from the one image it makes.
 */
import * as vscode from 'vscode';
import { placeholderOptionsFor, setRequestOf, type FillTarget } from '../flow/missingImageFill';
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

const isTarget = (target: Partial<FillTarget> | undefined): target is FillTarget =>
  target?.target instanceof vscode.Uri && target.workspaceFolder instanceof vscode.Uri;

function targetOf(argument: unknown): FillTarget | undefined {
  const target = (argument as Partial<QuickFixArgument> | undefined)?.target;
  return isTarget(target) ? target : undefined;
}

/** The other files of the target's set, as the code action passed them. */
function othersOf(argument: unknown): FillTarget[] {
  const others = (argument as Partial<QuickFixArgument> | undefined)?.others;
  return Array.isArray(others) ? others.filter((other: Partial<FillTarget>) => isTarget(other)) : [];
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
      const others = othersOf(arg);
      const name = vscode.workspace.asRelativePath(target.target);
      const saved = target.size
        ? vscode.l10n.t('Saved at {0}, fitted to {1} × {2}', name, target.size.width, target.size.height)
        : vscode.l10n.t("Saved at {0}, at the model's size", name);
      const set =
        others.length === 0 ? '' : vscode.l10n.t('with {0} more from the same image: {1}', others.length, others.map((other) => sizedName(other)).join(', '));
      const style = deps.flow.stylePromptOf(target.workspaceFolder);
      const prompt = await inputBox({
        title:
          others.length === 0
            ? vscode.l10n.t('Segmind: Generate {0}', name)
            : vscode.l10n.t('Segmind: Generate {0} and {1} more (one image)', name, others.length),
        value: target.prompt,
        ignoreFocusOut: true,
        prompt: [saved, set, style ? vscode.l10n.t('Style: {0}', style) : ''].filter(Boolean).join(' · '),
        validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Write what the image shows.')),
      });
      if (prompt === undefined) return undefined;
      const request = setRequestOf({ lead: target, others }, { prompt });
      if (!request) return undefined;
      const presenter = new ProgressNotification((run) => {
        const [failure] = run.outcome.failures;
        if (failure !== undefined) void deps.notifier.showError(failure);
        showSaveWarnings(run.outcome.saved);
        return Promise.resolve();
      });
      const result = await deps.flow.run(
        { options: request.options, origin: target.target, alsoWrite: request.alsoWrite, signal: presenter.signal },
        deps.asker,
        presenter,
      );
      return result.ran ? result.outcome.saved[0]?.uri : undefined;
    } catch (error) {
      void deps.notifier.showError(error);
      return undefined;
    }
  };
}

/** `img/hero@2x.png (1200 × 600)`, or the path alone when the code gives no size. */
function sizedName(target: FillTarget): string {
  const name = vscode.workspace.asRelativePath(target.target);
  return target.size ? `${name} (${target.size.width} × ${target.size.height})` : name;
}
