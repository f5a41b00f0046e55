/**
 * What fills a missing image: the options of a free placeholder, or of a generation, saved at
 * exactly the referenced path, in the format its extension names, fitted (cover) to the size the
 * code gives. Both then go through the one way each is made (PlaceholderMaker, GenerationFlow).
 * Generation goes by element: the missing files of one `<img>` with its `srcset`, one `<picture>`,
 * one `image-set()` or one manifest entry are one set, made from one paid image at the largest size
 * among them. A run fills every target it can and says why for each one it cannot; a generate run
 * holds the price of all its sets before the first is sent, and is refused as a whole past a limit.
 */
import * as vscode from 'vscode';
import type { Spender } from '../domain/errors/errors';
import { fileFormatOfExtension, isConverted } from '../domain/images/imageFormat';
import type { CommandOptions } from '../domain/generation/options';
import { groupIntoSets, setProblem, type ImageSet } from '../domain/images/imageSets';
import { DEFAULT_PLACEHOLDER_SIZE, type PlaceholderOptions } from '../domain/images/placeholder';
import type { Logger } from '../log/logger';
import type { MissingImage } from '../workspace/documentFindings';
import type { Asker, GenerationFlow, SetFile } from './generationFlow';
import type { PlaceholderMaker } from './placeholders';
import { setProblemWords } from './setBounds';
import { requireTrust } from './trust';
import { pathInFolder } from '../domain/safety/workspacePath';
import type { MadeFile } from '../jobs/jobRequest';

/** One image to make, for every reference that names it. */
export interface FillTarget {
  readonly target: vscode.Uri;
  readonly workspaceFolder: vscode.Uri;
  readonly size?: { readonly width: number; readonly height: number };
  readonly prompt: string;
  readonly references: readonly MissingImage[];
}

/**
 * Several references to one target make one image: the first that gives the file's own size (a
 * `480w` candidate, a manifest entry), else the first that gives a size, else the first, says what.
 */
export function fillTargets(missing: readonly MissingImage[]): FillTarget[] {
  const byTarget = new Map<string, MissingImage[]>();
  for (const image of missing) {
    const key = image.target.toString();
    byTarget.set(key, [...(byTarget.get(key) ?? []), image]);
  }
  return [...byTarget.values()].map((references) => {
    const [first] = references as [MissingImage, ...MissingImage[]];
    const sized = references.find((reference) => reference.reference.intrinsic) ?? references.find((reference) => reference.reference.size) ?? first;
    return {
      target: first.target,
      workspaceFolder: first.workspaceFolder,
      prompt: sized.prompt,
      references,
      ...(sized.reference.size ? { size: sized.reference.size } : {}),
    };
  });
}

/** The missing files of one element: one paid image for `lead` (the largest), the others written from it. */
export type FillSet = ImageSet<FillTarget>;

/** The element a target belongs to (its first reference that has one), or none: a set of its own. */
function elementOf(target: FillTarget): string | undefined {
  const grouped = target.references.find((image) => image.reference.group !== undefined);
  return grouped ? `${grouped.document.toString()}#${String(grouped.reference.group)}` : undefined;
}

/** The targets by element. A file no model makes (`.svg`) is a set of its own (and says why it is not generated). */
export function fillSets(targets: readonly FillTarget[]): FillSet[] {
  return groupIntoSets(targets, {
    element: (target) => (generationOptionsFor(target) ? elementOf(target) : undefined),
    area: (target) => (target.size ? target.size.width * target.size.height : 0),
  });
}

/** The target's path inside its workspace folder (what `path` takes). */
const targetPath = (target: FillTarget): string => pathInFolder(target.workspaceFolder, target.target);

const sizeText = (size: { width: number; height: number }): string => `${size.width}x${size.height}`;

export function placeholderOptionsFor(target: FillTarget): PlaceholderOptions {
  return { path: targetPath(target), size: sizeText(target.size ?? DEFAULT_PLACEHOLDER_SIZE), prompt: target.prompt };
}

/** Undefined for a target no model can make (`.svg`). */
export function generationOptionsFor(
  target: FillTarget,
  choices: { readonly model?: string; readonly quality?: string; readonly prompt?: string } = {},
): CommandOptions | undefined {
  const format = fileFormatOfExtension(target.target.path.slice(target.target.path.lastIndexOf('.') + 1));
  if (!format) return undefined;
  return {
    prompt: choices.prompt ?? target.prompt,
    path: targetPath(target),
    // AVIF, GIF and ICO: made as PNG (it keeps transparency), converted when saved.
    outputFormat: isConverted(format) ? 'png' : format,
    ...(target.size ? { resize: sizeText(target.size), fit: 'cover' } : {}),
    ...(choices.model ? { model: choices.model } : {}),
    ...(choices.quality ? { quality: choices.quality } : {}),
  };
}

/** What became of one target: made at exactly its path, or why not (in the user's words). */
export type FillResult = { readonly saved: true; readonly file: MadeFile } | { readonly saved: false; readonly error: string };

export interface FillRun {
  readonly flow: GenerationFlow;
  readonly placeholders: PlaceholderMaker;
  readonly logger: Logger;
  /** A failure in the user's words (the notifier's). */
  readonly words: (error: unknown) => Promise<string>;
  /** Before each target is made (the interactive run's progress). */
  readonly onTarget?: (index: number, target: FillTarget, of: number) => void;
  /** True once the user cancelled: the targets not started yet are left, each saying so. */
  readonly cancelled?: () => boolean;
  /** Stops waiting for the running job and every further write of it. */
  readonly signal?: AbortSignal;
}

export interface GenerateChoices {
  readonly model?: string;
  readonly quality?: string;
  readonly spender?: Spender;
  /** false: the project's style (segmind.stylePrompt) is left out of these images. */
  readonly style?: boolean;
}

/** A set's one generation: the lead's options, with the other files to write from it. */
export function setRequestOf(
  set: FillSet,
  choices: GenerateChoices & { readonly prompt?: string },
): { options: CommandOptions; alsoWrite: SetFile[] } | undefined {
  const options = generationOptionsFor(set.lead, choices);
  if (!options) return undefined;
  return {
    options: { ...options, ...(choices.style === false ? { style: false } : {}) },
    alsoWrite: set.others.map((other) => ({ uri: other.target, ...(other.size ? { size: other.size } : {}) })),
  };
}

/** What became of each file of a set once its one image ran: the lead by where it was saved, the others by what was written from it. */
function setResults(
  set: FillSet,
  saved: MadeFile & { readonly alsoSaved?: readonly MadeFile[]; readonly warnings: readonly string[] },
): [FillTarget, FillResult][] {
  const written = new Map((saved.alsoSaved ?? []).map((file) => [file.uri.toString(), file]));
  return [
    [set.lead, resultOf(set.lead, saved)],
    ...set.others.map((other): [FillTarget, FillResult] => {
      const file = written.get(other.target.toString());
      if (file) return [other, { saved: true, file }];
      const name = vscode.workspace.asRelativePath(other.target);
      const why =
        saved.warnings.find((warning) => warning.startsWith(name)) ??
        vscode.l10n.t('{0} was not written from the image made for {1}.', name, vscode.workspace.asRelativePath(set.lead.target));
      return [other, { saved: false, error: why }];
    }),
  ];
}

const keyOf = (target: FillTarget): string => target.target.toString();
const cancelledWords = (): string => vscode.l10n.t('Cancelled before it was made.');

/** A file written elsewhere (its name was taken meanwhile) does not fill the reference. */
function resultOf(target: FillTarget, file: MadeFile): FillResult {
  const written = file.uri;
  if (written.toString() === target.target.toString()) return { saved: true, file };
  return {
    saved: false,
    error: vscode.l10n.t(
      '{0} appeared meanwhile, so the image was saved as {1}.',
      vscode.workspace.asRelativePath(target.target),
      vscode.workspace.asRelativePath(written),
    ),
  };
}

/** Free placeholders, one per target; each target succeeds or fails on its own. */
export async function fillWithPlaceholders(run: FillRun, targets: readonly FillTarget[]): Promise<Map<string, FillResult>> {
  const results = new Map<string, FillResult>();
  // An element that asks for more files than a set may have makes none of them, and says why.
  for (const set of fillSets(targets)) {
    const members = [set.lead, ...set.others];
    const problem = setProblem(members.length, []);
    if (problem) for (const member of members) results.set(keyOf(member), { saved: false, error: setProblemWords(problem) });
  }
  for (const [index, target] of targets.entries()) {
    if (results.has(keyOf(target))) continue;
    if (run.cancelled?.()) {
      results.set(keyOf(target), { saved: false, error: cancelledWords() });
      continue;
    }
    run.onTarget?.(index, target, targets.length);
    try {
      const { uri, spec } = await run.placeholders.make(placeholderOptionsFor(target), target.target);
      results.set(keyOf(target), resultOf(target, { uri, format: spec.format, pixelSize: { width: spec.width, height: spec.height } }));
    } catch (error) {
      run.logger.error(`Fill Missing Images: no placeholder for ${vscode.workspace.asRelativePath(target.target)}`, error);
      results.set(keyOf(target), { saved: false, error: await run.words(error) });
    }
  }
  return results;
}

/**
 * Generated images, one per set (one element, one render). Refused as a whole (thrown) in
 * Restricted Mode, without a key, or when the price of every set together would pass a limit;
 * otherwise each set succeeds or fails on its own. Every set is prepared (checked, planned, priced)
 * before anything is sent.
 */
export async function fillWithGenerated(
  run: FillRun,
  targets: readonly FillTarget[],
  choices: GenerateChoices,
  asker: Asker,
): Promise<Map<string, FillResult> | undefined> {
  requireTrust('Fill Missing Images in generate mode');
  if (!(await run.flow.ensureKey(asker, 'generate'))) return undefined;
  const results = new Map<string, FillResult>();
  const failed = (set: FillSet, error: string): void => {
    for (const target of [set.lead, ...set.others]) results.set(keyOf(target), { saved: false, error });
  };
  const ready: { readonly set: FillSet; readonly request: NonNullable<ReturnType<typeof setRequestOf>>; readonly usd: number }[] = [];
  for (const set of fillSets(targets)) {
    const request = setRequestOf(set, choices);
    if (!request) {
      failed(set, vscode.l10n.t('No model makes an SVG; a free placeholder can be made instead.'));
      continue;
    }
    try {
      const prepared = await run.flow.prepare({ options: request.options, origin: set.lead.target, alsoWrite: request.alsoWrite }, asker);
      if (prepared.ready) ready.push({ set, request, usd: prepared.estimatedCostUsd });
      else failed(set, prepared.reason);
    } catch (error) {
      failed(set, await run.words(error));
    }
  }
  const total = ready.reduce((sum, entry) => sum + entry.usd, 0);
  const hold = ready.length > 0 ? await run.flow.holdRuns(total, choices.spender ?? 'user') : undefined;
  try {
    for (const [index, { set, request }] of ready.entries()) {
      if (run.cancelled?.()) {
        failed(set, cancelledWords());
        continue;
      }
      run.onTarget?.(index, set.lead, ready.length);
      try {
        const result = await run.flow.run(
          {
            options: request.options,
            origin: set.lead.target,
            alsoWrite: request.alsoWrite,
            ...(hold ? { hold } : {}),
            ...(run.signal ? { signal: run.signal } : {}),
            ...(choices.spender ? { spender: choices.spender } : {}),
          },
          asker,
        );
        if (!result.ran) {
          failed(set, result.reason);
          continue;
        }
        const [saved] = result.outcome.saved;
        if (saved) for (const [target, outcome] of setResults(set, saved)) results.set(keyOf(target), outcome);
        else failed(set, await run.words(result.outcome.failures[0]));
      } catch (error) {
        failed(set, await run.words(error));
      }
    }
  } finally {
    await hold?.release();
  }
  return results;
}
