/**
 * Finds the image in a v2 result. Keys vary by model and over time, so we look in every place the
 * contract lists, in order: `images[].url`, `output` as a URL, `output` as a list, then base64 or
 * a data URI as a last resort.
 */
import { ProtocolError } from '../domain/errors/errors';
import type { ResultAnswer } from './schemas';

export type ImageSource = { readonly type: 'url'; readonly url: string } | { readonly type: 'bytes'; readonly bytes: Uint8Array };

export function extractImageSource(answer: ResultAnswer): ImageSource {
  const candidates: unknown[] = [answer.images, answer.output];
  if (isRecord(answer.output)) candidates.push(answer.output['images'], answer.output['image'], answer.output['url']);
  candidates.push(answer['image'], answer['image_url'], answer['url']);
  for (const candidate of candidates) {
    const source = fromValue(candidate);
    if (source) return source;
  }
  throw new ProtocolError('the result has no image (looked in images[].url, output, image, url)');
}

function fromValue(value: unknown): ImageSource | undefined {
  if (typeof value === 'string') return fromString(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const source = fromValue(item);
      if (source) return source;
    }
    return undefined;
  }
  if (isRecord(value)) {
    for (const key of ['url', 'image_url', 'b64_json', 'base64']) {
      const source = typeof value[key] === 'string' ? fromString(value[key]) : undefined;
      if (source) return source;
    }
  }
  return undefined;
}

const DATA_URI = /^data:image\/[a-z+.-]+;base64,/i;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

function fromString(text: string): ImageSource | undefined {
  const value = text.trim();
  if (/^https?:\/\//i.test(value)) return { type: 'url', url: value };
  if (DATA_URI.test(value)) return decodeBase64(value.slice(value.indexOf(',') + 1));
  // A bare base64 image is long; short strings are ids or words, not pictures.
  if (value.length >= 64 && BASE64.test(value.replace(/\s+/g, ''))) return decodeBase64(value);
  return undefined;
}

function decodeBase64(payload: string): ImageSource | undefined {
  const bytes = Buffer.from(payload.replace(/\s+/g, ''), 'base64');
  return bytes.length > 0 ? { type: 'bytes', bytes: new Uint8Array(bytes) } : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
