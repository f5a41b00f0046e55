/**
 * The tools agents call (README, "From any coding agent: the MCP server"): their names, what each
 * is for in the words a language model reads, and their input schemas — each generated from a zod
 * schema, the same one the window parses the call with. `generate_image` takes the options of the
 * language model tool `segmind_generate_image` (one schema). Pure: the MCP server lists them, the
 * window runs them (src/agents/), package.json declares `segmind_find_missing_images` from them.
 */
import * as z from './schema';
import { MODELS, QUALITIES, TEXT_TO_IMAGE_MODELS, type ModelSlug } from './catalog';
import { toolInputSchema } from './options';
import { DEFAULT_PLACEHOLDER_SIZE } from '../images/placeholder';
import { jobPriceUsd } from '../spending/pricing';
import { MAKING_FILL_MODES } from '../references/imageReference';

export const AGENT_TOOL_NAMES = ['generate_image', 'find_missing_images', 'fill_missing_images', 'check_credits'] as const;
export type AgentToolName = (typeof AGENT_TOOL_NAMES)[number];

const SCOPE =
  'A workspace-relative file or folder to look in (for example "docs" or "src/pages/index.html"); without it, every workspace folder of the VS Code window.';

export const findMissingImagesSchema = z.once(() => z.strictObject({ scope: z.optional(z.described(z.string(), { description: SCOPE })) }));

export const fillMissingImagesSchema = z.once(() =>
  z.strictObject({
    scope: z.optional(z.described(z.string(), { description: SCOPE })),
    mode: z.described(z.enum(MAKING_FILL_MODES), {
      description:
        '"placeholder": free grey placeholders drawn locally, nothing sent; "generate": one paid image per element (an <img> with its srcset, a <picture>, an image-set(), a manifest entry), written to each of its missing files at its size and format.',
    }),
    model: z.optional(
      // A loose string with the catalog's enum in its JSON schema: a custom model (segmind.customModels) is checked by the plan when called.
      z.described(z.string(), {
        enum: [...TEXT_TO_IMAGE_MODELS],
        description: 'With mode "generate": the model (default: the user\'s segmind.defaultModel).',
      }),
    ),
    quality: z.optional(z.described(z.enum(QUALITIES), { description: 'With mode "generate": the quality ("low" is the cheapest).' })),
    style: z.optional(
      z.described(z.boolean(), { description: 'With mode "generate": false leaves the project\'s style (segmind.stylePrompt) out of these images.' }),
    ),
  }),
);

export const checkCreditsSchema = z.once(() => z.strictObject({}));

/** Each tool's zod schema (what the window parses a call with). */
export const AGENT_TOOL_SCHEMAS = {
  generate_image: toolInputSchema,
  find_missing_images: findMissingImagesSchema,
  fill_missing_images: fillMissingImagesSchema,
  check_credits: checkCreditsSchema,
} as const satisfies Readonly<Record<AgentToolName, () => z.ZodMiniType>>;

/** What a tool's arguments are once its schema has read them: parsed once, at the edge, typed inward. */
export type AgentToolInput<T extends AgentToolName> = z.infer<ReturnType<(typeof AGENT_TOOL_SCHEMAS)[T]>>;

/** What each tool does, for the language model choosing one. */
export const AGENT_TOOL_DESCRIPTIONS: Readonly<Record<Exclude<AgentToolName, 'generate_image'>, string>> = {
  find_missing_images:
    'Lists the images the code of the workspace refers to that do not exist (HTML <img>/srcset/<picture>, Markdown, CSS url(), JS/TS imports, Vue, Svelte), resolved as the site serves them (Docusaurus, VitePress, Vite, Next.js, Astro, Nuxt, SvelteKit, Hugo, Jekyll). Each entry has the file and line, the reference as written, the workspace-relative target to create, the size the code gives and a suggested prompt. Free; nothing is written.',
  fill_missing_images:
    'Makes the missing images of the workspace (or of scope) at exactly the paths the code refers to, in the format each names and the size the code gives: free placeholders (mode "placeholder"), or generated images (mode "generate", paid: one image per element, its srcset densities, widths and <picture> formats all written from it, held against the user\'s daily limits before anything is sent). Returns every entry with saved: true or the reason it was not made.',
  check_credits: "The user's Segmind credits, today's spend (all of it, and the agent's part) and the daily limits set. Free.",
};

/** The JSON schema of a tool's input, as MCP and package.json declare it. */
export function agentToolJsonSchema(name: AgentToolName): Record<string, unknown> {
  const { $schema: _, ...schema } = z.toJSONSchema(AGENT_TOOL_SCHEMAS[name](), { io: 'input' }) as Record<string, unknown>;
  return schema;
}

/** What `generate_image` (and `segmind_generate_image`) does, with the catalog's models, sizes and prices. */
export function generateImageDescription(): string {
  const textToImage = TEXT_TO_IMAGE_MODELS.map((slug) => MODELS[slug]);
  const everyModel = textToImage.reduce<readonly string[]>(
    (common, model) => common.filter((size) => model.sizes.includes(size as never)),
    textToImage[0]?.sizes ?? [],
  );
  const extra = textToImage
    .map((model) => ({ slug: model.slug, sizes: model.sizes.filter((size) => !everyModel.includes(size)) }))
    .filter((entry) => entry.sizes.length > 0)
    .map((entry) => `${entry.slug} also ${entry.sizes.join(', ')}`);
  const prices = textToImage.map(
    (model) => `$${jobPriceUsd({ model: model.slug, quality: model.defaults.quality, size: model.defaults.size }).toFixed(2)} on ${model.slug}`,
  );
  const editors = (Object.keys(MODELS) as ModelSlug[]).filter((slug) => MODELS[slug].editInput !== 'none');
  return [
    "Makes a new image from a text prompt, or edits workspace images, with Segmind's GPT Image models, and saves the result as a real file in the workspace.",
    'Use it when the user wants a picture, illustration, icon, placeholder, hero or Open Graph image, or an edit of an image in the project.',
    `Models: ${textToImage.map((model, index) => `${model.slug} (${index === 0 ? 'default, ' : ''}~${model.typicalSeconds} s)`).join(', ')} make new images; ${editors
      .map((slug) => `${slug} edits ${MODELS[slug].maxEditImages === 1 ? 'one image' : 'one or more images with an optional mask'}`)
      .join('; ')}.`,
    `Native sizes: ${everyModel.join(', ')} on every model${extra.length > 0 ? `; ${extra.join('; ')}` : ''}.`,
    'For any other size pass resize "WxH" (e.g. "1200x630" for an Open Graph card, "64x64" for an icon): the closest native size is made and the file is fitted to exactly that size (fit cover, contain or fill).',
    'Pass path (e.g. "public/og.png") to put the file exactly where it is needed; otherwise it goes to the output folder named from the prompt.',
    'Existing files are never overwritten (the next free name is used) and the answer says the real path.',
    'Pass images (workspace-relative paths) to edit them: they are uploaded to Segmind storage.',
    'A mask PNG marks with transparent pixels where to edit; what it leaves opaque is kept exactly.',
    'background "transparent" needs outputFormat png or webp.',
    `Each image costs money (at most ${prices.join(', ')} at their default quality and size; quality "low" costs an eighth of "high") and takes up to a minute or two; variants makes several separate images.`,
    'The result lists each saved file with its pixel size and a Markdown snippet. On a failure the error says what to change.',
    `For layout work before the final art, pass placeholder true: a free grey placeholder of size resize (default ${DEFAULT_PLACEHOLDER_SIZE.width}x${DEFAULT_PLACEHOLDER_SIZE.height}) is drawn locally at path, nothing is sent and nothing is spent, and the prompt is kept so the user can render it later.`,
  ].join(' ');
}
