/**
 * An image written in the format its path names when no model makes that format: AVIF and GIF by
 * the image library, ICO as an icon of PNGs (16, 32 and 48 px, or the exact size asked when it is a
 * square of at most 256). Also each file of a set made from one render: fitted (cover) to its own
 * size, in its own format.
 */
import type { ExactSize } from '../domain/generation/exactSize';
import { icoSizesFor, type FileFormat, type PixelSize } from '../domain/images/imageFormat';
import { fitToSize } from './fitImage';
import { encodeIco } from './ico';
import { encodeAs, loadSharp } from './sharp';

export interface ConvertedImage {
  readonly bytes: Uint8Array;
  /** The pixel size written (an icon's largest entry). */
  readonly pixelSize: PixelSize;
}

/** `bytes` (any format the library reads) in `format`, fitted to `size` when given (`cover` unless said), else at its own size. */
export async function convertImage(
  bytes: Uint8Array,
  format: FileFormat,
  size?: PixelSize,
  options: { readonly fit?: ExactSize['fit']; readonly quality?: number } = {},
): Promise<ConvertedImage> {
  const fit = options.fit ?? 'cover';
  if (format === 'ico') {
    const sides = icoSizesFor(size);
    const entries = await Promise.all(
      sides.map(async (side) => ({ size: side, png: (await fitToSize(bytes, 'png', { width: side, height: side, fit })).bytes })),
    );
    const largest = Math.max(...sides);
    return { bytes: encodeIco(entries), pixelSize: { width: largest, height: largest } };
  }
  if (size) return { bytes: (await fitToSize(bytes, format, { ...size, fit }, options.quality)).bytes, pixelSize: { width: size.width, height: size.height } };
  const sharp = await loadSharp();
  const { data, info } = await encodeAs(sharp(bytes), format, options.quality).toBuffer({ resolveWithObject: true });
  return { bytes: new Uint8Array(data), pixelSize: { width: info.width, height: info.height } };
}
