/**
 * The `<image>.json` written beside each image: enough to know how it was made and to make it again.
 * It never holds the API key.
 */
import type { ImageParameters, ModelSlug } from './catalog';
import type { ImageFormat, PixelSize } from './imageFormat';
import type { Transport } from '../jobs/runJob';

export const SIDECAR_VERSION = 1;

export interface SourceImage {
  /** Workspace-relative path of the original. */
  readonly path: string;
  /** Where it was uploaded for the edit. */
  readonly uploadedUrl?: string;
}

export interface SidecarFacts {
  readonly file: string;
  readonly prompt: string;
  readonly model: ModelSlug;
  readonly parameters: ImageParameters;
  readonly transport: Transport;
  readonly requestId?: string;
  readonly cost?: number;
  readonly remainingCredits?: number;
  readonly format: ImageFormat;
  readonly pixelSize?: PixelSize;
  readonly bytes: number;
  readonly submittedAt: number;
  readonly completedAt: number;
  readonly savedAt: number;
  readonly inferenceSeconds?: number;
  readonly queueSeconds?: number;
  readonly polls: number;
  readonly variant?: { readonly index: number; readonly of: number };
  readonly sourceImages?: readonly SourceImage[];
  readonly mask?: SourceImage;
  readonly extensionVersion: string;
}

export function buildSidecar(facts: SidecarFacts): Record<string, unknown> {
  return {
    sidecarVersion: SIDECAR_VERSION,
    generator: `Image Studio for Segmind ${facts.extensionVersion}`,
    file: facts.file,
    prompt: facts.prompt,
    model: facts.model,
    parameters: { ...facts.parameters },
    ...(facts.sourceImages && facts.sourceImages.length > 0 ? { sourceImages: facts.sourceImages } : {}),
    ...(facts.mask ? { mask: facts.mask } : {}),
    ...(facts.variant ? { variant: facts.variant } : {}),
    request: { transport: facts.transport, requestId: facts.requestId ?? null },
    cost: facts.cost ?? null,
    remainingCredits: facts.remainingCredits ?? null,
    image: { format: facts.format, width: facts.pixelSize?.width ?? null, height: facts.pixelSize?.height ?? null, bytes: facts.bytes },
    timings: {
      submittedAt: new Date(facts.submittedAt).toISOString(),
      completedAt: new Date(facts.completedAt).toISOString(),
      savedAt: new Date(facts.savedAt).toISOString(),
      totalSeconds: round((facts.savedAt - facts.submittedAt) / 1000),
      inferenceSeconds: facts.inferenceSeconds ?? null,
      queueSeconds: facts.queueSeconds ?? null,
      statusPolls: facts.polls,
    },
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
