/**
 * What fills a missing image: the options of a free placeholder, or of a generation, saved at
 * exactly the referenced path, in the format its extension names, fitted (cover) to the size the
 * code gives. Both then go through the one way each is made (PlaceholderMaker, GenerationFlow).
 * A run fills every target it can and says why for each one it cannot; a generate run holds the
 * price of all its targets before the first is sent, and is refused as a whole past a limit.
 */
import * as vscode from 'vscode';
import type { Spender } from '../domain/errors';
import { formatOfExtension } from '../domain/imageFormat';
import { DEFAULT_PLACEHOLDER_SIZE } from '../domain/placeholder';
import type { Logger } from '../log/logger';
import type { MissingImage } from '../workspace/missingImages';
import type { Asker, GenerationFlow } from './generationFlow';
import type { PlaceholderMaker } from './placeholders';
import { requireTrust } from './trust';

/** One image to make, for every reference that names it. */
export interface FillTarget {
  readonly target: vscode.Uri;
  readonly workspaceFolder: vscode.Uri;
  readonly size?: { readonly width: number; readonly height: number };
  readonly prompt: string;
  readonly references: readonly MissingImage[];
}

/** Several references to one target make one image: the first that gives a size (else the first) says what. */
export function fillTargets(missing: readonly MissingImage[]): FillTarget[] {
  const byTarget = new Map<string, MissingImage[]>();
  for (const image of missing) {
    const key = image.target.toString();
    byTarget.set(key, [...(byTarget.get(key) ?? []), image]);
  }
  return [...byTarget.values()].map((references) => {
    const [first] = references as [MissingImage, ...MissingImage[]];
    const sized = references.find((reference) => reference.reference.size) ?? first;
    return {
      target: first.target,
      workspaceFolder: first.workspaceFolder,
      prompt: sized.prompt,
      references,
      ...(sized.reference.size ? { size: sized.reference.size } : {}),
    };
  });
}

/** The target's path inside its workspace folder (what `path` takes). */
export const pathInFolder = (target: FillTarget): string => target.target.path.slice(target.workspaceFolder.path.replace(/\/$/, '').length + 1);

const sizeText = (size: { width: number; height: number }): string => `${size.width}x${size.height}`;

export function placeholderOptionsFor(target: FillTarget): Record<string, unknown> {
  return { path: pathInFolder(target), size: sizeText(target.size ?? DEFAULT_PLACEHOLDER_SIZE), prompt: target.prompt };
}

/** Undefined for a target no model can make (`.svg`). */
export function generationOptionsFor(
  target: FillTarget,
  choices: { readonly model?: string; readonly quality?: string; readonly prompt?: string } = {},
): Record<string, unknown> | undefined {
  const format = formatOfExtension(target.target.path.slice(target.target.path.lastIndexOf('.') + 1));
  if (!format) return undefined;
  return {
    prompt: choices.prompt ?? target.prompt,
    path: pathInFolder(target),
    outputFormat: format,
    ...(target.size ? { resize: sizeText(target.size), fit: 'cover' } : {}),
    ...(choices.model ? { model: choices.model } : {}),
    ...(choices.quality ? { quality: choices.quality } : {}),
  };
}

/** What became of one target: made at exactly its path, or why not (in the user's words). */
export type FillResult = { readonly saved: true } | { readonly saved: false; readonly error: string };

export interface FillRun {
  readonly flow: GenerationFlow;
  readonly placeholders: PlaceholderMaker;
  readonly logger: Logger;
  /** A failure in the user's words (the notifier's). */
  readonly words: (error: unknown) => Promise<string>;
  /** Before each target is made (the interactive run's progress). */
  readonly onTarget?: (index: number, target: FillTarget) => void;
  /** True once the user cancelled: the targets not started yet are left, each saying so. */
  readonly cancelled?: () => boolean;
}

export interface GenerateChoices {
  readonly model?: string;
  readonly quality?: string;
  readonly spender?: Spender;
}

const keyOf = (target: FillTarget): string => target.target.toString();
const cancelledWords = (): string => vscode.l10n.t('Cancelled before it was made.');

/** A file written elsewhere (its name was taken meanwhile) does not fill the reference. */
function resultOf(target: FillTarget, written: vscode.Uri): FillResult {
  if (written.toString() === target.target.toString()) return { saved: true };
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
  for (const [index, target] of targets.entries()) {
    if (run.cancelled?.()) {
      results.set(keyOf(target), { saved: false, error: cancelledWords() });
      continue;
    }
    run.onTarget?.(index, target);
    try {
      const made = await run.placeholders.make(placeholderOptionsFor(target), target.target);
      results.set(keyOf(target), resultOf(target, made.uri));
    } catch (error) {
      run.logger.error(`Fill Missing Images: no placeholder for ${vscode.workspace.asRelativePath(target.target)}`, error);
      results.set(keyOf(target), { saved: false, error: await run.words(error) });
    }
  }
  return results;
}

/**
 * Generated images, one per target. Refused as a whole (thrown) in Restricted Mode, without a key,
 * or when the price of every target together would pass a limit; otherwise each target succeeds or
 * fails on its own. Every target is prepared (checked, planned, priced) before anything is sent.
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
  const ready: { readonly target: FillTarget; readonly options: Record<string, unknown>; readonly usd: number }[] = [];
  for (const target of targets) {
    const options = generationOptionsFor(target, choices);
    if (!options) {
      results.set(keyOf(target), { saved: false, error: vscode.l10n.t('No model makes an SVG; a free placeholder can be made instead.') });
      continue;
    }
    try {
      const prepared = await run.flow.prepare({ options, origin: target.target }, asker);
      if (prepared.ready) ready.push({ target, options, usd: prepared.estimatedCostUsd });
      else results.set(keyOf(target), { saved: false, error: prepared.reason });
    } catch (error) {
      results.set(keyOf(target), { saved: false, error: await run.words(error) });
    }
  }
  const total = ready.reduce((sum, entry) => sum + entry.usd, 0);
  const hold = ready.length > 0 ? await run.flow.holdRuns(total, choices.spender ?? 'user') : undefined;
  try {
    for (const [index, { target, options }] of ready.entries()) {
      if (run.cancelled?.()) {
        results.set(keyOf(target), { saved: false, error: cancelledWords() });
        continue;
      }
      run.onTarget?.(index, target);
      try {
        const result = await run.flow.run(
          { options, origin: target.target, ...(hold ? { hold } : {}), ...(choices.spender ? { spender: choices.spender } : {}) },
          asker,
        );
        if (!result.ran) {
          results.set(keyOf(target), { saved: false, error: result.reason });
          continue;
        }
        const [saved] = result.outcome.saved;
        results.set(keyOf(target), saved ? resultOf(target, saved.uri) : { saved: false, error: await run.words(result.outcome.failures[0]) });
      } catch (error) {
        results.set(keyOf(target), { saved: false, error: await run.words(error) });
      }
    }
  } finally {
    await hold?.release();
  }
  return results;
}
