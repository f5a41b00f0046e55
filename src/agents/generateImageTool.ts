/**
 * `segmind_generate_image`, a language model tool for Copilot's agent mode and any chat agent: VS
 * Code's confirmation, built from the plan that will run, then the same call as an MCP server's
 * generate_image (src/agents/agentCalls.ts), so its jobs show in the status bar and Show Jobs, and the
 * agent's cancellation stops them. The answer lists every saved file, with a small preview image
 * where VS Code carries one (LanguageModelDataPart, 1.106+).
 */
import * as vscode from 'vscode';
import type { Logger } from '../log/logger';
import { isSegmindError } from '../domain/errors/errors';
import type { ToolInput } from '../domain/generation/options';
import type { GenerationFlow, PreparedRun } from '../flow/generationFlow';
import type { SpendLedger } from '../spending/spendLedger';
import { ScriptedAsker } from '../flow/scriptedAsker';
import { describeError } from '../ui/pure/errorMessages';
import { TOOL_NAME } from '../base/pure/toolIds';
import { requireTrust } from '../flow/trust';
import { generationRequest, parseInput, type AgentCalls } from './agentCalls';
import { generateText } from './pure/agentAnswerText';
import { DEFAULT_PLACEHOLDER_SIZE } from '../domain/images/placeholder';
import { confirmationOf, placeholderConfirmation, unpreparedConfirmation, type Confirmation, type ConfirmationFacts } from './pure/agentText';

export interface GenerateImageToolDependencies {
  readonly flow: GenerationFlow;
  readonly logger: Logger;
  /** Today's spend and the limits, for the confirmation. */
  readonly spending: SpendLedger;
  /** What the call runs (the same as an MCP server's generate_image). */
  readonly calls: AgentCalls;
}

const DEFAULT_SIZE = `${DEFAULT_PLACEHOLDER_SIZE.width}x${DEFAULT_PLACEHOLDER_SIZE.height}`;

interface DataPartFactory {
  image(data: Uint8Array, mimeType: string): unknown;
}

/** `LanguageModelDataPart` where this VS Code has it (1.106+); our engines start at 1.95, so it is looked up, not imported. */
function dataParts(): DataPartFactory | undefined {
  const candidate = (vscode as unknown as { LanguageModelDataPart?: DataPartFactory }).LanguageModelDataPart;
  return typeof candidate?.image === 'function' ? candidate : undefined;
}

/** What Restricted Mode refuses here: an agent's paid image (its free placeholders still work). */
const AGENT_RUN = `A paid image asked for by an agent (${TOOL_NAME})`;

export class GenerateImageTool implements vscode.LanguageModelTool<ToolInput> {
  constructor(private readonly deps: GenerateImageToolDependencies) {}

  /**
   * The confirmation, built from the same plan the call will run (GenerationFlow.prepare: the folder
   * of `path` or of the image decides the settings, `segmind.size` is named when it decides). Preparing
   * sends nothing. A call that cannot be prepared is still confirmed, saying why it will be refused.
   */
  async prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<ToolInput>): Promise<vscode.PreparedToolInvocation> {
    let confirmation: Confirmation;
    try {
      const input: ToolInput = parseInput('generate_image', options.input);
      if (input.placeholder) {
        const text = placeholderConfirmation(input.path, input.resize ?? DEFAULT_SIZE);
        return { invocationMessage: text.invocationMessage, confirmationMessages: { title: text.title, message: new vscode.MarkdownString(text.message) } };
      }
      requireTrust(AGENT_RUN);
      const prepared = await this.deps.flow.prepare(generationRequest(input), new ScriptedAsker(this.deps.logger, `${TOOL_NAME} (agent tool)`));
      confirmation = prepared.ready ? confirmationOf(this.factsOf(input, prepared)) : unpreparedConfirmation(options.input, prepared.reason);
    } catch (error) {
      confirmation = unpreparedConfirmation(
        options.input,
        isSegmindError(error) ? describeError(error).text : error instanceof Error ? error.message : String(error),
      );
    }
    return {
      invocationMessage: confirmation.invocationMessage,
      confirmationMessages: { title: confirmation.title, message: new vscode.MarkdownString(confirmation.message) },
    };
  }

  private factsOf(input: ToolInput, prepared: PreparedRun): ConfirmationFacts {
    const { plan } = prepared;
    const relative = (uri: vscode.Uri): string => (uri.toString() === prepared.workspaceFolder.toString() ? '.' : vscode.workspace.asRelativePath(uri));
    const limits = this.deps.spending.currentLimits();
    return {
      prompt: input.prompt,
      ...(plan.stylePrompt ? { stylePrompt: plan.stylePrompt } : {}),
      model: plan.model,
      variants: plan.variants,
      size: plan.parameters.size,
      sizeFrom: input.size !== undefined || (input.resize !== undefined && plan.exact) ? 'options' : plan.fromSettings?.includes('size') ? 'setting' : 'model',
      ...(plan.exact ? { exact: plan.exact } : {}),
      estimatedCostUsd: prepared.estimatedCostUsd,
      destination: prepared.target ? { file: relative(prepared.target) } : { folder: relative(prepared.folder) },
      uploads: prepared.uploads,
      uploadBaseUrl: prepared.settings.uploadBaseUrl,
      ...(limits.agentDailyUsd > 0 ? { agentSpend: { spentUsd: this.deps.spending.today().agentUsd, limitUsd: limits.agentDailyUsd } } : {}),
    };
  }

  async invoke(options: vscode.LanguageModelToolInvocationOptions<ToolInput>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    const controller = new AbortController();
    const cancellation = token.onCancellationRequested(() => controller.abort());
    let input: ToolInput | undefined;
    try {
      input = parseInput('generate_image', options.input);
      const made = await this.deps.calls.generate(input, { signal: controller.signal });
      const images = dataParts();
      const previews = images ? made.previews.map((png) => images.image(png, 'image/png')) : [];
      return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(generateText(made.answer)), ...(previews as vscode.LanguageModelTextPart[])]);
    } catch (error) {
      // A language model tool fails by throwing: its message is what the agent reads.
      throw Object.assign(new Error(await this.deps.calls.errorText(error, input)), { kind: (error as { kind?: unknown }).kind });
    } finally {
      cancellation.dispose();
    }
  }
}
