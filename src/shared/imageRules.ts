/**
 * Rules of image formats and sizes that both the host and the Studio webview apply: kept here,
 * dependency-free, so the webview imports them rather than writing them again.
 */

/** Each side of an exact size (`resize`, a placeholder), in pixels. */
export const MIN_SIDE = 1;
export const MAX_SIDE = 4096;

/** `"1200x630"` (also `1200 × 630`, any case) → 1200 by 630; undefined unless both sides are whole numbers from 1 to 4096. */
export function readSize(value: unknown): { width: number; height: number } | undefined {
  const match = typeof value === 'string' ? /^\s*(\d{1,5})\s*[xX×]\s*(\d{1,5})\s*$/.exec(value) : null;
  const [width, height] = [Number(match?.[1]), Number(match?.[2])];
  const fits = (side: number): boolean => Number.isInteger(side) && side >= MIN_SIDE && side <= MAX_SIDE;
  return match && fits(width) && fits(height) ? { width, height } : undefined;
}

/** A transparent background needs a format with alpha. */
export const keepsTransparency = (format: string): boolean => format !== 'jpeg';

/** Compression applies to the lossy formats only. */
export const usesCompression = (format: string): boolean => format !== 'png';
