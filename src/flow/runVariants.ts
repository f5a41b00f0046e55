/**
 * Runs a validated generation plan: one tracked job per variant, side by side, each saved into the
 * output folder as soon as it is done. Knows nothing of notifications; the command shows progress
 * and results. Everything that can be refused is refused before the first request.
 */
import type * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { Settings } from '../config/settings';
import type { JobTracker, SavedJob } from '../jobs/jobTracker';
import type { JobProgress } from '../jobs/runJob';
import type { Logger } from '../base/logger';
import { resolveOutputFolder } from '../workspace/imageWriter';
import { MissingApiKeyError } from '../domain/errors';
import type { GenerationPlan } from '../domain/plan';

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

export type SavedImage = SavedJob;

export interface GenerationOutcome {
  readonly saved: readonly SavedImage[];
  /** One entry per variant that did not produce a file. */
  readonly failures: readonly unknown[];
}

export interface ImageGeneratorDependencies {
  readonly tracker: JobTracker;
  readonly keys: ApiKeyStore;
  readonly logger: Logger;
}

export class ImageGenerator {
  constructor(private readonly deps: ImageGeneratorDependencies) {}

  async generate(run: GenerationRun): Promise<GenerationOutcome> {
    const { plan, settings } = run;
    const { logger, tracker } = this.deps;
    const outputFolder = await resolveOutputFolder(run.workspaceFolder, settings.outputFolder);
    if (!(await this.deps.keys.get())) throw new MissingApiKeyError();

    logger.info(`Generating ${plan.variants} image(s) with ${plan.model} (${settings.transport}): ${JSON.stringify({ ...plan.body, prompt: undefined })}`);
    const jobs = Array.from({ length: plan.variants }, (_, index) =>
      tracker.start(
        {
          model: plan.model, prompt: plan.prompt, parameters: plan.parameters, body: plan.body, transport: settings.transport,
          outputFolder, baseName: plan.baseName, saveMetadata: settings.saveMetadata, timeoutMs: settings.timeoutSeconds * 1000,
          ...(plan.variants > 1 ? { variant: { index: index + 1, of: plan.variants } } : {}),
          ...(plan.sourceImages ? { sourceImages: plan.sourceImages } : {}),
          ...(plan.mask ? { mask: plan.mask } : {}),
        },
        { ...(run.signal ? { signal: run.signal } : {}), onProgress: (progress) => run.onProgress?.({ ...progress, variant: index + 1 }) },
      ),
    );
    const settled = await Promise.allSettled(jobs.map((job) => job.done));

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
}
