/**
 * Edits that keep what the mask protects. The models treat a mask as a hint and repaint pixels
 * outside it, so after a masked edit the result is scaled to the original's size and every pixel the
 * mask leaves opaque is copied back from the original: only the painted (transparent) region changes.
 */
import type { ImageFormat } from '../domain/imageFormat';
import { encodeAs, loadSharp } from './sharp';

export async function keepUnmaskedPixels(result: Uint8Array, format: ImageFormat, original: Uint8Array, mask: Uint8Array, quality?: number): Promise<Uint8Array> {
  const sharp = await loadSharp();
  const { width = 0, height = 0 } = await sharp(original).metadata();
  const maskPng = await sharp(mask).ensureAlpha().resize(width, height, { fit: 'fill' }).png().toBuffer();
  // The edit, cleared where the mask is opaque (kept where it is transparent) …
  const edited = await sharp(result).ensureAlpha().resize(width, height, { fit: 'fill', kernel: 'lanczos3' })
    .composite([{ input: maskPng, blend: 'dest-out' }]).png().toBuffer();
  // … and the original, kept only where the mask is opaque; laid over it, the two regions never overlap.
  const protectedPart = await sharp(original).ensureAlpha().composite([{ input: maskPng, blend: 'dest-in' }]).png().toBuffer();
  const merged = sharp(edited).composite([{ input: protectedPart, blend: 'over' }]);
  return new Uint8Array(await encodeAs(merged, format, quality).toBuffer());
}
