/**
 * The answers of the image calls, built from what the flow did: each file written (the render and
 * the other files of its set) with the format and pixel size its writer knew, named as the agent names
 * paths, with its request id, cost and Markdown line; each image that failed, with its request id;
 * the warnings. What both renderings (structuredContent and the text) are made from.
 */
import * as vscode from 'vscode';
import type { FailedImage, FillAnswer, SavedImage } from '../domain/generation/agentAnswers';
import { readPixelSize, sniffImageFormat } from '../domain/images/imageFormat';
import type { MissingImageEntry } from '../domain/references/imageReference';
import type { SavedJob, WrittenFile } from '../jobs/jobRequest';
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
export function answeredImage(file: Omit<WrittenFile, 'format'> & { readonly format: string }, place: AgentPlace | undefined, facts: ImageFacts): SavedImage {
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

/**
 * A file a fill made, read back for its format and pixel size (a fill's entries name targets, not
 * the files as written); undefined when it cannot be read (it went away).
 */
async function readBackImage(uri: vscode.Uri, place: AgentPlace | undefined, facts: ImageFacts): Promise<SavedImage | undefined> {
  const bytes = await Promise.resolve(vscode.workspace.fs.readFile(uri)).catch(() => undefined);
  if (!bytes) return undefined;
  const format = sniffImageFormat(bytes) ?? (/\.(\w+)$/.exec(uri.path)?.[1]?.toLowerCase() || 'unknown');
  const pixelSize = readPixelSize(bytes);
  return answeredImage({ uri, format, ...(pixelSize ? { pixelSize } : {}) }, place, facts);
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
      const made = uri && (await readBackImage(uri, place, { prompt: entry.prompt, ...(placeholders ? { placeholder: true } : {}) }));
      if (made) saved.push(made);
    } else if (entry.error && !failedTargets.has(entry.target)) {
      failedTargets.add(entry.target);
      failed.push({ path: shown.target, error: entry.error });
    }
  }
  return { missing: entries.map(show), saved, failed, warnings: [] };
}
