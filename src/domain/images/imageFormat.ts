/**
 * Recognises image bytes by their magic numbers and reads their pixel size from the header.
 * The file extension we save with comes from here, never from what a URL or header claims.
 */
export type ImageFormat = 'png' | 'jpeg' | 'webp';

/**
 * The formats a file is written in: the models' three, and three the image library converts to
 * when a path names them (a model never makes them).
 */
export type FileFormat = ImageFormat | ConvertedFormat;
export type ConvertedFormat = 'avif' | 'gif' | 'ico';

export const FILE_EXTENSIONS: Readonly<Record<FileFormat, string>> = { png: 'png', jpeg: 'jpg', webp: 'webp', avif: 'avif', gif: 'gif', ico: 'ico' };
/** The model format a file extension names (`jpg` and `jpeg` alike), or undefined. */
export function formatOfExtension(extension: string): ImageFormat | undefined {
  const lower = extension.toLowerCase().replace(/^\./, '');
  return lower === 'jpg' || lower === 'jpeg' ? 'jpeg' : lower === 'png' || lower === 'webp' ? lower : undefined;
}

/** The format a file is written in by its extension: a model's, or one converted to; undefined for others (`.svg`). */
export function fileFormatOfExtension(extension: string): FileFormat | undefined {
  const lower = extension.toLowerCase().replace(/^\./, '');
  return formatOfExtension(lower) ?? (lower === 'avif' || lower === 'gif' || lower === 'ico' ? lower : undefined);
}

/** The sizes an `.ico` holds: the exact size asked when it is a square of at most 256, else 16, 32 and 48. */
export function icoSizesFor(size: PixelSize | undefined): number[] {
  return size && size.width === size.height && size.width >= 1 && size.width <= 256 ? [size.width] : [16, 32, 48];
}

/** A format no model makes: the image is asked for as PNG and converted. */
export const isConverted = (format: FileFormat): format is ConvertedFormat => format === 'avif' || format === 'gif' || format === 'ico';

export const MIME_TYPES: Readonly<Record<ImageFormat, string>> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' };

export function sniffImageFormat(bytes: Uint8Array): ImageFormat | undefined {
  if (
    bytes.length >= 8 &&
    bytes[0] === 0x89 &&
    bytes[1] === 0x50 &&
    bytes[2] === 0x4e &&
    bytes[3] === 0x47 &&
    bytes[4] === 0x0d &&
    bytes[5] === 0x0a &&
    bytes[6] === 0x1a &&
    bytes[7] === 0x0a
  )
    return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  return undefined;
}

export interface PixelSize {
  readonly width: number;
  readonly height: number;
}

/** Reads width and height from the image header, or undefined when the header is not understood. */
export function readPixelSize(bytes: Uint8Array): PixelSize | undefined {
  switch (sniffImageFormat(bytes)) {
    case 'png':
      return bytes.length >= 24 && ascii(bytes, 12, 4) === 'IHDR' ? { width: u32be(bytes, 16), height: u32be(bytes, 20) } : undefined;
    case 'jpeg':
      return jpegSize(bytes);
    case 'webp':
      return webpSize(bytes);
    case undefined:
      return undefined;
  }
}

function jpegSize(bytes: Uint8Array): PixelSize | undefined {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const length = u16be(bytes, offset + 2);
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16be(bytes, offset + 5), width: u16be(bytes, offset + 7) };
    }
    offset += 2 + length;
  }
  return undefined;
}

function webpSize(bytes: Uint8Array): PixelSize | undefined {
  if (bytes.length < 30) return undefined;
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8X') {
    return { width: 1 + u24le(bytes, 24), height: 1 + u24le(bytes, 27) };
  }
  if (chunk === 'VP8 ') {
    return { width: u16le(bytes, 26) & 0x3fff, height: u16le(bytes, 28) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    const b1 = bytes[21] ?? 0,
      b2 = bytes[22] ?? 0,
      b3 = bytes[23] ?? 0,
      b4 = bytes[24] ?? 0;
    return { width: 1 + (((b2 & 0x3f) << 8) | b1), height: 1 + (((b4 & 0x0f) << 10) | (b3 << 2) | ((b2 & 0xc0) >> 6)) };
  }
  return undefined;
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}
function u16be(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);
}
function u16le(b: Uint8Array, o: number): number {
  return (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
}
function u24le(b: Uint8Array, o: number): number {
  return (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16);
}
function u32be(b: Uint8Array, o: number): number {
  return (((b[o] ?? 0) << 24) >>> 0) + ((b[o + 1] ?? 0) << 16) + ((b[o + 2] ?? 0) << 8) + (b[o + 3] ?? 0);
}
