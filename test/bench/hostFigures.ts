/**
 * Issue 6's figures: the size of the .vsix a user installs and of the bundle inside it, and how long
 * `activate()` takes in the real host (code-server, the .vsix installed as a user would), read from
 * the line the extension writes to its log. Printed, not asserted.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserType } from 'playwright-core';
import { runTests } from '@vscode/test-electron';
import { HOSTILE_DOCUMENTS, type InHostFigures } from './hostileDocuments';

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
async function activationFigures(userDataDir: string, timeoutMs: number): Promise<{ activateMs: number; servicesMs?: number; builtMs?: number }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const file of filesUnder(join(userDataDir, 'logs')).filter((name) => name.endsWith('.log'))) {
      const text = readFileSync(file, 'utf8');
      const activated = /activated in ([\d.]+) ms/.exec(text);
      const services = /Services loaded in ([\d.]+) ms(?: \(built in ([\d.]+) ms\))?/.exec(text);
      if (activated?.[1] && services?.[1])
        return { activateMs: Number(activated[1]), servicesMs: Number(services[1]), ...(services[2] ? { builtMs: Number(services[2]) } : {}) };
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error('the extension did not log its activation in time');
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

/**
 * The extension host's main thread while hostile documents are read and while 5,000 files are
 * scanned (issue 23: the longest stall, target at most 50 ms), measured inside the host by
 * test/bench/inHost.ts, which runs there as the integration tests do (scripts/host/code).
 */
export async function stallFigures(): Promise<void> {
  console.log("\n## The extension host's main thread (development build in code-server 1.139.1; perf_hooks.monitorEventLoopDelay)\n");
  const root = mkdtempSync(join(tmpdir(), 'segmind-stalls-'));
  try {
    const workspace = join(root, 'workspace');
    writeSite(join(workspace, 'site'));
    mkdirSync(join(workspace, 'hostile'), { recursive: true });
    for (const { name, text } of HOSTILE_DOCUMENTS) writeFileSync(join(workspace, 'hostile', name), text);
    writeFileSync(join(workspace, 'hostile', 'here.png'), '');
    const out = join(root, 'figures.json');
    await runTests({
      vscodeExecutablePath: join(repoRoot, 'scripts', 'host', 'code'),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(__dirname, 'inHost.js'),
      launchArgs: [workspace],
      extensionTestsEnv: { SEGMIND_BENCH_OUT: out, SEGMIND_BENCH_SITE_FILES: String(SITE_FILES) },
    });
    const figures = JSON.parse(readFileSync(out, 'utf8')) as InHostFigures;
    console.table([
      ...figures.documents.map((document) => ({
        'while…': `reading ${document.name} (${document.kib} KiB)`,
        'longest stall ms': document.longestStallMs,
        'open → reported ms': document.readMs,
      })),
      {
        'while…': `reading ${figures.sites.configs} hostile site configurations created beside an open page (a million values each unbounded)`,
        'longest stall ms': figures.sites.longestStallMs,
        'open → reported ms': figures.sites.ms,
      },
      {
        'while…': `scanning ${figures.scan.files} files (Fill Missing Images, list)`,
        'longest stall ms': figures.scan.longestStallMs,
        'open → reported ms': `${figures.scan.ms} (${figures.scan.filesPerSecond} files/s, ${figures.scan.missing} missing)`,
      },
    ]);
    const { agents } = figures;
    const mcp = quartiles(agents.mcpMs);
    const tool = quartiles(agents.toolMs);
    console.log(
      `\n## A free placeholder generate_image, end to end (${agents.runs} runs each, alternating, after a warm-up; target: MCP adds at most 50 ms)\n`,
    );
    console.table([
      { way: 'MCP server (SDK client → stdio → server → channel → window)', 'median ms': mcp.median, 'p25–p75 ms': mcp.spread },
      { way: 'language model tool (vscode.lm.invokeTool)', 'median ms': tool.median, 'p25–p75 ms': tool.spread },
      { way: 'what the MCP path adds (difference of medians)', 'median ms': (Number(mcp.median) - Number(tool.median)).toFixed(1), 'p25–p75 ms': '' },
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function quartiles(values: readonly number[]): { median: string; spread: string } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction: number): string => (sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0).toFixed(1);
  return { median: at(0.5), spread: `${at(0.25)}–${at(0.75)}` };
}

/**
 * The MCP server's cold start (target at most 300 ms): a new process from the launcher (as an agent
 * starts it, `node` and the production bundle) until `initialize` is answered, `runs` times.
 */
async function mcpColdStart(runs: number): Promise<Record<string, string>> {
  const folder = mkdtempSync(join(tmpdir(), 'segmind-mcp-cold-'));
  try {
    const launcher = join(folder, 'launcher.cjs');
    writeFileSync(launcher, `require(${JSON.stringify(join(repoRoot, 'dist', 'mcpServer.js'))}).serve({ version: 'bench' });\n`);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await initializeMs(launcher, folder));
    const figures = quartiles(times);
    return { figure: `MCP server cold start to initialize answered, median of ${runs}`, value: `${figures.median} ms (p25–p75 ${figures.spread})` };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function initializeMs(launcher: string, cwd: string): Promise<number> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn('node', [launcher], { cwd, stdio: ['pipe', 'pipe', 'ignore'] });
    child.stdout.once('data', () => {
      done(performance.now() - started);
      child.kill();
    });
    child.once('error', fail);
    const initialize = {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } },
    };
    child.stdin.write(`${JSON.stringify(initialize)}\n`);
  });
}

/**
 * A workspace of 5,000 files (HTML, Markdown, TypeScript, CSS; a fifth of them refer to an image
 * that is missing) plus a node_modules the scan must skip: Fill Missing Images… from the palette, as
 * a user runs it, and the scan's own figure from the log ("Looked for missing images in N files in
 * X ms"), which counts findFiles, reading and parsing every file and the existence checks.
 */
async function scanFigures(host: HostModules, paths: PathsModule, chromium: BrowserType, vsix: string): Promise<Record<string, string>[]> {
  const workspace = mkdtempSync(join(tmpdir(), 'segmind-scan-'));
  try {
    writeSite(workspace);
    const server = await host.startCodeServer({ installExtensions: [vsix] });
    const profile = mkdtempSync(join(tmpdir(), 'segmind-bench-chromium-'));
    const browser = await chromium.launchPersistentContext(profile, { executablePath: paths.chromiumPath, args: paths.chromiumArgs, headless: true });
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace).replace(/%2F/g, '/')}`, { waitUntil: 'domcontentloaded' });
      await activationFigures(server.userDataDir, 60_000);
      const started = Date.now();
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget input').fill('>Segmind: Fill Missing Images…');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Fill Missing Images' }).first().click({ timeout: 20_000 });
      const progress = page.locator('.notification-toast', { hasText: 'looking for missing images' }).first();
      const sawProgress = await progress.waitFor({ timeout: 10_000 }).then(
        () => true,
        () => false,
      );
      const list = page.locator('.quick-input-widget', { hasText: 'Fill Missing Images (' });
      await list.waitFor({ timeout: 120_000 });
      const title = (
        await list
          .locator('.quick-input-title')
          .innerText()
          .catch(() => '')
      ).trim();
      const seenMs = Date.now() - started;
      const logged = await scanLogLine(server.userDataDir, 30_000);
      return [
        {
          figure: 'scan of 5,000 files (log: list, read, parse, resolve, stat)',
          value: `${logged.ms} ms for ${logged.files} files (${logged.listMs} ms of it listing them), ${logged.missing} missing`,
        },
        { figure: 'scan as a user sees it (palette click to the list)', value: `${seenMs} ms; progress shown: ${sawProgress ? 'yes' : 'no'}; "${title}"` },
      ];
    } finally {
      await browser.close();
      await server.stop();
      rmSync(profile, { recursive: true, force: true });
    }
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

/** The 5,000 files of the scan (a fifth refer to an image that is missing or elsewhere), 2,000 images, and a node_modules it must skip, under `workspace`. */
const SITE_FILES = 5_000;
function writeSite(workspace: string): void {
  const kinds: readonly ((i: number) => readonly [string, string])[] = [
    (i: number) => [
      'html',
      `<!doctype html><html><body>\n<h1>Page ${i}</h1>\n${i % 5 === 0 ? `<img src="img/missing-${i}.png" width="640" height="360" alt="Picture ${i}">` : '<p>No image here.</p>'}\n${'<p>Some text of the page, with <a href="/x">a link</a>.</p>\n'.repeat(20)}</body></html>\n`,
    ],
    (i: number) => ['md', `# Note ${i}\n\n${'Some text, *emphasis* and `code`.\n\n'.repeat(15)}${i % 5 === 1 ? `![Figure ${i}](img/figure-${i}.webp)\n` : ''}`],
    (i: number) => ['ts', `${i % 5 === 2 ? `import logo from './img/logo-${i}.svg';\n` : ''}${'export const value = 1 + 2; // a line of code\n'.repeat(25)}`],
    (i: number) => ['css', `${'.a { color: red; margin: 0 auto; }\n'.repeat(25)}${i % 5 === 3 ? `.hero { background: url(img/bg-${i}.jpg); }\n` : ''}`],
  ];
  for (let i = 0; i < SITE_FILES; i++) {
    const folder = join(workspace, `section-${i % 50}`);
    mkdirSync(folder, { recursive: true });
    const [extension, text] = kinds[i % kinds.length]!(i);
    writeFileSync(join(folder, `file-${i}.${extension}`), text);
  }
  // The evidence: 2,000 images the scan lists by name, a tenth of them the path of a page's image (found elsewhere).
  mkdirSync(join(workspace, 'media', 'img'), { recursive: true });
  for (let i = 0; i < 2_000; i++) writeFileSync(join(workspace, 'media', 'img', i % 10 === 0 ? `missing-${i * 5}.png` : `photo-${i}.png`), '');
  mkdirSync(join(workspace, 'node_modules', 'dep'), { recursive: true });
  for (let i = 0; i < 1_000; i++) writeFileSync(join(workspace, 'node_modules', 'dep', `skip-${i}.md`), '![x](img/never-counted.png)\n');
}

async function scanLogLine(userDataDir: string, timeoutMs: number): Promise<{ files: number; ms: number; listMs: number; missing: number }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const file of filesUnder(join(userDataDir, 'logs')).filter((name) => name.endsWith('.log'))) {
      const found = /Looked for missing images in (\d+) files in (\d+) ms \((\d+) ms to find them\): (\d+) missing/.exec(readFileSync(file, 'utf8'));
      if (found) return { files: Number(found[1]), ms: Number(found[2]), listMs: Number(found[3]), missing: Number(found[4]) };
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error('the scan did not log its figure in time');
}
