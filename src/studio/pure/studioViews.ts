/**
 * What the Studio's webview is sent about models, choices and jobs: views made from the catalog and
 * the job snapshots, with errors put into words here, at the edge. Pure.
 */
import * as l10n from '@vscode/l10n';
import { BACKGROUNDS, MODERATIONS, OUTPUT_FORMATS, QUALITIES } from '../../domain/generation/catalog';
import type { ModelSpec } from '../../domain/generation/customModels';
import { MAX_EDIT_IMAGES } from '../../domain/generation/editInputs';
import { FITS, SIZE_PRESETS } from '../../domain/generation/exactSize';
import { MAX_VARIANTS } from '../../domain/generation/options';
import { DEFAULT_EDIT_MODEL } from '../../domain/generation/plan';
import { jobPriceUsd } from '../../domain/spending/pricing';
import { isRunning, type JobSnapshot } from '../../jobs/pure/jobSnapshot';
import type { JobView, ModelView, NoticeView, StudioChoices } from '../../protocol/studioProtocol';
import { failureWords } from '../../ui/pure/errorMessages';

/** A model as the form shows it; a custom model (segmind.customModels) has its `like` model's sizes and prices. */
export function modelView(info: ModelSpec): ModelView {
  return {
    slug: info.slug,
    label: info.label,
    description: info.description,
    textToImage: info.textToImage,
    maxEditImages: info.maxEditImages,
    acceptsMask: info.editInput === 'image_urls',
    sizes: [...info.sizes],
    defaults: { ...info.defaults },
    compressionRange: [...info.compressionRange],
    pricesUsd: Object.fromEntries(
      info.sizes.map((size) => [size, Object.fromEntries(QUALITIES.map((quality) => [quality, jobPriceUsd({ model: info.like, quality, size })]))]),
    ),
  };
}

export function studioChoices(): StudioChoices {
  return {
    qualities: QUALITIES,
    backgrounds: BACKGROUNDS,
    outputFormats: OUTPUT_FORMATS,
    moderations: MODERATIONS,
    maxVariants: MAX_VARIANTS,
    maxInputs: MAX_EDIT_IMAGES,
    defaultEditModel: DEFAULT_EDIT_MODEL,
    fits: FITS,
    sizePresets: SIZE_PRESETS,
  };
}

/** `relativePath` turns the saved file's Uri string into a workspace-relative path. */
export function jobView(job: JobSnapshot, now: number, relativePath: (uri: string) => string): JobView {
  return {
    id: job.id,
    model: job.model,
    prompt: job.prompt,
    state: job.state,
    running: isRunning(job),
    elapsedMs: Math.max(0, (job.finishedAt ?? now) - job.startedAt),
    ...(job.requestId ? { requestId: job.requestId } : {}),
    ...(job.savedUri ? { savedPath: relativePath(job.savedUri) } : {}),
    ...(job.failure !== undefined ? { error: failureWords(job.failure) } : {}),
  };
}

/** What came of a Studio run that saved something (failed jobs say why on their own cards). */
export function runSummary(names: string, warnings: readonly string[], failed: number): NoticeView {
  if (warnings.length > 0) return { severity: 'warning', text: `${l10n.t('Saved {0}.', names)} ${warnings.join(' ')}`, actions: ['showLog'] };
  return { severity: 'info', text: failed > 0 ? l10n.t('Saved {0} ({1} failed).', names, failed) : l10n.t('Saved {0}.', names), actions: [] };
}
