/**
 * The options object: the one shape every way in speaks (scripted `segmind.generateImage` and
 * `segmind.editImage`, the palette's answers, the Studio's form). Values are checked loosely here
 * (types), and against the model by the catalog, so that a wrong value gets the catalog's clear
 * message rather than a schema dump. Pure.
 */
import { z } from 'zod';
import { InvalidParametersError } from './errors';

export const MAX_VARIANTS = 4;

/**
 * The options object's schema; `.loose()` so that a newer caller's extra keys do not break an older extension.
 */
export const commandOptionsSchema = z
  .object({
    prompt: z.string().optional(),
    model: z.string().optional(),
    size: z.string().nullish(),
    quality: z.string().nullish(),
    background: z.string().nullish(),
    outputFormat: z.string().nullish(),
    outputCompression: z.number().nullish(),
    moderation: z.string().nullish(),
    variants: z.number().optional(),
    images: z.array(z.unknown()).optional(),
    mask: z.unknown().optional(),
    path: z.string().nullish(),
    resize: z.string().nullish(),
    fit: z.string().nullish(),
  })
  .loose();

export type CommandOptions = z.infer<typeof commandOptionsSchema>;

/**
 * True for the options object: any plain object that is not a Uri. Undefined, or a Uri from a menu,
 * means "ask". An object without a prompt is still a scripted call (and is refused for it), never a
 * reason to open an input box under a script.
 */
export function isCommandOptions(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false; // a class instance such as vscode.Uri
  return !('scheme' in value && 'path' in value); // a Uri in its serialised form
}

export function parseCommandOptions(value: unknown): CommandOptions {
  const parsed = commandOptionsSchema.safeParse(value);
  if (!parsed.success) {
    throw new InvalidParametersError(
      parsed.error.issues.map((issue) => ({
        parameter: issue.path.join('.') || 'options',
        message: `Option ${issue.path.join('.') || '(options)'}: ${issue.message}.`,
      })),
    );
  }
  return parsed.data;
}

