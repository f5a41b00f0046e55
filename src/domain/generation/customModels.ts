/**
 * Models the catalog does not know yet (`segmind.customModels`): Segmind adds slugs faster than we
 * release, so a user names one and the catalog model it is `like`, whose kind, sizes, parameters,
 * defaults and price it takes. Each entry is checked here, one sentence per problem, so a typo is
 * said instead of a slug silently missing from the pickers. Pure.
 */
import * as l10n from '@vscode/l10n';
import * as z from './schema';
import { InvalidParametersError } from '../errors/errors';
import { MODEL_SLUGS, MODELS, TEXT_TO_IMAGE_MODELS, isModelSlug, type ModelInfo, type ModelSlug } from './catalog';

/** What a model is to everything that plans, prices and shows a run: a catalog model, or a custom one under its own slug. */
export interface ModelSpec extends Omit<ModelInfo, 'slug'> {
  /** The slug sent to the service (`/v2/<slug>`) and recorded in the sidecar. */
  readonly slug: string;
  /** The catalog model whose parameters, sizes, defaults and price apply (itself for a catalog model). */
  readonly like: ModelSlug;
  readonly custom: boolean;
}

/** One entry of the setting, as the user wrote it. */
export interface CustomModelEntry {
  readonly slug: string;
  readonly like: ModelSlug;
  readonly label?: string;
}

export const CUSTOM_SLUG_PATTERN = /^[a-z0-9._-]+$/;

const entrySchema = z.once(() =>
  z.object({
    slug: z.string().check(z.minLength(1), z.regex(CUSTOM_SLUG_PATTERN)),
    like: z.enum(MODEL_SLUGS),
    label: z.optional(z.string()),
  }),
);

/** The setting's valid entries as model specs, and a sentence for each entry refused. */
export interface CustomModels {
  readonly specs: readonly ModelSpec[];
  readonly problems: readonly string[];
}

export function parseCustomModels(value: unknown): CustomModels {
  if (value === undefined || value === null) return { specs: [], problems: [] };
  if (!Array.isArray(value)) return { specs: [], problems: [l10n.t('segmind.customModels must be a list of {0}.', '{ "slug", "like", "label"? }')] };
  const specs: ModelSpec[] = [];
  const problems: string[] = [];
  value.forEach((entry: unknown, index) => {
    const problem = entryProblem(entry, specs);
    if (problem) {
      problems.push(l10n.t('segmind.customModels, entry {0}: {1}', index + 1, problem));
      return;
    }
    specs.push(customModelSpec(entrySchema().parse(entry)));
  });
  return { specs, problems };
}

/** Why an entry is refused, or undefined when it is a model to add. */
function entryProblem(entry: unknown, taken: readonly ModelSpec[]): string | undefined {
  const parsed = entrySchema().safeParse(entry);
  if (!parsed.success) {
    const record = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    const field = parsed.error.issues[0]?.path[0];
    if (field === 'like') {
      return l10n.t('"like" must be one of {0}, not {1}.', MODEL_SLUGS.join(', '), JSON.stringify(record['like']) ?? 'nothing');
    }
    if (field === 'label') return l10n.t('"label" must be text.');
    if (field === 'slug') {
      return l10n.t('"slug" must be a non-empty slug of a–z, 0–9, ".", "_" and "-", not {0}.', JSON.stringify(record['slug']) ?? 'nothing');
    }
    return l10n.t('each entry is an object {0}.', '{ "slug", "like", "label"? }');
  }
  const { slug } = parsed.data;
  if (isModelSlug(slug)) return l10n.t('{0} is already in the catalog; use it as it is.', slug);
  if (taken.some((spec) => spec.slug === slug)) return l10n.t('{0} is named twice.', slug);
  return undefined;
}

/** A custom model: the `like` model's spec under the entry's slug and label. */
export function customModelSpec(entry: CustomModelEntry): ModelSpec {
  const like = MODELS[entry.like];
  const label = `${entry.label?.trim() || entry.slug} (like ${entry.like})`;
  return {
    label,
    description: l10n.t('Like {0}: {1}', entry.like, like.description),
    textToImage: like.textToImage,
    editInput: like.editInput,
    maxEditImages: like.maxEditImages,
    typicalSeconds: like.typicalSeconds,
    sizes: like.sizes,
    defaults: like.defaults,
    compressionRange: like.compressionRange,
    estimatedCostUsd: like.estimatedCostUsd,
    slug: entry.slug,
    like: entry.like,
    custom: true,
  };
}

/** A catalog model as a spec. */
export function catalogSpec(slug: ModelSlug): ModelSpec {
  const info = MODELS[slug];
  return {
    label: info.label,
    description: info.description,
    textToImage: info.textToImage,
    editInput: info.editInput,
    maxEditImages: info.maxEditImages,
    typicalSeconds: info.typicalSeconds,
    sizes: info.sizes,
    defaults: info.defaults,
    compressionRange: info.compressionRange,
    estimatedCostUsd: info.estimatedCostUsd,
    slug,
    like: slug,
    custom: false,
  };
}

/** The spec of a slug: a catalog model, else one of the custom models, else undefined (unknown). */
export function modelSpecOf(slug: unknown, customs: readonly ModelSpec[] = []): ModelSpec | undefined {
  if (isModelSlug(slug)) return catalogSpec(slug);
  return typeof slug === 'string' ? customs.find((spec) => spec.slug === slug) : undefined;
}

/** The models that make new images, the catalog's then the custom ones: what pickers list and messages name. */
export function textToImageSpecs(customs: readonly ModelSpec[] = []): readonly ModelSpec[] {
  return [...TEXT_TO_IMAGE_MODELS.map(catalogSpec), ...customs.filter((spec) => spec.textToImage)];
}

/** The models that edit images, the catalog's then the custom ones. */
export function editSpecs(customs: readonly ModelSpec[] = []): readonly ModelSpec[] {
  return [...MODEL_SLUGS.map(catalogSpec), ...customs].filter((spec) => spec.editInput !== 'none');
}

/** A model neither the catalog nor segmind.customModels knows; the setting's refused entries are said too (a typo there is the likely cause). */
export function unknownModel(message: string, problems: readonly string[] = []): InvalidParametersError {
  return new InvalidParametersError([{ parameter: 'model', message: [message, ...problems].join(' ') }]);
}
