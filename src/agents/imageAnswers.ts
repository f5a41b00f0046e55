/**
 * The answers of the image calls, built from what the flow did: each file written (the render and
 * the other files of its set), read back for its pixel size and format, named as the agent names
 * paths, with its request id, cost and Markdown line; each image that failed, with its request id;
 * the warnings. What both renderings (structuredContent and the text) are made from.
 */
import * as vscode from 'vscode';
import type { FailedImage, FillAnswer, SavedImage } from '../domain/generation/agentAnswers';
import { readPixelSize, sniffImageFormat } from '../domain/images/imageFormat';
import type { MissingImageEntry } from '../domain/references/imageReference';
import type { SavedJob } from '../jobs/jobRequest';
import { previewPng } from '../pixels/preview';
import { shownPath, type AgentPlace } from './agentPlace';
import { markdownOf } from './pure/agentAnswerText';

/** A file written, as the answer names it; undefined when it cannot be read back (it went away). */
export async function savedImage(
  uri: vscode.Uri,
  place: AgentPlace | undefined,
  facts: {
    readonly prompt?: string;
    readonly model?: string;
    readonly requestId?: string;
    readonly cost?: number;
    readonly placeholder?: true;
    readonly format?: string;
  },
): Promise<{ readonly image: SavedImage; readonly bytes: Uint8Array } | undefined> {
  const bytes = await Promise.resolve(vscode.workspace.fs.readFile(uri)).catch(() => undefined);
  if (!bytes) return undefined;
  const size = readPixelSize(bytes);
  const path = shownPath(place, uri);
  return {
    bytes,
    image: {
      path,
      ...(size ? { width: size.width, height: size.height } : {}),
      format: sniffImageFormat(bytes) ?? facts.format ?? (/\.(\w+)$/.exec(uri.path)?.[1]?.toLowerCase() || 'unknown'),
      ...(facts.placeholder ? { placeholder: true } : facts.model ? { model: facts.model } : {}),
      ...(facts.cost === undefined ? {} : { cost: facts.cost }),
      ...(facts.requestId ? { requestId: facts.requestId } : {}),
      markdown: markdownOf(path, facts.prompt),
    },
  };
}

/** The saved files of a paid run (each render and its set's other files) and their previews. */
export async function savedJobs(
  jobs: readonly SavedJob[],
  place: AgentPlace | undefined,
  model: string,
): Promise<{ readonly saved: SavedImage[]; readonly previews: Uint8Array[]; readonly warnings: string[] }> {
  const saved: SavedImage[] = [];
  const previews: Uint8Array[] = [];
  const warnings: string[] = [];
  for (const job of jobs) {
    for (const uri of [job.uri, ...(job.alsoSaved ?? [])]) {
      const made = await savedImage(uri, place, {
        prompt: job.prompt,
        model,
        format: job.job.image.format,
        ...(job.job.requestId ? { requestId: job.job.requestId } : {}),
        ...(uri === job.uri && job.job.cost !== undefined ? { cost: job.job.cost } : {}),
      });
      if (!made) continue;
      saved.push(made.image);
      if (uri === job.uri) {
        const preview = await previewPng(made.bytes).catch(() => undefined);
        if (preview) previews.push(preview);
      }
    }
    warnings.push(...job.warnings);
  }
  return { saved, previews, warnings };
}

/** The request id a failure carries (a job that failed or timed out has one), if any. */
export function requestIdOf(failure: unknown): string | undefined {
  const id = (failure as { requestId?: unknown } | null)?.requestId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** A fill's answer: its entries, each file it made (read back), each target it did not make. */
export async function fillAnswer(
  entries: readonly MissingImageEntry[],
  targetUri: (entry: MissingImageEntry) => vscode.Uri | undefined,
  place: AgentPlace | undefined,
  placeholders: boolean,
  show: (entry: MissingImageEntry) => MissingImageEntry,
): Promise<Omit<FillAnswer, 'elsewhere'>> {
  const saved: SavedImage[] = [];
  const failed: FailedImage[] = [];
  const failedTargets = new Set<string>();
  for (const entry of entries) {
    const shown = show(entry);
    if (entry.saved) {
      const uri = targetUri(entry);
      const made = uri && (await savedImage(uri, place, { prompt: entry.prompt, ...(placeholders ? { placeholder: true } : {}) }));
      if (made) saved.push(made.image);
    } else if (entry.error && !failedTargets.has(entry.target)) {
      failedTargets.add(entry.target);
      failed.push({ path: shown.target, error: entry.error });
    }
  }
  return { missing: entries.map(show), saved, failed, warnings: [] };
}
