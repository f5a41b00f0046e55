/**
 * `segmind_find_missing_images`, the second language model tool: the missing images of the
 * workspace (or of `scope`), as Fill Missing Images lists them, in text and as JSON. Free; it writes
 * and sends nothing, so it needs no confirmation beyond VS Code's own. The same call as an MCP
 * server's find_missing_images (src/agents/agentCalls.ts).
 */
import * as vscode from 'vscode';
import type { AgentToolInput } from '../domain/generation/agentTools';
import { parseInput, type AgentCalls } from './agentCalls';
import { findText } from './pure/agentAnswerText';

/** The tool's input as its schema reads it (the schema is package.json's, generated from it). */
export type FindMissingImagesInput = AgentToolInput<'find_missing_images'>;

export class FindMissingImagesTool implements vscode.LanguageModelTool<FindMissingImagesInput> {
  constructor(private readonly calls: AgentCalls) {}

  prepareInvocation(): vscode.PreparedToolInvocation {
    return { invocationMessage: vscode.l10n.t('Looking for missing images') };
  }

  async invoke(
    options: vscode.LanguageModelToolInvocationOptions<FindMissingImagesInput>,
    token: vscode.CancellationToken,
  ): Promise<vscode.LanguageModelToolResult> {
    const controller = new AbortController();
    const cancellation = token.onCancellationRequested(() => controller.abort());
    let input: FindMissingImagesInput | undefined;
    try {
      input = parseInput('find_missing_images', options.input);
      const answer = await this.calls.find(input, { signal: controller.signal });
      return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(findText(answer)), new vscode.LanguageModelTextPart(JSON.stringify(answer))]);
    } catch (error) {
      throw new Error(await this.calls.errorText(error, input), { cause: error });
    } finally {
      cancellation.dispose();
    }
  }
}
