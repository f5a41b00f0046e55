/**
 * Every message the Studio webview may send, as a zod schema. The host parses each message with
 * {@link parseWebviewMessage} on arrival and ignores (and logs) anything that does not fit: unknown
 * types, wrong or missing fields, extra keys (prototype-pollution keys included), oversized strings,
 * and a mask that is not a PNG. Pure: no `vscode`, so it is unit-tested in node.
 */
import * as z from '../domain/generation/schema';
import { FITS } from '../domain/generation/exactSize';
import { MAX_VARIANTS } from '../domain/generation/options';
import { imageParametersSchema } from '../domain/generation/catalog';
import { CUSTOM_SLUG_PATTERN } from '../domain/generation/customModels';
import { GALLERY_ACTIONS, STUDIO_COMMANDS, type WebviewToHost } from './studioProtocol';

export const MAX_PROMPT_CHARS = 32_000;
export const MAX_URI_CHARS = 4_096;
export const MAX_INPUTS = 16;
/** A 4K mask PNG is far smaller (it is two colours); the edit limit for all inputs is 40 MB anyway. */
export const MAX_MASK_DATA_URL_CHARS = 48 * 1024 * 1024;

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_DATA_URL_PREFIX = 'data:image/png;base64,';

/** True when the data URL's payload is base64 and starts with the PNG signature (checks the head only). */
export function looksLikePngDataUrl(value: string): boolean {
  if (!value.startsWith(PNG_DATA_URL_PREFIX)) return false;
  const payload = value.slice(PNG_DATA_URL_PREFIX.length);
  if (payload.length < 12 || payload.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(payload)) return false;
  const head = Buffer.from(payload.slice(0, 12), 'base64');
  return PNG_MAGIC.every((byte, index) => head[index] === byte);
}

const text = (min: number, max: number): z.ZodMiniString<string> => z.string().check(z.minLength(min), z.maxLength(max));
const whole = (min: number, max: number): z.ZodMiniNumber<number> => z.int().check(z.gte(min), z.lte(max));

/** Every message the webview may send, checked field by field (built on the first message). */
export const webviewMessageSchema = z.once(() => {
  // The catalog's, or a custom model's (segmind.customModels): the plan refuses a slug neither knows.
  const modelSlug = text(1, 100).check(z.regex(CUSTOM_SLUG_PATTERN));

  // The catalog's one schema of the six parameters, strict here: the webview adds nothing to them.
  const parameters = z.strictObject(imageParametersSchema().shape);

  const uriString = text(1, MAX_URI_CHARS);

  const generateRequest = z.strictObject({
    prompt: text(0, MAX_PROMPT_CHARS),
    model: modelSlug,
    parameters,
    variants: whole(1, MAX_VARIANTS),
    inputs: z.array(uriString).check(z.maxLength(MAX_INPUTS)),
    resize: z.optional(text(0, 16).check(z.regex(/^\d{1,5}x\d{1,5}$/))),
    fit: z.optional(z.enum(FITS)),
    path: z.optional(text(1, MAX_URI_CHARS)),
    style: z.optional(z.literal(false)),
    mask: z.optional(text(0, MAX_MASK_DATA_URL_CHARS).check(z.refine(looksLikePngDataUrl, 'The mask must be a PNG data URL.'))),
  });

  const jobId = text(1, 100).check(z.regex(/^[\w-]+$/));

  return z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('ready') }),
    z.strictObject({ type: z.literal('generate'), request: generateRequest }),
    z.strictObject({ type: z.literal('cancelJob'), jobId }),
    z.strictObject({ type: z.literal('openJobImage'), jobId }),
    z.strictObject({ type: z.literal('pickInputs') }),
    z.strictObject({ type: z.literal('addInputs'), uris: z.array(uriString).check(z.minLength(1), z.maxLength(MAX_INPUTS)) }),
    z.strictObject({ type: z.literal('galleryAction'), action: z.enum(GALLERY_ACTIONS), uri: uriString }),
    z.strictObject({
      type: z.literal('runCommand'),
      command: z.enum(STUDIO_COMMANDS),
      setting: z.optional(text(1, 100).check(z.regex(/^segmind\.[A-Za-z.]+$/))),
    }),
  ]);
});

// What the schema accepts is a protocol message, and it knows every type of message the protocol has.
type Parsed = z.infer<ReturnType<typeof webviewMessageSchema>>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const parsedIsProtocol: [Parsed] extends [WebviewToHost] ? true : false = true;
const sameTypes: Same<Parsed['type'], WebviewToHost['type']> = true;
void parsedIsProtocol;
void sameTypes;

export type ParseResult = { readonly ok: true; readonly message: WebviewToHost } | { readonly ok: false; readonly reason: string };

const DANGEROUS_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Own keys named like prototype machinery anywhere in the value (zod's strict objects catch most, not all). */
function hasDangerousKey(value: unknown, depth = 0): boolean {
  if (depth > 8 || typeof value !== 'object' || value === null) return false;
  for (const key of Object.getOwnPropertyNames(value)) {
    if (DANGEROUS_KEYS.has(key)) return true;
    if (hasDangerousKey((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

/** A message from the webview, checked; never throws. The reason is short and safe to log (logs are English). */
/* eslint-disable no-restricted-syntax -- the reasons below go to the log only */
export function parseWebviewMessage(raw: unknown): ParseResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not an object' };
  const prototype: unknown = Object.getPrototypeOf(raw);
  if (prototype !== Object.prototype && prototype !== null) return { ok: false, reason: 'not a plain object' };
  if (hasDangerousKey(raw)) return { ok: false, reason: 'a prototype key (__proto__, constructor or prototype)' };
  const parsed = webviewMessageSchema().safeParse(raw);
  if (parsed.success) return { ok: true, message: parsed.data };
  const type = (raw as { type?: unknown }).type;
  const shownType = typeof type === 'string' ? JSON.stringify(type.slice(0, 40)) : typeof type;
  const issues = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(message)'}: ${issue.message.slice(0, 120)}`);
  return { ok: false, reason: `type ${shownType}: ${issues.join('; ')}` };
}
/* eslint-enable no-restricted-syntax */
