/**
 * Each agent's line as it is pasted: the Claude Code command split into words as a POSIX shell (or
 * Windows) splits it, then read by `claude mcp add`'s own grammar (commander: `-e/--env` takes
 * several values, so a name after it is taken as one); each block read as its agent's file format.
 * 0.4's line with env (`--env … segmind-image-studio -- …`) fails here as it failed in `claude`.
 * Where a real `claude` or `codex` is at hand (on PATH, or SEGMIND_TEST_CLAUDE / SEGMIND_TEST_CODEX),
 * each runs in a network namespace of its own (unshare -n) with a throwaway home: claude runs the
 * line in sh and the entry it wrote is read back; codex lists the table added to a config.toml.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as readToml } from 'smol-toml';
import { claudeMcpAdd, posixWords, windowsWords } from '../../support/agentLines';
import {
  AGENT_NAMES_ACCEPTED,
  AGENT_TABLE,
  AGENTS,
  agentNamed,
  configSnippet,
  SERVER_KEY,
  withServerEntry,
  type LaunchSpec,
} from '../../../src/agentConfig/agentConfigs';

const LAUNCHER = '/home/ada/.config/Code/User/globalStorage/segmind.image-studio/mcp/segmind-image-studio-mcp.cjs';
const SPECS: Readonly<Record<string, LaunchSpec>> = {
  'node on PATH': { command: 'node', args: [LAUNCHER] },
  'the editor run as Node (env)': { command: '/usr/share/code/code', args: [LAUNCHER], env: { ELECTRON_RUN_AS_NODE: '1' } },
  'paths with spaces, quotes and $': {
    command: '/opt/VS Code/code',
    args: ["/home/o'brien/my $HOME/Application Support/mcp.cjs"],
    env: { ELECTRON_RUN_AS_NODE: '1' },
  },
};
const WINDOWS: LaunchSpec = {
  command: 'C:\\Users\\Ada Lovelace\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe',
  args: ['C:\\Users\\Ada Lovelace\\AppData\\Roaming\\Code\\User\\globalStorage\\segmind.image-studio\\mcp\\segmind-image-studio-mcp.cjs'],
  env: { ELECTRON_RUN_AS_NODE: '1' },
};

const asPlain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const entryOf = (spec: LaunchSpec) => ({ command: spec.command, args: [...spec.args], ...(spec.env ? { env: spec.env } : {}) });

describe('Connect an Agent: each line as its agent reads it, pasted as it is', () => {
  for (const [what, spec] of Object.entries(SPECS)) {
    it(`Claude Code (${what}): sh gives claude the name, the scope, each env pair, and after -- the command and its args`, () => {
      const read = claudeMcpAdd(posixWords(configSnippet('claude', spec)));
      assert.deepEqual(read, { scope: 'user', env: spec.env ?? {}, name: SERVER_KEY, command: spec.command, args: [...spec.args] });
    });
  }

  it('Claude Code on Windows: the same words from PowerShell or cmd, backslashes as they are', () => {
    const line = configSnippet('claude', WINDOWS, 'windows');
    assert.deepEqual(claudeMcpAdd(windowsWords(line)), {
      scope: 'user',
      env: { ELECTRON_RUN_AS_NODE: '1' },
      name: SERVER_KEY,
      command: WINDOWS.command,
      args: [...WINDOWS.args],
    });
  });

  it('the grammar is claude’s: 0.4’s line with env, its name after --env, is refused as claude refused it', () => {
    const old = `claude mcp add --scope user --env ELECTRON_RUN_AS_NODE=1 ${SERVER_KEY} -- /usr/share/code/code ${LAUNCHER}`;
    assert.throws(() => claudeMcpAdd(posixWords(old)), /Invalid environment variable format: segmind-image-studio/);
    assert.throws(() => posixWords('claude mcp add x -- "/a/$HOME"'), /expanded/, 'a $ in double quotes would be expanded');
  });

  for (const [what, spec] of Object.entries(SPECS)) {
    it(`Codex CLI (${what}): the [mcp_servers.${SERVER_KEY}] table of config.toml holds the spec`, () => {
      assert.deepEqual(asPlain(readToml(configSnippet('codex', spec))), { mcp_servers: { [SERVER_KEY]: entryOf(spec) } });
    });

    it(`Antigravity CLI, Cursor, Devin Desktop and Other (${what}): the "mcpServers" entry holds the spec`, () => {
      for (const agent of AGENTS.filter((kind) => AGENT_TABLE[kind].form === 'json')) {
        assert.deepEqual(JSON.parse(configSnippet(agent, spec)), { mcpServers: { [SERVER_KEY]: entryOf(spec) } }, agent);
      }
    });
  }

  it('old names still mean an agent: gemini the Antigravity CLI, windsurf Devin Desktop; an unknown one nothing', () => {
    assert.equal(agentNamed('gemini'), 'antigravity');
    assert.equal(agentNamed('agy'), 'antigravity');
    assert.equal(agentNamed('windsurf'), 'devin-desktop');
    for (const agent of AGENTS) assert.equal(agentNamed(agent), agent);
    for (const unknown of ['cline', 'toString', 'constructor', '']) assert.equal(agentNamed(unknown), undefined, unknown);
    assert.deepEqual([...AGENT_NAMES_ACCEPTED], ['claude', 'codex', 'antigravity', 'cursor', 'devin-desktop', 'json', 'gemini', 'agy', 'windsurf']);
  });
});

/** A real agent CLI (on PATH, or named by its variable), and a way to keep it off every network but its own loopback. */
function realCli(name: string, variable: string): string | undefined {
  const candidates = [process.env[variable], ...(process.env['PATH'] ?? '').split(path.delimiter).map((folder) => path.join(folder, name))];
  const found = candidates.find((file) => file !== undefined && file !== '' && fs.existsSync(file));
  if (!found || process.platform !== 'linux') return undefined;
  try {
    execFileSync('unshare', ['-n', 'true'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return found;
}

/** Runs in a throwaway home, without network (unshare -n: only a loopback of its own). */
function offline<T>(run: (home: string, env: Record<string, string>) => T): T {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-home-'));
  try {
    return run(home, { HOME: home, PATH: '/usr/bin:/bin', DISABLE_AUTOUPDATER: '1', CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' });
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

describe('Connect an Agent: the lines in the real CLIs at hand (offline)', function () {
  const claude = realCli('claude', 'SEGMIND_TEST_CLAUDE');
  const codex = realCli('codex', 'SEGMIND_TEST_CODEX');

  for (const [what, spec] of Object.entries(SPECS)) {
    it(`claude (${what}): sh runs the line as pasted, claude writes the entry the spec says`, function () {
      if (!claude) this.skip();
      offline((home, env) => {
        execFileSync('unshare', ['-n', 'sh', '-c', configSnippet('claude', spec)], {
          env: { ...env, PATH: `${path.dirname(claude)}${path.delimiter}${env['PATH']}` },
          stdio: 'pipe',
        });
        const written = (JSON.parse(fs.readFileSync(path.join(home, '.claude.json'), 'utf8')) as { mcpServers: Record<string, unknown> }).mcpServers;
        assert.deepEqual(written[SERVER_KEY], { type: 'stdio', ...entryOf(spec), ...(spec.env ? {} : { env: {} }) });
      });
    });

    it(`codex (${what}): the entry added to a config.toml with other settings, as codex mcp list reads it`, function () {
      if (!codex) this.skip();
      offline((home, env) => {
        const edit = withServerEntry('codex', 'model = "gpt-5-codex"\n\n[mcp_servers.github]\ncommand = "npx"\nargs = ["-y", "server-github"]\n', spec);
        assert.ok(!('problem' in edit));
        fs.writeFileSync(path.join(home, 'config.toml'), edit.text);
        const listed = JSON.parse(
          execFileSync('unshare', ['-n', codex, 'mcp', 'list', '--json'], { env: { ...env, CODEX_HOME: home }, stdio: ['ignore', 'pipe', 'ignore'] }).toString(
            'utf8',
          ),
        ) as { name: string; transport: { type: string; command: string; args: string[]; env: Record<string, string> | null } }[];
        assert.deepEqual(
          listed.map((server) => server.name),
          ['github', SERVER_KEY],
        );
        const ours = listed.find((server) => server.name === SERVER_KEY)?.transport;
        assert.deepEqual(
          { type: ours?.type, command: ours?.command, args: ours?.args, env: ours?.env ?? {} },
          { type: 'stdio', command: spec.command, args: [...spec.args], env: spec.env ?? {} },
        );
      });
    });
  }
});

describe('Connect an Agent: the README gives each line as the code makes it', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');
  const launcher = '/home/you/.config/Code/User/globalStorage/segmind-image-studio.segmind-image-studio/mcp/segmind-image-studio-mcp.cjs';
  const node: LaunchSpec = { command: 'node', args: [launcher] };
  const editor: LaunchSpec = { command: '/usr/share/code/code', args: [launcher], env: { ELECTRON_RUN_AS_NODE: '1' } };
  /** A block as the README shows it inside a list item: each line indented by two spaces. */
  const indented = (text: string): string => text.replace(/^/gm, '  ');

  it('Claude Code with and without env, Codex CLI, the "mcpServers" block with and without env', () => {
    for (const [what, text] of [
      ['claude', `  ${configSnippet('claude', node)}\n`],
      ['claude with env', `\n${configSnippet('claude', editor)}\n`],
      ['codex', `\n${indented(configSnippet('codex', node))}\n`],
      ['json', `\n${indented(configSnippet('json', node))}\n`],
      ['json with env', `\n${configSnippet('json', editor)}\n`],
    ] as const) {
      assert.ok(readme.includes(text), `${what}: the README should give\n${text}`);
    }
    assert.ok(readme.includes(`env = ${configSnippet('codex', editor).split('\nenv = ')[1] ?? 'none'}`), 'codex with env');
    for (const agent of AGENTS) {
      const file = AGENT_TABLE[agent].file;
      if (file) assert.ok(readme.includes(`\`~/${file}\``), `the README names ${AGENT_TABLE[agent].name}'s file ~/${file}`);
    }
  });
});
