/**
 * Our commands as a test runs them: through the contribution contract (src/ui/contributions.ts), so
 * each id's arguments and result are typed as the README's "Scripting" promises. `scripted` is for a
 * call that must resolve to something: a scripted call never asks, so `undefined` (what a cancelled
 * question gives) is a failure here, named.
 */
import * as assert from 'node:assert/strict';
import { executeCommand, type CommandId } from '../../../src/ui/contributions';
import type { CommandArgs, CommandResult } from '../../../src/ui/contributions';

export { executeCommand } from '../../../src/ui/contributions';

export async function scripted<K extends CommandId>(id: K, ...args: CommandArgs<K>): Promise<Exclude<CommandResult<K>, undefined>> {
  const result = await executeCommand(id, ...args);
  assert.notEqual(result, undefined, `${id} resolved to nothing`);
  return result as Exclude<CommandResult<K>, undefined>;
}

/** The message of a call that must be refused (a scripted call rejects with the sentence a user would read). */
export async function refusal<K extends CommandId>(id: K, ...args: CommandArgs<K>): Promise<string> {
  try {
    await executeCommand(id, ...args);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  assert.fail(`expected ${id} to refuse`);
}
