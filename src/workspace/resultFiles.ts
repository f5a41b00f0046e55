/** Writes a finished job's image and its sidecar into the output folder: the job tracker's saveResult port. */
import type * as vscode from 'vscode';
import { readPixelSize } from '../domain/imageFormat';
import { buildSidecar } from '../domain/sidecar';
import type { ResultDescription, SaveResult } from '../jobs/jobTracker';
import type { FinishedJob } from '../jobs/runJob';
import { saveImage } from './imageWriter';

export function resultSaver(extensionVersion: string, now: () => number): SaveResult {
  return (result, job) => writeResultFiles(result, job, now, extensionVersion);
}

async function writeResultFiles(result: ResultDescription, job: FinishedJob, savedAt: () => number, extensionVersion: string): Promise<vscode.Uri> {
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
