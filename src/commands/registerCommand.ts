import * as vscode from 'vscode';
import type { CommandId } from '../base/pure/commandIds';
import type { CommandArgs, CommandHandler, CommandResult } from '../ui/commandTypes';

/**
 * `registerCommand` for our own ids only (a typo is a compile error), with the handler of the
 * command's own type (src/ui/commandTypes.ts).
 */
export function registerCommand<K extends CommandId>(id: K, handler: CommandHandler<K>): vscode.Disposable {
  return vscode.commands.registerCommand(id, handler as (...args: unknown[]) => unknown);
}

/** Registers `id` to run the handler that `handlers` resolves to (the services, built on first use). */
export function registerLazily<K extends CommandId>(id: K, handlers: () => Promise<{ readonly [C in CommandId]: CommandHandler<C> }>): vscode.Disposable {
  return registerCommand(id, async (...args: CommandArgs<K>): Promise<CommandResult<K>> => {
    const handler = (await handlers())[id] as CommandHandler<K>;
    return handler(...args);
  });
}
