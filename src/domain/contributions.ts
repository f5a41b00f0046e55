/**
 * What package.json contributes that the catalog and the options schema already say: the enums
 * and ranges of the generation settings, and the agent tool's input schema and description. One
 * source: `npm run contributes` writes these into package.json, and a unit test fails when
 * package.json differs (check mode), so a fact changed in the catalog changes everywhere or fails
 * the build. Pure.
 */
import { BACKGROUNDS, MODELS, MODERATIONS, OUTPUT_FORMATS, QUALITIES, TEXT_TO_IMAGE_MODELS, type ModelSlug, type ParameterName } from './catalog';
import { DEFAULT_PLACEHOLDER_SIZE } from './placeholder';
import { toolInputJsonSchema } from './options';
import { jobPriceUsd } from './pricing';

export interface GeneratedContributions {
  /** Setting key → the properties generated here (merged over the hand-written ones: title, order, scope…). */
  readonly settings: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /**
   * The English words of those properties: package.json names them `%key%` and package.nls.json
   * holds them, like every contributed word; package.nls.de.json translates them (a test holds the keys).
   */
  readonly nls: Readonly<Record<string, string>>;
  readonly tool: { readonly inputSchema: Record<string, unknown>; readonly modelDescription: string };
}

const models = Object.values(MODELS);
const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** `Model default (png)` when every model has that default, else `Model default`. */
function defaultLabel(parameter: ParameterName): string {
  const defaults = unique(models.map((model) => model.defaults[parameter]));
  return defaults.length === 1 ? `Model default (${String(defaults[0])})` : 'Model default';
}

/** The label of the `null` choice is words (in package.nls.json); the values are the API's own, the same in every language. */
function enumSetting(parameter: ParameterName, values: readonly string[], nls: Record<string, string>): Record<string, unknown> {
  const key = `setting.${parameter}.modelDefault`;
  nls[key] = defaultLabel(parameter);
  return { enum: [null, ...values], enumItemLabels: [`%${key}%`, ...values] };
}

const sentence = (text: string): string => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;

function modelDescription(): string {
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

export function generatedContributions(): GeneratedContributions {
  const compression = models.map((model) => model.compressionRange);
  const nls: Record<string, string> = {};
  const modelWords = TEXT_TO_IMAGE_MODELS.map((slug) => {
    const key = `setting.defaultModel.enumDescriptions.${slug}`;
    nls[key] = `${MODELS[slug].label}: ${sentence(MODELS[slug].description)}.`;
    return `%${key}%`;
  });
  return {
    settings: {
      'segmind.defaultModel': { default: TEXT_TO_IMAGE_MODELS[0], enum: [...TEXT_TO_IMAGE_MODELS], enumDescriptions: modelWords },
      'segmind.size': { ...enumSetting('size', unique(models.flatMap((model) => model.sizes)), nls) },
      'segmind.quality': enumSetting('quality', QUALITIES, nls),
      'segmind.background': enumSetting('background', BACKGROUNDS, nls),
      'segmind.outputFormat': enumSetting('outputFormat', OUTPUT_FORMATS, nls),
      'segmind.moderation': enumSetting('moderation', MODERATIONS, nls),
      'segmind.outputCompression': { minimum: Math.min(...compression.map(([min]) => min)), maximum: Math.max(...compression.map(([, max]) => max)) },
    },
    nls,
    tool: { inputSchema: toolInputJsonSchema(), modelDescription: modelDescription() },
  };
}

/** package.nls.json with the generated words put in (hand-written keys and their order kept, generated ones after). */
export function withGeneratedNls(nls: Readonly<Record<string, string>>): Record<string, string> {
  const generated = generatedContributions().nls;
  // Generated keys, stale ones included (a model taken out of the catalog): those of the generated settings only.
  const generatedKey = /^setting\.(defaultModel\.enumDescriptions\.[\w-]+|\w+\.modelDefault)$/;
  const kept = Object.fromEntries(Object.entries(nls).filter(([key]) => !generatedKey.test(key)));
  return { ...kept, ...generated };
}

/** package.json with the generated parts put in (other keys and their order kept). */
export function withGeneratedContributions(manifest: Record<string, unknown>): Record<string, unknown> {
  const generated = generatedContributions();
  const copy = JSON.parse(JSON.stringify(manifest)) as {
    contributes: { configuration: { properties: Record<string, Record<string, unknown>> }; languageModelTools: Record<string, unknown>[] };
  };
  const properties = copy.contributes.configuration.properties;
  for (const [key, values] of Object.entries(generated.settings)) properties[key] = { ...properties[key], ...values };
  const tool = copy.contributes.languageModelTools[0];
  if (tool) Object.assign(tool, generated.tool);
  return copy;
}
