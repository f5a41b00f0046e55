/**
 * How each coding agent is told about the MCP server (Connect an Agent…): the line or block its
 * users add, and, for agents configured by a file, that file with the entry added — every other
 * entry, comment and format kept (jsonc-parser's edits; a TOML table of its own), or a refusal when
 * the file cannot be read as its format, so it is never half-rewritten. Pure: the host finds, asks
 * and writes. A bundle of its own (dist/agentConfig.js), loaded when the command runs.
 */
import { applyEdits, modify, parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { parse as parseToml } from 'smol-toml';
import { AGENT_TABLE, type AgentKind } from './agents';
import type { LaunchSpec } from './launchSpec';

export { AGENTS, AGENT_ALIASES, AGENT_NAMES_ACCEPTED, AGENT_TABLE, agentNamed, type AgentKind } from './agents';
export type { LaunchSpec } from './launchSpec';

export const SERVER_KEY = 'segmind-image-studio';

/** Where the line is pasted: a POSIX shell (sh, bash, zsh), or Windows (PowerShell, cmd). */
export type Shell = 'posix' | 'windows';

/**
 * A word of a shell command line, quoted only when it must be. POSIX: single quotes, in which
 * nothing is special (a quote itself is closed, escaped and reopened). Windows: double quotes,
 * which PowerShell and cmd both take, with backslashes as they are (a Windows path has no `"`).
 */
export function shellWord(word: string, shell: Shell = 'posix'): string {
  if (/^[\w./:@%+=,-]+$/.test(word)) return word;
  return shell === 'posix' ? `'${word.replace(/'/g, `'\\''`)}'` : `"${word.replace(/"/g, '\\"')}"`;
}

const jsonEntry = (spec: LaunchSpec): Record<string, unknown> => ({
  command: spec.command,
  args: [...spec.args],
  ...(spec.env ? { env: { ...spec.env } } : {}),
});

const tomlString = (text: string): string => JSON.stringify(text); // a TOML basic string escapes as JSON does

function tomlTable(spec: LaunchSpec): string {
  const lines = [`[mcp_servers.${SERVER_KEY}]`, `command = ${tomlString(spec.command)}`, `args = [${spec.args.map(tomlString).join(', ')}]`];
  if (spec.env)
    lines.push(
      `env = { ${Object.entries(spec.env)
        .map(([name, value]) => `${name} = ${tomlString(value)}`)
        .join(', ')} }`,
    );
  return `${lines.join('\n')}\n`;
}

/**
 * What the user runs or adds, exactly as Connect an Agent shows and copies it (and a scripted call
 * answers it). Claude Code's options go after the server's name: `--env` takes several values, so
 * before the name it would take the name as one (claude: "Invalid environment variable format").
 */
export function configSnippet(agent: AgentKind, spec: LaunchSpec, shell: Shell = 'posix'): string {
  switch (AGENT_TABLE[agent].form) {
    case 'claude-command': {
      const env = Object.entries(spec.env ?? {}).map(([name, value]) => ` --env ${shellWord(`${name}=${value}`, shell)}`);
      const command = [spec.command, ...spec.args].map((word) => shellWord(word, shell)).join(' ');
      return `claude mcp add --scope user ${SERVER_KEY}${env.join('')} -- ${command}`;
    }
    case 'toml':
      return tomlTable(spec).trimEnd();
    case 'json':
      return JSON.stringify({ mcpServers: { [SERVER_KEY]: jsonEntry(spec) } }, null, 2);
  }
}

/** Why a file is left as it is (the caller says it in the user's words, naming the file). */
export type ConfigProblem = 'not-an-object' | 'servers-not-an-object' | 'not-toml' | 'entry-would-break-it';

/** The new text, whether it replaces an earlier entry of ours, and whether it changes anything at all. */
export type ConfigEdit = { readonly text: string; readonly replaced: boolean; readonly unchanged: boolean } | { readonly problem: ConfigProblem };

/**
 * The agent's configuration file with our entry added (or replaced, when an earlier one is there),
 * from its text (empty when there is no file yet); a problem when the text cannot be read.
 */
export function withServerEntry(agent: AgentKind, existing: string, spec: LaunchSpec): ConfigEdit {
  if (AGENT_TABLE[agent].form === 'toml') return withTomlTable(existing, spec);
  const errors: ParseError[] = [];
  const base = existing.trim() === '' ? '{}\n' : existing;
  const value = parseJsonc(base, errors, { allowTrailingComma: true }) as unknown;
  if (errors.length > 0 || typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: 'not-an-object' };
  const servers = (value as { mcpServers?: unknown }).mcpServers;
  if (servers !== undefined && (typeof servers !== 'object' || servers === null || Array.isArray(servers))) return { problem: 'servers-not-an-object' };
  const replaced = servers !== undefined && SERVER_KEY in servers;
  const edits = modify(base, ['mcpServers', SERVER_KEY], jsonEntry(spec), { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } });
  const text = applyEdits(base, edits);
  return { text, replaced, unchanged: text === existing };
}

/** Codex's TOML: our table appended, or put in place of an earlier one; the rest of the text as it was. */
function withTomlTable(existing: string, spec: LaunchSpec): ConfigEdit {
  try {
    parseToml(existing);
  } catch {
    return { problem: 'not-toml' };
  }
  const header = new RegExp(`^\\s*\\[\\s*mcp_servers\\.(?:"${SERVER_KEY}"|${SERVER_KEY})\\s*\\]\\s*(?:#.*)?$`);
  const lines = existing.split('\n');
  const start = lines.findIndex((line) => header.test(line));
  let text: string;
  if (start < 0) {
    text = `${existing}${existing === '' || existing.endsWith('\n') ? '' : '\n'}${existing.trim() === '' ? '' : '\n'}${tomlTable(spec)}`;
  } else {
    // The table runs to the next header (its own sub-tables, [mcp_servers.segmind-image-studio.env], included).
    let end = start + 1;
    while (end < lines.length && !(/^\s*\[/.test(lines[end] ?? '') && !(lines[end] ?? '').includes(`${SERVER_KEY}.`))) end++;
    text = [...lines.slice(0, start), ...tomlTable(spec).trimEnd().split('\n'), '', ...lines.slice(end)].join('\n');
  }
  try {
    parseToml(text);
  } catch {
    return { problem: 'entry-would-break-it' };
  }
  return { text, replaced: start >= 0, unchanged: text === existing };
}
