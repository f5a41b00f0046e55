// What the README's commands need before they can build or test, installed when missing: the
// project's npm packages, then the host tools (Debian packages, Node 24, code-server) through
// install.sh, which skips what is there. `npm start`, `npm run demo` and `npm test` all begin here,
// so each of them works on a fresh clone as its first command.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hostDir, repoRoot } from './paths.mjs';

/** @param {(line: string) => void} say */
export function installPrerequisites(say) {
  // npm ci writes node_modules/.package-lock.json last: without it, the packages are not (all) there.
  if (!fs.existsSync(path.join(repoRoot, 'node_modules', '.package-lock.json'))) {
    say("installing the project's npm packages (npm ci: about 400 packages, 200 MB; under a minute)…");
    const ci = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: repoRoot, stdio: 'inherit' });
    if (ci.status !== 0) throw new Error('npm ci failed (see above)');
  }
  const host = spawnSync('bash', [path.join(hostDir, 'install.sh')], { stdio: 'inherit' });
  if (host.status !== 0) throw new Error('scripts/host/install.sh failed (see above)');
}
