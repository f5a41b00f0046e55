/**
 * What package.json contributes that the catalog and the options schema already say: the enums
 * and ranges of the generation settings, and the agent tool's input schema and description. One
 * source: `npm run contributes` writes these into package.json, and a unit test fails when
 * package.json differs (check mode), so a fact changed in the catalog changes everywhere or fails
 * the build. Pure.
 */
import { BACKGROUNDS, MODEL_SLUGS, MODELS, MODERATIONS, OUTPUT_FORMATS, QUALITIES, TEXT_TO_IMAGE_MODELS, type ParameterName } from '../generation/catalog';
import { toolInputJsonSchema } from '../generation/options';
import { CUSTOM_SLUG_PATTERN } from '../generation/customModels';
import { AGENT_TOOL_DESCRIPTIONS, agentToolJsonSchema, generateImageDescription } from '../generation/agentTools';

export interface GeneratedContributions {
  /** Setting key → the properties generated here (merged over the hand-written ones: title, order, scope…). */
  readonly settings: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /**
   * The English words of those properties: package.json names them `%key%` and package.nls.json
   * holds them, like every contributed word; package.nls.de.json translates them (a test holds the keys).
   */
  readonly nls: Readonly<Record<string, string>>;
  readonly tool: { readonly inputSchema: Record<string, unknown>; readonly modelDescription: string };
  /** The second tool, segmind_find_missing_images. */
  readonly findTool: { readonly inputSchema: Record<string, unknown>; readonly modelDescription: string };
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

/** One entry of segmind.customModels, as the settings editor checks it (the extension checks it again: src/domain/generation/customModels.ts). */
function customModelItem(): Record<string, unknown> {
  return {
    type: 'object',
    required: ['slug', 'like'],
    additionalProperties: false,
    properties: {
      slug: { type: 'string', minLength: 1, pattern: CUSTOM_SLUG_PATTERN.source, not: { enum: [...MODEL_SLUGS] } },
      like: { type: 'string', enum: [...MODEL_SLUGS] },
      label: { type: 'string' },
    },
  };
}

const sentence = (text: string): string => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;

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
      'segmind.customModels': { items: customModelItem() },
      'segmind.outputCompression': { minimum: Math.min(...compression.map(([min]) => min)), maximum: Math.max(...compression.map(([, max]) => max)) },
    },
    nls,
    tool: { inputSchema: toolInputJsonSchema(), modelDescription: generateImageDescription() },
    findTool: { inputSchema: agentToolJsonSchema('find_missing_images'), modelDescription: AGENT_TOOL_DESCRIPTIONS.find_missing_images },
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
  const [tool, findTool] = copy.contributes.languageModelTools;
  if (tool) Object.assign(tool, generated.tool);
  if (findTool) Object.assign(findTool, generated.findTool);
  return copy;
}
