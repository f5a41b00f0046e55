/**
 * Edits that keep what the mask protects. The models treat a mask as a hint and repaint pixels
 * outside it, so after a masked edit the result is scaled to the original's size and every pixel the
 * mask leaves opaque is copied back from the original: only the painted (transparent) region changes.
 *
 * sharp decodes, scales and encodes. The copy itself runs over the raw pixels: libvips composites
 * premultiply alpha, which would lose the colour of fully transparent pixels, and the promise is that
 * protected pixels come back byte for byte.
 */
import type { ImageFormat } from '../domain/images/imageFormat';
import { encodeAs, loadSharp } from './sharp';

export async function keepUnmaskedPixels(
  result: Uint8Array,
  format: ImageFormat,
  original: Uint8Array,
  mask: Uint8Array,
  quality?: number,
): Promise<Uint8Array> {
  const sharp = await loadSharp();
  const base = await sharp(original).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const { width, height } = base.info;
  const [edited, maskAlpha] = await Promise.all([
    sharp(result).ensureAlpha().resize(width, height, { fit: 'fill', kernel: 'lanczos3' }).raw().toBuffer(),
    sharp(mask).ensureAlpha().resize(width, height, { fit: 'fill', kernel: 'nearest' }).extractChannel(3).raw().toBuffer(),
  ]);
  const out = Buffer.from(edited);
  for (let pixel = 0; pixel < width * height; pixel++) {
    const keep = maskAlpha[pixel] ?? 0; // 255: protected, 0: to edit, between: the brush's soft edge
    if (keep === 0) continue;
    for (let channel = pixel * 4; channel < pixel * 4 + 4; channel++) {
      out[channel] = keep === 255 ? (base.data[channel] ?? 0) : Math.round(((base.data[channel] ?? 0) * keep + (edited[channel] ?? 0) * (255 - keep)) / 255);
    }
  }
  const merged = sharp(out, { raw: { width, height, channels: 4 } });
  return new Uint8Array(await encodeAs(merged, format, quality).toBuffer());
}
