/**
 * `segmind.connectAgent` — Connect an Agent…: pick a coding agent and see how to give it the MCP
 * server (the line to run, or the block for its file) with *Copy*; for an agent configured by a file,
 * an offer to add the entry there — the file is read first, every other entry stays, and a file that
 * cannot be read as its format is named and left alone. A scripted call asks nothing and writes
 * nothing: `{ agent }` resolves to `{ agent, text, file? }` (the text the dialog shows, the file it
 * would add it to), `{ agent: "json" }` or `{}` to the launch spec. No key is in any of it: the
 * server holds none (it works through this window).
 */
import * as vscode from 'vscode';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AgentKind, ConfigProblem, LaunchSpec, Shell, withServerEntry as WithServerEntry } from '../agentConfig/agentConfigs';
import type { AgentConnection } from '../agentConfig/agents';
import { COMMAND_IDS } from '../base/pure/commandIds';
import { InvalidParametersError } from '../domain/errors/errors';
import { isCommandOptions } from '../domain/generation/options';
import type { Logger } from '../log/logger';
import type { Notifier } from '../ui/notifier';
import { pickOne, showError, showInformation, showStatusMessage } from '../ui/show';
import { scriptedRejection } from './scripted';

export interface ConnectAgentDependencies {
  /** How an agent starts the server (the launcher is written on first use). */
  readonly launchSpec: () => Promise<LaunchSpec>;
  readonly notifier: Notifier;
  readonly logger: Logger;
  /** The folder agents keep their configuration in: the user's home. */
  readonly home?: () => string;
}

/** The writers live in a lazy chunk (dist/agentConfig.js: jsonc-parser and a TOML parser stay out of activation). */
const agentConfigs = () => import('../agentConfig/agentConfigs.js');

export function connectAgentCommand(deps: ConnectAgentDependencies): (arg?: unknown) => Promise<LaunchSpec | AgentConnection | undefined> {
  return async (arg?: unknown) => {
    if (isCommandOptions(arg)) {
      try {
        const name = arg['agent'];
        if (name === undefined || name === 'json') return await deps.launchSpec();
        const { agentNamed, AGENT_NAMES_ACCEPTED } = await agentConfigs();
        const agent = typeof name === 'string' ? agentNamed(name) : undefined;
        if (!agent) {
          throw new InvalidParametersError([
            {
              parameter: 'agent',
              message: vscode.l10n.t(
                'Connect an Agent does not know the agent {0}. Pass one of: {1}.',
                JSON.stringify(name),
                AGENT_NAMES_ACCEPTED.map((known) => JSON.stringify(known)).join(', '),
              ),
            },
          ]);
        }
        return await connectionFor(agent, await deps.launchSpec(), homeOf(deps));
      } catch (error) {
        throw await scriptedRejection(COMMAND_IDS.connectAgent, error, deps.notifier, deps.logger);
      }
    }
    try {
      await connectInteractively(deps);
    } catch (error) {
      void deps.notifier.showError(error);
    }
    return undefined;
  };
}

const homeOf = (deps: ConnectAgentDependencies): string => deps.home?.() ?? os.homedir();
const shell: Shell = process.platform === 'win32' ? 'windows' : 'posix';

/** What the dialog shows and *Copy* copies for an agent, and the file *Add to …* would write. */
async function connectionFor(agent: AgentKind, spec: LaunchSpec, home: string): Promise<AgentConnection> {
  const { AGENT_TABLE, configSnippet } = await agentConfigs();
  const file = AGENT_TABLE[agent].file;
  return { agent, text: configSnippet(agent, spec, shell), ...(file ? { file: path.join(home, ...file.split('/')) } : {}) };
}

async function connectInteractively(deps: ConnectAgentDependencies): Promise<void> {
  const { AGENTS, AGENT_TABLE, withServerEntry } = await agentConfigs();
  const home = homeOf(deps);
  const shownFile = (relative: string): string => (process.platform === 'win32' ? path.join(home, relative) : `~/${relative}`);
  const agent = await pickOne(
    AGENTS.map((kind) => {
      const file = AGENT_TABLE[kind].file;
      const former = AGENT_TABLE[kind].formerly;
      return {
        agent: kind,
        label: kind === 'json' ? vscode.l10n.t('Other (JSON)') : AGENT_TABLE[kind].name,
        ...(former ? { description: vscode.l10n.t('formerly {0}', former) } : {}),
        detail:
          AGENT_TABLE[kind].form === 'claude-command'
            ? vscode.l10n.t('A command line to run once: claude mcp add')
            : file
              ? vscode.l10n.t('An entry in {0}', shownFile(file))
              : vscode.l10n.t('The "mcpServers" block most agents read (Cline, Claude Desktop, …)'),
      };
    }),
    { title: vscode.l10n.t('Segmind: Connect an Agent'), placeHolder: vscode.l10n.t('Which agent should get the image tools?'), matchOnDescription: true },
  );
  if (!agent) return;
  const spec = await deps.launchSpec();
  const { text } = await connectionFor(agent.agent, spec, home);
  const file = AGENT_TABLE[agent.agent].file;
  const copy = vscode.l10n.t('Copy');
  const add = file ? vscode.l10n.t('Add to {0}', shownFile(file)) : undefined;
  const lead =
    AGENT_TABLE[agent.agent].form === 'claude-command'
      ? vscode.l10n.t('Run this once in a terminal to give Claude Code the image tools:')
      : file
        ? vscode.l10n.t('Add this to {0} to give {1} the image tools:', shownFile(file), agent.label)
        : vscode.l10n.t('Add this to your agent’s MCP configuration:');
  const detail = `${lead}\n\n${text}\n\n${vscode.l10n.t('The tools work through the VS Code window that has the agent’s folder open; no key is in this configuration.')}`;
  const answer = await showInformation(vscode.l10n.t('Connect {0}', agent.label), { modal: true, detail }, ...(add ? [copy, add] : [copy]));
  if (answer === copy) {
    await vscode.env.clipboard.writeText(text);
    showStatusMessage(vscode.l10n.t('Copied the configuration for {0}.', agent.label), 4_000);
  } else if (answer === add && file) {
    await addToFile(agent.agent, path.join(home, ...file.split('/')), shownFile(file), spec, withServerEntry, deps.logger);
  }
}

/** Adds (or replaces) our entry in the agent's file, written whole or not at all; every other entry stays. */
async function addToFile(
  agent: AgentKind,
  file: string,
  shown: string,
  spec: LaunchSpec,
  withServerEntry: typeof WithServerEntry,
  logger: Logger,
): Promise<void> {
  let existing = '';
  try {
    existing = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const edit = withServerEntry(agent, existing, spec);
  if ('problem' in edit) {
    void showError(problemWords(edit.problem, shown));
    return;
  }
  if (edit.unchanged) {
    void showInformation(vscode.l10n.t('{0} already has the entry segmind-image-studio; nothing was changed.', shown));
    return;
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  // A temporary file beside it, renamed over it: the agent never reads half a file.
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  const mode = await fs.stat(file).then(
    (stat) => stat.mode & 0o777,
    () => 0o600,
  );
  await fs.writeFile(temporary, edit.text, { mode, flag: 'wx' });
  await fs.rename(temporary, file);
  logger.info(`Connect an Agent: ${edit.replaced ? 'replaced' : 'added'} the entry segmind-image-studio in ${file}.`);
  void showInformation(
    edit.replaced
      ? vscode.l10n.t('Replaced the entry segmind-image-studio in {0}; its other entries are as they were.', shown)
      : vscode.l10n.t('Added the entry segmind-image-studio to {0}; its other entries are as they were.', shown),
  );
}

function problemWords(problem: ConfigProblem, file: string): string {
  switch (problem) {
    case 'not-an-object':
      return vscode.l10n.t('{0} was left as it is: it cannot be read as a JSON object. Add the entry by hand (Copy).', file);
    case 'servers-not-an-object':
      return vscode.l10n.t('{0} was left as it is: its "mcpServers" is not an object. Add the entry by hand (Copy).', file);
    case 'not-toml':
      return vscode.l10n.t('{0} was left as it is: it cannot be read as TOML. Add the entry by hand (Copy).', file);
    case 'entry-would-break-it':
      return vscode.l10n.t('{0} was left as it is: it names segmind-image-studio in a way this command cannot replace. Edit the entry by hand (Copy).', file);
  }
}
