/**
 * Shared plumbing of the end-to-end tests: the extension packaged once per run with vsce, installed
 * from its .vsix into a fresh code-server (VS Code 1.139.1) whose user settings point at the fake
 * Segmind, headless Chromium on the workbench of a copy of the fixture workspace, and the few
 * gestures every test needs (the palette, the colour theme, screenshots, the status bar item, the
 * Explorer, notifications). Screenshots go to test-results/e2e/<name>.png (git-ignored).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type FrameLocator, type Locator, type Page } from 'playwright-core';
import type { FakeSegmind } from '../../fakeSegmind/server';

export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
export const shotsDir = path.join(repoRoot, 'test-results', 'e2e');
/** The key the fake accepts and the tests type (key-shaped: SG_…). */
export const KEY = 'SG_e2e0123456789abcdef';

export interface CodeServer {
  readonly url: string;
  readonly userDataDir: string;
  stop(): Promise<void>;
}
interface HostModules {
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

let shotsCleared = false;
/** test-results/e2e/, emptied once per run (not per file: every file's pictures stay). */
function shotsFolder(): string {
  if (!shotsCleared) {
    fs.rmSync(shotsDir, { recursive: true, force: true });
    shotsCleared = true;
  }
  fs.mkdirSync(shotsDir, { recursive: true });
  return shotsDir;
}

/** A full-page screenshot (or of one element) to test-results/e2e/<name>.png; returns the path. */
export async function screenshot(page: Page, name: string, element?: Locator): Promise<string> {
  const file = path.join(shotsFolder(), `${name}.png`);
  // Transitions finished (a quick pick or hover fading in would look greyed out).
  if (element) await element.screenshot({ path: file, animations: 'disabled' });
  else await page.screenshot({ path: file, animations: 'disabled' });
  return file;
}

/** For afterEach: a screenshot named after the failed test. */
export async function screenshotIfFailed(context: Mocha.Context, page: Page | undefined): Promise<void> {
  const test = context.currentTest;
  if (test?.state !== 'failed' || !page) return;
  const name = test.title
    .replace(/[^a-z0-9]+/gi, '-')
    .slice(0, 60)
    .toLowerCase();
  await screenshot(page, `failed-${name}`).catch(() => undefined);
}

export interface WorkbenchOptions {
  /** Its URLs go into the user settings (segmind.apiBaseUrl, segmind.uploadBaseUrl). */
  readonly fake: FakeSegmind;
  /** More user settings. */
  readonly settings?: Record<string, unknown>;
  readonly viewport?: { width: number; height: number };
  /** VS Code's display language (`--locale`), with these translations put beside the installed extension's own. */
  readonly locale?: { readonly language: string; readonly files: Readonly<Record<string, string>> };
}

export interface Workbench {
  readonly page: Page;
  /** The copy of test/fixtures/workspace that is open. */
  readonly workspace: string;
  /** The Image Studio webview's document (two frames deep). */
  readonly studio: FrameLocator;
  readonly server: CodeServer;
  readonly browser: Browser;
  /** Developer: Reload Window, then waits for the workbench again. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Before code-server starts: `language` becomes a display language VS Code has a language pack for,
 * and files (relative path → text) go into the installed extension's folder. Without a language pack
 * VS Code resolves every locale to English and tells extensions `en`; the pack is what VS Code's own
 * language-pack service writes into languagepacks.json for an installed one, with no translations
 * (VS Code's own words stay English: only the extension is under test).
 */
function addTranslations(language: string, files: Readonly<Record<string, string>>): (dirs: { userDataDir: string; extensionsDir: string }) => void {
  return ({ userDataDir, extensionsDir }) => {
    const core = path.join(userDataDir, 'test-language-pack', 'main.i18n.json');
    fs.mkdirSync(path.dirname(core), { recursive: true });
    fs.writeFileSync(core, JSON.stringify({ version: '1.0.0', contents: {} }));
    const pack = {
      hash: `test-${language}`,
      extensions: [{ extensionIdentifier: { id: 'segmind-image-studio-tests.language-pack' }, version: '1.0.0' }],
      translations: { vscode: core },
      label: language,
    };
    fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({ [language]: pack }));
    const installed = fs.readdirSync(extensionsDir).find((name) => name.startsWith('segmind-image-studio.'));
    if (!installed) throw new Error(`the extension is not installed in ${extensionsDir}`);
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(extensionsDir, installed, file)), { recursive: true });
      fs.writeFileSync(path.join(extensionsDir, installed, file), text);
    }
  };
}

/** code-server with the packaged extension, Chromium on it, the fixture workspace open. */
export async function openWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const host = await hostModules();
  shotsFolder();
  const temps: string[] = [];
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    for (const dir of temps) host.rmQuiet(dir);
  };
  try {
    const work = host.makeTempDir('segmind-e2e');
    temps.push(work);
    const workspace = path.join(work, 'workspace');
    fs.cpSync(path.join(repoRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
    const vsix = await packagedVsix();
    server = await host.startCodeServer({
      installExtensions: [vsix],
      ...(options.locale ? { locale: options.locale.language, prepare: addTranslations(options.locale.language, options.locale.files) } : {}),
      settings: {
        'segmind.apiBaseUrl': options.fake.apiBaseUrl,
        'segmind.uploadBaseUrl': options.fake.uploadBaseUrl,
        'workbench.colorTheme': 'Default Dark Modern',
        'window.commandCenter': false,
        'workbench.layoutControl.enabled': false,
        ...options.settings,
      },
    });
    const browserDir = host.makeTempDir('segmind-e2e-chromium');
    temps.push(browserDir);
    browser = await chromium.launch({
      executablePath: host.chromiumPath,
      headless: true,
      args: host.chromiumArgs,
      env: { ...process.env, ...host.isolatedHomeEnv(browserDir) },
    });
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1440, height: 960 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace).replace(/%2F/g, '/')}`, { waitUntil: 'domcontentloaded' });
    await waitForWorkbench(page);
    const opened: Workbench = {
      page,
      workspace,
      server,
      browser,
      studio: page.frameLocator('iframe.webview').frameLocator('#active-frame'),
      async reload() {
        await runInPalette(page, 'Developer: Reload Window');
        // The old document goes away first; then the new one starts.
        await page.waitForEvent('domcontentloaded', { timeout: 30_000 });
        await waitForWorkbench(page);
      },
      close,
    };
    return opened;
  } catch (error) {
    await close();
    throw error;
  }
}

/** The workbench is up and the Explorer shows the folder. */
export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page
    .locator('.explorer-folders-view')
    .first()
    .waitFor({ timeout: 30_000 })
    .catch(() => undefined);
}

/** F1, the command's title, then a click on the row whose label is exactly that title; retried
 * while the workbench is still starting (the palette may open empty). */
export async function runInPalette(page: Page, title: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      // A dialog left open (it makes the rest of the workbench inert) is closed first; Escape does it.
      await page.keyboard.press('Escape');
      await page
        .locator('.monaco-dialog-box')
        .first()
        .waitFor({ state: 'hidden', timeout: 2_000 })
        .catch(() => undefined);
      // Out of the webview (keys typed there stay there): the side bar's title is a harmless place to click.
      await page
        .locator('.part.sidebar .composite.title')
        .first()
        .click({ timeout: 2_000 })
        .catch(() => undefined);
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.fill(`>${title}`, { timeout: 5_000 });
      // The row whose label is exactly the title (Enter would take whichever row is highlighted).
      const row = page
        .locator('.quick-input-list .monaco-list-row')
        .filter({ has: page.locator('.label-name', { hasText: exactly(title) }) })
        .first();
      await row.click({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 6) throw error;
    }
  }
}

/** Preferences: Color Theme, as a user picks one. */
export async function pickTheme(page: Page, query: string, row: RegExp): Promise<void> {
  await runInPalette(page, 'Preferences: Color Theme');
  const input = page.locator('.quick-input-widget input');
  await input.fill(query);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** A regular expression matching exactly `text`. */
export function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** The extension's one status-bar item, by its id (`segmind.status`): its words and accessible name follow the display language. */
export function statusItem(page: Page): Locator {
  return page.locator('.statusbar-item[id$="segmind.status"]').first();
}

/** A row of the quick input (palette, quick pick) by its label. */
export function quickPickRow(page: Page, label: string | RegExp): Locator {
  const name = typeof label === 'string' ? exactly(label) : label;
  return page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: name }) })
    .first();
}

/** A row of the Explorer tree by its file or folder name. */
export function explorerRow(page: Page, name: string | RegExp): Locator {
  const label = typeof name === 'string' ? exactly(name) : name;
  return page
    .locator('.explorer-folders-view .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: label }) })
    .first();
}

/** Expands a folder of the Explorer (if collapsed) by clicking its row. */
export async function expandExplorerFolder(page: Page, name: string): Promise<void> {
  const row = explorerRow(page, name);
  await row.waitFor({ timeout: 20_000 });
  const expanded = page
    .locator(`.explorer-folders-view .monaco-list-row[aria-expanded="true"]`)
    .filter({ has: page.locator('.label-name', { hasText: exactly(name) }) })
    .first();
  // A click can land while the tree redraws (a file appeared, a toast moved it) and be lost, or be
  // read as a second click: click while it is not expanded, until it is (every state on the way is fine).
  await waitUntil(
    async () => {
      if ((await row.getAttribute('aria-expanded')) === 'true') return true;
      await row.click();
      return expanded.waitFor({ timeout: 2_000 }).then(
        () => true,
        () => false,
      );
    },
    `the Explorer folder ${name} expanded`,
    30_000,
  );
}

/** Right-clicks a file of the Explorer (selecting it first, as a user does) and returns the item of its context menu, hovered. */
export async function explorerMenuItem(page: Page, file: string, item: string): Promise<Locator> {
  const row = explorerRow(page, file);
  await row.click();
  await row.click({ button: 'right' });
  const entry = page.locator('.context-view .monaco-menu .action-item').filter({ hasText: item }).first();
  await entry.waitFor({ timeout: 10_000 });
  await entry.hover();
  return entry;
}

/** A notification toast containing `text`. */
export function toast(page: Page, text: string | RegExp): Locator {
  return page.locator('.notifications-toasts .notification-toast').filter({ hasText: text }).first();
}

/** Back to a plain workbench between flows: no quick input, no notifications, no editors, no panel. */
export async function tidyUp(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await runInPalette(page, 'Notifications: Clear All Notifications');
  await runInPalette(page, 'View: Close All Editors');
  if (await page.locator('.part.panel').isVisible()) await runInPalette(page, 'View: Toggle Panel Visibility');
  await page
    .locator('.notifications-toasts .notification-toast')
    .first()
    .waitFor({ state: 'detached', timeout: 5_000 })
    .catch(() => undefined);
}

/** Polls `condition` until it holds (for facts no event announces, such as a computed colour), failing with `what`. */
export async function waitUntil(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
