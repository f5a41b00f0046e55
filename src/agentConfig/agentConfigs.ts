/**
 * How each coding agent is told about the MCP server (Connect an Agent…): the line or block its
 * users add, and, for agents configured by a file, that file with the entry added — every other
 * entry, comment and format kept (jsonc-parser's edits; a TOML table of its own), or a refusal when
 * the file cannot be read as its format, so it is never half-rewritten. Pure: the host finds, asks
 * and writes. A bundle of its own (dist/agentConfig.js), loaded when the command runs.
 */
import { applyEdits, modify, parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { parse as parseToml } from 'smol-toml';
import type { LaunchSpec } from './launchSpec';

export const AGENTS = ['claude', 'codex', 'gemini', 'cursor', 'windsurf', 'json'] as const;
export type AgentKind = (typeof AGENTS)[number];

export type { LaunchSpec } from './launchSpec';

export const SERVER_KEY = 'segmind-image-studio';

export const AGENT_NAMES: Readonly<Record<AgentKind, string>> = {
  claude: 'Claude Code',
  codex: 'Codex CLI',
  gemini: 'Gemini CLI',
  cursor: 'Cursor',
  windsurf: 'Windsurf',
  json: 'Other (JSON)',
};

/** The configuration file of an agent configured by one, relative to the user's home (`/`-separated). */
export const AGENT_FILES: Readonly<Partial<Record<AgentKind, string>>> = {
  codex: '.codex/config.toml',
  gemini: '.gemini/settings.json',
  cursor: '.cursor/mcp.json',
  windsurf: '.codeium/windsurf/mcp_config.json',
};

/** A word of a shell command line, quoted only when it must be (POSIX shells; PowerShell takes the same double quotes). */
function shellWord(word: string): string {
  return /^[\w./:@%+=,-]+$/.test(word) ? word : `"${word.replace(/(["\\$`])/g, '\\$1')}"`;
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

/** What the user runs or adds, as the README gives it. */
export function configSnippet(agent: AgentKind, spec: LaunchSpec): string {
  switch (agent) {
    case 'claude': {
      const env = Object.entries(spec.env ?? {}).map(([name, value]) => `--env ${shellWord(`${name}=${value}`)} `);
      return `claude mcp add --scope user ${env.join('')}${SERVER_KEY} -- ${[spec.command, ...spec.args].map(shellWord).join(' ')}`;
    }
    case 'codex':
      return tomlTable(spec);
    case 'gemini':
    case 'cursor':
    case 'windsurf':
    case 'json':
      return `${JSON.stringify({ mcpServers: { [SERVER_KEY]: jsonEntry(spec) } }, null, 2)}\n`;
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
  if (agent === 'codex') return withTomlTable(existing, spec);
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
