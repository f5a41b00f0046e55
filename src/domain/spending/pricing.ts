/**
 * What one job can cost, before it runs: the spending hold and every estimate the user is shown.
 * The hold must never be below what the job can cost, or a daily limit would not cap anything, so
 * each figure here is an upper bound, not an average. Segmind's real charge (`x-cost`,
 * `metrics.cost`) replaces the hold once a job reports it (src/spending/).
 *
 * Where the factors come from: Segmind bills these models at OpenAI's per-image prices (its
 * gpt-image-1-mini page says about $0.037 for the default, high quality at 1024×1024; OpenAI's price
 * list says $0.036). OpenAI's published prices per image, 1024×1024 / 1536×1024:
 *
 *   | model            | low           | medium        | high          |
 *   | gpt-image-1      | 0.011 / 0.016 | 0.042 / 0.063 | 0.167 / 0.25  |
 *   | gpt-image-1-mini | 0.005 / 0.006 | 0.011 / 0.015 | 0.036 / 0.052 |
 *
 * Relative to medium at 1024×1024 (the catalog's price): low is 0.26–0.45 (taken as 0.5), high
 * 3.3–4.0 (taken as 4), and 1536×1024 is 1.2–1.5 times 1024×1024 (taken as 1.5: the price grows with
 * the pixels). gpt-image-2's larger sizes are priced by their pixels against 1024×1024 (2048×2048:
 * 4), the same rule. `auto` quality may choose high, so it is held as high; `auto` size may choose
 * 1536×1024, so it is held as that. An edit also pays for reading its input images: a quarter of the
 * catalog price per image, mask included (OpenAI bills an input image as about 200–1,000 tokens at
 * $10 per million, $0.002–0.01, well under that).
 */
import { MODELS, sizeInPixels, type ImageSize, type ModelSlug, type Quality } from '../generation/catalog';

const QUALITY_FACTOR: Readonly<Record<Quality, number>> = { low: 0.5, medium: 1, high: 4, auto: 4 };
const REFERENCE_PIXELS = 1024 * 1024;
/** `auto` lets the model choose among 1024×1024, 1536×1024 and 1024×1536: the largest is held. */
const AUTO_SIZE_FACTOR = 1.5;
const INPUT_IMAGE_FACTOR = 0.25;

/** How much more than 1024×1024 a size costs: by its pixels, never less than 1. */
export function sizeFactor(size: ImageSize): number {
  const pixels = sizeInPixels(size);
  if (!pixels) return AUTO_SIZE_FACTOR;
  return Math.max(1, (pixels.width * pixels.height) / REFERENCE_PIXELS);
}

export interface PricedJob {
  readonly model: ModelSlug;
  readonly quality: Quality;
  readonly size: ImageSize;
  /** Source images an edit sends (its mask counts as one). */
  readonly inputImages?: number;
}

/** The most one job of this shape can cost, in US dollars, rounded up to a tenth of a cent. */
export function jobPriceUsd(job: PricedJob): number {
  const base = MODELS[job.model].estimatedCostUsd;
  const picture = base * QUALITY_FACTOR[job.quality] * sizeFactor(job.size);
  const inputs = base * INPUT_IMAGE_FACTOR * (job.inputImages ?? 0);
  return Math.ceil((picture + inputs) * 1000 - 1e-9) / 1000;
}
