/**
 * Exact sizes the models do not make (a 1200x630 Open Graph card, a 16 px favicon): which native
 * size to ask for, and how the result is fitted to the asked size. Pure: the pixels are moved by
 * src/pixels/, this only says where.
 */
import * as l10n from '@vscode/l10n';
import { withLabel } from '../../shared/wording';
import type { ImageSize } from './catalog';
import { InvalidParametersError } from '../errors/errors';
import type { PixelSize } from '../images/imageFormat';
import { MAX_SIDE, MIN_SIDE, readSize } from '../../shared/imageRules';

export { MAX_SIDE, MIN_SIDE } from '../../shared/imageRules';

export const FITS = ['cover', 'contain', 'fill'] as const;
export type Fit = (typeof FITS)[number];
export const DEFAULT_FIT: Fit = 'cover';
/** Sizes people ask for by name (the Studio's Exact size, Make Placeholder Image…); the names are looked up when shown. */
export const SIZE_PRESETS: readonly { readonly size: string; readonly label: string }[] = [
  withLabel({ size: '1200x630' }, () => l10n.t('Open Graph card')),
  withLabel({ size: '512x512' }, () => l10n.t('Square avatar')),
  withLabel({ size: '1500x500' }, () => l10n.t('Banner')),
  withLabel({ size: '1280x720' }, () => l10n.t('Video thumbnail')),
];

/** What a job's image is fitted to before it is saved. */
export interface ExactSize extends PixelSize {
  readonly fit: Fit;
}

/** `"1200x630"` → 1200 by 630; refused unless both sides are whole numbers from 1 to 4096. */
export function parseResize(value: unknown, parameter = 'resize'): PixelSize {
  const size = readSize(value);
  if (!size) {
    throw new InvalidParametersError([
      {
        parameter,
        message: l10n.t(
          '{0} {1} is not a size: write "WxH" in pixels, each side from {2} to {3} (e.g. "1200x630").',
          `${parameter[0]?.toUpperCase()}${parameter.slice(1)}`,
          JSON.stringify(value) ?? String(value),
          MIN_SIDE,
          MAX_SIDE,
        ),
      },
    ]);
  }
  return size;
}

export function parseFit(value: unknown): Fit {
  if (value === undefined || value === null) return DEFAULT_FIT;
  if (typeof value === 'string' && (FITS as readonly string[]).includes(value)) return value as Fit;
  throw new InvalidParametersError([{ parameter: 'fit', message: l10n.t('Fit {0} is not one of {1}.', JSON.stringify(value), FITS.join(', ')) }]);
}

/** `resize` and `fit` of an options object as an exact size, or undefined when none is asked; `fit` alone is refused. */
export function exactSizeOf(resize: unknown, fit: unknown): ExactSize | undefined {
  if (resize === undefined || resize === null) {
    if (fit !== undefined && fit !== null)
      throw new InvalidParametersError([{ parameter: 'fit', message: l10n.t('Fit applies with resize only: give resize too, e.g. "1200x630".') }]);
    return undefined;
  }
  return { ...parseResize(resize), fit: parseFit(fit) };
}

/**
 * The native size to ask the model for: the one closest in aspect ratio to the target, and among
 * equally close ones the smallest that is at least as large as the target on both sides (else the
 * largest). `auto` is never chosen: its size is not known before the image exists.
 */
export function nativeSizeFor(sizes: readonly ImageSize[], target: PixelSize): ImageSize | undefined {
  const aspect = target.width / target.height;
  const candidates = sizes.flatMap((size) => {
    const [width = 0, height = 0] = size === 'auto' ? [] : size.split('x').map(Number);
    if (!width || !height) return [];
    const distance = Math.round(Math.abs(Math.log(width / height / aspect)) * 1e6);
    const covers = width >= target.width && height >= target.height;
    return [{ size, distance, covers, area: width * height }];
  });
  candidates.sort((a, b) => a.distance - b.distance || Number(b.covers) - Number(a.covers) || (a.covers ? a.area - b.area : b.area - a.area));
  return candidates[0]?.size;
}

export interface FitGeometry {
  /** The source is scaled to this size first. */
  readonly scaled: PixelSize;
  /** cover: then this part of the scaled image is kept. */
  readonly crop?: { readonly left: number; readonly top: number; readonly width: number; readonly height: number };
  /** contain: then this much padding goes around it. */
  readonly pad?: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
}

/** How a source of one size becomes exactly `target`: scaled, then cropped (cover, centred) or padded (contain, centred). */
export function fitGeometry(source: PixelSize, target: ExactSize): FitGeometry {
  if (target.fit === 'fill') return { scaled: { width: target.width, height: target.height } };
  const scale =
    target.fit === 'cover'
      ? Math.max(target.width / source.width, target.height / source.height)
      : Math.min(target.width / source.width, target.height / source.height);
  const clamp = (value: number, limit: number): number => (target.fit === 'cover' ? Math.max(limit, value) : Math.min(limit, Math.max(1, value)));
  const scaled = { width: clamp(Math.round(source.width * scale), target.width), height: clamp(Math.round(source.height * scale), target.height) };
  if (target.fit === 'cover') {
    const left = Math.floor((scaled.width - target.width) / 2);
    const top = Math.floor((scaled.height - target.height) / 2);
    return { scaled, crop: { left, top, width: target.width, height: target.height } };
  }
  const left = Math.floor((target.width - scaled.width) / 2);
  const top = Math.floor((target.height - scaled.height) / 2);
  return { scaled, pad: { left, top, right: target.width - scaled.width - left, bottom: target.height - scaled.height - top } };
}
