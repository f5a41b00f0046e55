/** An image fitted to an exact size: scaled with Lanczos, then cropped (cover) or padded (contain), or stretched (fill). */
import { fitGeometry, type ExactSize } from '../domain/generation/exactSize';
import type { ImageFormat, PixelSize } from '../domain/images/imageFormat';

/** The formats sharp writes (ICO is packed from PNGs, ./ico.ts). */
export type EncodedFormat = ImageFormat | 'avif' | 'gif';
import { encodeAs, loadSharp } from './sharp';

export interface FittedImage {
  readonly bytes: Uint8Array;
  /** The size the image had before it was fitted. */
  readonly native: PixelSize;
}

/** Padding is transparent where the format keeps alpha (png, webp, avif, gif), white for jpeg. */
export async function fitToSize(bytes: Uint8Array, format: EncodedFormat, target: ExactSize, quality?: number): Promise<FittedImage> {
  const sharp = await loadSharp();
  const { width = 0, height = 0 } = await sharp(bytes).metadata();
  const native = { width, height };
  const geometry = fitGeometry(native, target);
  // One pipeline: an extract or extend after resize applies to the scaled image.
  let image = sharp(bytes).ensureAlpha().resize(geometry.scaled.width, geometry.scaled.height, { fit: 'fill', kernel: 'lanczos3' });
  if (geometry.crop) {
    image = image.extract(geometry.crop);
  } else if (geometry.pad) {
    const background = format === 'jpeg' ? { r: 255, g: 255, b: 255, alpha: 1 } : { r: 0, g: 0, b: 0, alpha: 0 };
    image = image.extend({ ...geometry.pad, background });
  }
  return { bytes: new Uint8Array(await encodeAs(image, format, quality).toBuffer()), native };
}
