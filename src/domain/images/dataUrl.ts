/**
 * Data URLs for the upload endpoint, which takes images as `data:image/<type>;base64,…` strings
 * (docs/segmind-api.md, "Uploading workspace images"). The MIME type comes from the sniffed bytes, never
 * from the file name, so a PNG saved as `.jpg` is still sent as what it is.
 */
import { MIME_TYPES, sniffImageFormat, type ImageFormat } from './imageFormat';

export function toDataUrl(bytes: Uint8Array, format: ImageFormat): string {
  return `data:${MIME_TYPES[format]};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`;
}

/** Length in characters of the data URL for this many bytes, without building it (for limits and logs). */
export function dataUrlLength(byteLength: number, format: ImageFormat): number {
  return `data:${MIME_TYPES[format]};base64,`.length + 4 * Math.ceil(byteLength / 3);
}

const DATA_URL = /^data:(image\/(?:png|jpeg|webp));base64,([A-Za-z0-9+/]*={0,2})$/;

/** The inverse, for tests and for checking what we send: undefined unless it is a data URL of a PNG, JPEG or WebP. */
export function fromDataUrl(dataUrl: string): { format: ImageFormat; bytes: Uint8Array } | undefined {
  const match = DATA_URL.exec(dataUrl);
  if (!match) return undefined;
  const bytes = new Uint8Array(Buffer.from(match[2] ?? '', 'base64'));
  const format = sniffImageFormat(bytes);
  return format && MIME_TYPES[format] === match[1] ? { format, bytes } : undefined;
}
