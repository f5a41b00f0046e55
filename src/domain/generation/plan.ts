/**
 * What a generation asks for — the options object from any entry point — merged with the settings and
 * validated for the model before anything is sent: a plan, or an InvalidParametersError listing
 * every problem. Pure.
 */
import * as l10n from '@vscode/l10n';
import {
  PARAMETER_NAMES,
  resolveParameters,
  toRequestBody,
  validatePrompt,
  type ImageParameters,
  type ModelSlug,
  type ParameterName,
  type RequestedParameters,
  type TextToImageModel,
  MAX_PROMPT_LENGTH,
} from './catalog';
import { editSpecs, modelSpecOf, textToImageSpecs, unknownModel, type ModelSpec } from './customModels';
import { InvalidParametersError, type ParameterProblem } from '../errors/errors';
import { baseNameFromPrompt, editBaseName } from '../images/fileNaming';
import { chooseAnImage } from './editInputs';
import { exactSizeOf, nativeSizeFor, type ExactSize } from './exactSize';
import { MAX_VARIANTS, type CommandOptions } from './options';
import type { SourceImage } from '../images/sidecar';
import { jobPriceUsd } from '../spending/pricing';

export interface GenerationDefaults {
  readonly defaultModel: TextToImageModel;
  readonly parameters: RequestedParameters;
  /** The project's look (segmind.stylePrompt), sent after every paid prompt unless `style: false`; empty for none. */
  readonly stylePrompt?: string;
  /** `segmind.customModels`: the slugs accepted beside the catalog's, and why any entry was refused. */
  readonly customModels?: readonly ModelSpec[];
  readonly customModelProblems?: readonly string[];
}

export interface GenerationPlan {
  /** The prompt as written (the file name and the sidecar's `prompt` come from it). */
  readonly prompt: string;
  /** The project's style, when it goes with this image: the service is sent `<prompt>\n\nStyle: <stylePrompt>`. */
  readonly stylePrompt?: string;
  /** The slug sent (`/v2/<model>`) and recorded: a catalog model's, or a custom model's own. */
  readonly model: string;
  /** The catalog model whose parameters, sizes and price apply: `model` itself, or the one a custom model is like. */
  readonly like: ModelSlug;
  readonly parameters: ImageParameters;
  readonly variants: number;
  /** The JSON body sent to the service for each variant. */
  readonly body: Record<string, unknown>;
  /** File name without extension; the writer adds `-2`, `-3`… when taken. */
  readonly baseName: string;
  /** For edits: the originals (and where they were uploaded), recorded in the sidecar. */
  readonly sourceImages?: readonly SourceImage[];
  readonly mask?: SourceImage;
  /** `resize` and `fit`: the saved image has exactly this size (never sent to the service). */
  readonly exact?: ExactSize;
  /** The parameters a setting decided (not the options, not the model's default): confirmations say so. */
  readonly fromSettings?: readonly ParameterName[];
}

/**
 * Options win over settings; settings win over the model's defaults. Settings are validated against
 * the chosen model like options are (docs/architecture.md, "Settings and options"), and a refusal names the setting to change.
 */
export function planGeneration(options: CommandOptions, defaults: GenerationDefaults): GenerationPlan {
  const prompt = validatePrompt(options.prompt);
  const model = options.model ?? defaults.defaultModel;
  const spec = modelSpecOf(model, defaults.customModels);
  if (!spec) {
    const known = textToImageSpecs(defaults.customModels).map((known) => known.slug);
    throw unknownModel(l10n.t('Unknown model "{0}" (choose {1}).', String(model), known.join(', ')), defaults.customModelProblems);
  }
  if (!spec.textToImage) {
    throw new InvalidParametersError([
      { parameter: 'model', message: l10n.t('{0} edits images; use "Edit Image with Prompt…" (segmind.editImage) with input images.', model) },
    ]);
  }
  if (options.images !== undefined && options.images.length > 0) {
    throw new InvalidParametersError([
      { parameter: 'images', message: l10n.t('Input images are for editing; use "Edit Image with Prompt…" (segmind.editImage).') },
    ]);
  }
  return { ...plannedRun(prompt, spec, options, defaults), baseName: baseNameFromPrompt(prompt) };
}

/** What a generation and an edit plan alike: variants, parameters and exact size, the style, the body they make. */
function plannedRun(
  prompt: string,
  spec: ModelSpec,
  options: CommandOptions,
  defaults: GenerationDefaults,
): Omit<GenerationPlan, 'baseName' | 'sourceImages' | 'mask'> {
  const variants = checkVariants(options.variants);
  const { parameters, exact, fromSettings } = sizedParameters(spec, options, defaults.parameters);
  const stylePrompt = styleOf(options, defaults);
  return {
    prompt,
    ...(stylePrompt ? { stylePrompt } : {}),
    model: spec.slug,
    like: spec.like,
    parameters,
    variants,
    body: toRequestBody(withStyle(prompt, stylePrompt), parameters),
    ...(exact ? { exact } : {}),
    ...(fromSettings.length > 0 ? { fromSettings } : {}),
  };
}

/** The style that goes with this image: the setting's, unless the options say `style: false`. */
function styleOf(options: CommandOptions, defaults: GenerationDefaults): string | undefined {
  const style = defaults.stylePrompt?.replace(/\s+/g, ' ').trim();
  return style && options.style !== false ? style : undefined;
}

/** What the service is sent: the prompt, then the project's style on a paragraph of its own; refused when the two pass the prompt limit. */
export function withStyle(prompt: string, stylePrompt: string | undefined): string {
  if (!stylePrompt) return prompt;
  const joined = `${prompt}\n\nStyle: ${stylePrompt}`;
  if (joined.length > MAX_PROMPT_LENGTH) {
    throw new InvalidParametersError([
      {
        parameter: 'prompt',
        message: l10n.t(
          'The prompt and the project style (segmind.stylePrompt) are {0} characters together; the limit is {1}. Shorten one, or pass style: false.',
          joined.length,
          MAX_PROMPT_LENGTH,
        ),
      },
    ]);
  }
  return joined;
}

function checkVariants(requested: number | undefined): number {
  const variants = requested ?? 1;
  if (!Number.isInteger(variants) || variants < 1 || variants > MAX_VARIANTS) {
    throw new InvalidParametersError([
      { parameter: 'variants', message: l10n.t('Variants must be a whole number from 1 to {0}, not {1}.', MAX_VARIANTS, variants) },
    ]);
  }
  return variants;
}

/** Edits default to gpt-image-1-edit (any number of images, optional mask); gpt-image-2 only when asked. */
export const DEFAULT_EDIT_MODEL: ModelSlug = 'gpt-image-1-edit';

/** An edit's inputs as the host resolved them: workspace-relative paths, in the order given. */
export interface EditSources {
  readonly images: readonly string[];
  readonly mask?: string;
}

/**
 * Plans an edit like {@link planGeneration} plans a generation (same prompt, variants, settings merge
 * and per-model parameter checks), and checks the inputs against the model: how many images it
 * takes, and whether it takes a mask. The plan has no image URLs yet: those exist only after the
 * upload, which must not happen for a plan that would be refused. {@link withUploadedSources} adds them.
 */
export function planEdit(options: CommandOptions, defaults: GenerationDefaults, sources: EditSources, now: Date): GenerationPlan {
  const prompt = validatePrompt(options.prompt);
  const model = options.model ?? DEFAULT_EDIT_MODEL;
  const info = modelSpecOf(model, defaults.customModels);
  if (!info) {
    const known = editSpecs(defaults.customModels).map((known) => known.slug);
    throw unknownModel(l10n.t('Unknown model "{0}" (edits use {1}).', String(model), known.join(', ')), defaults.customModelProblems);
  }
  if (info.editInput === 'none') {
    throw new InvalidParametersError([
      {
        parameter: 'model',
        message: l10n.t('{0} cannot edit images; choose gpt-image-1-edit (one or more images, optional mask) or gpt-image-2 (one image).', model),
      },
    ]);
  }
  const problems: ParameterProblem[] = [];
  const count = sources.images.length;
  if (count === 0) {
    problems.push({ parameter: 'images', message: chooseAnImage() });
  } else if (count > info.maxEditImages) {
    problems.push({
      parameter: 'images',
      message:
        info.maxEditImages === 1
          ? l10n.t('{0} edits one image at a time, not {1}; use gpt-image-1-edit for several images.', model, count)
          : l10n.t('{0} takes at most {1} images, not {2}.', model, info.maxEditImages, count),
    });
  }
  if (sources.mask !== undefined && info.editInput !== 'image_urls') {
    problems.push({ parameter: 'mask', message: l10n.t('A mask is only supported by gpt-image-1-edit, not by {0}.', model) });
  }
  if (problems.length > 0) throw new InvalidParametersError(problems);
  const [first = 'image'] = sources.images;
  return {
    ...plannedRun(prompt, info, options, defaults),
    baseName: editBaseName(first, now),
    sourceImages: sources.images.map((path) => ({ path })),
    ...(sources.mask === undefined ? {} : { mask: { path: sources.mask } }),
  };
}

/** Where the upload put each input, in the order of the plan's sources. */
export interface UploadedSources {
  readonly images: readonly string[];
  readonly mask?: string;
}

/**
 * The plan with the uploaded URLs in its body (`image_urls` for gpt-image-1-edit, `image` for
 * gpt-image-2, `mask` when there is one) and in its sources, for the sidecar.
 */
export function withUploadedSources(plan: GenerationPlan, uploaded: UploadedSources): GenerationPlan {
  const sources = plan.sourceImages ?? [];
  if (sources.length === 0 || uploaded.images.length !== sources.length || (plan.mask === undefined) !== (uploaded.mask === undefined)) {
    throw new Error(
      `The upload returned ${uploaded.images.length} image URL(s)${uploaded.mask ? ' and a mask' : ''} for ${sources.length} source(s)${plan.mask ? ' and a mask' : ''}.`,
    );
  }
  const editInput = modelSpecOf(plan.like)?.editInput ?? 'none';
  const body: Record<string, unknown> = { ...plan.body };
  switch (editInput) {
    case 'image_urls':
      body['image_urls'] = [...uploaded.images];
      if (uploaded.mask !== undefined) body['mask'] = uploaded.mask;
      break;
    case 'image':
      body['image'] = uploaded.images[0];
      break;
    case 'none':
      throw new Error(`${plan.model} does not edit images.`);
  }
  return {
    ...plan,
    body,
    sourceImages: sources.map((source, index) => ({ path: source.path, uploadedUrl: uploaded.images[index] ?? '' })),
    ...(plan.mask && uploaded.mask !== undefined ? { mask: { path: plan.mask.path, uploadedUrl: uploaded.mask } } : {}),
  };
}

/**
 * The parameters, and the exact size when `resize` is asked: then, unless `size` is given too, the
 * model's native size closest in aspect ratio is asked for (over the size setting, which was not
 * chosen for this image).
 */
function sizedParameters(spec: ModelSpec, options: CommandOptions, fromSettings: RequestedParameters): Resolved & { exact?: ExactSize } {
  const exact = exactSizeOf(options.resize, options.fit);
  if (!exact) return resolveWithSettings(spec, options, fromSettings);
  const size = options.size ?? nativeSizeFor(spec.sizes, exact);
  return { ...resolveWithSettings(spec, { ...options, ...(size ? { size } : {}) }, fromSettings), exact };
}

interface Resolved {
  readonly parameters: ImageParameters;
  readonly fromSettings: readonly ParameterName[];
}

function resolveWithSettings(spec: ModelSpec, options: CommandOptions, fromSettings: RequestedParameters): Resolved {
  const merged: Record<string, unknown> = {};
  const settingKeys = new Set<ParameterName>();
  for (const key of PARAMETER_NAMES) {
    const explicit = options[key];
    if (explicit !== undefined && explicit !== null) {
      merged[key] = explicit;
    } else if (fromSettings[key] !== undefined && fromSettings[key] !== null) {
      merged[key] = fromSettings[key];
      settingKeys.add(key);
    }
  }
  try {
    return { parameters: resolveParameters(spec.like, merged, spec.slug), fromSettings: [...settingKeys] };
  } catch (error) {
    if (!(error instanceof InvalidParametersError)) throw error;
    throw new InvalidParametersError(
      error.problems.map((problem) =>
        settingKeys.has(problem.parameter as ParameterName)
          ? { ...problem, message: l10n.t('{0} (from the setting segmind.{1})', problem.message, problem.parameter) }
          : problem,
      ),
    );
  }
}

/** The most one job of the plan can cost: its model, quality and size, and the images an edit sends. */
export function jobPriceOf(plan: Pick<GenerationPlan, 'like' | 'parameters' | 'sourceImages' | 'mask'>): number {
  return jobPriceUsd({
    model: plan.like,
    quality: plan.parameters.quality,
    size: plan.parameters.size,
    inputImages: (plan.sourceImages?.length ?? 0) + (plan.mask ? 1 : 0),
  });
}

/** The most the whole plan can cost (each variant is a job of its own). */
export function planPriceUsd(plan: Pick<GenerationPlan, 'like' | 'parameters' | 'sourceImages' | 'mask' | 'variants'>): number {
  return Math.round(jobPriceOf(plan) * plan.variants * 1000) / 1000;
}
