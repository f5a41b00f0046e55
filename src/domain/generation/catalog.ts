/**
 * The four GPT Image models, what each accepts, and the one place where parameters are checked
 * against the chosen model — before anything is sent, so a mistake never costs a request.
 */
import * as l10n from '@vscode/l10n';
import * as z from './schema';
import { InvalidParametersError, type ParameterProblem } from '../errors/errors';
import { keepsTransparency } from '../../shared/imageRules';

export const MODEL_SLUGS = ['gpt-image-1', 'gpt-image-1-mini', 'gpt-image-2', 'gpt-image-1-edit'] as const;
export type ModelSlug = (typeof MODEL_SLUGS)[number];

export const TEXT_TO_IMAGE_MODELS = ['gpt-image-1', 'gpt-image-1-mini', 'gpt-image-2'] as const satisfies readonly ModelSlug[];
export type TextToImageModel = (typeof TEXT_TO_IMAGE_MODELS)[number];

export const BASE_SIZES = ['auto', '1024x1024', '1536x1024', '1024x1536'] as const;
export const LARGE_SIZES = ['2048x2048', '2048x1152', '1152x2048', '3840x2160', '2160x3840'] as const;
export type ImageSize = (typeof BASE_SIZES)[number] | (typeof LARGE_SIZES)[number];

export const QUALITIES = ['low', 'medium', 'high', 'auto'] as const;
export type Quality = (typeof QUALITIES)[number];
export const BACKGROUNDS = ['opaque', 'transparent'] as const;
export type Background = (typeof BACKGROUNDS)[number];
export const OUTPUT_FORMATS = ['png', 'jpeg', 'webp'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export const MODERATIONS = ['auto', 'low'] as const;
export type Moderation = (typeof MODERATIONS)[number];

export const IMAGE_SIZES = [...BASE_SIZES, ...LARGE_SIZES] as const;

/**
 * Everything that shapes the picture, with the names the options object and settings use: the one
 * schema of the six parameters. The job record stores it and the Studio's messages carry it (both
 * parsed with it); whether a value fits the chosen model is resolveParameters' to say.
 */
export const imageParametersSchema = z.once(() =>
  z.object({
    size: z.enum(IMAGE_SIZES),
    quality: z.enum(QUALITIES),
    background: z.enum(BACKGROUNDS),
    outputFormat: z.enum(OUTPUT_FORMATS),
    outputCompression: z.int().check(z.gte(0), z.lte(100)),
    moderation: z.enum(MODERATIONS),
  }),
);

export type ImageParameters = Readonly<z.infer<ReturnType<typeof imageParametersSchema>>>;
export type ParameterName = keyof ImageParameters;
/** The schema's keys, in its order; the compiler holds the two lists equal (a key missing or extra fails to build). */
export const PARAMETER_NAMES = ['size', 'quality', 'background', 'outputFormat', 'outputCompression', 'moderation'] as const satisfies readonly ParameterName[];
const everyParameterNamed: Exclude<ParameterName, (typeof PARAMETER_NAMES)[number]> extends never ? true : false = true;
void everyParameterNamed;

/** How a model takes source images for an edit. */
export type EditInput = 'none' | 'image_urls' | 'image';

export interface ModelInfo {
  readonly slug: ModelSlug;
  readonly label: string;
  readonly description: string;
  readonly textToImage: boolean;
  readonly editInput: EditInput;
  /** Most source images one edit takes. */
  readonly maxEditImages: number;
  /** Typical wall time of one job at Segmind; drives polling and progress messages. */
  readonly typicalSeconds: number;
  readonly sizes: readonly ImageSize[];
  readonly defaults: ImageParameters;
  readonly compressionRange: readonly [min: number, max: number];
  /**
   * The price of one image at medium quality and 1024×1024, in USD: other qualities and sizes scale
   * from it (src/domain/spending/pricing.ts). Segmind bills the actual cost, which the sidecar and the spend
   * ledger record.
   */
  readonly estimatedCostUsd: number;
}

const COMMON_DEFAULTS = { background: 'opaque', outputFormat: 'png', outputCompression: 100, moderation: 'auto' } as const;

export const MODELS: Readonly<Record<ModelSlug, ModelInfo>> = {
  'gpt-image-1': {
    slug: 'gpt-image-1',
    // eslint-disable-next-line no-restricted-syntax -- a product name, the same in every language
    label: 'GPT Image 1',
    get description() {
      return l10n.t('Balanced quality, about 48 s');
    },
    textToImage: true,
    editInput: 'none',
    maxEditImages: 0,
    typicalSeconds: 48,
    sizes: BASE_SIZES,
    defaults: { size: 'auto', quality: 'auto', ...COMMON_DEFAULTS },
    compressionRange: [1, 100],
    estimatedCostUsd: 0.042,
  },
  'gpt-image-1-mini': {
    slug: 'gpt-image-1-mini',
    // eslint-disable-next-line no-restricted-syntax -- a product name, the same in every language
    label: 'GPT Image 1 Mini',
    get description() {
      return l10n.t('Cheaper and a little faster, about 42 s');
    },
    textToImage: true,
    editInput: 'none',
    maxEditImages: 0,
    typicalSeconds: 42,
    sizes: BASE_SIZES,
    defaults: { size: '1024x1024', quality: 'high', ...COMMON_DEFAULTS },
    compressionRange: [1, 100],
    estimatedCostUsd: 0.011,
  },
  'gpt-image-2': {
    slug: 'gpt-image-2',
    // eslint-disable-next-line no-restricted-syntax -- a product name, the same in every language
    label: 'GPT Image 2',
    get description() {
      return l10n.t('Sizes up to 4K, edits one image, about 94 s');
    },
    textToImage: true,
    editInput: 'image',
    maxEditImages: 1,
    typicalSeconds: 94,
    sizes: [...BASE_SIZES, ...LARGE_SIZES],
    defaults: { size: '1536x1024', quality: 'high', ...COMMON_DEFAULTS },
    compressionRange: [0, 100],
    // No published price was found: twice gpt-image-1's, held high until Segmind reports the real cost.
    estimatedCostUsd: 0.084,
  },
  'gpt-image-1-edit': {
    slug: 'gpt-image-1-edit',
    // eslint-disable-next-line no-restricted-syntax -- a product name, the same in every language
    label: 'GPT Image 1 Edit',
    get description() {
      return l10n.t('Edits one or more images, optional mask, about 57 s');
    },
    textToImage: false,
    editInput: 'image_urls',
    maxEditImages: 16,
    typicalSeconds: 57,
    sizes: BASE_SIZES,
    defaults: { size: 'auto', quality: 'auto', ...COMMON_DEFAULTS },
    compressionRange: [1, 100],
    estimatedCostUsd: 0.042,
  },
};

export function isModelSlug(value: unknown): value is ModelSlug {
  return typeof value === 'string' && (MODEL_SLUGS as readonly string[]).includes(value);
}

export function isTextToImageModel(value: unknown): value is TextToImageModel {
  return typeof value === 'string' && (TEXT_TO_IMAGE_MODELS as readonly string[]).includes(value);
}

/** Parameters as they arrive from settings or a scripted call: anything may be missing or wrong. */
export type RequestedParameters = Partial<Record<ParameterName, unknown>>;

export const MAX_PROMPT_LENGTH = 32_000;

export function validatePrompt(prompt: unknown): string {
  if (typeof prompt !== 'string' || prompt.trim() === '') {
    throw new InvalidParametersError([{ parameter: 'prompt', message: l10n.t('The prompt is empty.') }]);
  }
  const trimmed = prompt.trim();
  if (trimmed.length > MAX_PROMPT_LENGTH) {
    throw new InvalidParametersError([
      { parameter: 'prompt', message: l10n.t('The prompt is {0} characters long; the limit is {1}.', trimmed.length, MAX_PROMPT_LENGTH) },
    ]);
  }
  return trimmed;
}

/**
 * Fills in the model's defaults for what was not given and checks every value against the model.
 * Throws {@link InvalidParametersError} listing every problem at once, so the user fixes them in one go.
 * `like` is the catalog model whose rules apply; `model` the slug messages name (a custom model's own).
 */
export function resolveParameters(like: ModelSlug, requested: RequestedParameters, model: string = like): ImageParameters {
  const info = MODELS[like];
  const problems: ParameterProblem[] = [];
  const pick = <T extends string>(name: ParameterName, allowed: readonly T[], fallback: T, label: string): T => {
    const value = requested[name];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    const onlyOnGptImage2 = name === 'size' && (LARGE_SIZES as readonly unknown[]).includes(value);
    problems.push({
      parameter: name,
      // Say what would work, not only what does not.
      message: onlyOnGptImage2
        ? l10n.t('Size {0} is only available on gpt-image-2, not on {1}.', shown(value), model)
        : l10n.t('{0} "{1}" is not available on {2} (choose {3}).', label, shown(value), model, allowed.join(', ')),
    });
    return fallback;
  };

  const size = pick<ImageSize>('size', info.sizes, info.defaults.size, l10n.t('Size'));
  const quality = pick<Quality>('quality', QUALITIES, info.defaults.quality, l10n.t('Quality'));
  const background = pick<Background>('background', BACKGROUNDS, info.defaults.background, l10n.t('Background'));
  const outputFormat = pick<OutputFormat>('outputFormat', OUTPUT_FORMATS, info.defaults.outputFormat, l10n.t('Format'));
  const moderation = pick<Moderation>('moderation', MODERATIONS, info.defaults.moderation, l10n.t('Moderation'));

  let outputCompression = info.defaults.outputCompression;
  const compression = requested.outputCompression;
  if (compression !== undefined && compression !== null) {
    const [min, max] = info.compressionRange;
    if (typeof compression === 'number' && Number.isInteger(compression) && compression >= min && compression <= max) {
      outputCompression = compression;
    } else {
      problems.push({
        parameter: 'outputCompression',
        message: l10n.t('Compression must be a whole number from {0} to {1} on {2}, not {3}.', min, max, model, shown(compression)),
      });
    }
  }

  if (background === 'transparent' && !keepsTransparency(outputFormat)) {
    problems.push({ parameter: 'background', message: l10n.t('A transparent background needs the png or webp format, not jpeg.') });
  }

  if (problems.length > 0) throw new InvalidParametersError(problems);
  return { size, quality, background, outputFormat, outputCompression, moderation };
}

/** A value as the user wrote it, for messages. */
function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The JSON body the service expects for these parameters (edit fields are added by the caller). */
export function toRequestBody(prompt: string, parameters: ImageParameters): Record<string, unknown> {
  return {
    prompt,
    size: parameters.size,
    quality: parameters.quality,
    background: parameters.background,
    output_format: parameters.outputFormat,
    output_compression: parameters.outputCompression,
    moderation: parameters.moderation,
  };
}

/** Width and height in pixels, or undefined for `auto` (the model decides). */
export function sizeInPixels(size: ImageSize): { width: number; height: number } | undefined {
  if (size === 'auto') return undefined;
  const [width, height] = size.split('x').map(Number);
  return width && height ? { width, height } : undefined;
}
