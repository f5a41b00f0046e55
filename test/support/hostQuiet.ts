/**
 * Waits until the extension host's main thread is quiet: a whole second in which no turn of its
 * event loop was late by more than 30 ms. Opening a large document keeps VS Code's own built-in
 * extensions busy for a while, in bursts (half a second at a time for 300 KiB here); measuring what
 * the extension adds starts after that, on a condition, not after a guessed sleep.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

export async function hostQuiet(timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  try {
    for (;;) {
      delay.reset();
      delay.enable();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      delay.disable();
      if (delay.max / 1e6 < 30) return;
      if (Date.now() > deadline) throw new Error(`the extension host did not quiet down in ${timeoutMs} ms`);
    }
  } finally {
    delay.disable();
  }
}
