/** Writes a finished job's image and its sidecar into the output folder. */
import type * as vscode from 'vscode';
import type { FinishedJob, Transport } from '../jobs/runJob';
import type { ImageParameters, ModelSlug } from '../domain/catalog';
import { readPixelSize } from '../domain/imageFormat';
import { saveImage } from './imageWriter';
import { buildSidecar, type SourceImage } from '../domain/sidecar';

export interface ResultDescription {
  readonly model: ModelSlug;
  readonly prompt: string;
  readonly parameters: ImageParameters;
  readonly transport: Transport;
  readonly outputFolder: vscode.Uri;
  readonly baseName: string;
  readonly saveMetadata: boolean;
  readonly variant?: { readonly index: number; readonly of: number };
  readonly sourceImages?: readonly SourceImage[];
  readonly mask?: SourceImage;
}

export async function writeResultFiles(result: ResultDescription, job: FinishedJob, savedAt: () => number, extensionVersion: string): Promise<vscode.Uri> {
  const pixelSize = readPixelSize(job.image.bytes);
  return saveImage(result.outputFolder, {
    baseName: result.baseName,
    bytes: job.image.bytes,
    format: job.image.format,
    ...(result.saveMetadata
      ? {
          sidecar: (file: string) =>
            buildSidecar({
              file, prompt: result.prompt, model: result.model, parameters: result.parameters, transport: result.transport,
              requestId: job.requestId, cost: job.cost, remainingCredits: job.remainingCredits, format: job.image.format,
              pixelSize, bytes: job.image.bytes.length, submittedAt: job.submittedAt, completedAt: job.completedAt,
              savedAt: savedAt(), inferenceSeconds: job.inferenceSeconds, queueSeconds: job.queueSeconds, polls: job.polls,
              variant: result.variant, sourceImages: result.sourceImages, mask: result.mask, extensionVersion,
            }),
        }
      : {}),
  });
}
