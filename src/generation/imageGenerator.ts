/**
 * Runs a validated generation plan: one job per variant, side by side, each saved into the output
 * folder as soon as it is done. Knows nothing of notifications; the command shows progress and
 * results. Everything that can be refused is refused before the first request.
 */
import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { ClientFactory } from '../config/clientFactory';
import type { Settings } from '../config/settings';
import { runJob, type FinishedJob, type JobProgress } from '../jobs/runJob';
import type { Logger } from '../log/logger';
import { baseNameFromPrompt } from '../output/fileNaming';
import { resolveOutputFolder, saveImage } from '../output/imageWriter';
import { buildSidecar } from '../output/sidecar';
import type { SegmindClient } from '../segmind/client';
import type { Clock } from '../segmind/clock';
import { MissingApiKeyError } from '../segmind/errors';
import { readPixelSize } from '../segmind/imageFormat';
import type { GenerationPlan } from './generationRequest';

export interface VariantProgress extends JobProgress {
  readonly variant: number;
}

export interface GenerationRun {
  readonly plan: GenerationPlan;
  readonly settings: Settings;
  readonly workspaceFolder: vscode.Uri;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: VariantProgress) => void;
}

export interface SavedImage {
  readonly uri: vscode.Uri;
  readonly job: FinishedJob;
}

export interface GenerationOutcome {
  readonly saved: readonly SavedImage[];
  /** One entry per variant that did not produce a file. */
  readonly failures: readonly unknown[];
}

export interface ImageGeneratorDependencies {
  readonly clients: ClientFactory;
  readonly keys: ApiKeyStore;
  readonly logger: Logger;
  readonly extensionVersion: string;
}

export class ImageGenerator {
  private readonly clock: Clock;

  constructor(private readonly deps: ImageGeneratorDependencies) {
    this.clock = deps.clients.clock;
  }

  async generate(run: GenerationRun): Promise<GenerationOutcome> {
    const { plan, settings } = run;
    const { logger } = this.deps;
    const client = this.deps.clients.create(settings);
    const folder = await resolveOutputFolder(run.workspaceFolder, settings.outputFolder);
    if (!(await this.deps.keys.get())) throw new MissingApiKeyError();

    logger.info(`Generating ${plan.variants} image(s) with ${plan.model} (${settings.transport}): ${JSON.stringify({ ...plan.body, prompt: undefined })}`);
    const variants = Array.from({ length: plan.variants }, (_, index) => index + 1);
    const settled = await Promise.allSettled(variants.map((variant) => this.runVariant(client, run, folder, variant)));

    const saved: SavedImage[] = [];
    const failures: unknown[] = [];
    settled.forEach((result, index) => {
      if (result.status === 'fulfilled') {
        saved.push(result.value);
      } else {
        failures.push(result.reason);
        logger.error(`Variant ${index + 1} of ${plan.variants} failed`, result.reason);
      }
    });
    return { saved, failures };
  }

  private async runVariant(client: SegmindClient, run: GenerationRun, folder: vscode.Uri, variant: number): Promise<SavedImage> {
    const { plan, settings } = run;
    const { logger } = this.deps;
    const job = await runJob(
      client,
      { model: plan.model, body: plan.body, transport: settings.transport, deadlineMs: settings.timeoutSeconds * 1000 },
      {
        clock: this.clock,
        ...(run.signal ? { signal: run.signal } : {}),
        onSubmitted: (requestId) => logger.info(`Variant ${variant}: Segmind accepted the job, request ${requestId}.`),
        onProgress: (progress) => {
          logger.debug(`Variant ${variant}: ${progress.phase}${progress.requestId ? ` (${progress.requestId})` : ''} after ${(progress.elapsedMs / 1000).toFixed(1)} s`);
          run.onProgress?.({ ...progress, variant });
        },
      },
    );
    const pixelSize = readPixelSize(job.image.bytes);
    const uri = await saveImage(folder, {
      baseName: baseNameFromPrompt(plan.prompt),
      bytes: job.image.bytes,
      format: job.image.format,
      ...(settings.saveMetadata
        ? {
            sidecar: (file: string) =>
              buildSidecar({
                file, prompt: plan.prompt, model: plan.model, parameters: plan.parameters, transport: settings.transport,
                requestId: job.requestId, cost: job.cost, remainingCredits: job.remainingCredits, format: job.image.format,
                pixelSize, bytes: job.image.bytes.length, submittedAt: job.submittedAt, completedAt: job.completedAt,
                savedAt: this.clock.now(), inferenceSeconds: job.inferenceSeconds, queueSeconds: job.queueSeconds, polls: job.polls,
                ...(plan.variants > 1 ? { variant: { index: variant, of: plan.variants } } : {}),
                extensionVersion: this.deps.extensionVersion,
              }),
          }
        : {}),
    });
    const size = pixelSize ? `${pixelSize.width}x${pixelSize.height}` : 'unknown size';
    logger.info(
      `Variant ${variant}: saved ${vscode.workspace.asRelativePath(uri)} (${size} ${job.image.format}, ${job.image.bytes.length} bytes) ` +
        `${((this.clock.now() - job.submittedAt) / 1000).toFixed(1)} s after submitting` +
        `${job.cost === undefined ? '' : `, cost ${job.cost}`}${job.requestId ? `, request ${job.requestId}` : ''}.`,
    );
    return { uri, job };
  }
}
