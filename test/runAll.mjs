// `npm test`: install what is missing (scripts/host/prerequisites.mjs: the npm packages, Chromium,
// Node 24, code-server), build, compile the tests, lint (when an eslint config exists), then the unit tests
// (mocha, Node 20), the integration tests (a real VS Code: code-server + headless Chromium) and the
// end-to-end tests (the Studio driven in that browser).
// Prints each runner's totals and ends with one line `N passed, N failed` (all runners summed).
// Unit, integration and e2e always all run. A crashed runner, or a failed build/compile/lint step,
// counts as one failure (and why is printed); the exit code is non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installPrerequisites } from '../scripts/host/prerequisites.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(repoRoot, 'out', 'results');
const ESLINT_CONFIGS = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const banner = (text) => console.log(`\n=== ${text} ===`);

/** Runs `npm run <script>` with inherited output; returns { status, ms }. */
function npmRun(script, env = {}) {
  const started = Date.now();
  const result = spawnSync('npm', ['run', '--silent', script], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  const status = result.error ? `error: ${result.error.message}` : (result.status ?? `signal ${result.signal}`);
  return { status, ms: Date.now() - started };
}

const stepFailures = [];
function step(name, script) {
  banner(name);
  const { status, ms } = npmRun(script);
  if (status === 0) {
    console.log(`${name}: ok (${seconds(ms)})`);
  } else {
    console.log(`${name}: FAILED (exit ${status}, ${seconds(ms)})`);
    stepFailures.push(`${name} (exit ${status})`);
  }
}

function listFiles(dir, suffix) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith(suffix));
}

/** Runs a test runner that writes totals to `totalsFile`; a missing file or a non-zero exit with
 * no failed test counts as a crash (one failure). */
function runner(name, script, totalsFile) {
  banner(`${name} tests`);
  fs.rmSync(totalsFile, { force: true });
  const { status, ms } = npmRun(script, { SEGMIND_TEST_TOTALS_FILE: totalsFile });
  let totals;
  try {
    totals = JSON.parse(fs.readFileSync(totalsFile, 'utf8'));
  } catch {
    totals = undefined;
  }
  const result = { passed: 0, failed: 0, pending: 0, crashed: undefined, ms };
  if (totals) {
    result.passed = Number(totals.passed) || 0;
    result.failed = Number(totals.failed) || 0;
    result.pending = Number(totals.pending) || 0;
  }
  if (!totals) {
    result.crashed = `runner exited with ${status} and wrote no totals (${path.relative(repoRoot, totalsFile)})`;
  } else if (status !== 0 && result.failed === 0) {
    result.crashed = `runner exited with ${status} although no test failed`;
  }
  if (result.crashed) result.failed += 1;
  return result;
}

const started = Date.now();
banner('prerequisites');
try {
  await installPrerequisites((line) => console.log(`[test] ${line}`));
} catch (error) {
  console.log(`prerequisites: FAILED (${error instanceof Error ? error.message : error})`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
step('build', 'build');
// Compiled tests of deleted sources would still run: start from a clean out/.
fs.rmSync(path.join(repoRoot, 'out'), { recursive: true, force: true });
step('compile-tests', 'compile-tests');
if (ESLINT_CONFIGS.some((file) => fs.existsSync(path.join(repoRoot, file)))) {
  step('lint', 'lint');
} else {
  console.log('\nlint: skipped (no eslint config)');
}

fs.mkdirSync(resultsDir, { recursive: true });
const unitFiles = listFiles(path.join(repoRoot, 'out', 'test', 'unit'), '.test.js');
let unit;
if (unitFiles.length === 0) {
  banner('unit tests');
  console.log('unit: no test files (out/test/unit/**/*.test.js); nothing to run');
  unit = { passed: 0, failed: 0, pending: 0, crashed: undefined, ms: 0 };
} else {
  unit = runner('unit', 'test:unit', path.join(resultsDir, 'unit.json'));
}
const integration = runner('integration', 'test:integration', path.join(resultsDir, 'integration.json'));
const e2e = runner('e2e', 'test:e2e', path.join(resultsDir, 'e2e.json'));

banner('summary');
for (const failure of stepFailures) console.log(`FAILED step: ${failure}`);
for (const [name, r] of [
  ['unit', unit],
  ['integration', integration],
  ['e2e', e2e],
]) {
  console.log(`${name}: ${r.passed} passed, ${r.failed} failed, ${r.pending} pending (${seconds(r.ms)})`);
  if (r.crashed) console.log(`${name}: CRASHED: ${r.crashed} (counted as 1 failed)`);
}
const passed = unit.passed + integration.passed + e2e.passed;
const failed = unit.failed + integration.failed + e2e.failed + stepFailures.length;
console.log(`total time ${seconds(Date.now() - started)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
