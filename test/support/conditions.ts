/**
 * Waiting on a condition instead of a guessed sleep. Plain node (no VS Code), so unit, integration
 * and end-to-end tests can all use it: a check that something happened waits for what makes it
 * true, and fails with words that say what never came.
 */
import * as assert from 'node:assert/strict';

/**
 * Waits for a condition (polling every 50 ms), failing with `what` after the timeout. The timeout only
 * says when to give up on something that will never come: it is long, so that a busy machine (the
 * loaded runs, a shared CI box) is only slower, never failing.
 */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
