/**
 * The end-to-end tests' way to the real host: scripts/host's modules (code-server, Chromium's path,
 * temporary folders) and the extension packaged once per run with vsce, as a user installs it.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

export interface CodeServer {
  readonly url: string;
  readonly userDataDir: string;
  stop(): Promise<void>;
}
export interface HostModules {
  startCodeServer(options: {
    settings?: Record<string, unknown>;
    installExtensions?: string[];
    locale?: string;
    prepare?: (dirs: { userDataDir: string; extensionsDir: string }) => void;
  }): Promise<CodeServer>;
  chromiumPath: string;
  chromiumArgs: string[];
  makeTempDir(prefix: string): string;
  isolatedHomeEnv(dir: string): Record<string, string>;
  rmQuiet(dir: string): void;
}

let hostPromise: Promise<HostModules> | undefined;
/** scripts/host/*.mjs are ES modules; this file compiles to CommonJS, so they come in through import(). */
export function hostModules(): Promise<HostModules> {
  hostPromise ??= (async () => {
    const server = (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'host', 'codeServer.mjs')).href)) as Pick<HostModules, 'startCodeServer'>;
    const paths = (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'host', 'paths.mjs')).href)) as Omit<HostModules, 'startCodeServer'>;
    return { ...paths, startCodeServer: server.startCodeServer };
  })();
  return hostPromise;
}

let vsixPath: string | undefined;
/**
 * The extension as a user installs it, packaged once per run (every e2e file of this process reuses
 * it). Env SEGMIND_E2E_VSIX names an already packaged .vsix to use instead (it is not deleted).
 */
export async function packagedVsix(): Promise<string> {
  if (vsixPath && fs.existsSync(vsixPath)) return vsixPath;
  const given = process.env.SEGMIND_E2E_VSIX;
  if (given && fs.existsSync(given)) return (vsixPath = given);
  const host = await hostModules();
  const folder = host.makeTempDir('segmind-e2e-vsix');
  process.once('exit', () => host.rmQuiet(folder));
  const vsix = path.join(folder, 'segmind-image-studio.vsix');
  const result = spawnSync('npx', ['vsce', 'package', '--allow-missing-repository', '-o', vsix], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vsce package failed:\n${result.stdout}${result.stderr}`);
  return (vsixPath = vsix);
}
