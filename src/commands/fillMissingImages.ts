/**
 * `segmind.fillMissingImages` — Fill Missing Images…: scans a file, a folder or the workspace for
 * image references that point at nothing, and fills them (one image per target) with free
 * placeholders or generated images. Interactively: a progress bar while it scans, a multi-select
 * list, then the choice with the cost. Scripted `{ scope?, mode?, model?, quality? }`: one entry per
 * missing reference, in file then line order (`list` writes and sends nothing).
 */
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../base/ids/commandIds';
import { isModelSlug, MODELS } from '../domain/catalog';
import { InvalidParametersError } from '../domain/errors';
import { formatCostEstimate } from '../domain/format';
import { isCommandOptions } from '../domain/options';
import type { GenerationFlow } from '../flow/generationFlow';
import { fillTargets, generationOptionsFor, placeholderOptionsFor, type FillTarget } from '../flow/missingImageFill';
import type { PlaceholderMaker } from '../flow/placeholders';
import { ScriptedAsker } from '../flow/scriptedAsker';
import type { Logger } from '../log/logger';
import type { Notifier } from '../ui/notifier';
import { scanForMissingImages, type MissingImage, type References, type ScanResult } from '../workspace/missingImages';
import { uriOfReference } from '../workspace/workspaceRefs';
import type { PaletteAsker } from './paletteAsker';
import { scriptedRejection } from './scripted';

export const FILL_MODES = ['list', 'placeholder', 'generate'] as const;
export type FillMode = (typeof FILL_MODES)[number];

export interface FillMissingImagesDependencies {
  readonly flow: GenerationFlow;
  readonly placeholders: PlaceholderMaker;
  readonly asker: PaletteAsker;
  readonly notifier: Notifier;
  readonly logger: Logger;
  readonly webRootOf: (workspaceFolder: vscode.Uri) => string;
  readonly defaultModel: () => string;
  readonly references: References;
}

/** One line of a scripted call's answer. */
export interface MissingImageEntry {
  readonly file: string;
  readonly line: number;
  readonly reference: string;
  readonly target: string;
  readonly size?: string;
  readonly prompt: string;
  readonly saved?: boolean;
}

export function fillMissingImagesCommand(deps: FillMissingImagesDependencies): (arg?: unknown) => Promise<MissingImageEntry[] | undefined> {
  return async (arg?: unknown) => {
    if (isCommandOptions(arg)) {
      try {
        return await runScripted(deps, arg);
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

async function runScripted(deps: FillMissingImagesDependencies, options: Record<string, unknown>): Promise<MissingImageEntry[]> {
  const mode = options['mode'] ?? 'list';
  if (!(FILL_MODES as readonly unknown[]).includes(mode)) {
    throw new InvalidParametersError([
      { parameter: 'mode', message: vscode.l10n.t('Mode {0} is not one of {1}.', JSON.stringify(mode), FILL_MODES.join(', ')) },
    ]);
  }
  const scope = options['scope'] === undefined ? undefined : uriOfReference(options['scope']);
  if (options['scope'] !== undefined && (!scope || !vscode.workspace.getWorkspaceFolder(scope))) {
    throw new InvalidParametersError([
      { parameter: 'scope', message: vscode.l10n.t('The scope {0} is not a file or folder of the workspace.', JSON.stringify(options['scope'])) },
    ]);
  }
  const { missing } = logScan(deps, await scanForMissingImages(scope, deps.webRootOf, deps.references));
  const targets = fillTargets(missing);
  const made = new Set<string>();
  const choices = { model: stringOption(options['model']), quality: stringOption(options['quality']) };
  if (mode !== 'list') {
    for (const target of targets) {
      if (
        await fillOne(deps, target, mode as Exclude<FillMode, 'list'>, choices, new ScriptedAsker(deps.logger, `${COMMAND_IDS.fillMissingImages} (scripted)`))
      )
        made.add(target.target.toString());
    }
  }
  const madeFor = new Set<string>();
  return missing.map((image) => {
    const key = image.target.toString();
    const saved = made.has(key) && !madeFor.has(key);
    if (saved) madeFor.add(key);
    return entryOf(image, mode === 'list' ? undefined : saved);
  });
}

function logScan(deps: FillMissingImagesDependencies, scan: ScanResult): ScanResult {
  deps.logger.info(
    `Looked for missing images in ${scan.files} files in ${scan.ms.toFixed(0)} ms (${scan.listMs.toFixed(0)} ms to find them): ${scan.missing.length} missing reference(s).`,
  );
  return scan;
}

const stringOption = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function entryOf(image: MissingImage, saved: boolean | undefined): MissingImageEntry {
  const { size } = image.reference;
  return {
    file: vscode.workspace.asRelativePath(image.document),
    line: image.line + 1,
    reference: image.reference.value,
    target: vscode.workspace.asRelativePath(image.target),
    ...(size ? { size: `${size.width}x${size.height}` } : {}),
    prompt: image.prompt,
    ...(saved === undefined ? {} : { saved }),
  };
}

/** Makes one target; false when it was not made (a refusal is logged, and the rest go on). */
async function fillOne(
  deps: FillMissingImagesDependencies,
  target: FillTarget,
  mode: 'placeholder' | 'generate',
  choices: { readonly model?: string | undefined; readonly quality?: string | undefined },
  asker: ScriptedAsker | PaletteAsker,
): Promise<boolean> {
  const where = vscode.workspace.asRelativePath(target.target);
  if (mode === 'placeholder') {
    await deps.placeholders.make(placeholderOptionsFor(target), target.target);
    return true;
  }
  const options = generationOptionsFor(target, {
    ...(choices.model ? { model: choices.model } : {}),
    ...(choices.quality ? { quality: choices.quality } : {}),
  });
  if (!options) {
    deps.logger.info(`Not generated: ${where} is an SVG, which no model makes (a free placeholder can be).`);
    return false;
  }
  const result = await deps.flow.run({ options, origin: target.target }, asker);
  if (!result.ran) return false;
  const failure: unknown = result.outcome.failures[0];
  if (failure !== undefined && result.outcome.saved.length === 0) throw failure instanceof Error ? failure : new Error(vscode.l10n.t('No image was saved.'));
  return result.outcome.saved.length > 0;
}

async function runInteractive(deps: FillMissingImagesDependencies, scope: vscode.Uri | undefined): Promise<MissingImageEntry[] | undefined> {
  const { missing } = logScan(
    deps,
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Segmind: looking for missing images'), cancellable: true },
      async (progress, token) => {
        let reported = 0;
        return scanForMissingImages(
          scope,
          deps.webRootOf,
          deps.references,
          (done, total) => {
            const percent = Math.floor((done / Math.max(1, total)) * 100);
            if (percent > reported) {
              progress.report({ increment: percent - reported, message: `${done} of ${total} files` });
              reported = percent;
            }
          },
          token,
        );
      },
    ),
  );
  const targets = fillTargets(missing);
  if (targets.length === 0) {
    void vscode.window.showInformationMessage(
      scope ? vscode.l10n.t('No missing images in {0}.', vscode.workspace.asRelativePath(scope)) : vscode.l10n.t('No missing images in the workspace.'),
    );
    return [];
  }
  const picked = await vscode.window.showQuickPick(
    targets.map((target) => ({
      label: vscode.workspace.asRelativePath(target.target),
      picked: true,
      target,
      description: target.size ? `${target.size.width} × ${target.size.height}` : 'size not given',
      detail: `${target.references.map((reference) => `${vscode.workspace.asRelativePath(reference.document)}:${reference.line + 1}`).join(', ')} — “${target.prompt}”`,
    })),
    {
      title: vscode.l10n.t('Segmind: Fill Missing Images ({0} found)', targets.length),
      placeHolder: vscode.l10n.t('The images to make (all are picked)'),
      canPickMany: true,
      ignoreFocusOut: true,
    },
  );
  if (!picked || picked.length === 0) return undefined;
  const chosen = picked.map((item) => item.target);
  const model = isModelSlug(deps.defaultModel()) ? deps.defaultModel() : 'gpt-image-1-mini';
  const generatable = chosen.filter((target) => generationOptionsFor(target) !== undefined).length;
  const how = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Free placeholders'), description: vscode.l10n.t('Drawn locally: no key, no request, no credits'), mode: 'placeholder' as const },
      {
        label: vscode.l10n.t('Generate with Segmind'),
        mode: 'generate' as const,
        description: isModelSlug(model) ? `${model}: ${formatCostEstimate(MODELS[model].estimatedCostUsd, generatable)}` : '',
      },
    ],
    {
      title: chosen.length === 1 ? vscode.l10n.t('Segmind: Fill 1 Missing Image') : vscode.l10n.t('Segmind: Fill {0} Missing Images', chosen.length),
      placeHolder: vscode.l10n.t('How to make them'),
      ignoreFocusOut: true,
    },
  );
  if (!how) return undefined;

  const made = new Set<string>();
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Segmind: filling missing images'), cancellable: true },
    async (progress, token) => {
      for (const [index, target] of chosen.entries()) {
        if (token.isCancellationRequested) return;
        progress.report({
          increment: 100 / chosen.length,
          message: vscode.l10n.t('{0} of {1}: {2}', index + 1, chosen.length, vscode.workspace.asRelativePath(target.target)),
        });
        try {
          if (await fillOne(deps, target, how.mode, { model }, deps.asker)) made.add(target.target.toString());
        } catch (error) {
          void deps.notifier.showError(error);
          return; // the next would most likely fail the same way (no key, a limit, no credits)
        }
      }
    },
  );
  void vscode.window.showInformationMessage(
    how.mode === 'placeholder'
      ? vscode.l10n.t('Made {0} of {1} missing image(s) (free placeholders, nothing was sent).', made.size, chosen.length)
      : vscode.l10n.t('Made {0} of {1} missing image(s).', made.size, chosen.length),
  );
  return missing.map((image) => entryOf(image, made.has(image.target.toString())));
}
