// `npm start`: a real VS Code (code-server 4.139.1 = VS Code 1.139.1) in your browser, with this
// extension loaded from the working copy and a copy of the sample workspace open.
//
//   npm start                      # prints the URL, runs until Ctrl+C
//   npm start -- --check           # headless self-check: the extension's commands are in the palette,
//                                  # then stop (with --demo also: the status bar shows the fake's balance);
//                                  # .ci/run starts the demo this way, as the README's first command
//   npm start -- --fresh-workspace # reset .cache/workspace from test/fixtures/workspace
//   npm run demo                   # the same with a loopback fake Segmind and a demo key: no account,
//                                  # no internet, no credits (a fresh .cache/demo-workspace each time)
//
// Env: PORT (default: a free port), SEGMIND_API_KEY (reaches the extension host as is),
//      SEGMIND_API_BASE_URL (written to user setting segmind.apiBaseUrl, e.g. a local fake server),
//      SEGMIND_HOST_VERBOSE=1 (echo code-server's output), SEGMIND_DEMO_SKIP_BUILD=1 (demo: use the
//      build that is there, as the test that starts the demo does).
// The extension is a symlink in code-server's (temp) extensions dir pointing at the repo, so
// `npm run build` (or `npm run watch`) plus "Developer: Reload Window" picks up changes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startCodeServer } from './codeServer.mjs';
import { installPrerequisites } from './prerequisites.mjs';
import { chromiumArgs, chromiumPath, copyDir, extensionInfo, formatMs, isolatedHomeEnv, makeTempDir, npmRun, repoRoot, rmQuiet } from './paths.mjs';

const argv = process.argv.slice(2);
const check = argv.includes('--check');
const demo = argv.includes('--demo');
const freshWorkspace = argv.includes('--fresh-workspace') || demo;
const cacheDir = path.join(repoRoot, '.cache');
const workspace = path.join(cacheDir, demo ? 'demo-workspace' : 'workspace');
/** Looks like a key, works only with the fake. */
const DEMO_KEY = 'SG_demo00000000000000000000';
const DEMO_CREDITS = 25;
const started = Date.now();
const say = (message) => console.log(`[start] ${message}`);

function prepareWorkspace() {
  if (freshWorkspace) rmQuiet(workspace);
  if (!fs.existsSync(workspace)) {
    copyDir(path.join(repoRoot, 'test', 'fixtures', 'workspace'), workspace);
    say(`workspace: new copy of test/fixtures/workspace at ${path.relative(repoRoot, workspace)}/`);
  } else {
    say(`workspace: ${path.relative(repoRoot, workspace)}/ (kept; --fresh-workspace resets it)`);
  }
}

/** Headless: open the workbench, open the command palette, look for the extension's commands. */
async function selfCheck(url) {
  const { createRequire } = await import('node:module');
  const { chromium } = createRequire(import.meta.url)('playwright-core');
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  // Titles are `%key%`s of package.nls.json, as VS Code shows them in English.
  const nls = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8'));
  const shown = (text) => (/^%[\w.]+%$/.test(text ?? '') ? nls[text.slice(1, -1)] : text);
  // Commands the palette shows only in some states (e.g. Clear API Key, only while there is a key) are not looked for.
  const conditional = new Set((manifest.contributes.menus?.commandPalette ?? []).filter((entry) => entry.when).map((entry) => entry.command));
  const wanted = manifest.contributes.commands.filter((c) => !conditional.has(c.command)).map((c) => `${c.category ? `${c.category}: ` : ''}${shown(c.title)}`);
  const browserTemp = makeTempDir('segmind-chromium');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    env: { ...process.env, ...isolatedHomeEnv(browserTemp) },
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page
      .locator('.explorer-folders-view, .explorer-viewlet')
      .first()
      .waitFor({ timeout: 30_000 })
      .catch(() => {});
    let labels = [];
    for (let attempt = 0; attempt < 10 && !wanted.every((w) => labels.includes(w)); attempt++) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 10_000 });
      await input.fill('>Segmind');
      await page.waitForTimeout(500);
      labels = (await page.locator('.quick-input-list .monaco-list-row .label-name').allTextContents()).map((l) => l.replace(/\s+/g, ' ').trim());
      if (!wanted.every((w) => labels.includes(w))) await page.waitForTimeout(1000);
    }
    fs.mkdirSync(cacheDir, { recursive: true });
    const shot = path.join(cacheDir, 'start-check.png');
    await page.screenshot({ path: shot });
    const missing = wanted.filter((w) => !labels.includes(w));
    say(`palette shows: ${labels.join(' | ') || '(nothing)'}`);
    say(`screenshot: ${path.relative(repoRoot, shot)}`);
    if (missing.length) throw new Error(`extension commands missing from the palette: ${missing.join(', ')}`);
    say(`check OK: all ${wanted.length} contributed commands are in the palette`);
    if (demo) {
      // The demo key and the fake answer: the status bar shows the fake's balance.
      await page
        .locator('.statusbar-item', { hasText: DEMO_CREDITS.toFixed(2) })
        .first()
        .waitFor({ timeout: 30_000 });
      say(`check OK: the status bar shows the demo balance (${DEMO_CREDITS.toFixed(2)} credits from the fake Segmind)`);
    }
  } finally {
    await browser.close().catch(() => {});
    rmQuiet(browserTemp);
  }
}

/** The demo's Segmind: the test suite's loopback fake, with a demo key, jobs of a few seconds and a balance. */
async function startFakeSegmind() {
  const serverModule = path.join(repoRoot, 'out', 'test', 'fakeSegmind', 'server.js');
  const { FakeSegmind } = await import(pathToFileURL(serverModule).href);
  const fake = await FakeSegmind.start({ apiKey: DEMO_KEY, credits: DEMO_CREDITS, jobPlan: { durationMs: 6_000 } });
  exemptFromProxies(fake);
  return fake;
}

/**
 * Behind a company proxy (HTTPS_PROXY in the environment, which the extension host inherits), the
 * extension would send the demo's loopback traffic to that proxy: it proxies loopback too unless
 * NO_PROXY lists it. So the fake's three hosts join NO_PROXY, and nothing else changes.
 */
function exemptFromProxies(fake) {
  const hosts = [fake.apiBaseUrl, fake.uploadBaseUrl, fake.outputBaseUrl].map((url) => new URL(url).host);
  const existing = (process.env.no_proxy ?? process.env.NO_PROXY ?? '').trim();
  const list = [...(existing ? [existing] : []), ...hosts].join(',');
  process.env.NO_PROXY = list;
  process.env.no_proxy = list;
}

async function main() {
  let t = Date.now();
  if (!(demo && process.env.SEGMIND_DEMO_SKIP_BUILD)) {
    await installPrerequisites(say);
    say(`everything is installed (${formatMs(Date.now() - t)}); building the extension${demo ? ' and the fake Segmind' : ''}…`);
    t = Date.now();
    npmRun('build', { quiet: true });
    if (demo) npmRun('compile-tests', { quiet: true }); // the fake Segmind lives in the test tree
    say(`built dist/extension.js${demo ? ' and the fake Segmind' : ''} (${formatMs(Date.now() - t)})`);
  }
  prepareWorkspace();

  const { id, version } = extensionInfo();
  const settings = {};
  const fake = demo ? await startFakeSegmind() : undefined;
  if (fake) {
    settings['segmind.apiBaseUrl'] = fake.apiBaseUrl;
    settings['segmind.uploadBaseUrl'] = fake.uploadBaseUrl;
    process.env.SEGMIND_API_KEY = DEMO_KEY; // reaches the extension host: the status bar says the key comes from there
    say(`fake Segmind on ${fake.apiBaseUrl} (api), ${fake.uploadBaseUrl} (upload), ${fake.outputBaseUrl} (images)`);
  } else if (process.env.SEGMIND_API_BASE_URL) {
    settings['segmind.apiBaseUrl'] = process.env.SEGMIND_API_BASE_URL;
  }
  const port = process.env.PORT ? Number(process.env.PORT) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new Error(`bad PORT: ${process.env.PORT}`);

  t = Date.now();
  const server = await startCodeServer({
    port,
    settings,
    isolateHome: check,
    prepare: ({ extensionsDir }) => {
      // The working copy as an installed extension (symlink; VS Code follows it).
      fs.symlinkSync(repoRoot, path.join(extensionsDir, `${id}-${version}`), 'dir');
    },
  });
  const url = `${server.url}/?folder=${encodeURIComponent(workspace).replace(/%2F/g, '/')}`;
  say(`code-server ready (${formatMs(Date.now() - t)}); extension ${id} ${version} linked from the working copy`);
  if (settings['segmind.apiBaseUrl']) say(`user setting segmind.apiBaseUrl = ${settings['segmind.apiBaseUrl']}`);
  say(`SEGMIND_API_KEY ${process.env.SEGMIND_API_KEY ? 'is set and reaches the extension host' : 'is not set'}`);

  const line = '='.repeat(Math.max(40, url.length + 4));
  const demoNote = demo
    ? '\n  DEMO: images come from a local fake Segmind on this machine, not from Segmind.\n  No account, no internet, no credits: the key is a demo key the fake accepts.\n'
    : '';
  const stopHow = check ? 'checking it in headless Chromium, then stopping' : 'Ctrl+C stops it';
  console.log(
    `\n${line}\n  Image Studio for Segmind in VS Code ${'(code-server)'}:\n\n  ${url}\n${demoNote}\n  (127.0.0.1 only; ready in ${formatMs(Date.now() - started)}; ${stopHow})\n${line}\n`,
  );

  if (check) {
    try {
      await selfCheck(url);
    } finally {
      await server.stop();
      await fake?.close();
    }
    say(`checked in ${formatMs(Date.now() - started)} from the start`);
    return 0;
  }

  return await new Promise((resolve) => {
    const stop = async (why, code) => {
      say(`${why}; stopping`);
      await server.stop();
      await fake?.close();
      resolve(code);
    };
    process.once('SIGINT', () => stop('Ctrl+C', 0));
    process.once('SIGTERM', () => stop('SIGTERM', 0));
    server.exited.then((code) => {
      console.error(`[start] code-server exited (${code}).\n${server.outputTail()}`);
      resolve(1);
    });
  });
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[start] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
