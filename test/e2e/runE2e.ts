// Runs the end-to-end tests (out/test/e2e/*.e2e.js) with mocha in this Node process; they start their
// own code-server, Chromium and fake Segmind. Totals go to env SEGMIND_TEST_TOTALS_FILE (default
// out/results/e2e.json), like the other runners, for test/runAll.mjs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { TotalsReporter } from '../support/totalsReporter';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
process.env.SEGMIND_TEST_TOTALS_FILE ??= path.join(repoRoot, 'out', 'results', 'e2e.json');

// SEGMIND_TEST_GREP runs only the tests whose titles match (each sets up what it needs).
const grep = process.env.SEGMIND_TEST_GREP;
const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 120_000, reporter: TotalsReporter, ...(grep ? { grep } : {}) });
const files = fs
  .readdirSync(__dirname)
  .filter((name) => name.endsWith('.e2e.js'))
  .sort();
for (const file of files) mocha.addFile(path.join(__dirname, file));
if (files.length === 0) {
  console.error(`no end-to-end tests (*.e2e.js) in ${__dirname}`);
  process.exit(1);
}
mocha.run((failures) => {
  process.exitCode = failures > 0 ? 1 : 0;
});
