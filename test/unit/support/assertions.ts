import * as assert from 'node:assert/strict';
import { InvalidParametersError } from '../../../src/domain/errors/errors';

/** Awaits a promise that must reject with `type`, and returns the error for further checks. */
export async function rejection<T extends Error>(promise: Promise<unknown>, type: abstract new (...args: never[]) => T): Promise<T> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof type, `expected ${type.name}, got ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    return error;
  }
  assert.fail(`expected ${type.name}, but it resolved`);
}

/** Runs `fn`, which must throw InvalidParametersError (a refusal before any request), and returns it. */
export function refusal(fn: () => unknown): InvalidParametersError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof InvalidParametersError, `expected InvalidParametersError, got ${String(error)}`);
    assert.equal(error.kind, 'invalid-parameters');
    return error;
  }
  assert.fail('expected a refusal');
}
