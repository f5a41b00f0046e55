/**
 * Issue 6's figures: the size of the .vsix a user installs and of the bundle inside it, and how long
 * `activate()` takes in the real host (code-server, the .vsix installed as a user would), read from
 * the line the extension writes to its log; then the scan (scanFigures.ts) and the MCP server's cold
 * start (mcpColdStart.ts) join its table, and the host's stalls (stallFigures.ts) print their own.
 * Printed, not asserted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { activationFigures, filesUnder, repoRoot, type HostModules, type PathsModule } from './hostTools';
import { mcpColdStart } from './mcpColdStart';
import { scanFigures } from './scanFigures';
import { stallFigures } from './stallFigures';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

export async function hostFigures(runs = Number(process.env.SEGMIND_BENCH_RUNS ?? 3)): Promise<void> {
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
      await mcpColdStart(Number(process.env.SEGMIND_BENCH_MCP_RUNS ?? 15)),
    ];

    const paths = (await import(pathToFileURL(join(repoRoot, 'scripts/host/paths.mjs')).href)) as PathsModule;
    const missing = paths.missingHostTools();
    if (missing.length > 0) {
      console.table(rows);
      console.log(`Activation time skipped: ${missing.join(', ')} missing (run bash scripts/host/install.sh).`);
      return;
    }
    const host = (await import(pathToFileURL(join(repoRoot, 'scripts/host/codeServer.mjs')).href)) as HostModules;
    const { chromium } = await import('playwright-core');
    const activations: number[] = [];
    const loads: number[] = [];
    const builds: number[] = [];
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
        if (figures.builtMs !== undefined) builds.push(figures.builtMs);
      } finally {
        await browser.close();
        await server.stop();
        rmSync(profile, { recursive: true, force: true });
      }
    }
    rows.push(...(await scanFigures(host, paths, chromium, vsix)));
    const median = (values: number[]): string => `${[...values].sort((a, b) => a - b)[values.length >> 1]?.toFixed(2) ?? '-'} ms`;
    rows.push(
      { figure: `activate() in the real host, median of ${runs}`, value: `${median(activations)} (all: ${activations.map((v) => v.toFixed(2)).join(', ')})` },
      {
        figure: 'lazy services load after activation (built + startUp), median',
        value: `${median(loads)} (all: ${loads.map((v) => v.toFixed(1)).join(', ')})`,
      },
      { figure: 'of it, services built (what a first command waits for), median', value: median(builds) },
    );
    console.table(rows);
  } finally {
    rmSync(folder, { recursive: true, force: true });
    run('node', ['esbuild.mjs']); // back to the development build the tests use
  }
  await stallFigures();
}
