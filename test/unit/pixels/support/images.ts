/**
 * Image bytes for the pixel tests, made and read back with sharp in node (the library the extension
 * loads): a solid colour to start from, and the decoded RGBA pixels to check. Said once here so that
 * each pixels/<module>.test.ts reads the same way.
 */
import sharp from 'sharp';
import { readIcoDirectory } from '../../../../src/pixels/ico';

export interface Colour {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly alpha: number;
}

export interface DecodedImage {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
}

/** An opaque red the pixel tests start from: far from white, black and transparent, so padding shows. */
export const RED: Colour = { r: 220, g: 20, b: 20, alpha: 1 };

/** A PNG of one colour. */
export const solid = (width: number, height: number, colour: Colour): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 4, background: colour } })
    .png()
    .toBuffer();

/** Any image's pixels as RGBA, alpha added when the format has none. */
export async function rgba(bytes: Uint8Array): Promise<DecodedImage> {
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** The RGBA of one pixel of a decoded image. */
export function pixel(image: { data: Buffer; width: number }, x: number, y: number): number[] {
  const at = (y * image.width + x) * 4;
  return [...image.data.subarray(at, at + 4)];
}

/** Each ICO entry decoded: its directory size and the PNG's own format and pixel size (`16:png:16x16`). */
export async function icoEntries(bytes: Uint8Array): Promise<string[]> {
  return Promise.all(
    readIcoDirectory(bytes).map(async (entry) => {
      const meta = await sharp(bytes.subarray(entry.offset, entry.offset + entry.length)).metadata();
      return `${entry.size}:${meta.format}:${meta.width}x${meta.height}`;
    }),
  );
}
