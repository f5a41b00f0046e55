/**
 * What fills a missing image: the options of a free placeholder, or of a generation, saved at
 * exactly the referenced path, in the format its extension names, fitted (cover) to the size the
 * code gives. Both then go through the one way each is made (PlaceholderMaker, GenerationFlow).
 */
import type * as vscode from 'vscode';
import { formatOfExtension } from '../domain/imageFormat';
import { DEFAULT_PLACEHOLDER_SIZE } from '../domain/placeholder';
import type { MissingImage } from '../workspace/missingImages';

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
