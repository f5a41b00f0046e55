/**
 * The workbench every end-to-end test starts from: the packaged extension (./host.ts) installed into
 * a fresh code-server (VS Code 1.139.1) whose user settings point at the fake Segmind, and headless
 * Chromium on the workbench of a copy of the fixture workspace, optionally in another display
 * language. The gestures are in ./gestures.ts, screenshots in ./screenshots.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import type { FakeSegmind } from '../../fakeSegmind/server';
import { runInPalette } from './gestures';
import { hostModules, packagedVsix, repoRoot, type CodeServer } from './host';
import { shotsFolder } from './screenshots';

/** The key the fake accepts and the tests type (key-shaped: SG_…). */
export const KEY = 'SG_e2e0123456789abcdef';

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
        // One row per folder: a folder with a single subfolder is otherwise drawn as one compact row
        // ("site / public") once its children load, and a row found by the name "site" went away
        // under a test's hand while it waited (a loaded machine loads them late).
        'explorer.compactFolders': false,
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
