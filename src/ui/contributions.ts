/**
 * The contribution contract, in one place (as vscode-js-debug's contributionUtils): every command's
 * id with its argument and result types, the typed `registerCommand` / `registerLazily` /
 * `executeCommand` / `asCommand` over them, and the context keys with their value types and a typed
 * `setContext`. The extension and the tests call our commands through it, so the README's
 * "Scripting" section is a contract the compiler checks. A handler still checks its arguments at run
 * time: other extensions and scripts call with whatever they like. The ids themselves are pure
 * (base/pure/commandIds.ts, held against package.json by a unit test) and re-exported here.
 */
import * as vscode from 'vscode';
import { COMMAND_IDS, type CONTEXT_KEYS, type CommandId } from '../base/pure/commandIds';
import type { AgentConnection } from '../agentConfig/agents';
import type { LaunchSpec } from '../agentConfig/launchSpec';
import type { Credits } from '../segmind/clientTypes';
import type { MissingImageEntry } from '../domain/references/imageReference';

/** The options object (README, "Scripting"): checked by the options schema when the command runs. */
type Options = Readonly<Record<string, unknown>>;
/** A file as a menu passes it: a Uri; as a script may: a workspace-relative path in the options. */
type FileArgument = vscode.Uri | Options;

export interface CommandTypes {
  /** `{ prompt, model?, size?, …, path?, resize?, fit?, style? }`, or a menu's document Uri (then it asks). */
  'segmind.generateImage': { args: [options?: FileArgument]; result: vscode.Uri[] | undefined };
  /** The options with `images` and `mask?`, or the Explorer's clicked file and selection. */
  'segmind.editImage': { args: [target?: FileArgument, selected?: readonly vscode.Uri[]]; result: vscode.Uri[] | undefined };
  'segmind.openStudio': { args: [target?: vscode.Uri, selected?: readonly vscode.Uri[]]; result: void };
  /** The key itself, `{ apiKey }`, or `{ reason }` for the box to say why it asks. */
  'segmind.setApiKey': { args: [key?: string | { readonly apiKey: string } | { readonly reason: string }]; result: boolean };
  'segmind.clearApiKey': { args: []; result: void };
  'segmind.checkCredits': { args: []; result: Credits | undefined };
  'segmind.showLog': { args: []; result: void };
  'segmind.showJobs': { args: []; result: void };
  /** The image's Uri (a menu), or `{ image, folder? }`. */
  'segmind.exportIconSet': { args: [image?: FileArgument]; result: vscode.Uri[] | undefined };
  /** `{ path?, size: "WxH", label?, background?, prompt? }`. */
  'segmind.makePlaceholder': { args: [options?: Options]; result: vscode.Uri | undefined };
  /** A folder or file (a menu), or `{ scope?, mode?, model?, quality?, style? }`: one entry per missing reference. */
  'segmind.fillMissingImages': { args: [scope?: FileArgument]; result: MissingImageEntry[] | undefined };
  /** The placeholder's Uri (a menu), or `{ image, prompt?, model?, quality? }`. */
  'segmind.renderPlaceholder': { args: [image?: FileArgument]; result: vscode.Uri | undefined };
  /** `{ agent }` (claude, codex, antigravity, cursor, devin-desktop, or an old name): `{ agent, text, file? }`; `{ agent: "json" }` or `{}`: the launch spec; nothing: the picker. */
  'segmind.connectAgent': { args: [options?: Options]; result: LaunchSpec | AgentConnection | undefined };
  /** The quick fixes: the target as the code action passed it. */
  'segmind.generateMissingImage': { args: [fix?: unknown]; result: vscode.Uri | undefined };
  'segmind.placeholderForMissingImage': { args: [fix?: unknown]; result: vscode.Uri | undefined };
}

export type CommandArgs<K extends CommandId> = CommandTypes[K]['args'];
export type CommandResult<K extends CommandId> = CommandTypes[K]['result'];
export type CommandHandler<K extends CommandId> = (...args: CommandArgs<K>) => CommandResult<K> | Promise<CommandResult<K>>;
/** Every command's handler, each of its own type. */
export type CommandHandlers = { readonly [K in CommandId]: CommandHandler<K> };

export { COMMAND_IDS, type CommandId };
export { TOOL_NAME, FIND_TOOL_NAME } from '../base/pure/toolIds';

/** Runs one of our commands with the arguments it takes, resolving to what it gives. */
export function executeCommand<K extends CommandId>(id: K, ...args: CommandArgs<K>): Thenable<CommandResult<K>> {
  return vscode.commands.executeCommand<CommandResult<K>>(id, ...args);
}

/** A command with its arguments as a notification, a status-bar item or a code action takes it. */
export function asCommand<K extends CommandId>(id: K, title: string, ...args: CommandArgs<K>): vscode.Command {
  return { command: id, title, arguments: args };
}

/** `registerCommand` for our own ids only (a typo is a compile error), with the handler of the command's own type. */
export function registerCommand<K extends CommandId>(id: K, handler: CommandHandler<K>): vscode.Disposable {
  return vscode.commands.registerCommand(id, handler as (...args: unknown[]) => unknown);
}

/** Registers `id` to run the handler that `handlers` resolves to (the services, built on first use). */
export function registerLazily<K extends CommandId>(id: K, handlers: () => Promise<CommandHandlers>): vscode.Disposable {
  return registerCommand(id, async (...args: CommandArgs<K>): Promise<CommandResult<K>> => {
    const handler = handlers().then((all) => all[id] as CommandHandler<K>);
    return (await handler)(...args);
  });
}

/** The context keys this extension sets (menus' and the walkthrough's `when` clauses), with the type of each value. */
export interface ContextTypes {
  /** A key is available (stored, or SEGMIND_API_KEY). */
  'segmind.hasApiKey': boolean;
  /** The paths of the images whose sidecar says `"placeholder": true` (Render Placeholder with AI… on them alone). */
  'segmind.placeholderImages': readonly string[];
}
export type ContextKey = keyof ContextTypes & (typeof CONTEXT_KEYS)[number];

export function setContext<K extends ContextKey>(key: K, value: ContextTypes[K]): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', key, value);
}
