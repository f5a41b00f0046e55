/**
 * A VS Code window played by openChannel (src/mcp/channelHost.ts), registered as the real window
 * registers itself: the channel tests (wire.test.ts) and the MCP server tests (server.test.ts) both
 * need one, so it is written once here. Not a test file: mocha runs only *.test.js.
 */
import * as assert from 'node:assert/strict';
import type { AgentToolName } from '../../../src/domain/generation/agentTools';
import { type AgentResult, type Registration } from '../../../src/mcp/wire';
import { openChannel } from '../../../src/mcp/channelHost';
import { newChannelAddress, writeRegistration } from '../../../src/mcp/channelPlaces';

export interface Call {
  readonly tool: AgentToolName;
  readonly args: unknown;
  readonly signal: AbortSignal;
  readonly directory?: string;
  readonly progress: (message: string) => void;
}

/** A window played by openChannel: it records each call and answers with `answer`. */
export async function fakeWindow(
  folder: string,
  workspace: string[],
  answer: (call: Call) => Promise<AgentResult> = (call) => Promise.resolve(textResult(`ran ${call.tool}`, call.tool)),
) {
  const address = newChannelAddress(folder);
  assert.ok(address);
  const { window, socket } = address;
  const calls: Call[] = [];
  const refused: string[] = [];
  const token = `token-${window}`;
  const host = await openChannel({
    socket,
    window,
    token,
    handle: (tool, args, context) => {
      const call = { tool, args, ...context };
      calls.push(call);
      return answer(call);
    },
    log: (line) => refused.push(line),
  });
  const registration: Registration = { version: 1, window, socket, token, pid: process.pid, folders: workspace };
  writeRegistration(folder, registration);
  return { registration, calls, refused, host };
}

/** The least answer each tool's output schema takes (the SDK's client checks structuredContent against it). */
const EMPTY_ANSWERS: Readonly<Record<AgentToolName, Record<string, unknown>>> = {
  generate_image: { saved: [], failed: [], warnings: [] },
  find_missing_images: { missing: [] },
  fill_missing_images: { missing: [], saved: [], failed: [], warnings: [] },
  check_credits: { credits: 0, todaySpend: 0, agentSpend: 0, dailySpendLimit: 0, agentDailySpendLimit: 0 },
};

export const textResult = (text: string, tool?: AgentToolName): AgentResult => ({
  content: [{ type: 'text', text }],
  ...(tool ? { structuredContent: EMPTY_ANSWERS[tool] } : {}),
});
