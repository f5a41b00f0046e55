/**
 * Connect an Agent scripted per agent, in the real window: `{ agent }` resolves to `{ agent, text,
 * file? }` at once (it asks nothing: a dialog would leave the call hanging) and writes nothing; the
 * text, read as its agent reads it (the Claude Code line split as sh splits it and parsed by claude's
 * grammar, Codex's TOML, the others' JSON), launches exactly what `{ agent: "json" }` gives, and the
 * server started from Claude Code's line answers an MCP client with the image tools.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as readToml } from 'smol-toml';
import * as vscode from 'vscode';
import type { AgentConnection } from '../../src/agentConfig/agents';
import type { LaunchSpec } from '../../src/agentConfig/launchSpec';
import { claudeMcpAdd, posixWords } from '../support/agentLines';
import { launchSpec, startAgent, windowServes } from './support/mcpClient';
import { executeCommand } from './support/commands';

const SERVER_KEY = 'segmind-image-studio';
/** The agents the picker offers, and where each keeps its entry (relative to the home folder). */
const FILES: Readonly<Record<string, string | undefined>> = {
  claude: undefined,
  codex: '.codex/config.toml',
  antigravity: '.gemini/config/mcp_config.json',
  cursor: '.cursor/mcp.json',
  'devin-desktop': '.codeium/windsurf/mcp_config.json',
};

const connect = (options: Record<string, unknown>): Thenable<unknown> => executeCommand('segmind.connectAgent', options);

/** Resolves within a time a dialog would not: the call asks nothing. */
async function promptly<T>(call: Thenable<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no answer within 10 s: did it ask?')), 10_000)));
  try {
    return await Promise.race([Promise.resolve(call), late]);
  } finally {
    clearTimeout(timer);
  }
}

type Entry = { command: string; args: string[]; env?: Record<string, string> };

/** The launch spec an agent gets from its text, read as that agent reads it. */
function specAsRead(agent: string, text: string): LaunchSpec {
  const asSpec = (entry: Entry | undefined): LaunchSpec => {
    assert.ok(entry, `an entry ${SERVER_KEY} in ${text}`);
    return {
      command: entry.command,
      args: entry.args,
      ...(entry.env && Object.keys(entry.env).length > 0 ? { env: entry.env } : {}),
    };
  };
  if (agent === 'claude') {
    const read = claudeMcpAdd(posixWords(text));
    assert.equal(read.name, SERVER_KEY);
    assert.equal(read.scope, 'user');
    return asSpec({ command: read.command, args: read.args, env: read.env });
  }
  if (agent === 'codex') {
    const table = (JSON.parse(JSON.stringify(readToml(text))) as { mcp_servers: Record<string, Entry> }).mcp_servers[SERVER_KEY];
    return asSpec(table);
  }
  return asSpec((JSON.parse(text) as { mcpServers: Record<string, Entry> }).mcpServers[SERVER_KEY]);
}

describe('Connect an Agent scripted per agent ({ agent } → { agent, text, file? })', function () {
  let spec: LaunchSpec;
  const snapshot = (): string[] =>
    Object.values(FILES).flatMap((file) =>
      file ? [`${file}: ${fs.existsSync(path.join(os.homedir(), file)) ? fs.statSync(path.join(os.homedir(), file)).mtimeMs : 'none'}`] : [],
    );

  before(async () => {
    spec = await launchSpec();
  });

  it('{ agent: "json" } and {} resolve to the launch spec', async () => {
    assert.deepEqual(await promptly(connect({ agent: 'json' })), spec);
    assert.deepEqual(await promptly(connect({})), spec);
    assert.ok(typeof spec.command === 'string' && spec.args.length === 1 && /segmind-image-studio-mcp\.cjs$/.test(spec.args[0] ?? ''), JSON.stringify(spec));
  });

  for (const [agent, file] of Object.entries(FILES)) {
    it(`${agent}: its text and file, at once, writing nothing; the text launches the launch spec`, async () => {
      const before = snapshot();
      const answer = (await promptly(connect({ agent }))) as AgentConnection;
      assert.deepEqual(Object.keys(answer).sort(), file ? ['agent', 'file', 'text'] : ['agent', 'text']);
      assert.equal(answer.agent, agent);
      if (file) assert.equal(answer.file, path.join(os.homedir(), ...file.split('/')));
      assert.deepEqual(specAsRead(agent, answer.text), spec, answer.text);
      assert.doesNotMatch(answer.text, /SEGMIND_API_KEY|sock|window/i, 'no key, socket or window in it');
      assert.deepEqual(snapshot(), before, 'no file written');
    });
  }

  it('old names are the agents they became: gemini the Antigravity CLI, windsurf Devin Desktop', async () => {
    assert.deepEqual(await promptly(connect({ agent: 'gemini' })), await connect({ agent: 'antigravity' }));
    assert.deepEqual(await promptly(connect({ agent: 'windsurf' })), await connect({ agent: 'devin-desktop' }));
  });

  it('an unknown agent is refused with a sentence naming the known ones', async () => {
    await assert.rejects(Promise.resolve(connect({ agent: 'cline' })), (error: Error) => {
      assert.match(error.message, /"cline"/);
      for (const known of ['claude', 'codex', 'antigravity', 'cursor', 'devin-desktop', 'json', 'gemini', 'windsurf'])
        assert.ok(error.message.includes(`"${known}"`), known);
      return true;
    });
    await assert.rejects(Promise.resolve(connect({ agent: 7 })), /7/);
  });

  it('the server started from Claude Code’s line as sh reads it answers with the image tools', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'a workspace folder');
    await windowServes(folder);
    const answer = (await connect({ agent: 'claude' })) as AgentConnection;
    const agent = await startAgent(folder.fsPath, specAsRead('claude', answer.text));
    try {
      const tools = (await agent.client.listTools()).tools.map((tool) => tool.name).sort();
      assert.deepEqual(tools, ['check_credits', 'fill_missing_images', 'find_missing_images', 'generate_image']);
    } finally {
      await agent.close();
    }
  });
});
