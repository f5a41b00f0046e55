// Starts code-server (VS Code 1.139.1, server + web workbench) quietly on 127.0.0.1 under Node 24:
// own process group, temp user-data/extensions/XDG dirs, clean user settings, free port, waits for
// /healthz. `stop()` kills the whole group and removes the temp dirs; the same happens on process
// exit, SIGINT, SIGTERM and SIGHUP, so no code-server is ever left behind.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { assertHostTools, cleanUserSettings, codeServerEntry, freePort, isolatedHomeEnv, makeTempDir, node24Bin, node24Env, rmQuiet, sleep } from './paths.mjs';

const WATCHDOG = [
  'parent=$1; base=$2; shift 2',
  '( while kill -0 "$parent" 2>/dev/null; do sleep 1; done',
  '  setsid sh -c \'sleep 2; rm -rf "$0"\' "$base" &',
  '  sleep 0.5; kill -KILL 0 ) </dev/null >/dev/null 2>&1 &',
  'exec "$@"',
].join('\n');

const active = new Set();
let handlersInstalled = false;

/** Signals the whole process group led by `pid` (code-server runs detached, as a group leader). */
function killGroup(pid, signal) {
  if (!pid) return false;
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: nobody left in the group
  }
}

/** Synchronous last-resort cleanup: SIGKILL every group we started and remove temp dirs. */
function cleanupAllSync() {
  for (const server of active) {
    server.stopSync();
  }
}

function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', cleanupAllSync);
  const signals = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };
  for (const [signal, number] of Object.entries(signals)) {
    process.on(signal, () => {
      const hadServers = active.size > 0;
      cleanupAllSync();
      // Let other listeners (the caller's own) run first; then make sure the process ends.
      setTimeout(() => {
        if (hadServers || process.listenerCount(signal) <= 1) process.exit(128 + number);
      });
    });
  }
}

/** Environment for code-server: the caller's env (so extensionTestsEnv reaches the extension host),
 * minus variables of an outer VS Code, plus Node 24 on PATH and XDG dirs (and HOME) in `baseDir`. */
function serverEnv(baseEnv, baseDir, isolateHome) {
  const env = {};
  for (const [key, value] of Object.entries(baseEnv)) {
    if (value === undefined) continue;
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE' || key === 'ELECTRON_NO_ATTACH_CONSOLE') continue;
    env[key] = value;
  }
  const isolated = isolatedHomeEnv(baseDir);
  if (!isolateHome) delete isolated.HOME;
  return node24Env({ ...env, ...isolated });
}

function httpGet(url, timeoutMs) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode, body }));
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
  });
}

/** Workspace trust on, asking nothing: a folder that was never trusted opens in Restricted Mode. */
const untrustedSettings = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
  'security.workspace.trust.emptyWindow': false,
};

/**
 * @param {object} [options]
 * @param {NodeJS.ProcessEnv} [options.env] base environment (default process.env); inherited by the extension host
 * @param {boolean} [options.smokeTestDriver] pass `--vscode-option enable-smoke-test-driver` (needed for the
 *   workbench `payload` with extensionDevelopmentPath/extensionTestsPath)
 * @param {number} [options.port] fixed port (default: a free one)
 * @param {Record<string, unknown>} [options.settings] extra user settings
 * @param {(dirs: {userDataDir: string, extensionsDir: string}) => void} [options.prepare] runs before start
 * @param {string[]} [options.installExtensions] .vsix files to install before start
 * @param {boolean} [options.isolateHome] HOME in the temp dir too (default true)
 * @param {boolean} [options.verbose] echo code-server's output (default: env SEGMIND_HOST_VERBOSE)
 * @param {number} [options.startTimeoutMs] default 60 s
 * @param {string} [options.locale] VS Code's display language (`--locale`), e.g. `qps-ploc`, the pseudo-locale
 * @param {boolean} [options.workspaceTrust] keep workspace trust on: the folder opens untrusted, in Restricted Mode
 *   (no prompt, no banner), as someone else's repository does
 * @returns {Promise<{url: string, port: number, pid: number, userDataDir: string, extensionsDir: string,
 *   baseDir: string, outputTail: () => string, exited: Promise<number|null>, stop: () => Promise<void>}>}
 */
export async function startCodeServer(options = {}) {
  assertHostTools();
  installHandlers();
  const verbose = options.verbose ?? Boolean(process.env.SEGMIND_HOST_VERBOSE);
  const baseDir = makeTempDir('segmind-code-server');
  const userDataDir = path.join(baseDir, 'user-data');
  const extensionsDir = path.join(baseDir, 'extensions');
  const configFile = path.join(baseDir, 'config.yaml');
  const tail = [];
  const pushOutput = (chunk) => {
    const text = chunk.toString();
    if (verbose) process.stderr.write(`[code-server] ${text}`);
    tail.push(...text.split('\n').filter((line) => line.trim()));
    if (tail.length > 200) tail.splice(0, tail.length - 200);
  };
  const outputTail = () => tail.slice(-40).join('\n');

  let child;
  let stopped = false;
  const server = {
    stopSync() {
      if (!stopped) {
        killGroup(child?.pid, 'SIGKILL');
        rmQuiet(baseDir);
      }
      stopped = true;
      active.delete(server);
    },
  };
  active.add(server);

  try {
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    fs.mkdirSync(extensionsDir, { recursive: true });
    fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
    const trust = options.workspaceTrust ? untrustedSettings : {};
    fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...cleanUserSettings, ...trust, ...(options.settings ?? {}) }, null, 2));
    const env = serverEnv(options.env ?? process.env, baseDir, options.isolateHome ?? true);
    const profileArgs = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

    for (const vsix of options.installExtensions ?? []) {
      const result = spawnSync(node24Bin, [codeServerEntry, ...profileArgs, '--install-extension', vsix, '--force'], {
        env,
        encoding: 'utf8',
        timeout: 120_000,
      });
      if (result.status !== 0) {
        throw new Error(`code-server --install-extension ${vsix} failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
      }
    }
    options.prepare?.({ userDataDir, extensionsDir });

    const port = options.port ?? (await freePort());
    const args = [
      codeServerEntry,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      ...profileArgs,
      '--disable-telemetry',
      '--disable-update-check',
      ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
      ...(options.locale ? ['--locale', options.locale] : []),
    ];
    // `sh` starts a watchdog in the new process group, then becomes code-server (exec, same pid): if this
    // Node process dies without cleaning up (SIGKILL), the watchdog kills the whole group within ~1 s
    // and removes the temp dirs.
    child = spawn('/bin/sh', ['-c', WATCHDOG, 'code-server', String(process.pid), baseDir, node24Bin, ...args], {
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', pushOutput);
    child.stderr.on('data', pushOutput);
    const exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => resolve(code ?? signal));
      child.once('error', (error) => {
        pushOutput(`spawn error: ${error.message}\n`);
        resolve(null);
      });
    });

    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
    let healthy = false;
    let exitedEarly = false;
    exited.then(() => (exitedEarly = true));
    while (!healthy) {
      if (exitedEarly) throw new Error(`code-server exited before it was ready:\n${outputTail()}`);
      if (Date.now() > deadline) throw new Error(`code-server not ready on ${url} within ${options.startTimeoutMs ?? 60_000} ms:\n${outputTail()}`);
      try {
        const response = await httpGet(`${url}/healthz`, 1000);
        healthy = response.status === 200;
      } catch {
        // not listening yet
      }
      if (!healthy) await sleep(100);
    }

    return {
      url,
      port,
      pid: child.pid,
      userDataDir,
      extensionsDir,
      baseDir,
      outputTail,
      exited,
      async stop() {
        if (stopped) return;
        if (child.exitCode === null && child.signalCode === null) {
          killGroup(child.pid, 'SIGTERM');
          const done = await Promise.race([exited.then(() => true), sleep(3000).then(() => false)]);
          if (!done) killGroup(child.pid, 'SIGKILL');
        }
        // Stray members of the group (extension host, pty host) that outlived the main process.
        killGroup(child.pid, 'SIGKILL');
        server.stopSync();
      },
    };
  } catch (error) {
    server.stopSync();
    throw error;
  }
}
