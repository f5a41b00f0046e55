/**
 * The answers of the image calls, built from what the flow did: each file written (the render and
 * the other files of its set) with the format and pixel size its writer knew, named as the agent names
 * paths, with its request id, cost and Markdown line; each image that failed, with its request id;
 * the warnings. What both renderings (structuredContent and the text) are made from.
 */
import * as vscode from 'vscode';
import type { FailedImage, FillAnswer, SavedImage } from '../domain/generation/agentAnswers';
import type { MissingImageEntry } from '../domain/references/imageReference';
import type { MadeFile, SavedJob } from '../jobs/jobRequest';
import { previewPng } from '../pixels/preview';
import { shownPath, type AgentPlace } from './agentPlace';
import { markdownOf } from './pure/agentAnswerText';

/** What an answer says of an image besides the file: who made it, what it cost, its request id. */
interface ImageFacts {
  readonly prompt?: string;
  readonly model?: string;
  readonly requestId?: string;
  readonly cost?: number;
  readonly placeholder?: true;
}

/** A file written, as the answer names it: its format and pixel size as the writer knew them (a placeholder can be SVG). */
export function answeredImage(file: MadeFile, place: AgentPlace | undefined, facts: ImageFacts): SavedImage {
  const path = shownPath(place, file.uri);
  return {
    path,
    ...(file.pixelSize ? { width: file.pixelSize.width, height: file.pixelSize.height } : {}),
    format: file.format,
    ...(facts.placeholder ? { placeholder: true } : facts.model ? { model: facts.model } : {}),
    ...(facts.cost === undefined ? {} : { cost: facts.cost }),
    ...(facts.requestId ? { requestId: facts.requestId } : {}),
    markdown: markdownOf(path, facts.prompt),
  };
}

/** The saved files of a paid run (each render and its set's other files) and the renders' previews. */
export async function savedJobs(
  jobs: readonly SavedJob[],
  place: AgentPlace | undefined,
  model: string,
): Promise<{ readonly saved: SavedImage[]; readonly previews: Uint8Array[]; readonly warnings: string[] }> {
  const saved: SavedImage[] = [];
  const previews: Uint8Array[] = [];
  const warnings: string[] = [];
  for (const job of jobs) {
    const facts = { prompt: job.prompt, model, ...(job.job.requestId ? { requestId: job.job.requestId } : {}) };
    saved.push(answeredImage(job, place, { ...facts, ...(job.job.cost === undefined ? {} : { cost: job.job.cost }) }));
    saved.push(...(job.alsoSaved ?? []).map((file) => answeredImage(file, place, facts)));
    // The preview is of the file as it is on disk: the one read here, for the agent to see.
    const bytes = await Promise.resolve(vscode.workspace.fs.readFile(job.uri)).catch(() => undefined);
    const preview = bytes && (await previewPng(bytes).catch(() => undefined));
    if (preview) previews.push(preview);
    warnings.push(...job.warnings);
  }
  return { saved, previews, warnings };
}

/** The request id a failure carries (a job that failed or timed out has one), if any. */
export function requestIdOf(failure: unknown): string | undefined {
  const id = (failure as { requestId?: unknown } | null)?.requestId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** A fill's answer: its entries, each file it made (as written), each target it did not make. */
export function fillAnswer(
  entries: readonly MissingImageEntry[],
  made: ReadonlyMap<string, MadeFile>,
  place: AgentPlace | undefined,
  placeholders: boolean,
  show: (entry: MissingImageEntry) => MissingImageEntry,
): Omit<FillAnswer, 'elsewhere'> {
  const saved: SavedImage[] = [];
  const failed: FailedImage[] = [];
  const failedTargets = new Set<string>();
  for (const entry of entries) {
    const shown = show(entry);
    const file = entry.saved ? made.get(entry.target) : undefined;
    if (file) saved.push(answeredImage(file, place, { prompt: entry.prompt, ...(placeholders ? { placeholder: true } : {}) }));
    else if (entry.error && !failedTargets.has(entry.target)) {
      failedTargets.add(entry.target);
      failed.push({ path: shown.target, error: entry.error });
    }
  }
  return { missing: entries.map(show), saved, failed, warnings: [] };
}
