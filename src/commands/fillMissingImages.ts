/**
 * `segmind.fillMissingImages` — Fill Missing Images…: scans a file, a folder or the workspace for
 * image references that point at nothing, and fills them (one image per target) with free
 * placeholders or generated images. Interactively: a progress bar while it scans, a multi-select
 * list, then the choice with the cost. Scripted `{ scope?, mode?, model?, quality? }`: one entry per
 * missing reference, in file then line order (`list` writes and sends nothing).
 */
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../base/pure/commandIds';
import { isModelSlug, MODELS } from '../domain/generation/catalog';
import { formatCostEstimate } from '../shared/format';
import { isCommandOptions } from '../domain/generation/options';
import type { GenerationFlow } from '../flow/generationFlow';
import {
  fillSets,
  fillTargets,
  fillWithGenerated,
  fillWithPlaceholders,
  generationOptionsFor,
  type FillResult,
  type FillTarget,
} from '../flow/missingImageFill';
import { entriesOf, fillRun, logScan, scriptedFill, type ScriptedFillDependencies } from '../flow/scriptedFill';
import type { MissingImageEntry } from '../domain/references/imageReference';
import { jobPriceUsd } from '../domain/spending/pricing';
import { pickMany, pickOne, showInformation, showWarning, withProgress } from '../ui/show';
import { actionLabel } from '../ui/pure/errorMessages';
import type { PlaceholderMaker } from '../flow/placeholders';
import type { Logger } from '../log/logger';
import type { Notifier } from '../ui/notifier';
import type { MissingImageReading } from '../workspace/documentFindings';
import { scanForMissingImages } from '../workspace/missingImageScan';
import type { PaletteAsker } from './paletteAsker';
import { scriptedRejection } from './scripted';

export interface FillMissingImagesDependencies {
  readonly flow: GenerationFlow;
  readonly placeholders: PlaceholderMaker;
  readonly asker: PaletteAsker;
  readonly notifier: Notifier;
  readonly logger: Logger;
  readonly defaultModel: () => string;
  /** The parser worker, the sites and the web root setting: what the scan resolves references with. */
  readonly reading: MissingImageReading;
}

function fillDependencies(deps: FillMissingImagesDependencies): ScriptedFillDependencies {
  return { ...deps, words: async (error) => (await deps.notifier.wordsFor(error)).text };
}

export function fillMissingImagesCommand(deps: FillMissingImagesDependencies): (arg?: unknown) => Promise<MissingImageEntry[] | undefined> {
  return async (arg?: unknown) => {
    if (isCommandOptions(arg)) {
      try {
        return await scriptedFill(fillDependencies(deps), arg);
      } catch (error) {
        throw await scriptedRejection(COMMAND_IDS.fillMissingImages, error, deps.notifier, deps.logger);
      }
    }
    try {
      return await runInteractive(deps, arg instanceof vscode.Uri ? arg : undefined);
    } catch (error) {
      void deps.notifier.showError(error);
      return undefined;
    }
  };
}

async function runInteractive(deps: FillMissingImagesDependencies, scope: vscode.Uri | undefined): Promise<MissingImageEntry[] | undefined> {
  const { missing, elsewhere } = logScan(
    deps.logger,
    await withProgress({ title: vscode.l10n.t('Segmind: looking for missing images'), cancellable: true }, async (report, token) => {
      let reported = 0;
      return scanForMissingImages(
        scope,
        deps.reading,
        (done, total) => {
          const percent = Math.floor((done / Math.max(1, total)) * 100);
          if (percent > reported) {
            report(vscode.l10n.t('{0} of {1} files', done, total), percent - reported);
            reported = percent;
          }
        },
        token,
      );
    }),
  );
  const targets = fillTargets(missing);
  if (targets.length === 0) {
    const none = scope
      ? vscode.l10n.t('No missing images in {0}.', vscode.workspace.asRelativePath(scope))
      : vscode.l10n.t('No missing images in the workspace.');
    // Found elsewhere is not missing: said, never offered for filling (each has its hint and its Point to fix).
    const found =
      elsewhere.length === 0
        ? ''
        : ` ${vscode.l10n.t('{0} reference(s) name an image that is in the repository at another path: see their hints.', elsewhere.length)}`;
    void showInformation(`${none}${found}`);
    return [];
  }
  const picked = await pickMany(
    targets.map((target) => ({
      label: vscode.workspace.asRelativePath(target.target),
      picked: true,
      target,
      description: target.size ? `${target.size.width} × ${target.size.height}` : vscode.l10n.t('size not given'),
      detail: `${target.references.map((reference) => `${vscode.workspace.asRelativePath(reference.document)}:${reference.line + 1}`).join(', ')} — “${target.prompt}”`,
    })),
    {
      title: vscode.l10n.t('Segmind: Fill Missing Images ({0} found)', targets.length),
      placeHolder: vscode.l10n.t('The images to make (all are picked)'),
      ignoreFocusOut: true,
    },
  );
  if (!picked || picked.length === 0) return undefined;
  const chosen = picked.map((item) => item.target);
  const model = isModelSlug(deps.defaultModel()) ? deps.defaultModel() : 'gpt-image-1-mini';
  // One paid image per element: the files of one <picture> or srcset are made from one render.
  const generatable = fillSets(chosen).filter((set) => generationOptionsFor(set.lead) !== undefined).length;
  const how = await pickOne(
    [
      { label: vscode.l10n.t('Free placeholders'), description: vscode.l10n.t('Drawn locally: no key, no request, no credits'), mode: 'placeholder' as const },
      {
        label: vscode.l10n.t('Generate with Segmind'),
        mode: 'generate' as const,
        description: isModelSlug(model)
          ? `${model}: ${formatCostEstimate(jobPriceUsd({ model, quality: MODELS[model].defaults.quality, size: 'auto' }), generatable)}`
          : '',
        ...(vscode.workspace.isTrusted ? {} : { detail: vscode.l10n.t('Restricted Mode: trust the workspace first') }),
      },
    ],
    {
      title: chosen.length === 1 ? vscode.l10n.t('Segmind: Fill 1 Missing Image') : vscode.l10n.t('Segmind: Fill {0} Missing Images', chosen.length),
      placeHolder: vscode.l10n.t('How to make them'),
      ignoreFocusOut: true,
    },
  );
  if (!how) return undefined;

  const results = await withProgress({ title: vscode.l10n.t('Segmind: filling missing images'), cancellable: true }, async (report, token) => {
    const steps = how.mode === 'generate' ? generatable : chosen.length;
    const run = fillRun(fillDependencies(deps), {
      onTarget: (index, target) =>
        report(vscode.l10n.t('{0} of {1}: {2}', index + 1, steps, vscode.workspace.asRelativePath(target.target)), 100 / Math.max(1, steps)),
      cancelled: () => token.isCancellationRequested,
    });
    return how.mode === 'placeholder' ? fillWithPlaceholders(run, chosen) : fillWithGenerated(run, chosen, { model }, deps.asker);
  });
  if (!results) return undefined;
  void reportFill(deps, how.mode, chosen, results);
  return entriesOf(
    missing.filter((image) => results.has(image.target.toString())),
    results,
  );
}

/** What was made, and for each target not made, why: the first reason in the notification, all of them in the log. */
async function reportFill(
  deps: FillMissingImagesDependencies,
  mode: 'placeholder' | 'generate',
  chosen: readonly FillTarget[],
  results: ReadonlyMap<string, FillResult>,
): Promise<void> {
  const made = chosen.filter((target) => results.get(target.target.toString())?.saved).length;
  const failed = chosen.flatMap((target) => {
    const result = results.get(target.target.toString());
    return result && !result.saved ? [{ target, error: result.error }] : [];
  });
  const summary =
    mode === 'placeholder'
      ? vscode.l10n.t('Made {0} of {1} missing image(s) (free placeholders, nothing was sent).', made, chosen.length)
      : vscode.l10n.t('Made {0} of {1} missing image(s).', made, chosen.length);
  const [first] = failed;
  if (!first) {
    void showInformation(summary);
    return;
  }
  for (const { target, error } of failed) deps.logger.warn(`Fill Missing Images: ${vscode.workspace.asRelativePath(target.target)} was not made: ${error}`);
  const showLog = actionLabel('showLog');
  const answer = await showWarning(
    `${summary} ${vscode.l10n.t('Not made: {0}: {1}', vscode.workspace.asRelativePath(first.target.target), first.error)}${failed.length > 1 ? ` ${vscode.l10n.t('(and {0} more, in the log)', failed.length - 1)}` : ''}`,
    showLog,
  );
  if (answer === showLog) deps.logger.show();
}
