/**
 * What an agent can ask of this window — make an image, find and fill the missing ones, read the
 * credits — as one implementation behind every way agents come in: the language model tools of VS
 * Code's own chat, and the MCP server's calls over the channel (./windowChannel.ts). A new entry point,
 * not a second flow: a call is a scripted run of the one flow (ScriptedAsker asks nothing; the
 * result text is the presenter), spends from the agent's daily limit, waits for a trusted
 * workspace when it is paid, and answers refusals as text that says what to change.
 */
import * as vscode from 'vscode';
import { Buffer } from 'node:buffer';
import type { Settings } from '../config/settings';
import { AGENT_TOOL_SCHEMAS, type AgentToolName } from '../domain/generation/agentTools';
import { InvalidParametersError, isSegmindError } from '../domain/errors/errors';
import { readPixelSize, sniffImageFormat } from '../domain/images/imageFormat';
import { DEFAULT_PLACEHOLDER_SIZE } from '../domain/images/placeholder';
import type { ToolInput } from '../domain/generation/options';
import type { GenerationFlow, GenerationRequest } from '../flow/generationFlow';
import type { PlaceholderMaker } from '../flow/placeholders';
import { ScriptedAsker } from '../flow/scriptedAsker';
import { scriptedFillAnswer, type FillAnswer, type ScriptedFillDependencies } from '../flow/scriptedFill';
import { requireTrust } from '../flow/trust';
import type { Logger } from '../log/logger';
import { previewPng } from '../pixels/preview';
import type { AgentResult } from '../protocol/agentChannel';
import type { Credits } from '../segmind/clientTypes';
import type { SpendLedger } from '../spending/spendLedger';
import { failureWords } from '../ui/pure/errorMessages';
import { chooseWorkspaceFolder } from '../workspace/workspaceFolders';
import { agentErrorText, creditsText, missingImagesText, type CreditFacts, placeholderResultText, resultText, type SavedImageFacts } from './pure/agentText';

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

/** What an image call made: the text an agent reads, the previews, and the facts (MCP's structured content). */
export interface MadeImages {
  readonly text: string;
  readonly previews: readonly Uint8Array[];
  readonly saved: readonly (SavedImageFacts & { readonly placeholder?: true })[];
}

const DEFAULT_SIZE = `${DEFAULT_PLACEHOLDER_SIZE.width}x${DEFAULT_PLACEHOLDER_SIZE.height}`;
/** What Restricted Mode refuses here: an agent's paid image (its free placeholders still work). */
const AGENT_RUN = 'A paid image asked for by an agent';

export class AgentCalls {
  constructor(private readonly deps: AgentCallsDependencies) {}

  /** One tool call from the MCP server: parsed with the tool's schema, run, answered (a refusal is an `isError` result). */
  async call(tool: AgentToolName, args: unknown, signal: AbortSignal): Promise<AgentResult> {
    let input: unknown;
    try {
      input = parseInput(tool, args);
      switch (tool) {
        case 'generate_image': {
          const made = await this.generate(input as ToolInput, signal);
          return {
            content: [
              { type: 'text', text: made.text },
              ...made.previews.map((png) => ({ type: 'image' as const, data: Buffer.from(png).toString('base64'), mimeType: 'image/png' as const })),
            ],
            structuredContent: { saved: made.saved.map(structuredImage) },
          };
        }
        case 'find_missing_images':
        case 'fill_missing_images': {
          const finding = tool === 'find_missing_images';
          const { missing, elsewhere } = await this.missingImages(finding ? { ...(input as object), mode: 'list' } : (input as object), signal);
          return {
            content: [{ type: 'text', text: missingImagesText(missing, !finding, elsewhere) }],
            structuredContent: finding ? { missing, elsewhere } : { missing },
          };
        }
        case 'check_credits':
          return await this.checkCredits();
      }
    } catch (error) {
      return { content: [{ type: 'text', text: await this.errorText(error, input) }], isError: true };
    }
  }

  /** `generate_image` / `segmind_generate_image`: a free placeholder, or a paid image through the one flow. Throws typed errors. */
  async generate(input: ToolInput, signal?: AbortSignal): Promise<MadeImages> {
    if (input.placeholder) {
      const made = await this.deps.placeholders.make({ size: input.resize ?? DEFAULT_SIZE, prompt: input.prompt, ...(input.path ? { path: input.path } : {}) });
      const path = vscode.workspace.asRelativePath(made.uri);
      return {
        text: placeholderResultText(path, made.spec),
        previews: [],
        saved: [{ path, width: made.spec.width, height: made.spec.height, format: made.spec.format, model: 'placeholder', warnings: [], placeholder: true }],
      };
    }
    requireTrust(AGENT_RUN);
    const result = await this.deps.flow.run(generationRequest(input, signal), new ScriptedAsker(this.deps.logger, 'An agent'));
    if (!result.ran) throw new Error(result.reason);
    const { saved, failures } = result.outcome;
    if (saved.length === 0) throw failures[0] instanceof Error ? failures[0] : new Error('No image was saved.');
    const facts: SavedImageFacts[] = [];
    const previews: Uint8Array[] = [];
    for (const image of saved) {
      const bytes = await vscode.workspace.fs.readFile(image.uri);
      const size = readPixelSize(bytes);
      facts.push({
        path: vscode.workspace.asRelativePath(image.uri),
        format: sniffImageFormat(bytes) ?? image.job.image.format,
        model: result.plan.model,
        warnings: image.warnings,
        ...(size ? { width: size.width, height: size.height } : {}),
        ...(image.job.requestId ? { requestId: image.job.requestId } : {}),
        ...(image.job.cost === undefined ? {} : { cost: image.job.cost }),
      });
      const preview = await previewPng(bytes).catch(() => undefined);
      if (preview) previews.push(preview);
    }
    return {
      text: resultText(
        input.prompt,
        facts,
        failures.map((failure) => failureWords(failure)),
      ),
      previews,
      saved: facts,
    };
  }

  /** `find_missing_images` / `fill_missing_images` / `segmind_find_missing_images`: Fill Missing Images as a script, on the agent's limit. */
  missingImages(options: object, signal?: AbortSignal): Promise<FillAnswer> {
    return scriptedFillAnswer(
      this.deps.fill,
      { ...options },
      { spender: 'agent', caller: 'An agent', ...(signal ? { progress: { cancelled: () => signal.aborted } } : {}) },
    );
  }

  private async checkCredits(): Promise<AgentResult> {
    const { credits } = await this.deps.credits();
    const today = await this.deps.spending.refresh();
    const limits = this.deps.spending.currentLimits();
    const facts: CreditFacts = {
      credits,
      todaySpend: today.totalUsd,
      agentSpend: today.agentUsd,
      dailySpendLimit: limits.dailyUsd,
      agentDailySpendLimit: limits.agentDailyUsd,
    };
    return { content: [{ type: 'text', text: creditsText(facts) }], structuredContent: { ...facts } };
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

export function generationRequest(input: ToolInput, signal?: AbortSignal): GenerationRequest {
  return { options: input, edit: (input.images?.length ?? 0) > 0, spender: 'agent', ...(signal ? { signal } : {}) };
}

/** The arguments as the tool's schema reads them, or an InvalidParametersError naming each problem. */
export function parseInput(tool: AgentToolName, args: unknown): unknown {
  const parsed = AGENT_TOOL_SCHEMAS[tool]().safeParse(args ?? {});
  if (parsed.success) return parsed.data;
  throw new InvalidParametersError(
    parsed.error.issues.map((issue) => ({
      parameter: issue.path.join('.') || 'input',
      message: `${issue.path.join('.') || 'The input'}: ${issue.message}.`,
    })),
  );
}

function structuredImage(image: MadeImages['saved'][number]): Record<string, unknown> {
  return {
    path: image.path,
    width: image.width,
    height: image.height,
    format: image.format,
    ...(image.placeholder ? { placeholder: true } : { model: image.model }),
    ...(image.cost === undefined ? {} : { cost: image.cost }),
  };
}

function folderQuietly(): vscode.Uri | undefined {
  try {
    return chooseWorkspaceFolder();
  } catch {
    return undefined;
  }
}
