/**
 * What the Studio's gallery knows about a saved image, read from its sidecar (`<image>.<ext>.json`,
 * src/output/sidecar.ts): an image without a readable sidecar of ours is not one of our results.
 * Pure: the host lists the folder and reads the files (gallery.ts).
 */
import type { StudioSettings } from '../protocol/studioProtocol';
import { isModelSlug, PARAMETER_NAMES, resolveParameters } from '../domain/catalog';

export const MAX_GALLERY_ITEMS = 200;
const IMAGE_NAME = /\.(png|jpe?g|webp)$/i;

export interface SidecarSummary {
  readonly prompt: string;
  readonly model: string;
  /** The settings that made it, for "regenerate"; undefined when the sidecar's values no longer fit the model. */
  readonly settings?: StudioSettings;
  /** Workspace-relative paths of the edit's inputs. */
  readonly sourceImages: readonly string[];
  readonly maskPath?: string;
  readonly savedAt?: string;
  readonly width?: number;
  readonly height?: number;
}

/** The image files of a folder listing that have a sidecar beside them. */
export function imagesWithSidecars(names: readonly string[]): string[] {
  const all = new Set(names);
  return names.filter((name) => IMAGE_NAME.test(name) && !name.startsWith('.') && all.has(`${name}.json`));
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Reads a sidecar's JSON text; undefined when it is not one of ours. */
export function parseSidecar(text: string): SidecarSummary | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const sidecar = asRecord(json);
  if (!sidecar || typeof sidecar['prompt'] !== 'string' || typeof sidecar['model'] !== 'string') return undefined;
  const prompt = sidecar['prompt'];
  const model = sidecar['model'];
  const sources = Array.isArray(sidecar['sourceImages'])
    ? sidecar['sourceImages'].map((source) => asRecord(source)?.['path']).filter((path): path is string => typeof path === 'string')
    : [];
  const maskPath = asRecord(sidecar['mask'])?.['path'];
  const image = asRecord(sidecar['image']);
  const savedAt = asRecord(sidecar['timings'])?.['savedAt'];
  const variant = asRecord(sidecar['variant']);
  let settings: StudioSettings | undefined;
  if (isModelSlug(model)) {
    const stored = asRecord(sidecar['parameters']) ?? {};
    try {
      const parameters = resolveParameters(model, Object.fromEntries(PARAMETER_NAMES.map((name) => [name, stored[name]])));
      const variants = typeof variant?.['of'] === 'number' && Number.isInteger(variant['of']) && variant['of'] >= 1 && variant['of'] <= 4 ? variant['of'] : 1;
      settings = { prompt, model, parameters: { ...parameters }, variants };
    } catch {
      settings = undefined; // made with values this version no longer accepts: shown, not regenerated
    }
  }
  return {
    prompt, model, sourceImages: sources,
    ...(settings ? { settings } : {}),
    ...(typeof maskPath === 'string' ? { maskPath } : {}),
    ...(typeof savedAt === 'string' && !Number.isNaN(Date.parse(savedAt)) ? { savedAt } : {}),
    ...(typeof image?.['width'] === 'number' ? { width: image['width'] } : {}),
    ...(typeof image?.['height'] === 'number' ? { height: image['height'] } : {}),
  };
}

/** Newest first (by the sidecar's save time, else the file's), at most {@link MAX_GALLERY_ITEMS}. */
export function newestFirst<T extends { readonly savedAt: string }>(items: readonly T[], limit = MAX_GALLERY_ITEMS): T[] {
  return [...items].sort((a, b) => Date.parse(b.savedAt) - Date.parse(a.savedAt)).slice(0, limit);
}
