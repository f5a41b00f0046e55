/**
 * Issue 25's figures, taken inside the real host (test/bench/inHost.ts): the same free placeholder
 * `generate_image` made through the MCP server (the SDK's client over stdio → server → the window's
 * channel → AgentCalls) and through the language model tool (vscode.lm.invokeTool → AgentCalls),
 * alternating, after a warm-up; the difference of the medians is what the MCP path adds.
 */
import * as vscode from 'vscode';
import { startAgent, windowServes } from '../integration/support/mcpClient';

export interface AgentCallFigures {
  readonly runs: number;
  readonly mcpMs: readonly number[];
  readonly toolMs: readonly number[];
}

export async function agentCallFigures(folder: vscode.Uri, runs = 30, warmUp = 3): Promise<AgentCallFigures> {
  await windowServes(folder);
  const agent = await startAgent(folder.fsPath);
  const mcpMs: number[] = [];
  const toolMs: number[] = [];
  const input = (way: string, index: number): Record<string, unknown> => ({
    prompt: 'A bench placeholder',
    placeholder: true,
    path: `bench-agents/${way}-${index}.png`,
    resize: '64x64',
  });
  try {
    for (let index = 0; index < warmUp + runs; index++) {
      let started = performance.now();
      const result = await agent.client.callTool({ name: 'generate_image', arguments: input('mcp', index) });
      if (result.isError) throw new Error(`generate_image through MCP failed: ${JSON.stringify(result.content)}`);
      if (index >= warmUp) mcpMs.push(performance.now() - started);
      started = performance.now();
      await vscode.lm.invokeTool('segmind_generate_image', { input: input('tool', index), toolInvocationToken: undefined });
      if (index >= warmUp) toolMs.push(performance.now() - started);
    }
  } finally {
    await agent.close();
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'bench-agents'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  }
  return { runs, mcpMs, toolMs };
}
