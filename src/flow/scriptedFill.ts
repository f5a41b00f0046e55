/**
 * Fill Missing Images without asking: the scripted command (`{ scope?, mode?, model?, quality?, style? }`)
 * and the agents' `find_missing_images` / `fill_missing_images` run this one function. It scans
 * (list mode writes and sends nothing), then makes the targets (./missingImageFill.ts) and answers one
 * entry per missing reference, in file then line order, each saying whether its target was made or why
 * not. What an agent fills counts against the agent's daily limit (`spender`).
 */
import * as vscode from 'vscode';
import type { ElsewhereEntry, NotReadEntry } from '../domain/generation/agentAnswers';
import { FILL_MODES, type FillMode, type MissingImageEntry } from '../domain/references/imageReference';
import { InvalidParametersError, type Spender } from '../domain/errors/errors';
import type { Logger } from '../log/logger';
import type { ElsewhereImage, MissingImage, MissingImageReading } from '../workspace/documentFindings';
import { scanForMissingImages, type ScanResult } from '../workspace/missingImageScan';
import { uriOfFileArgument } from '../workspace/fileArguments';
import type { GenerationFlow } from './generationFlow';
import { fillTargets, fillWithGenerated, fillWithPlaceholders, type FillResult, type FillRun } from './missingImageFill';
import type { PlaceholderMaker } from './placeholders';
import { ScriptedAsker } from './scriptedAsker';
import { requireTrust } from './trust';
import type { MadeFile } from '../jobs/jobRequest';

export type { ElsewhereEntry } from '../domain/generation/agentAnswers';

export interface ScriptedFillDependencies {
  readonly flow: GenerationFlow;
  readonly placeholders: PlaceholderMaker;
  readonly logger: Logger;
  /** The parser worker, the sites and the web root setting: what the scan resolves references with. */
  readonly reading: MissingImageReading;
  /** A failure in the user's words (the notifier's). */
  readonly words: (error: unknown) => Promise<string>;
}

export interface ScriptedFillOptions {
  /** Who spends (the agents have a daily limit of their own), and how the log names the caller. */
  readonly spender?: Spender;
  readonly caller?: string;
  /** Before each target is made, and whether the caller has stopped waiting. */
  readonly progress?: Pick<FillRun, 'onTarget' | 'cancelled'>;
  /** Stops waiting for a job, and every further write of it (the agents' cancellation). */
  readonly signal?: AbortSignal;
}

/** What a scripted fill answers the agents: every missing reference, and those whose image exists at another path. */
export interface ScriptedFillAnswer {
  readonly missing: MissingImageEntry[];
  readonly elsewhere: ElsewhereEntry[];
  /** Files that could not be read (workspace-relative), and why: their images are unknown. */
  readonly notRead: NotReadEntry[];
  /** Each file this call made, by its entries' `target`: its format and pixel size as written. */
  readonly made: ReadonlyMap<string, MadeFile>;
}

/**
 * What a fill is asked, parsed at its edge: a script's options object by parseFillOptions, an
 * agent's call by its tool's schema (its scope resolved where the agent stands).
 */
export interface FillRequest {
  readonly scope?: vscode.Uri;
  readonly mode: FillMode;
  readonly model?: string;
  readonly quality?: string;
  /** false: the project's style (segmind.stylePrompt) is left out of these images. */
  readonly style?: boolean;
}

/** A script's `{ scope?, mode?, model?, quality?, style? }` as a fill request; refused (thrown) with what to change. */
export function parseFillOptions(options: Record<string, unknown>): FillRequest {
  const mode = options['mode'] ?? 'list';
  if (!(FILL_MODES as readonly unknown[]).includes(mode)) {
    throw new InvalidParametersError([
      { parameter: 'mode', message: vscode.l10n.t('Mode {0} is not one of {1}.', JSON.stringify(mode), FILL_MODES.join(', ')) },
    ]);
  }
  const scope = options['scope'] === undefined ? undefined : uriOfFileArgument(options['scope']);
  if (options['scope'] !== undefined && !scope) {
    throw new InvalidParametersError([
      { parameter: 'scope', message: vscode.l10n.t('The scope {0} is not a file or folder of the workspace.', JSON.stringify(options['scope'])) },
    ]);
  }
  return {
    mode: mode as FillMode,
    ...(scope ? { scope } : {}),
    ...optional('model', options['model']),
    ...optional('quality', options['quality']),
    ...(options['style'] === false ? { style: false } : {}),
  };
}

/** A script's fill: one entry per missing reference; refused (thrown) as the command would be. */
export async function scriptedFill(
  deps: ScriptedFillDependencies,
  options: Record<string, unknown>,
  how: ScriptedFillOptions = {},
): Promise<MissingImageEntry[]> {
  return (await scriptedFillAnswer(deps, parseFillOptions(options), how)).missing;
}

/** The same run, with the references found elsewhere beside the entries (what the agents' tools answer). */
export async function scriptedFillAnswer(deps: ScriptedFillDependencies, request: FillRequest, how: ScriptedFillOptions = {}): Promise<ScriptedFillAnswer> {
  const { mode, scope } = request;
  // Refused before the scan reads anything: generating what the files ask for needs a trusted workspace.
  if (mode === 'generate') requireTrust('Fill Missing Images in generate mode');
  const { missing, elsewhere: foundElsewhere, unread } = logScan(deps.logger, await scanForMissingImages(scope, deps.reading));
  const elsewhere = foundElsewhere.map(elsewhereEntryOf);
  const notRead = unread.map(({ file, reason }) => ({ file: vscode.workspace.asRelativePath(file), reason }));
  if (mode === 'list') return { missing: missing.map((image) => entryOf(image, undefined)), elsewhere, notRead, made: new Map() };
  const targets = fillTargets(missing);
  const run = { ...fillRun(deps, how.progress), ...(how.signal ? { signal: how.signal } : {}) };
  const results =
    mode === 'placeholder'
      ? await fillWithPlaceholders(run, targets)
      : await fillWithGenerated(
          run,
          targets,
          {
            ...(request.model ? { model: request.model } : {}),
            ...(request.quality ? { quality: request.quality } : {}),
            ...(request.style === false ? { style: false } : {}),
            ...(how.spender ? { spender: how.spender } : {}),
          },
          new ScriptedAsker(deps.logger, how.caller ?? 'segmind.fillMissingImages (scripted)'),
        );
  const made = new Map(
    [...(results ?? new Map<string, FillResult>()).values()].flatMap((result) =>
      result.saved ? [[vscode.workspace.asRelativePath(result.file.uri), result.file] as const] : [],
    ),
  );
  return { missing: entriesOf(missing, results ?? new Map()), elsewhere, notRead, made };
}

export function fillRun(deps: ScriptedFillDependencies, progress?: Pick<FillRun, 'onTarget' | 'cancelled'>): FillRun {
  return { flow: deps.flow, placeholders: deps.placeholders, logger: deps.logger, words: deps.words, ...progress };
}

export function logScan(logger: Logger, scan: ScanResult): ScanResult {
  logger.info(
    `Looked for missing images in ${scan.files} files in ${scan.ms.toFixed(0)} ms (${scan.listMs.toFixed(0)} ms to find them): ${scan.missing.length} missing reference(s), ${scan.elsewhere.length} found elsewhere.`,
  );
  // An answer that leaves documents out says so: their images are unknown, not present.
  if (scan.unread.length > 0) {
    const named = scan.unread.slice(0, 20).map(({ file, reason }) => `${vscode.workspace.asRelativePath(file)} (${reason})`);
    logger.warn(`${scan.unread.length} file(s) could not be read, so their images are not listed: ${named.join('; ')}${scan.unread.length > 20 ? '; …' : ''}.`);
  }
  return scan;
}

const optional = (name: string, value: unknown): Record<string, string> => (typeof value === 'string' && value !== '' ? { [name]: value } : {});

/** One entry per reference: the first reference of a target made says `saved: true`, every reference of a target not made says why. */
export function entriesOf(missing: readonly MissingImage[], results: ReadonlyMap<string, FillResult>): MissingImageEntry[] {
  const reported = new Set<string>();
  return missing.map((image) => {
    const key = image.target.toString();
    const result = results.get(key);
    const first = !reported.has(key);
    reported.add(key);
    if (!result) return entryOf(image, false);
    return result.saved ? entryOf(image, first) : { ...entryOf(image, false), error: result.error };
  });
}

function entryOf(image: MissingImage, saved: boolean | undefined): MissingImageEntry {
  const { size } = image.reference;
  return {
    file: vscode.workspace.asRelativePath(image.document),
    line: image.line + 1,
    reference: image.reference.value,
    target: vscode.workspace.asRelativePath(image.target),
    ...(size ? { size: `${size.width}x${size.height}` } : {}),
    prompt: image.prompt,
    ...(saved === undefined ? {} : { saved }),
  };
}

/** A reference found elsewhere as the agents read it: where it is written, and the files it could mean. */
function elsewhereEntryOf(image: ElsewhereImage): ElsewhereEntry {
  return {
    file: vscode.workspace.asRelativePath(image.document),
    line: image.line + 1,
    reference: image.reference.value,
    candidates: image.candidates.map((candidate) => vscode.workspace.asRelativePath(vscode.Uri.joinPath(image.workspaceFolder, ...candidate.split('/')))),
  };
}
