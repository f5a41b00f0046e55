/**
 * Whether an image really is transparent: an alpha channel with pixels that are (almost) fully
 * transparent. The models have been seen to ignore `background: transparent`, and a checkerboard
 * painted into opaque pixels is not transparency.
 */
import { loadSharp } from './sharp';

/** Alpha at or below this counts as transparent (soft edges of a cut-out never reach 0 everywhere). */
export const TRANSPARENT_ALPHA = 16;

export async function hasRealTransparency(bytes: Uint8Array): Promise<boolean> {
  const sharp = await loadSharp();
  const image = sharp(bytes);
  const { hasAlpha } = await image.metadata();
  if (!hasAlpha) return false;
  const { channels } = await image.stats();
  const alpha = channels[3];
  return alpha !== undefined && alpha.min <= TRANSPARENT_ALPHA;
}
