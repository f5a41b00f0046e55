/**
 * The options object: the one shape every entry point speaks (scripted `segmind.generateImage` and
 * `segmind.editImage`, the palette's answers, the Studio's form). Values are checked loosely here
 * (types), and against the model by the catalog, so that a wrong value gets the catalog's clear
 * message rather than a schema dump. Pure.
 */
import * as l10n from '@vscode/l10n';
import * as z from './schema';
import { BACKGROUNDS, MODEL_SLUGS, MODELS, MODERATIONS, OUTPUT_FORMATS, QUALITIES, TEXT_TO_IMAGE_MODELS } from './catalog';
import { invalidParametersOf, type InvalidParametersError } from '../errors/errors';
import { FITS } from './exactSize';

export const MAX_VARIANTS = 4;

/**
 * Each option once, with the words a caller (or a language model reading the tool's schema) needs.
 * Values stay loose strings here: the catalog checks them against the chosen model, so a wrong value
 * gets a message that says what would work.
 */
/** The words (and, for loose strings, the values) a caller reads in the tool's JSON schema. */
const PROMPT = 'What the image shows (or, with images, what to change).';

const fields = z.once(() => ({
  prompt: z.described(z.string(), { description: PROMPT }),
  model: z.described(z.string(), {
    enum: [...MODEL_SLUGS],
    description: `${TEXT_TO_IMAGE_MODELS.join(', ')} make new images; gpt-image-1-edit edits one or more images (with an optional mask) and gpt-image-2 edits one. Default: the user's segmind.defaultModel, or gpt-image-1-edit for edits.`,
  }),
  size: z.described(z.string(), {
    description: `The size the model makes: ${MODEL_SLUGS.filter((slug) => slug !== 'gpt-image-1-edit')
      .map((slug) => `${slug}: ${MODELS[slug].sizes.join(' ')}`)
      .join('; ')}; gpt-image-1-edit: ${MODELS['gpt-image-1-edit'].sizes.join(' ')}. For any other size, use resize.`,
  }),
  quality: z.described(z.string(), { enum: [...QUALITIES] }),
  background: z.described(z.string(), {
    enum: [...BACKGROUNDS],
    description: 'transparent needs outputFormat png or webp; the result is checked for real transparency.',
  }),
  outputFormat: z.described(z.string(), { enum: [...OUTPUT_FORMATS] }),
  outputCompression: z.described(z.number(), { description: 'jpeg/webp compression, 0–100 (gpt-image-1 family 1–100).' }),
  moderation: z.described(z.string(), { enum: [...MODERATIONS] }),
  variants: z.described(z.number(), { description: `How many separate images (1–${MAX_VARIANTS}); each is a separate paid job.` }),
  path: z.described(z.string(), {
    description:
      'Workspace-relative file path for the image, e.g. "public/og.png"; parent folders are created, the extension follows the format, an existing file is never overwritten. Default: the output folder, named from the prompt.',
  }),
  resize: z.described(z.string(), {
    description: 'Exact size of the saved file, "WxH" in pixels (1–4096 each), e.g. "1200x630": the closest native size is made and fitted.',
  }),
  fit: z.described(z.string(), {
    enum: [...FITS],
    description: 'With resize: cover (default: fill and crop the centre), contain (whole image, padded), fill (stretch).',
  }),
  style: z.described(z.boolean(), {
    description: 'false: leave the project\'s style (segmind.stylePrompt, sent after the prompt as "Style: …") out of this image. Default: true.',
  }),
}));

/** The options object's schema; loose so that a newer caller's extra keys do not break an older extension. */
export const commandOptionsSchema = z.once(() => {
  const FIELDS = fields();
  return z.looseObject({
    prompt: z.optional(FIELDS.prompt),
    model: z.optional(FIELDS.model),
    size: z.nullish(FIELDS.size),
    quality: z.nullish(FIELDS.quality),
    background: z.nullish(FIELDS.background),
    outputFormat: z.nullish(FIELDS.outputFormat),
    outputCompression: z.nullish(FIELDS.outputCompression),
    moderation: z.nullish(FIELDS.moderation),
    variants: z.optional(FIELDS.variants),
    images: z.optional(z.array(z.unknown())),
    mask: z.optional(z.unknown()),
    path: z.nullish(FIELDS.path),
    resize: z.nullish(FIELDS.resize),
    fit: z.nullish(FIELDS.fit),
    style: z.nullish(FIELDS.style),
  });
});

/**
 * The agent tool's input: the same options, as JSON can carry them (paths, not Uris), strict, and
 * with a prompt. Its JSON schema (`toolInputJsonSchema`) is what package.json declares.
 */
export const toolInputSchema = z.once(() => {
  const FIELDS = fields();
  return z.strictObject({
    prompt: z.described(z.string().check(z.minLength(1)), { description: PROMPT }),
    model: z.optional(FIELDS.model),
    size: z.optional(FIELDS.size),
    quality: z.optional(FIELDS.quality),
    background: z.optional(FIELDS.background),
    outputFormat: z.optional(FIELDS.outputFormat),
    outputCompression: z.optional(FIELDS.outputCompression),
    moderation: z.optional(FIELDS.moderation),
    variants: z.optional(FIELDS.variants),
    images: z.optional(
      z.described(z.array(z.string()), {
        description:
          'Workspace-relative paths of images to edit (PNG, JPEG or WebP); they are uploaded to Segmind storage. Without images, a new image is made.',
      }),
    ),
    mask: z.optional(
      z.described(z.string(), {
        description:
          "Workspace-relative path of a PNG of the first image's size whose transparent pixels mark where to edit (gpt-image-1-edit only); what it leaves opaque is kept pixel for pixel.",
      }),
    ),
    path: z.optional(FIELDS.path),
    resize: z.optional(FIELDS.resize),
    fit: z.optional(FIELDS.fit),
    style: z.optional(FIELDS.style),
    placeholder: z.optional(
      z.described(z.boolean(), {
        description:
          'true: a free local placeholder (a grey image labelled with its size) at path, or in the output folder, of the size resize (default 1024x1024), with the prompt kept for a later render. Nothing is sent, no key or credits are needed. Use it for layout work before the final art.',
      }),
    ),
  });
});

export type ToolInput = z.infer<ReturnType<typeof toolInputSchema>>;

/** The JSON schema of the tool's input, as contributed in package.json (a unit test holds them equal). */
export function toolInputJsonSchema(): Record<string, unknown> {
  const { $schema: _, ...schema } = z.toJSONSchema(toolInputSchema(), { io: 'input' }) as Record<string, unknown>;
  return schema;
}

export type CommandOptions = z.infer<ReturnType<typeof commandOptionsSchema>>;

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
  const parsed = commandOptionsSchema().safeParse(value);
  if (!parsed.success) throw invalidOptions(parsed.error);
  return parsed.data;
}

/** A schema's refusal of an options object, one problem per option. */
export function invalidOptions(error: {
  readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[];
}): InvalidParametersError {
  return invalidParametersOf(error.issues, 'options', (parameter, message) => l10n.t('Option {0}: {1}.', parameter ?? '(options)', message));
}
