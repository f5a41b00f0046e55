/**
 * A coding agent as the tests play it: the MCP SDK's own client, starting the server from the
 * launch spec that Connect an Agent gives (`{ agent: "json" }`), with an environment like a
 * terminal's — this process's, minus everything VS Code and the tests put there (`VSCODE_*`,
 * `SEGMIND_*`, `ELECTRON_*`) — in the folder the agent works in.
 */
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import * as fs from 'node:fs';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import type { LaunchSpec } from '../../../src/agentConfig/launchSpec';
import { channelFolder, readRegistrations, windowFor } from '../../../src/mcp/channelPlaces';
import { until } from '../../support/conditions';
import { executeCommand } from './commands';

export interface Agent {
  readonly client: Client;
  /** The server process (for /proc/<pid>/environ and cmdline). */
  readonly pid: number;
  /** The lines the server wrote to stderr. */
  readonly stderr: () => string;
  close(): Promise<void>;
}

export async function launchSpec(): Promise<LaunchSpec> {
  const spec = await executeCommand('segmind.connectAgent', { agent: 'json' });
  assert.ok(spec && 'command' in spec && typeof spec.command === 'string' && Array.isArray(spec.args), `a launch spec, got ${JSON.stringify(spec)}`);
  return spec;
}

/** The environment of a terminal: none of VS Code's variables, none of ours. */
export function terminalEnvironment(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(VSCODE_|SEGMIND_|ELECTRON_)/i.test(name)) env[name] = value;
  }
  return { ...env, ...extra };
}

/** Waits until this window has registered `folder` (the extension opens its channel just after it starts). */
export async function windowServes(folder: vscode.Uri): Promise<void> {
  const real = fs.realpathSync(folder.fsPath);
  await until(() => windowFor(real, readRegistrations(channelFolder())) !== undefined, `a window registered for ${real}`);
}

export async function startAgent(cwd: string, spec?: LaunchSpec): Promise<Agent> {
  const launch = spec ?? (await launchSpec());
  const transport = new StdioClientTransport({
    command: launch.command,
    args: [...launch.args],
    env: terminalEnvironment(launch.env),
    cwd,
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const client = new Client({ name: 'integration-test-agent', version: '1.0.0' });
  await client.connect(transport);
  const pid = transport.pid;
  assert.ok(pid, 'the server process runs');
  return { client, pid, stderr: () => stderr, close: () => client.close() };
}

/** The text blocks of a tool result, joined. */
export function textOf(result: { content?: unknown }): string {
  return ((result.content ?? []) as { type: string; text?: string }[])
    .filter((block) => block.type === 'text')
    .map((block) => block.text ?? '')
    .join('\n');
}
