/**
 * The variants step of the flow: one tracked job per variant, side by side, each saved as soon as
 * it is done. A failure of one variant never touches another; the outcome lists both kinds.
 */
import type * as vscode from 'vscode';
import type { Logger } from '../log/logger';
import type { GenerationPlan } from '../domain/generation/plan';
import type { Transport } from '../domain/jobs/transport';
import type { JobTracker, KeepUnmaskedSource, SavedJob, SetMember } from '../jobs/jobTracker';
import type { JobProgress } from '../jobs/pure/runJob';

export interface VariantProgress extends JobProgress {
  readonly variant: number;
}

export interface VariantRun {
  readonly plan: GenerationPlan;
  /** Created and confined already (checked again before each write). */
  readonly outputFolder: vscode.Uri;
  readonly workspaceFolder: vscode.Uri;
  /** The folder is the one of `path`. */
  readonly chosenPath: boolean;
  /** The extension `path` was written with. */
  readonly extension?: string;
  /** Render Placeholder with AI: the placeholder to replace, while unchanged. */
  readonly replaces?: { readonly sha256: string };
  readonly transport: Transport;
  readonly saveMetadata: boolean;
  readonly timeoutMs: number;
  readonly keepUnmasked?: KeepUnmaskedSource;
  /** The other files of the set this one image is rendered for (one variant only). */
  readonly alsoWrite?: readonly SetMember[];
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: VariantProgress) => void;
  /** Just before each variant's submit request, with the job's id (the spend ledger counts it then). */
  readonly beforeSubmit?: (jobId: string) => Promise<void>;
}

export interface GenerationOutcome {
  readonly saved: readonly SavedJob[];
  /** One entry per variant that did not produce a file: the typed error it ended with. */
  readonly failures: readonly unknown[];
}

export async function runVariants(tracker: JobTracker, logger: Logger, run: VariantRun): Promise<GenerationOutcome> {
  const { plan } = run;
  logger.info(`Generating ${plan.variants} image(s) with ${plan.model} (${run.transport}): ${JSON.stringify({ ...plan.body, prompt: undefined })}`);
  const jobs = Array.from({ length: plan.variants }, (_, index) =>
    tracker.start(
      {
        model: plan.model,
        ...(plan.like === plan.model ? {} : { like: plan.like }),
        prompt: plan.prompt,
        parameters: plan.parameters,
        body: plan.body,
        transport: run.transport,
        outputFolder: run.outputFolder,
        workspaceFolder: run.workspaceFolder,
        ...(run.chosenPath ? { chosenPath: true } : {}),
        baseName: plan.baseName,
        saveMetadata: run.saveMetadata,
        timeoutMs: run.timeoutMs,
        ...(run.extension ? { extension: run.extension } : {}),
        ...(run.replaces ? { replaces: run.replaces } : {}),
        ...(plan.variants > 1 ? { variant: { index: index + 1, of: plan.variants } } : {}),
        ...(plan.sourceImages ? { sourceImages: plan.sourceImages } : {}),
        ...(plan.mask ? { mask: plan.mask } : {}),
        ...(plan.exact ? { exact: plan.exact } : {}),
        ...(run.keepUnmasked ? { keepUnmasked: run.keepUnmasked } : {}),
        ...(plan.stylePrompt ? { stylePrompt: plan.stylePrompt } : {}),
        ...(run.alsoWrite && plan.variants === 1 ? { alsoWrite: run.alsoWrite } : {}),
      },
      {
        ...(run.signal ? { signal: run.signal } : {}),
        ...(run.beforeSubmit ? { beforeSubmit: run.beforeSubmit } : {}),
        onProgress: (progress) => run.onProgress?.({ ...progress, variant: index + 1 }),
      },
    ),
  );
  const settled = await Promise.allSettled(jobs.map((job) => job.done));

  const saved: SavedJob[] = [];
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
