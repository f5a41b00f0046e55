/**
 * `segmind_generate_image`, a language model tool for Copilot's agent mode and any chat agent: the
 * one flow as a scripted call (it asks nothing beyond VS Code's own confirmation), so its jobs show
 * in the status bar and Show Jobs, and the agent's cancellation stops them. The answer lists every
 * saved file, with a small preview image where VS Code carries one (LanguageModelDataPart, 1.106+).
 */
import * as vscode from 'vscode';
import { showWarning } from '../ui/show';
import { actionLabel } from '../ui/words/errorMessages';
import { COMMAND_IDS } from '../base/ids/commandIds';
import type { Logger } from '../log/logger';
import type { Settings } from '../config/settings';
import { InvalidParametersError, isSegmindError } from '../domain/errors';
import { sniffImageFormat, readPixelSize } from '../domain/imageFormat';
import { toolInputSchema, type ToolInput } from '../domain/options';
import type { GenerationFlow, GenerationRequest, PreparedRun } from '../flow/generationFlow';
import type { SpendLedger } from '../spending/spendLedger';
import { ScriptedAsker } from '../flow/scriptedAsker';
import { previewPng } from '../pixels/preview';
import { describeError, failureWords } from '../ui/words/errorMessages';
import { chooseWorkspaceFolder } from '../workspace/workspaceFolders';
import { TOOL_NAME } from '../base/ids/toolIds';
import type { PlaceholderMaker } from '../flow/placeholders';
import { requireTrust } from '../flow/trust';
import { DEFAULT_PLACEHOLDER_SIZE } from '../domain/placeholder';
import {
  agentErrorText,
  confirmationOf,
  placeholderConfirmation,
  placeholderResultText,
  resultText,
  unpreparedConfirmation,
  type Confirmation,
  type ConfirmationFacts,
  type SavedImageFacts,
} from './toolText';

export interface GenerateImageToolDependencies {
  readonly flow: GenerationFlow;
  readonly logger: Logger;
  readonly readSettings: (workspaceFolder?: vscode.Uri) => Settings;
  /** The balance, for a 406. */
  readonly balance: () => Promise<number | undefined>;
  /** Today's spend and the limits, for the confirmation. */
  readonly spending: SpendLedger;
  /** `placeholder: true`: drawn locally, nothing sent. */
  readonly placeholders: PlaceholderMaker;
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
      const input = this.parse(options.input);
      if (input.placeholder) {
        const text = placeholderConfirmation(input.path, input.resize ?? DEFAULT_SIZE);
        return { invocationMessage: text.invocationMessage, confirmationMessages: { title: text.title, message: new vscode.MarkdownString(text.message) } };
      }
      requireTrust(AGENT_RUN);
      const prepared = await this.deps.flow.prepare(this.requestOf(input), new ScriptedAsker(this.deps.logger, `${TOOL_NAME} (agent tool)`));
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

  private requestOf(input: ToolInput, signal?: AbortSignal): GenerationRequest {
    return { options: input, edit: (input.images?.length ?? 0) > 0, spender: 'agent', ...(signal ? { signal } : {}) };
  }

  private factsOf(input: ToolInput, prepared: PreparedRun): ConfirmationFacts {
    const { plan } = prepared;
    const relative = (uri: vscode.Uri): string => (uri.toString() === prepared.workspaceFolder.toString() ? '.' : vscode.workspace.asRelativePath(uri));
    const limits = this.deps.spending.currentLimits();
    return {
      prompt: input.prompt,
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
      input = this.parse(options.input);
      if (input.placeholder) {
        const made = await this.deps.placeholders.make({
          size: input.resize ?? DEFAULT_SIZE,
          prompt: input.prompt,
          ...(input.path ? { path: input.path } : {}),
        });
        return new vscode.LanguageModelToolResult([
          new vscode.LanguageModelTextPart(placeholderResultText(vscode.workspace.asRelativePath(made.uri), made.spec)),
        ]);
      }
      requireTrust(AGENT_RUN);
      const result = await this.deps.flow.run(this.requestOf(input, controller.signal), new ScriptedAsker(this.deps.logger, `${TOOL_NAME} (agent tool)`));
      if (!result.ran) throw new Error(result.reason);
      const { saved, failures } = result.outcome;
      if (saved.length === 0) throw failures[0] instanceof Error ? failures[0] : new Error('No image was saved.');
      const facts: SavedImageFacts[] = [];
      const parts: unknown[] = [];
      const images = dataParts();
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
        if (images) parts.push(images.image(await previewPng(bytes).catch(() => new Uint8Array()), 'image/png'));
      }
      const text = resultText(
        input.prompt,
        facts,
        failures.map((failure) => failureWords(failure)),
      );
      return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text), ...(parts as vscode.LanguageModelTextPart[])]);
    } catch (error) {
      throw await this.agentError(error, input);
    } finally {
      cancellation.dispose();
    }
  }

  private parse(raw: unknown): ToolInput {
    const parsed = toolInputSchema().safeParse(raw);
    if (parsed.success) return parsed.data;
    throw new InvalidParametersError(
      parsed.error.issues.map((issue) => ({
        parameter: issue.path.join('.') || 'input',
        message: `${issue.path.join('.') || 'The input'}: ${issue.message}.`,
      })),
    );
  }

  private folderQuietly(): vscode.Uri | undefined {
    try {
      return chooseWorkspaceFolder();
    } catch {
      return undefined;
    }
  }

  /** An error whose message tells the agent what to change; a missing key is also shown to the user. */
  private async agentError(error: unknown, input: ToolInput | undefined): Promise<Error> {
    const model = input?.model ?? ((input?.images?.length ?? 0) > 0 ? 'gpt-image-1-edit' : this.deps.readSettings(this.folderQuietly()).defaultModel);
    if (isSegmindError(error) && error.kind === 'missing-api-key') {
      void showWarning(vscode.l10n.t('An agent asked Segmind for an image, but no API key is set.'), actionLabel('setApiKey')).then((choice) => {
        if (choice) void vscode.commands.executeCommand(COMMAND_IDS.setApiKey);
      });
    }
    const balance = isSegmindError(error) && error.kind === 'not-acceptable' ? await this.deps.balance().catch(() => undefined) : undefined;
    const text = agentErrorText(error, { model, ...(balance === undefined ? {} : { balance }) });
    this.deps.logger.error(`${TOOL_NAME}: ${text}`);
    return Object.assign(new Error(text), { kind: (error as { kind?: unknown }).kind });
  }
}
