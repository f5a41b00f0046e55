/**
 * Each agent's line as it is pasted: the Claude Code command split into words as a POSIX shell (or
 * Windows) splits it, then read by `claude mcp add`'s own grammar (commander: `-e/--env` takes
 * several values, so a name after it is taken as one); each block read as its agent's file format.
 * 0.4's line with env (`--env … segmind-image-studio -- …`) fails here as it failed in `claude`.
 * Where a real `claude` is at hand (on PATH, or SEGMIND_TEST_CLAUDE), the line runs in sh, in a
 * network namespace of its own with a throwaway home, and the entry it wrote is read back.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as readToml } from 'smol-toml';
import { AGENT_NAMES_ACCEPTED, AGENT_TABLE, AGENTS, agentNamed, configSnippet, SERVER_KEY, type LaunchSpec } from '../../src/agentConfig/agentConfigs';

/** Words as a POSIX shell makes them; anything the shell would expand or run is refused, so "works as pasted" means literally. */
function posixWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? '';
    if (c === ' ' || c === '\t') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error('unterminated single quote');
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      word ??= '';
      for (i++; line[i] !== '"'; i++) {
        if (i >= line.length) throw new Error('unterminated double quote');
        if (line[i] === '$' || line[i] === '`') throw new Error(`${line[i]} would be expanded in double quotes`);
        if (line[i] === '\\' && /["\\$`]/.test(line[i + 1] ?? '')) i++;
        word += line[i];
      }
    } else if (c === '\\') {
      word = (word ?? '') + (line[++i] ?? '');
    } else if (/[|&;<>()$`*?[\]#~!{}\n]/.test(c)) {
      throw new Error(`unquoted ${JSON.stringify(c)} would be read by the shell`);
    } else word = (word ?? '') + c;
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** Words as a Windows program gets them (CommandLineToArgvW): double quotes group, a backslash is itself unless a quote follows. */
function windowsWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? '';
    if (c === '\\' && line[i + 1] === '"') word = (word ?? '') + line[++i];
    else if (c === '"') {
      quoted = !quoted;
      word ??= '';
    } else if (c === ' ' && !quoted) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? '') + c;
  }
  if (quoted) throw new Error('unterminated double quote');
  if (word !== undefined) words.push(word);
  return words;
}

interface ClaudeAdd {
  readonly scope?: string;
  readonly env: Record<string, string>;
  readonly name: string;
  readonly command: string;
  readonly args: string[];
}

/**
 * `claude mcp add [options] <name> <commandOrUrl> [args...]` as commander reads it: options anywhere
 * before `--`; `-s/--scope <scope>` and `-t/--transport <t>` take one value, `-e/--env <env...>` and
 * `-H/--header <header...>` every value up to the next option; then each env must be KEY=value.
 */
function claudeMcpAdd(argv: readonly string[]): ClaudeAdd {
  assert.deepEqual(argv.slice(0, 3), ['claude', 'mcp', 'add']);
  const positionals: string[] = [];
  const env: string[] = [];
  let scope: string | undefined;
  let variadic: string[] | undefined;
  for (let i = 3; i < argv.length; i++) {
    const word = argv[i] ?? '';
    if (word === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (word.startsWith('-') && word.length > 1) {
      variadic = undefined;
      if (word === '-s' || word === '--scope') scope = argv[++i];
      else if (word === '-t' || word === '--transport') i++;
      else if (word === '-e' || word === '--env') variadic = env;
      else if (word === '-H' || word === '--header') variadic = [];
      else throw new Error(`error: unknown option '${word}'`);
    } else if (variadic) variadic.push(word);
    else positionals.push(word);
  }
  const pairs = env.map((pair) => {
    const at = pair.indexOf('=');
    if (at < 1) throw new Error(`Invalid environment variable format: ${pair}`);
    return [pair.slice(0, at), pair.slice(at + 1)] as const;
  });
  const [name, command, ...args] = positionals;
  if (name === undefined || command === undefined) throw new Error("error: missing required argument 'commandOrUrl'");
  return { ...(scope ? { scope } : {}), env: Object.fromEntries(pairs), name, command, args };
}

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

/** A real `claude`, and a way to keep it off every network but its own loopback. */
function realClaude(): string | undefined {
  const candidates = [process.env['SEGMIND_TEST_CLAUDE'], ...(process.env['PATH'] ?? '').split(path.delimiter).map((folder) => path.join(folder, 'claude'))];
  const found = candidates.find((file) => file !== undefined && file !== '' && fs.existsSync(file));
  if (!found || process.platform !== 'linux') return undefined;
  try {
    execFileSync('unshare', ['-n', 'true'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return found;
}

describe('Connect an Agent: the Claude Code line run in a real claude (offline)', function () {
  this.timeout(60_000);
  const claude = realClaude();
  before(function () {
    if (!claude) this.skip();
  });

  for (const [what, spec] of Object.entries(SPECS)) {
    it(`${what}: sh runs the line as pasted, claude writes the entry the spec says`, () => {
      const home = fs.mkdtempSync(path.join(os.tmpdir(), 'claude-home-'));
      try {
        const env = {
          HOME: home,
          PATH: `${path.dirname(claude ?? '')}${path.delimiter}/usr/bin:/bin`,
          DISABLE_AUTOUPDATER: '1',
          CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
        };
        execFileSync('unshare', ['-n', 'sh', '-c', configSnippet('claude', spec)], { env, stdio: 'pipe' });
        const written = (JSON.parse(fs.readFileSync(path.join(home, '.claude.json'), 'utf8')) as { mcpServers: Record<string, unknown> }).mcpServers;
        assert.deepEqual(written[SERVER_KEY], { type: 'stdio', ...entryOf(spec), ...(spec.env ? {} : { env: {} }) });
      } finally {
        fs.rmSync(home, { recursive: true, force: true });
      }
    });
  }
});
