/**
 * Hostile site configurations, read as the extension reads them (the real parser worker, from
 * dist/parserWorker.js): the longest stall of this thread (the extension host's main thread, where
 * the value read arrives) while each is read, and how long the reading took. A configuration the
 * worker gives up on (its time limit) gives UNKNOWN and stalls nothing; one that it expands and sends
 * back is cloned here, on the main thread.
 */
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ReferenceReader } from '../../src/parsing/referenceReader';
import { isUnknown } from '../../src/sites/configTypes';
import { tenfold } from '../support/hostileConfigs';

/** Spreads that double an object at each step. */
function spreads(steps: number): string {
  const lines = ['const s0 = { a0: 0, b0: 0 };'];
  for (let i = 1; i <= steps; i++) lines.push(`const s${i} = { ...s${i - 1}, k${i}: [s${i - 1}, s${i - 1}] };`);
  return `${lines.join('\n')}\nexport default { publicDir: 'public', x: s${steps} };\n`;
}

const CONFIGS: readonly { readonly name: string; readonly text: string }[] = [
  { name: 'vite.config.js', text: tenfold(7) },
  { name: 'astro.config.mjs', text: spreads(20) },
  // Under the 1 MiB size limit: a JSON of 500,000 values, every one sent back as it is.
  { name: 'package.json', text: `{ "name": "x", "files": [${Array(250_000).fill('0').join(',')}] }` },
];

export async function hostileConfigsBenchmark(): Promise<void> {
  console.log('\n## Hostile site configurations: the longest stall of the main thread while each is read in the parser worker\n');
  const reader = new ReferenceReader({ workerScript: path.resolve(__dirname, '..', '..', '..', 'dist', 'parserWorker.js') });
  await reader.readConfig('warm.json', '{}'); // the worker started
  const rows = [];
  for (const { name, text } of CONFIGS) {
    const histogram = monitorEventLoopDelay({ resolution: 1 });
    histogram.enable();
    const started = performance.now();
    const value = await reader.readConfig(name, text);
    const ms = performance.now() - started;
    histogram.disable();
    rows.push({
      configuration: name,
      bytes: text.length,
      'read ms': ms.toFixed(0),
      'longest stall ms': (histogram.max / 1e6).toFixed(1),
      value: isUnknown(value) ? 'unknown' : 'read',
    });
  }
  reader.dispose();
  console.table(rows);
}
