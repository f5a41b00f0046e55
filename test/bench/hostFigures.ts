/**
 * Issue 6's figures: the size of the .vsix a user installs and of the bundle inside it, and how long
 * `activate()` takes in the real host (code-server, the .vsix installed as a user would), read from
 * the line the extension writes to its log. Printed, not asserted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const repoRoot = resolve(__dirname, '..', '..', '..');

interface CodeServer {
  readonly url: string;
  readonly userDataDir: string;
  stop(): Promise<void>;
}

interface HostModules {
  startCodeServer(options: { installExtensions?: string[]; settings?: Record<string, unknown> }): Promise<CodeServer>;
}

interface PathsModule {
  readonly chromiumPath: string;
  readonly chromiumArgs: string[];
  missingHostTools(): string[];
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Waits for the extension's "activated in N ms" line in code-server's log folder. */
async function activationFigures(userDataDir: string, timeoutMs: number): Promise<{ activateMs: number; servicesMs?: number }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const file of filesUnder(join(userDataDir, 'logs')).filter((name) => name.endsWith('.log'))) {
      const text = readFileSync(file, 'utf8');
      const activated = /activated in ([\d.]+) ms/.exec(text);
      const services = /Services loaded in ([\d.]+) ms/.exec(text);
      if (activated?.[1] && services?.[1]) return { activateMs: Number(activated[1]), servicesMs: Number(services[1]) };
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error('the extension did not log its activation in time');
}

export async function hostFigures(runs = 3): Promise<void> {
  console.log('\n## Package and activation (production build, .vsix installed in code-server 1.139.1)\n');
  const folder = mkdtempSync(join(tmpdir(), 'segmind-vsix-'));
  try {
    run('node', ['esbuild.mjs', '--production']);
    const vsix = join(folder, 'segmind-image-studio.vsix');
    run('npx', ['--no-install', 'vsce', 'package', '--out', vsix]);
    const bundles = filesUnder(join(repoRoot, 'dist')).filter((file) => file.endsWith('.js'));
    const rows: Record<string, string>[] = [
      { figure: '.vsix size', value: kib(statSync(vsix).size) },
      ...bundles.map((file) => ({ figure: `bundle ${file.slice(repoRoot.length + 1)}`, value: kib(statSync(file).size) })),
    ];

    const paths = (await import(pathToFileURL(join(repoRoot, 'test/host/paths.mjs')).href)) as PathsModule;
    const missing = paths.missingHostTools();
    if (missing.length > 0) {
      console.table(rows);
      console.log(`Activation time skipped: ${missing.join(', ')} missing (run bash test/host/install.sh).`);
      return;
    }
    const host = (await import(pathToFileURL(join(repoRoot, 'test/host/codeServer.mjs')).href)) as HostModules;
    const { chromium } = await import('playwright-core');
    const activations: number[] = [];
    const loads: number[] = [];
    for (let i = 0; i < runs; i++) {
      const server = await host.startCodeServer({ installExtensions: [vsix] });
      const profile = mkdtempSync(join(tmpdir(), 'segmind-bench-chromium-'));
      const browser = await chromium.launchPersistentContext(profile, { executablePath: paths.chromiumPath, args: paths.chromiumArgs, headless: true });
      try {
        const page = browser.pages()[0] ?? (await browser.newPage());
        await page.goto(server.url, { waitUntil: 'domcontentloaded' });
        const figures = await activationFigures(server.userDataDir, 60_000);
        activations.push(figures.activateMs);
        if (figures.servicesMs !== undefined) loads.push(figures.servicesMs);
      } finally {
        await browser.close();
        await server.stop();
        rmSync(profile, { recursive: true, force: true });
      }
    }
    const median = (values: number[]): string => `${[...values].sort((a, b) => a - b)[values.length >> 1]?.toFixed(2) ?? '-'} ms`;
    rows.push(
      { figure: `activate() in the real host, median of ${runs}`, value: `${median(activations)} (all: ${activations.map((v) => v.toFixed(2)).join(', ')})` },
      { figure: 'lazy services load after activation, median', value: median(loads) },
    );
    console.table(rows);
  } finally {
    rmSync(folder, { recursive: true, force: true });
    run('node', ['esbuild.mjs']); // back to the development build the tests use
  }
}
