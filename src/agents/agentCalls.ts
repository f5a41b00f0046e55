/**
 * What an agent can ask of this window — make an image, find and fill the missing ones, read the
 * credits — as one implementation behind every way agents come in: the language model tools of VS
 * Code's own chat, and the MCP server's calls over the channel (./windowChannel.ts). A new entry point,
 * not a second flow: a call is a scripted run of the one flow (ScriptedAsker asks nothing; the
 * result text is the presenter), spends from the agent's daily limit, waits for a trusted
 * workspace when it is paid, and answers refusals as text that says what to change.
 */
import type * as vscode from 'vscode';
import { Buffer } from 'node:buffer';
import type { Settings } from '../config/settings';
import type { CreditsAnswer, FillAnswer, FindAnswer, GenerateAnswer } from '../domain/generation/agentAnswers';
import { AGENT_TOOL_SCHEMAS, type AgentToolInput, type AgentToolName } from '../domain/generation/agentTools';
import type * as z from '../domain/generation/schema';
import { InvalidParametersError, invalidParametersOf, isSegmindError } from '../domain/errors/errors';
import { DEFAULT_PLACEHOLDER_SIZE } from '../domain/images/placeholder';
import type { ToolInput } from '../domain/generation/options';
import type { GenerationFlow, GenerationRequest, Presenter } from '../flow/generationFlow';
import type { PlaceholderMaker } from '../flow/placeholders';
import { ScriptedAsker } from '../flow/scriptedAsker';
import { scriptedFillAnswer, type FillRequest, type ScriptedFillDependencies } from '../flow/scriptedFill';
import type { MissingImageEntry } from '../domain/references/imageReference';
import { requireTrust } from '../flow/trust';
import type { Logger } from '../log/logger';
import type { AgentResult } from '../mcp/wire';
import type { Credits } from '../segmind/clientTypes';
import type { SpendLedger } from '../spending/spendLedger';
import { chooseWorkspaceFolder } from '../workspace/workspaceFolders';
import { agentPlace, folderRelative, resolveAgentPath, shownPath, shownWorkspacePath, type AgentPlace } from './agentPlace';
import { CallProgress } from './callProgress';
import { fillAnswer, requestIdOf, answeredImage, savedJobs } from './imageAnswers';
import { creditsText, fillText, findText, generateText, nextStep } from './pure/agentAnswerText';
import { agentErrorText } from './pure/agentText';
import { scopeOf } from './agentScope';

export interface AgentCallsDependencies {
  readonly flow: GenerationFlow;
  readonly placeholders: PlaceholderMaker;
  readonly logger: Logger;
  readonly readSettings: (workspaceFolder?: vscode.Uri) => Settings;
  readonly spending: Pick<SpendLedger, 'today' | 'currentLimits' | 'refresh'>;
  readonly credits: () => Promise<Credits>;
  /** What Fill Missing Images runs with. */
  readonly fill: ScriptedFillDependencies;
  /** Shown to the user when an agent's call needs a key (an agent cannot set one). */
  readonly missingKey: () => void;
}

/** What an image call made: its answer (MCP's structured content, the text's one source) and the previews. */
export interface MadeImages {
  readonly answer: GenerateAnswer;
  readonly previews: readonly Uint8Array[];
}

/** How one call runs: its cancellation, the agent's working directory (the MCP server's), where its progress goes. */
export interface CallContext {
  readonly signal?: AbortSignal;
  /** The agent's working directory, as a real path; without it (Copilot's tools) paths are workspace-relative. */
  readonly directory?: string;
  readonly progress?: (message: string) => void;
}

const DEFAULT_SIZE = `${DEFAULT_PLACEHOLDER_SIZE.width}x${DEFAULT_PLACEHOLDER_SIZE.height}`;
/** What Restricted Mode refuses here: an agent's paid image (its free placeholders still work). */
const AGENT_RUN = 'A paid image asked for by an agent';

export class AgentCalls {
  constructor(private readonly deps: AgentCallsDependencies) {}

  /** One tool call from the MCP server: parsed with the tool's schema, run, answered (a refusal is an `isError` result). */
  async call(tool: AgentToolName, args: unknown, context: CallContext): Promise<AgentResult> {
    let input: unknown;
    const progress = new CallProgress(context.progress);
    try {
      input = parseInput(tool, args);
      switch (tool) {
        case 'generate_image': {
          const made = await this.generate(input as ToolInput, context, progress);
          return {
            content: [
              { type: 'text', text: generateText(made.answer) },
              ...made.previews.map((png) => ({ type: 'image' as const, data: Buffer.from(png).toString('base64'), mimeType: 'image/png' as const })),
            ],
            structuredContent: { ...made.answer },
          };
        }
        case 'find_missing_images': {
          const answer = await this.find(input as AgentToolInput<'find_missing_images'>, context);
          return { content: [{ type: 'text', text: findText(answer) }], structuredContent: { ...answer } };
        }
        case 'fill_missing_images': {
          const answer = await this.fill(input as AgentToolInput<'fill_missing_images'>, context, progress);
          return { content: [{ type: 'text', text: fillText(answer) }], structuredContent: { ...answer } };
        }
        case 'check_credits': {
          const answer = await this.checkCredits();
          return { content: [{ type: 'text', text: creditsText(answer) }], structuredContent: { ...answer } };
        }
      }
    } catch (error) {
      return { content: [{ type: 'text', text: await this.errorText(error, input) }], isError: true };
    } finally {
      progress.end();
    }
  }

  /** `generate_image` / `segmind_generate_image`: a free placeholder, or a paid image through the one flow. Throws typed errors. */
  async generate(input: ToolInput, context: CallContext = {}, progress?: CallProgress): Promise<MadeImages> {
    const place = placeOf(context);
    const options = place ? inPlace(input, place) : input;
    const origin = place?.cwd;
    if (options.placeholder) {
      const made = await this.deps.placeholders.make(
        { size: options.resize ?? DEFAULT_SIZE, prompt: options.prompt, ...(options.path ? { path: options.path } : {}) },
        origin,
      );
      const { spec } = made;
      const saved = answeredImage({ uri: made.uri, format: spec.format, pixelSize: { width: spec.width, height: spec.height } }, place, {
        prompt: spec.prompt ?? options.prompt,
        placeholder: true,
      });
      return { answer: { saved: [saved], failed: [], warnings: [] }, previews: [] };
    }
    requireTrust(AGENT_RUN);
    const presenter: Presenter = { progress: (update) => progress?.job(update.variant, input.variants ?? 1, update.phase, update.elapsedMs) };
    const result = await this.deps.flow.run(
      { ...generationRequest(options, context.signal), ...(origin ? { origin } : {}) },
      new ScriptedAsker(this.deps.logger, 'An agent'),
      presenter,
    );
    if (!result.ran) throw new Error(result.reason);
    const { saved, failures } = result.outcome;
    if (saved.length === 0) throw failures[0] instanceof Error ? failures[0] : new Error('No image was saved.');
    const made = await savedJobs(saved, place, result.plan.model);
    const model = result.plan.model;
    const failed = await Promise.all(
      failures.map(async (failure) => {
        const requestId = requestIdOf(failure);
        return { error: await this.errorText(failure, { model }), ...(requestId ? { requestId } : {}) };
      }),
    );
    return { answer: { saved: made.saved, failed, warnings: made.warnings }, previews: made.previews };
  }

  /** `find_missing_images` / `segmind_find_missing_images`: the missing images of the scope, and what to call next. */
  async find(input: { readonly scope?: string }, context: CallContext = {}): Promise<FindAnswer> {
    const place = placeOf(context);
    const scope = await scopeOf(input.scope, place);
    const found = await this.scan({ mode: 'list', ...(scope ? { scope } : {}) }, context);
    const answer = {
      missing: found.missing.map((entry) => shownEntry(place, entry)),
      ...shownElsewhere(place, found.elsewhere),
      ...shownNotRead(place, found.notRead),
    };
    const next = nextStep(answer.missing.length, input.scope);
    return { ...answer, ...(next ? { next } : {}) };
  }

  /** `fill_missing_images`: the missing images made, each file named with its format and size as written; the targets not made, each with why. */
  async fill(input: AgentToolInput<'fill_missing_images'>, context: CallContext = {}, progress?: CallProgress): Promise<FillAnswer> {
    const place = placeOf(context);
    // The tool's schema parsed the call; only the scope is resolved here, where the agent stands.
    const found = await this.scan({ ...input, scope: await scopeOf(input.scope, place) }, context, progress, place);
    const answer = fillAnswer(found.missing, found.made, place, input.mode === 'placeholder', (entry) => shownEntry(place, entry));
    return { ...answer, ...shownElsewhere(place, found.elsewhere), ...shownNotRead(place, found.notRead) };
  }

  private scan(request: FillRequest, context: CallContext, progress?: CallProgress, place?: AgentPlace): ReturnType<typeof scriptedFillAnswer> {
    const { signal } = context;
    return scriptedFillAnswer(this.deps.fill, request, {
      spender: 'agent',
      caller: 'An agent',
      progress: {
        cancelled: () => signal?.aborted === true,
        onTarget: (index, target, of) => progress?.target(index, of, shownPath(place, target.target)),
      },
      ...(signal ? { signal } : {}),
    });
  }

  private async checkCredits(): Promise<CreditsAnswer> {
    const { credits } = await this.deps.credits();
    const today = await this.deps.spending.refresh();
    const limits = this.deps.spending.currentLimits();
    return {
      credits,
      todaySpend: today.totalUsd,
      agentSpend: today.agentUsd,
      dailySpendLimit: limits.dailyUsd,
      agentDailySpendLimit: limits.agentDailyUsd,
    };
  }

  /** A failure as an agent can act on it; a missing key is also shown to the user, who alone can set one. */
  async errorText(error: unknown, input: unknown): Promise<string> {
    const typed = input as Partial<ToolInput> | undefined;
    const model = typed?.model ?? ((typed?.images?.length ?? 0) > 0 ? 'gpt-image-1-edit' : this.deps.readSettings(folderQuietly()).defaultModel);
    if (isSegmindError(error) && error.kind === 'missing-api-key') this.deps.missingKey();
    const balance =
      isSegmindError(error) && error.kind === 'not-acceptable'
        ? await this.deps
            .credits()
            .then((credits) => credits.credits)
            .catch(() => undefined)
        : undefined;
    const text = agentErrorText(error, { model, ...(balance === undefined ? {} : { balance }) });
    this.deps.logger.error(`Agent call: ${text}`);
    return text;
  }
}

/** The place of the call's directory; a directory this window does not hold is refused (the server picked the wrong window). */
function placeOf(context: CallContext): AgentPlace | undefined {
  if (!context.directory) return undefined;
  const place = agentPlace(context.directory);
  if (!place) {
    throw new InvalidParametersError([
      {
        parameter: 'directory',
        // eslint-disable-next-line no-restricted-syntax -- an agent's error: English, what a language model reads
        message: 'Your working directory is not inside a workspace folder of this VS Code window: start the agent in a folder the window has open.',
      },
    ]);
  }
  return place;
}

/** The input with its paths resolved against the agent's directory: `path` relative to its workspace folder, `images` and `mask` as Uris. */
function inPlace(input: ToolInput, place: AgentPlace): ToolInput {
  return {
    ...input,
    ...(input.path ? { path: folderRelative(place, resolveAgentPath(place, input.path, 'path')) } : {}),
    ...(input.images ? { images: input.images.map((image) => resolveAgentPath(place, image, 'images') as unknown as string) } : {}),
    ...(input.mask ? { mask: resolveAgentPath(place, input.mask, 'mask') as unknown as string } : {}),
  };
}

const shownEntry = (place: AgentPlace | undefined, entry: MissingImageEntry): MissingImageEntry =>
  place ? { ...entry, file: shownWorkspacePath(place, entry.file), target: shownWorkspacePath(place, entry.target) } : entry;

function shownElsewhere(place: AgentPlace | undefined, elsewhere: FindAnswer['elsewhere']): Pick<FindAnswer, 'elsewhere'> {
  if (!elsewhere) return {};
  return {
    elsewhere: elsewhere.map((entry) => ({
      ...entry,
      file: shownWorkspacePath(place, entry.file),
      candidates: entry.candidates.map((candidate) => shownWorkspacePath(place, candidate)),
    })),
  };
}

/** The files not read, named from the agent's folder; left out when every file was read. */
function shownNotRead(place: AgentPlace | undefined, notRead: FindAnswer['notRead']): Pick<FindAnswer, 'notRead'> {
  if (!notRead || notRead.length === 0) return {};
  return { notRead: notRead.map((entry) => ({ ...entry, file: shownWorkspacePath(place, entry.file) })) };
}

export function generationRequest(input: ToolInput, signal?: AbortSignal): GenerationRequest {
  return { options: input, edit: (input.images?.length ?? 0) > 0, spender: 'agent', ...(signal ? { signal } : {}) };
}

/** The arguments as the tool's schema reads them (parsed once, here, and typed from then on), or an InvalidParametersError naming each problem. */
export function parseInput<T extends AgentToolName>(tool: T, args: unknown): AgentToolInput<T> {
  const parsed = (AGENT_TOOL_SCHEMAS[tool]() as unknown as z.ZodMiniType<AgentToolInput<T>>).safeParse(args ?? {});
  if (parsed.success) return parsed.data;
  throw invalidParametersOf(parsed.error.issues, 'input', (parameter, message) => `${parameter ?? 'The input'}: ${message}.`);
}

function folderQuietly(): vscode.Uri | undefined {
  try {
    return chooseWorkspaceFolder();
  } catch {
    return undefined;
  }
}
