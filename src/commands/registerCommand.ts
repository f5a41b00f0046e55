import * as vscode from 'vscode';
import type { CommandId } from '../base/pure/commandIds';

/** `registerCommand` limited to our own ids, so a typo is a compile error. */
export function registerCommand(id: CommandId, handler: (...args: unknown[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, handler);
}
