/**
 * The `<image>.json` written beside each image: enough to know how it was made and to make it again.
 * It never holds the API key. This module both writes it (buildSidecar) and reads it back
 * (readSidecar, for the Studio's gallery and "run again"), so the two can never drift apart.
 */
import { PARAMETER_NAMES, resolveParameters, type ImageParameters } from '../generation/catalog';
import { modelSpecOf, type ModelSpec } from '../generation/customModels';
import { exactSizeOf, type Fit } from '../generation/exactSize';
import type { FileFormat, PixelSize } from './imageFormat';
import { MAX_VARIANTS } from '../generation/options';
import type { Transport } from '../jobs/transport';

export const SIDECAR_VERSION = 1;

/** The settings an image was made with: what "run again" repeats and the Studio's form shows. */
export interface GenerationSettings {
  readonly prompt: string;
  /** A catalog model's slug, or a custom model's (segmind.customModels). */
  readonly model: string;
  readonly parameters: ImageParameters;
  readonly variants: number;
  readonly resize?: string;
  readonly fit?: Fit;
}

/** How a mask painted in Image Studio is named in messages and the sidecar (it is not a file, and is not kept). */
export const PAINTED_MASK_LABEL = '(painted in Image Studio)';

export function isPaintedMask(path: string): boolean {
  return path === PAINTED_MASK_LABEL;
}

export interface SourceImage {
  /** Workspace-relative path of the original. */
  readonly path: string;
  /** Where it was uploaded for the edit. */
  readonly uploadedUrl?: string;
}

export interface SidecarFacts {
  readonly file: string;
  readonly prompt: string;
  readonly model: string;
  readonly parameters: ImageParameters;
  readonly transport: Transport;
  readonly requestId?: string;
  readonly cost?: number;
  readonly remainingCredits?: number;
  readonly format: FileFormat;
  readonly pixelSize?: PixelSize;
  readonly bytes: number;
  readonly submittedAt: number;
  readonly completedAt: number;
  readonly savedAt: number;
  readonly inferenceSeconds?: number;
  readonly queueSeconds?: number;
  readonly polls: number;
  readonly variant?: { readonly index: number; readonly of: number };
  readonly sourceImages?: readonly SourceImage[];
  readonly mask?: SourceImage;
  readonly extensionVersion: string;
  /** The size the model made, when the image was then fitted to `resize`. */
  readonly nativeSize?: PixelSize;
  readonly resize?: { readonly width: number; readonly height: number; readonly fit: string };
  /** The pixels the mask protects were copied back from the original. */
  readonly preserveUnmaskedPixels?: boolean;
  /** For `background: transparent`: whether the image really has transparent pixels. */
  readonly transparency?: 'verified' | 'missing';
  /** The image library could not read what came back: the bytes were kept as they came. */
  readonly processingError?: string;
  /** The project's style (segmind.stylePrompt) sent after the prompt. */
  readonly stylePrompt?: string;
  /** Made from the render of another file of its set: that file, workspace-relative. */
  readonly renderedWith?: string;
}

export function buildSidecar(facts: SidecarFacts): Record<string, unknown> {
  return {
    sidecarVersion: SIDECAR_VERSION,
    generator: `Image Studio for Segmind ${facts.extensionVersion}`,
    file: facts.file,
    prompt: facts.prompt,
    ...(facts.stylePrompt ? { stylePrompt: facts.stylePrompt } : {}),
    model: facts.model,
    parameters: { ...facts.parameters },
    ...(facts.sourceImages && facts.sourceImages.length > 0 ? { sourceImages: facts.sourceImages } : {}),
    ...(facts.mask ? { mask: facts.mask } : {}),
    ...(facts.variant ? { variant: facts.variant } : {}),
    ...(facts.resize ? { resize: `${facts.resize.width}x${facts.resize.height}`, fit: facts.resize.fit } : {}),
    ...(facts.nativeSize ? { nativeSize: { width: facts.nativeSize.width, height: facts.nativeSize.height } } : {}),
    ...(facts.preserveUnmaskedPixels === undefined ? {} : { preserveUnmaskedPixels: facts.preserveUnmaskedPixels }),
    ...(facts.transparency ? { transparency: facts.transparency } : {}),
    ...(facts.processingError ? { processingError: facts.processingError } : {}),
    ...(facts.renderedWith ? { renderedWith: facts.renderedWith } : {}),
    request: { transport: facts.transport, requestId: facts.requestId ?? null },
    cost: facts.cost ?? null,
    remainingCredits: facts.remainingCredits ?? null,
    image: { format: facts.format, width: facts.pixelSize?.width ?? null, height: facts.pixelSize?.height ?? null, bytes: facts.bytes },
    timings: {
      submittedAt: new Date(facts.submittedAt).toISOString(),
      completedAt: new Date(facts.completedAt).toISOString(),
      savedAt: new Date(facts.savedAt).toISOString(),
      totalSeconds: round((facts.savedAt - facts.submittedAt) / 1000),
      inferenceSeconds: facts.inferenceSeconds ?? null,
      queueSeconds: facts.queueSeconds ?? null,
      statusPolls: facts.polls,
    },
  };
}

export interface SidecarSummary {
  readonly prompt: string;
  readonly model: string;
  /** The settings that made it, for "regenerate"; undefined when the sidecar's values no longer fit the model. */
  readonly settings?: GenerationSettings;
  /** Workspace-relative paths of the edit's inputs. */
  readonly sourceImages: readonly string[];
  readonly maskPath?: string;
  readonly savedAt?: string;
  readonly width?: number;
  readonly height?: number;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Reads a sidecar's JSON text; undefined when it is not one of ours. `customModels`: the slugs of segmind.customModels it may name. */
export function readSidecar(text: string, customModels: readonly ModelSpec[] = []): SidecarSummary | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const sidecar = asRecord(json);
  if (!sidecar || typeof sidecar['prompt'] !== 'string' || typeof sidecar['model'] !== 'string') return undefined;
  const prompt = sidecar['prompt'];
  const model = sidecar['model'];
  const sources = Array.isArray(sidecar['sourceImages'])
    ? sidecar['sourceImages'].map((source) => asRecord(source)?.['path']).filter((path): path is string => typeof path === 'string')
    : [];
  const maskPath = asRecord(sidecar['mask'])?.['path'];
  const image = asRecord(sidecar['image']);
  const savedAt = asRecord(sidecar['timings'])?.['savedAt'];
  const variant = asRecord(sidecar['variant']);
  let settings: GenerationSettings | undefined;
  const spec = modelSpecOf(model, customModels);
  if (spec) {
    const stored = asRecord(sidecar['parameters']) ?? {};
    try {
      const parameters = resolveParameters(spec.like, Object.fromEntries(PARAMETER_NAMES.map((name) => [name, stored[name]])), spec.slug);
      const variants =
        typeof variant?.['of'] === 'number' && Number.isInteger(variant['of']) && variant['of'] >= 1 && variant['of'] <= MAX_VARIANTS ? variant['of'] : 1;
      const exact = typeof sidecar['resize'] === 'string' ? exactSizeOf(sidecar['resize'], sidecar['fit']) : undefined;
      settings = { prompt, model, parameters: { ...parameters }, variants, ...(exact ? { resize: `${exact.width}x${exact.height}`, fit: exact.fit } : {}) };
    } catch {
      settings = undefined; // made with values this version no longer accepts: shown, not regenerated
    }
  }
  return {
    prompt,
    model,
    sourceImages: sources,
    ...(settings ? { settings } : {}),
    ...(typeof maskPath === 'string' ? { maskPath } : {}),
    ...(typeof savedAt === 'string' && !Number.isNaN(Date.parse(savedAt)) ? { savedAt } : {}),
    ...(typeof image?.['width'] === 'number' ? { width: image['width'] } : {}),
    ...(typeof image?.['height'] === 'number' ? { height: image['height'] } : {}),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
