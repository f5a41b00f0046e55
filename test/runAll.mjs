// `npm test`: install what is missing (scripts/host/prerequisites.mjs: the npm packages, Chromium,
// Node 24, code-server), build, compile the tests, then lint (when an eslint config exists) and the
// unit tests (mocha, Node 20) side by side, then the integration tests (a real VS Code: code-server +
// headless Chromium) and the end-to-end tests (the Studio driven in that browser).
// Prints each runner's totals and ends with one line `N passed, N failed` (all runners summed).
// Unit, integration and e2e always all run. A crashed runner, or a failed build/compile/lint step,
// counts as one failure (and why is printed); the exit code is non-zero if anything failed.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installPrerequisites } from '../scripts/host/prerequisites.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(repoRoot, 'out', 'results');
const ESLINT_CONFIGS = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const banner = (text) => console.log(`\n=== ${text} ===`);
const exitStatus = (error, code, signal) => (error ? `error: ${error.message}` : (code ?? `signal ${signal}`));

/** Runs `npm run <script>` with inherited output; resolves with { status, ms }. */
function npmRun(script, env = {}) {
  const started = Date.now();
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
  return Promise.resolve({ status: exitStatus(result.error, result.status, result.signal), ms: Date.now() - started });
}

/** Runs `npm run <script>` with its output kept (stdout and stderr in the order written), so that two
 * can run at once and still print one after the other; resolves with { status, ms, output }. */
function npmRunKept(script, env = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const chunks = [];
    const child = spawn('npm', ['run', '--silent', script], { cwd: repoRoot, env: { ...process.env, ...env } });
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    const done = (status) => resolve({ status, ms: Date.now() - started, output: Buffer.concat(chunks).toString() });
    child.once('error', (error) => done(exitStatus(error)));
    child.once('close', (code, signal) => done(exitStatus(undefined, code, signal)));
  });
}

const stepFailures = [];
function stepResult(name, { status, ms }) {
  if (status === 0) {
    console.log(`${name}: ok (${seconds(ms)})`);
  } else {
    console.log(`${name}: FAILED (exit ${status}, ${seconds(ms)})`);
    stepFailures.push(`${name} (exit ${status})`);
  }
}
async function step(name, script) {
  banner(name);
  stepResult(name, await npmRun(script));
}

function listFiles(dir, suffix) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith(suffix));
}

/** Runs a test runner that writes totals to `totalsFile` (started by `run`: output inherited or
 * kept); a missing file or a non-zero exit with no failed test counts as a crash (one failure). */
async function runner(script, totalsFile, run = npmRun) {
  fs.rmSync(totalsFile, { force: true });
  const { status, ms, output } = await run(script, { SEGMIND_TEST_TOTALS_FILE: totalsFile });
  let totals;
  try {
    totals = JSON.parse(fs.readFileSync(totalsFile, 'utf8'));
  } catch {
    totals = undefined;
  }
  const result = { passed: 0, failed: 0, pending: 0, crashed: undefined, ms, output };
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
const NOTHING_RUN = { passed: 0, failed: 0, pending: 0, crashed: undefined, ms: 0 };

const started = Date.now();
banner('prerequisites');
try {
  await installPrerequisites((line) => console.log(`[test] ${line}`));
} catch (error) {
  console.log(`prerequisites: FAILED (${error instanceof Error ? error.message : error})`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
await step('build', 'build');
// Compiled tests of deleted sources would still run: start from a clean out/.
fs.rmSync(path.join(repoRoot, 'out'), { recursive: true, force: true });
await step('compile-tests', 'compile-tests');
fs.mkdirSync(resultsDir, { recursive: true });

// Lint and the unit tests need nothing of each other and each keeps one core busy: they run at
// once, and print one after the other.
const hasLint = ESLINT_CONFIGS.some((file) => fs.existsSync(path.join(repoRoot, file)));
const hasUnitTests = listFiles(path.join(repoRoot, 'out', 'test', 'unit'), '.test.js').length > 0;
const [lint, unitRun] = await Promise.all([
  hasLint ? npmRunKept('lint') : undefined,
  hasUnitTests ? runner('test:unit', path.join(resultsDir, 'unit.json'), npmRunKept) : undefined,
]);
banner('lint');
if (lint) {
  process.stdout.write(lint.output);
  stepResult('lint', lint);
} else {
  console.log('lint: skipped (no eslint config)');
}
banner('unit tests');
if (unitRun) process.stdout.write(unitRun.output);
else console.log('unit: no test files (out/test/unit/**/*.test.js); nothing to run');
const unit = unitRun ?? NOTHING_RUN;

banner('integration tests');
const integration = await runner('test:integration', path.join(resultsDir, 'integration.json'));
banner('e2e tests');
const e2e = await runner('test:e2e', path.join(resultsDir, 'e2e.json'));

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
