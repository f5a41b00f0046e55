// What the README's commands need before they can build or test, installed when missing: the
// project's npm packages, and the host tools (Debian packages, Node 24, code-server) through
// install.sh, which skips what is there. `npm start`, `npm run demo` and `npm test` all begin here,
// so each of them works on a fresh clone as its first command.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hostDir, repoRoot } from './paths.mjs';

/** Runs a command with this terminal's output; resolves with its exit status (or why it did not run). */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.once('error', (error) => resolve(error.message));
    child.once('exit', (code, signal) => resolve(code ?? `signal ${signal}`));
  });
}

/**
 * The two installs share nothing (the host tools live in scripts/host/ with their own package
 * files), so they run at once: on a fresh machine code-server's native builds keep the CPU busy
 * while npm ci mostly waits on the network and the disk. Either failing fails, after both end.
 * @param {(line: string) => void} say
 */
export async function installPrerequisites(say) {
  // npm ci writes node_modules/.package-lock.json last: without it, the packages are not (all) there.
  const needsPackages = !fs.existsSync(path.join(repoRoot, 'node_modules', '.package-lock.json'));
  if (needsPackages) say("installing the project's npm packages (npm ci: about 500 packages, 200 MB; under a minute)…");
  const [packages, host] = await Promise.all([
    needsPackages ? run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: repoRoot }) : 0,
    run('bash', [path.join(hostDir, 'install.sh')]),
  ]);
  const failed = [...(packages === 0 ? [] : [`npm ci (${packages})`]), ...(host === 0 ? [] : [`scripts/host/install.sh (${host})`])];
  if (failed.length > 0) throw new Error(`${failed.join(' and ')} failed (see above)`);
}
