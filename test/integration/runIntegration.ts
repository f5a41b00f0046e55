// Runs the integration tests (out/test/integration/**/*.test.js) inside a real VS Code through
// @vscode/test-electron's runTests. The "VS Code executable" is test/host/code, a launcher that runs
// code-server + headless Chromium (see test/host/code and shared docs); on a machine with a desktop
// VS Code, pointing vscodeExecutablePath there runs the same tests unchanged.
//
// Env in:  SEGMIND_TEST_TOTALS_FILE (default out/results/integration.json), SEGMIND_TEST_TIMEOUT_MS,
//          SEGMIND_TEST_GREP (run only the tests whose titles match).
// Env out (to the tests): SEGMIND_TEST_WORKSPACE (the temp copy of test/fixtures/workspace),
//          SEGMIND_TEST_TOTALS_FILE, SEGMIND_TEST_REPO_ROOT.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

async function main(): Promise<number> {
  const launcher = path.join(repoRoot, 'test', 'host', 'code');
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

  try {
    await runTests({
      vscodeExecutablePath: launcher,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'index.js'),
      launchArgs: [workspace],
      extensionTestsEnv: {
        SEGMIND_TEST_TOTALS_FILE: totalsFile,
        SEGMIND_TEST_WORKSPACE: workspace,
        SEGMIND_TEST_REPO_ROOT: repoRoot,
        ...(process.env.SEGMIND_TEST_GREP ? { SEGMIND_TEST_GREP: process.env.SEGMIND_TEST_GREP } : {}),
      },
    });
    return 0;
  } catch (error) {
    console.error(`Integration tests failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
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
