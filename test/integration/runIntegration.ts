// Runs the integration tests (out/test/integration/**/*.test.js) inside a real VS Code through
// @vscode/test-electron's runTests. The "VS Code executable" is scripts/host/code, a launcher that runs
// code-server + headless Chromium (see scripts/host/code and shared docs); on a machine with a desktop
// VS Code, pointing vscodeExecutablePath there runs the same tests unchanged.
//
// Env in:  SEGMIND_TEST_TOTALS_FILE (default out/results/integration.json), SEGMIND_TEST_TIMEOUT_MS,
//          SEGMIND_TEST_GREP (run only the tests whose titles match), SEGMIND_TEST_PROFILE (a file for
//          the time of every test, hook and suite: see test/support/totalsReporter.ts).
// Env out (to the tests): SEGMIND_TEST_WORKSPACE (the temp copy of test/fixtures/workspace),
//          SEGMIND_TEST_TOTALS_FILE, SEGMIND_TEST_REPO_ROOT, SEGMIND_TEST_SUITE (single | multi-root).
// Three windows run one after the other: one folder, a .code-workspace of two (test/integration/multiRoot/),
// and a folder never trusted, in Restricted Mode (test/integration/restricted/).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

async function main(): Promise<number> {
  const launcher = path.join(repoRoot, 'scripts', 'host', 'code');
  const fixture = path.join(repoRoot, 'test', 'fixtures', 'workspace');
  const totalsFile = path.resolve(repoRoot, process.env.SEGMIND_TEST_TOTALS_FILE ?? path.join('out', 'results', 'integration.json'));
  fs.rmSync(totalsFile, { force: true });

  try {
    fs.accessSync(launcher, fs.constants.X_OK);
  } catch {
    fs.chmodSync(launcher, 0o755); // a checkout that lost the executable bit
  }

  const tempRoot = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'segmind-it-')));
  const workspace = path.join(tempRoot, 'workspace');
  fs.cpSync(fixture, workspace, { recursive: true });
  // The multi-root suite opens a .code-workspace of two folders: the fixture again, and a second one.
  const second = path.join(tempRoot, 'second');
  fs.cpSync(fixture, second, { recursive: true });
  // Someone else's repository: a copy of its own, opened with workspace trust on and never trusted.
  const untrusted = path.join(tempRoot, 'untrusted');
  fs.cpSync(fixture, untrusted, { recursive: true });
  const multiRoot = path.join(tempRoot, 'two-folders.code-workspace');
  fs.writeFileSync(
    multiRoot,
    JSON.stringify(
      {
        folders: [
          { path: 'workspace', name: 'site' },
          { path: 'second', name: 'docs' },
        ],
      },
      null,
      2,
    ),
  );

  const suites = [
    { name: 'single folder', suite: 'single', open: workspace, env: {} },
    { name: 'multi-root', suite: 'multi-root', open: multiRoot, env: {} },
    { name: 'restricted mode', suite: 'restricted', open: untrusted, env: { SEGMIND_HOST_WORKSPACE_TRUST: '1' } },
  ];
  const totals = { passed: 0, failed: 0, pending: 0 };
  let failed = false;
  try {
    for (const { name, suite, open, env } of suites) {
      const suiteTotals = path.join(tempRoot, `totals-${suite}.json`);
      try {
        await runTests({
          vscodeExecutablePath: launcher,
          extensionDevelopmentPath: repoRoot,
          extensionTestsPath: path.join(__dirname, 'index.js'),
          launchArgs: [open],
          extensionTestsEnv: {
            SEGMIND_TEST_TOTALS_FILE: suiteTotals,
            SEGMIND_TEST_SUITE: suite,
            SEGMIND_TEST_WORKSPACE: suite === 'restricted' ? untrusted : workspace,
            ...env,
            SEGMIND_TEST_REPO_ROOT: repoRoot,
            ...(process.env.SEGMIND_TEST_GREP ? { SEGMIND_TEST_GREP: process.env.SEGMIND_TEST_GREP } : {}),
            ...(process.env.SEGMIND_TEST_PROFILE ? { SEGMIND_TEST_PROFILE: process.env.SEGMIND_TEST_PROFILE } : {}),
          },
        });
      } catch (error) {
        failed = true;
        console.error(`Integration tests (${name}) failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (fs.existsSync(suiteTotals)) {
        const counted = JSON.parse(fs.readFileSync(suiteTotals, 'utf8')) as typeof totals;
        totals.passed += counted.passed;
        totals.failed += counted.failed;
        totals.pending += counted.pending;
      } else {
        failed = true;
        totals.failed += 1; // the suite did not even report
      }
    }
    fs.mkdirSync(path.dirname(totalsFile), { recursive: true });
    fs.writeFileSync(totalsFile, `${JSON.stringify(totals)}\n`);
    return failed ? 1 : 0;
  } finally {
    fs.rmSync(tempRoot, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
