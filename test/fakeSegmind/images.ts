// Real image bytes via sharp, so clients can be tested on decoding, magic-byte
// checks and sizes. The picture is deliberately cheap (one gradient row and one
// rectangle row, copied down the buffer) but not flat, and its colour depends
// on a seed (the prompt) so different jobs give different files.

import { createHash } from 'node:crypto';
import sharp from 'sharp';

export type ImageFormat = 'png' | 'jpeg' | 'webp';

export const CONTENT_TYPES: Readonly<Record<ImageFormat, string>> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

/** File extension used in output URLs. jpeg → 'jpg', as CDNs usually name it. */
export const EXTENSIONS: Readonly<Record<ImageFormat, string>> = { png: 'png', jpeg: 'jpg', webp: 'webp' };

/** Extension in a URL → format; accepts both jpg and jpeg. */
export function formatFromExtension(ext: string): ImageFormat | undefined {
  switch (ext.toLowerCase()) {
    case 'png':
      return 'png';
    case 'jpg':
    case 'jpeg':
      return 'jpeg';
    case 'webp':
      return 'webp';
    default:
      return undefined;
  }
}

export interface ImageSpec {
  width: number;
  height: number;
  format: ImageFormat;
  /** Background fully transparent (alpha 0) around an opaque rectangle. */
  transparent: boolean;
  /** jpeg/webp quality 1–100 (0 is clamped to 1). */
  compression: number;
  seed: string;
}

export async function renderImage(spec: ImageSpec): Promise<Buffer> {
  const { width, height } = spec;
  const channels = spec.transparent ? 4 : 3;
  const digest = createHash('sha256').update(spec.seed).digest();
  const base = [digest[0] ?? 0, digest[1] ?? 0, digest[2] ?? 0];
  const accent = base.map((c) => 255 - c);

  // Background row: horizontal brightness gradient over the seed colour.
  const bgRow = Buffer.alloc(width * channels);
  for (let x = 0; x < width; x++) {
    const k = 0.5 + (0.5 * x) / width;
    for (let c = 0; c < 3; c++) bgRow[x * channels + c] = Math.round((base[c] ?? 0) * k);
    if (channels === 4) bgRow[x * channels + 3] = 0;
  }
  // Row through the centre rectangle (middle half in both directions), always opaque.
  const boxRow = Buffer.from(bgRow);
  const x0 = Math.floor(width / 4);
  const x1 = Math.ceil((3 * width) / 4);
  for (let x = x0; x < x1; x++) {
    for (let c = 0; c < 3; c++) boxRow[x * channels + c] = accent[c] ?? 0;
    if (channels === 4) boxRow[x * channels + 3] = 255;
  }
  const y0 = Math.floor(height / 4);
  const y1 = Math.ceil((3 * height) / 4);
  const raw = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) (y >= y0 && y < y1 ? boxRow : bgRow).copy(raw, y * width * channels);

  const img = sharp(raw, { raw: { width, height, channels } });
  const quality = Math.min(100, Math.max(1, spec.compression));
  switch (spec.format) {
    case 'png':
      return img.png({ compressionLevel: 1 }).toBuffer();
    case 'jpeg':
      return img.jpeg({ quality }).toBuffer();
    case 'webp':
      return img.webp({ quality, effort: 0 }).toBuffer();
  }
}

/** Format from magic bytes (PNG 89 50 4E 47, JPEG FF D8 FF, WebP RIFF....WEBP). */
export function sniffImageFormat(bytes: Buffer): ImageFormat | undefined {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'png';
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') {
    return 'webp';
  }
  return undefined;
}
