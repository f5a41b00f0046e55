/**
 * How each coding agent is told about the MCP server (src/agentConfig/agentConfigs.ts) and Cursor's
 * registration (src/agents/cursor.ts) against a stub of `vscode.cursor.mcp`. The writers run on
 * fixtures: an existing file keeps every other entry and comment, a second run changes nothing, a
 * file that cannot be parsed is refused. The launch line itself: launchSpec.test.ts.
 */
import * as assert from 'node:assert/strict';
import { parse as parseJsonc } from 'jsonc-parser';
import { parse as readToml } from 'smol-toml';
import { AGENTS, AGENT_TABLE, configSnippet, SERVER_KEY, withServerEntry, type LaunchSpec } from '../../../src/agentConfig/agentConfigs';
import { cursorMcpOf, registerWithCursor } from '../../../src/agents/cursor';

/** TOML as plain objects (smol-toml's tables have no prototype). */
const parseToml = (text: string): unknown => JSON.parse(JSON.stringify(readToml(text)));

const LAUNCHER = '/home/ada/.config/Code/User/globalStorage/segmind.image-studio/mcp/segmind-image-studio-mcp.cjs';
const NODE: LaunchSpec = { command: 'node', args: [LAUNCHER] };
const ELECTRON: LaunchSpec = { command: '/usr/share/code/code', args: [LAUNCHER], env: { ELECTRON_RUN_AS_NODE: '1' } };

function edited(
  agent: Parameters<typeof withServerEntry>[0],
  existing: string,
  spec: LaunchSpec = NODE,
): { text: string; replaced: boolean; unchanged: boolean } {
  const edit = withServerEntry(agent, existing, spec);
  if ('problem' in edit) assert.fail(`refused: ${edit.problem}`);
  return edit;
}

describe('Connect an Agent: the configuration of each agent', () => {
  it('Claude Code: one command line, the server’s name before --env (which takes several values), the server after --', () => {
    assert.equal(configSnippet('claude', NODE), `claude mcp add --scope user segmind-image-studio -- node ${LAUNCHER}`);
    assert.equal(
      configSnippet('claude', ELECTRON),
      `claude mcp add --scope user segmind-image-studio --env ELECTRON_RUN_AS_NODE=1 -- /usr/share/code/code ${LAUNCHER}`,
    );
    assert.equal(
      configSnippet('claude', { command: 'C:\\Program Files\\Microsoft VS Code\\Code.exe', args: ['C:\\Users\\Ada Lovelace\\mcp.cjs'] }, 'windows'),
      'claude mcp add --scope user segmind-image-studio -- "C:\\Program Files\\Microsoft VS Code\\Code.exe" "C:\\Users\\Ada Lovelace\\mcp.cjs"',
      'on Windows a word with spaces is in double quotes, its backslashes as they are',
    );
    assert.equal(
      configSnippet('claude', { command: '/opt/VS Code/code', args: ["/home/o'brien/mcp.cjs"] }),
      `claude mcp add --scope user segmind-image-studio -- '/opt/VS Code/code' '/home/o'\\''brien/mcp.cjs'`,
      'in a POSIX shell, single quotes (a quote closed, escaped and reopened)',
    );
  });

  it('Codex CLI: a [mcp_servers.segmind-image-studio] table that TOML reads back as the spec', () => {
    const snippet = configSnippet('codex', ELECTRON);
    assert.equal(snippet.split('\n')[0], '[mcp_servers.segmind-image-studio]');
    assert.deepEqual(parseToml(snippet), {
      mcp_servers: { [SERVER_KEY]: { command: ELECTRON.command, args: [LAUNCHER], env: { ELECTRON_RUN_AS_NODE: '1' } } },
    });
  });

  it('Antigravity CLI, Cursor, Devin Desktop and Other: the "mcpServers" block', () => {
    for (const agent of ['antigravity', 'cursor', 'devin-desktop', 'json'] as const) {
      assert.deepEqual(JSON.parse(configSnippet(agent, NODE)), { mcpServers: { [SERVER_KEY]: { command: 'node', args: [LAUNCHER] } } }, agent);
    }
    assert.deepEqual(Object.fromEntries(AGENTS.flatMap((agent) => (AGENT_TABLE[agent].file ? [[agent, AGENT_TABLE[agent].file]] : []))), {
      codex: '.codex/config.toml',
      antigravity: '.gemini/config/mcp_config.json',
      cursor: '.cursor/mcp.json',
      'devin-desktop': '.codeium/windsurf/mcp_config.json',
    });
    assert.deepEqual([...AGENTS], ['claude', 'codex', 'antigravity', 'cursor', 'devin-desktop', 'json']);
  });

  it('no snippet names a window, a socket, a workspace or a key', () => {
    for (const agent of AGENTS) assert.doesNotMatch(configSnippet(agent, NODE), /sock|pipe|window|workspace|SEGMIND_API_KEY|sk-/i, agent);
  });
});

describe('Connect an Agent: adding the entry to an agent’s file', () => {
  const CURSOR_FILE = `{
  // my servers
  "mcpServers": {
    "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"], "env": { "GITHUB_TOKEN": "ghp_x" } },
  },
  "theme": "dark"
}
`;

  it('a JSON file: our entry added, every other entry, setting and comment kept; a second run changes nothing', () => {
    const first = edited('cursor', CURSOR_FILE);
    assert.equal(first.replaced, false);
    assert.match(first.text, /\/\/ my servers/);
    const value = parseJsonc(first.text) as { mcpServers: Record<string, unknown>; theme: string };
    assert.deepEqual(Object.keys(value.mcpServers), ['github', SERVER_KEY]);
    assert.deepEqual(value.mcpServers['github'], { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'], env: { GITHUB_TOKEN: 'ghp_x' } });
    assert.deepEqual(value.mcpServers[SERVER_KEY], { command: 'node', args: [LAUNCHER] });
    assert.equal(value.theme, 'dark');
    const again = edited('cursor', first.text);
    assert.equal(again.unchanged, true);
  });

  it('a JSON file with an older entry of ours: replaced in place', () => {
    const older = edited('antigravity', '{ "mcpServers": { "segmind-image-studio": { "command": "/old/node", "args": ["/old.cjs"] } } }');
    assert.equal(older.replaced, true);
    assert.deepEqual((JSON.parse(older.text) as { mcpServers: unknown }).mcpServers, { [SERVER_KEY]: { command: 'node', args: [LAUNCHER] } });
  });

  it('no file yet (or an empty one): a new file with the block', () => {
    for (const existing of ['', '\n']) assert.deepEqual(JSON.parse(edited('devin-desktop', existing).text), JSON.parse(configSnippet('devin-desktop', NODE)));
  });

  it('a JSON file that cannot be parsed, or whose mcpServers is not an object, is refused and left as it is', () => {
    assert.deepEqual(withServerEntry('cursor', '{ "mcpServers": { "github": ', NODE), { problem: 'not-an-object' });
    assert.deepEqual(withServerEntry('antigravity', '[1, 2]', NODE), { problem: 'not-an-object' });
    assert.deepEqual(withServerEntry('devin-desktop', '{ "mcpServers": ["github"] }', NODE), { problem: 'servers-not-an-object' });
  });

  const CODEX_FILE = `model = "gpt-5-codex"
# my servers
[mcp_servers.github]
command = "npx"
args = ["-y", "@modelcontextprotocol/server-github"]

[profiles.fast]
model = "gpt-5-mini"
`;

  it('Codex’s TOML: our table appended, every other table and comment kept; a second run changes nothing', () => {
    const first = edited('codex', CODEX_FILE, ELECTRON);
    assert.ok(first.text.startsWith(CODEX_FILE), 'the file as it was, then our table');
    const value = parseToml(first.text) as { model: string; mcp_servers: Record<string, unknown>; profiles: unknown };
    assert.equal(value.model, 'gpt-5-codex');
    assert.deepEqual(Object.keys(value.mcp_servers), ['github', SERVER_KEY]);
    assert.deepEqual(value.mcp_servers[SERVER_KEY], { command: ELECTRON.command, args: [LAUNCHER], env: { ELECTRON_RUN_AS_NODE: '1' } });
    assert.deepEqual(value.profiles, { fast: { model: 'gpt-5-mini' } });
    assert.equal(edited('codex', first.text, ELECTRON).unchanged, true);
  });

  it('Codex’s TOML with an older table of ours (and its env sub-table): replaced, the tables after it kept', () => {
    const older = `[mcp_servers.segmind-image-studio]\ncommand = "/old/code"\nargs = ["/old.cjs"]\n\n[mcp_servers.segmind-image-studio.env]\nELECTRON_RUN_AS_NODE = "1"\n\n[profiles.fast]\nmodel = "m"\n`;
    const edit = edited('codex', older, NODE);
    assert.equal(edit.replaced, true);
    assert.deepEqual(parseToml(edit.text), { mcp_servers: { [SERVER_KEY]: { command: 'node', args: [LAUNCHER] } }, profiles: { fast: { model: 'm' } } });
  });

  it('Codex’s TOML that cannot be parsed, or that names our server where a table cannot replace it, is refused', () => {
    assert.deepEqual(withServerEntry('codex', 'model = "unterminated\n', NODE), { problem: 'not-toml' });
    assert.deepEqual(withServerEntry('codex', `mcp_servers = { ${SERVER_KEY} = { command = "x" } }\n`, NODE), { problem: 'entry-would-break-it' });
  });
});

describe("Cursor's own registration (vscode.cursor.mcp, feature-detected)", () => {
  it('registers the launch spec with this window’s id, and unregisters it when disposed', () => {
    const registered: unknown[] = [];
    const unregistered: string[] = [];
    const editor = {
      cursor: { mcp: { registerServer: (config: unknown) => registered.push(config), unregisterServer: (name: string) => unregistered.push(name) } },
    };
    const lines: string[] = [];
    const registration = registerWithCursor(editor, ELECTRON, 'abc123', (line) => lines.push(line));
    assert.deepEqual(registered, [
      { name: 'segmind-image-studio', server: { command: ELECTRON.command, args: [LAUNCHER, '--window', 'abc123'], env: { ELECTRON_RUN_AS_NODE: '1' } } },
    ]);
    registration.dispose();
    assert.deepEqual(unregistered, ['segmind-image-studio']);
    assert.equal(lines.length, 1);
  });

  it('does nothing where the editor has no such API (VS Code, VSCodium, code-server), and survives one that throws', () => {
    for (const editor of [{}, { cursor: {} }, { cursor: { mcp: {} } }, { cursor: { mcp: { registerServer: 'no' } } }, undefined]) {
      assert.equal(cursorMcpOf(editor), undefined);
      registerWithCursor(editor, NODE, 'w', () => assert.fail('nothing to say')).dispose();
    }
    const lines: string[] = [];
    const throwing = {
      cursor: {
        mcp: {
          registerServer: () => {
            throw new Error('not now');
          },
        },
      },
    };
    registerWithCursor(throwing, NODE, 'w', (line) => lines.push(line)).dispose();
    assert.match(lines[0] ?? '', /Cursor did not take the MCP server: not now/);
  });
});
