/**
 * Free local placeholders (README, "Make Placeholder Image…"): what one is — its size, format,
 * colours and label — from the scripted options, and what its sidecar says. Pure: the pixels are
 * drawn by src/pixels/placeholder.ts.
 */
import * as l10n from '@vscode/l10n';
import * as z from '../generation/schema';
import { InvalidParametersError } from '../errors/errors';
import { parseResize } from '../generation/exactSize';
import { invalidOptions } from '../generation/options';
import { validatePrompt } from '../generation/catalog';
import { icoSizesFor, type PixelSize } from './imageFormat';

export const PLACEHOLDER_FORMATS = ['png', 'jpeg', 'webp', 'avif', 'gif', 'ico', 'svg'] as const;
export type PlaceholderFormat = (typeof PLACEHOLDER_FORMATS)[number];

/** A neutral light grey, readable under dark or light text; the label is drawn in whichever contrasts. */
export const DEFAULT_PLACEHOLDER_BACKGROUND = '#d4d8de';
/** Below this (the shorter side), a label would be too small to read: the image is the background alone. */
export const MIN_LABELLED_SIDE = 64;
/** When the code (or the agent) gives no size. */
export const DEFAULT_PLACEHOLDER_SIZE: PixelSize = { width: 1024, height: 1024 };
export const MAX_LABEL_LENGTH = 200;

export interface PlaceholderSpec extends PixelSize {
  readonly format: PlaceholderFormat;
  /** `#rrggbb` */
  readonly background: string;
  /** Empty when the image is too small for one. */
  readonly label: string;
  /** The prompt meant for the final art, kept in the sidecar for a later render. */
  readonly prompt?: string;
  /** An `.ico`'s entries, in pixels a side (its size is the largest). */
  readonly icoSizes?: readonly number[];
}

export const placeholderOptionsSchema = z.once(() =>
  z.looseObject({
    path: z.optional(z.unknown()),
    size: z.optional(z.unknown()),
    label: z.optional(z.string()),
    background: z.optional(z.string()),
    prompt: z.optional(z.string()),
  }),
);

export type PlaceholderOptions = z.infer<ReturnType<typeof placeholderOptionsSchema>>;

const EXTENSIONS: Record<string, PlaceholderFormat> = { png: 'png', jpg: 'jpeg', jpeg: 'jpeg', webp: 'webp', avif: 'avif', gif: 'gif', ico: 'ico', svg: 'svg' };

/** The format a file name's extension names, or undefined for another extension. */
export function placeholderFormatOf(fileName: string): PlaceholderFormat | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : EXTENSIONS[fileName.slice(dot + 1).toLowerCase()];
}

export const defaultLabel = (size: PixelSize): string => `${size.width} × ${size.height}`;

/** `placeholder-1200x630.png`, in the output folder, when no `path` is given. */
export const defaultPlaceholderName = (size: PixelSize): string => `placeholder-${size.width}x${size.height}.png`;

/** A script's options object, parsed at its edge (types only: placeholderSpec checks the values, for every caller). */
export function parsePlaceholderOptions(options: unknown): PlaceholderOptions {
  const parsed = placeholderOptionsSchema().safeParse(options ?? {});
  if (!parsed.success) throw invalidOptions(parsed.error);
  return parsed.data;
}

/** Checks the options' values (the path's confinement aside) and says what to draw. */
export function placeholderSpec(options: PlaceholderOptions, fileName: string): PlaceholderSpec {
  const asked = parseResize(options.size, 'size');
  const format = placeholderFormatOf(fileName);
  if (!format) {
    throw new InvalidParametersError([
      { parameter: 'path', message: l10n.t('A placeholder is .png, .jpg, .jpeg, .webp, .avif, .gif, .ico or .svg; "{0}" is none of them.', fileName) },
    ]);
  }
  // An icon holds 16, 32 and 48 px (or the exact square asked, up to 256): its size is its largest.
  const icoSizes = format === 'ico' ? icoSizesFor(asked) : undefined;
  const side = icoSizes ? Math.max(...icoSizes) : undefined;
  const size = side ? { width: side, height: side } : { width: asked.width, height: asked.height };
  const background = options.background?.trim() ?? DEFAULT_PLACEHOLDER_BACKGROUND;
  if (!/^#[0-9a-f]{6}$/i.test(background)) {
    throw new InvalidParametersError([
      { parameter: 'background', message: l10n.t('Background {0} is not a colour: write "#rrggbb", e.g. "#336699".', JSON.stringify(options.background)) },
    ]);
  }
  if (options.label !== undefined && options.label.length > MAX_LABEL_LENGTH) {
    throw new InvalidParametersError([
      { parameter: 'label', message: l10n.t('The label is {0} characters long; the limit is {1}.', options.label.length, MAX_LABEL_LENGTH) },
    ]);
  }
  const labelled = Math.min(size.width, size.height) >= MIN_LABELLED_SIDE;
  const label = labelled ? drawableText(options.label ?? defaultLabel(size)) : '';
  // Kept for a later render: held to the same limit as any prompt sent.
  const prompt = options.prompt?.trim() ? validatePrompt(options.prompt) : undefined;
  return { ...size, format, background: background.toLowerCase(), label, ...(prompt ? { prompt } : {}), ...(icoSizes ? { icoSizes } : {}) };
}

/** The sidecar of a placeholder: what it is, and what it was meant to become. */
export function placeholderSidecar(spec: PlaceholderSpec, sha256: string, savedAt: Date, extensionVersion: string): Record<string, unknown> {
  return {
    placeholder: true,
    width: spec.width,
    height: spec.height,
    format: spec.format,
    label: spec.label,
    ...(spec.prompt ? { prompt: spec.prompt } : {}),
    sha256,
    background: spec.background,
    image: { format: spec.format, width: spec.width, height: spec.height },
    extensionVersion,
    timings: { savedAt: savedAt.toISOString() },
  };
}

const placeholderSidecarSchema = z.once(() =>
  z.looseObject({
    placeholder: z.literal(true),
    width: z.int().check(z.gte(1)),
    height: z.int().check(z.gte(1)),
    format: z.enum(PLACEHOLDER_FORMATS),
    prompt: z.optional(z.string()),
    sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  }),
);

export type PlaceholderSidecar = z.infer<ReturnType<typeof placeholderSidecarSchema>>;

/** A sidecar's text as a placeholder's, or undefined when it is not one of ours (or not JSON). */
export function readPlaceholderSidecar(text: string): PlaceholderSidecar | undefined {
  try {
    const parsed = placeholderSidecarSchema().safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A label as text a picture can hold: whitespace runs become one space, and what no font draws and
 * XML (the SVG) cannot hold goes: control characters (`Tab\u0001Name` made an invalid SVG, and no
 * PNG), and halves of surrogate pairs.
 */
export function drawableText(text: string): string {
  return (
    text
      .replace(/\s+/g, ' ')
      // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
      .replace(/[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .trim()
  );
}
