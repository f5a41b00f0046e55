// Model table and request-body validation, following the table in
// docs/segmind-api.md. Returns the first problem as the message the service
// would put in {"error": ...}; the fake never needs to report several at once.

import type { ModelSlug } from './types';
import type { ImageFormat } from './images';

interface ModelInfo {
  sizes: readonly string[];
  defaultSize: string;
  compressionMin: number;
  /** gpt-image-1-edit: image_urls required. */
  edit: boolean;
}

const BASE_SIZES = ['auto', '1024x1024', '1536x1024', '1024x1536'] as const;

export const MODELS: Readonly<Record<ModelSlug, ModelInfo>> = {
  'gpt-image-1': { sizes: BASE_SIZES, defaultSize: 'auto', compressionMin: 1, edit: false },
  'gpt-image-1-mini': { sizes: BASE_SIZES, defaultSize: '1024x1024', compressionMin: 1, edit: false },
  'gpt-image-2': {
    sizes: [...BASE_SIZES, '2048x2048', '2048x1152', '1152x2048', '3840x2160', '2160x3840'],
    defaultSize: '1536x1024',
    compressionMin: 0,
    edit: false,
  },
  'gpt-image-1-edit': { sizes: BASE_SIZES, defaultSize: 'auto', compressionMin: 1, edit: true },
};

export function isModelSlug(s: string): s is ModelSlug {
  return Object.prototype.hasOwnProperty.call(MODELS, s);
}

/** What the output file of an accepted request looks like. */
export interface OutputSpec {
  width: number;
  height: number;
  format: ImageFormat;
  transparent: boolean;
  /** output_compression, used as the jpeg/webp quality. */
  compression: number;
}

export type Validation = { ok: true; output: OutputSpec } | { ok: false; error: string };

const QUALITIES = ['low', 'medium', 'high', 'auto'];
const BACKGROUNDS = ['opaque', 'transparent'];
const FORMATS = ['png', 'jpeg', 'webp'];
const MODERATIONS = ['auto', 'low'];

/**
 * Validates a v1/v2 body for `slug`. `null` counts as absent for optional
 * fields: a pydantic-style service with Optional fields accepts it, and a
 * client sending null for "model default" should not be punished by the fake.
 * Unknown fields are ignored, as the real service does.
 */
export function validateBody(slug: ModelSlug, body: unknown): Validation {
  const model = MODELS[slug];
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail('Request body must be a JSON object');
  }
  const b = body as Record<string, unknown>;
  const present = (k: string): boolean => b[k] !== undefined && b[k] !== null;

  if (typeof b.prompt !== 'string' || b.prompt.trim() === '') {
    return fail('prompt is required and must be a non-empty string');
  }
  const enumCheck = (k: string, allowed: readonly string[]): string | undefined => {
    if (!present(k)) return undefined;
    const v = b[k];
    if (typeof v !== 'string' || !allowed.includes(v)) {
      return `Invalid ${k} ${JSON.stringify(v)} for ${slug}. Allowed values: ${allowed.join(', ')}`;
    }
    return undefined;
  };
  const enumError =
    enumCheck('size', model.sizes) ??
    enumCheck('quality', QUALITIES) ??
    enumCheck('background', BACKGROUNDS) ??
    enumCheck('output_format', FORMATS) ??
    enumCheck('moderation', MODERATIONS);
  if (enumError !== undefined) return fail(enumError);

  const format = (present('output_format') ? b.output_format : 'png') as ImageFormat;
  const transparent = b.background === 'transparent';
  if (transparent && format === 'jpeg') {
    return fail('Transparent background requires output_format png or webp');
  }

  let compression = 100;
  if (present('output_compression')) {
    const c = b.output_compression;
    if (typeof c !== 'number' || !Number.isInteger(c) || c < model.compressionMin || c > 100) {
      return fail(`output_compression must be an integer between ${model.compressionMin} and 100`);
    }
    compression = c;
  }

  if (model.edit) {
    const urls = b.image_urls;
    if (!Array.isArray(urls) || urls.length === 0 || !urls.every((u) => typeof u === 'string' && u !== '')) {
      return fail('image_urls is required and must be a non-empty list of image URLs');
    }
  }
  if (b.mask !== undefined && b.mask !== null && typeof b.mask !== 'string') {
    return fail('mask must be an image URL or null');
  }
  if (slug === 'gpt-image-2' && present('image') && (typeof b.image !== 'string' || b.image === '')) {
    return fail('image must be an image URL');
  }

  const size = (present('size') ? b.size : model.defaultSize) as string;
  const [width, height] = parseSize(size);
  return { ok: true, output: { width, height, format, transparent, compression } };
}

/** 'auto' renders as a square, the most likely choice of the real model. */
function parseSize(size: string): [number, number] {
  const m = /^(\d+)x(\d+)$/.exec(size);
  if (!m) return [1024, 1024];
  return [Number(m[1]), Number(m[2])];
}

function fail(error: string): Validation {
  return { ok: false, error };
}
