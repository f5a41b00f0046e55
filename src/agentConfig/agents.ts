/**
 * The coding agents Connect an Agent offers, by the names, commands and files their own
 * documentation gives today: agents are renamed and replaced (Gemini CLI and Windsurf were since
 * 0.4), so this table is the one place to follow them, and the old names stay as aliases because
 * scripts may pass them. Pure.
 *
 * Checked 2026-12-06:
 * - Claude Code: `claude mcp add [options] <name> -- <command> [args...]`, `-s/--scope user`,
 *   `-e/--env KEY=value…` (variadic: the name goes before it) — docs.anthropic.com/en/docs/claude-code/mcp
 *   (as quoted by www.mintlify.com/jackdog668/claude-code/integrations/mcp-servers, juejin.cn/post/7701955876601348111).
 * - Codex CLI: `~/.codex/config.toml`, `[mcp_servers.<name>]` with command, args, env —
 *   developers.openai.com/codex/mcp (dev-docs.moodybeard.com/en/codex/mcp), github.com/openai/codex docs/config.md.
 * - Antigravity CLI (`agy`), Gemini CLI's successor since 2026-06-18: `~/.gemini/config/mcp_config.json`,
 *   `mcpServers` — antigravity.google/docs/cli/mcp (google-antigravity/antigravity-cli#272),
 *   github.com/google-gemini/gemini-cli docs/resources/migrating-to-antigravity-cli.md (its draft named
 *   ~/.gemini/antigravity-cli/, which the CLI does not read: WolframResearch/AgentTools#191,
 *   gleanwork/mcp-config#110, dat999zx/knowl#239).
 * - Cursor: `~/.cursor/mcp.json`, `mcpServers` — cursor.com/docs/mcp.
 * - Devin Desktop, Windsurf renamed by Cognition on 2026-06-02: still `~/.codeium/windsurf/mcp_config.json`,
 *   `mcpServers` — docs.windsurf.com/windsurf/cascade/mcp, www.braintrust.dev/docs/integrations/developer-tools/devin-desktop.
 * - Cline and other VS Code–based agents keep their file in their own extension's storage: the
 *   "mcpServers" block of Other (JSON).
 */

export const AGENTS = ['claude', 'codex', 'antigravity', 'cursor', 'devin-desktop', 'json'] as const;
export type AgentKind = (typeof AGENTS)[number];

/** How the agent is told: a command line to run once, a TOML table, or the "mcpServers" JSON block. */
export type AgentForm = 'claude-command' | 'toml' | 'json';

export interface Agent {
  readonly name: string;
  readonly form: AgentForm;
  /** The configuration file, relative to the user's home (`/`-separated), for agents configured by one. */
  readonly file?: string;
  /** The name users knew it by, shown beside the current one in the picker. */
  readonly formerly?: string;
}

/** A scripted call's answer for one agent: the text Connect an Agent shows (and copies), and the file it would add it to. */
export interface AgentConnection {
  readonly agent: AgentKind;
  readonly text: string;
  /** Absolute, for agents configured by a file. */
  readonly file?: string;
}

export const AGENT_TABLE: Readonly<Record<AgentKind, Agent>> = {
  claude: { name: 'Claude Code', form: 'claude-command' },
  codex: { name: 'Codex CLI', form: 'toml', file: '.codex/config.toml' },
  antigravity: { name: 'Antigravity CLI', form: 'json', file: '.gemini/config/mcp_config.json', formerly: 'Gemini CLI' },
  cursor: { name: 'Cursor', form: 'json', file: '.cursor/mcp.json' },
  'devin-desktop': { name: 'Devin Desktop', form: 'json', file: '.codeium/windsurf/mcp_config.json', formerly: 'Windsurf' },
  json: { name: 'Other (JSON)', form: 'json' },
};

/** Names scripts of 0.4 pass, and the agent each now means. */
export const AGENT_ALIASES: Readonly<Record<string, AgentKind>> = {
  gemini: 'antigravity',
  agy: 'antigravity',
  windsurf: 'devin-desktop',
};

/** The agent a name means (its id, or an old name), or undefined. */
export function agentNamed(name: string): AgentKind | undefined {
  if ((AGENTS as readonly string[]).includes(name)) return name as AgentKind;
  return Object.hasOwn(AGENT_ALIASES, name) ? AGENT_ALIASES[name] : undefined;
}

/** Every name a script may pass, the current ones first. */
export const AGENT_NAMES_ACCEPTED: readonly string[] = [...AGENTS, ...Object.keys(AGENT_ALIASES)];
