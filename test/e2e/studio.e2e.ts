/**
 * The Image Studio end to end, as a user drives it: the extension installed from its .vsix into a
 * real VS Code (code-server) in headless Chromium, the key typed into the palette's password box,
 * the form filled by its labels, Generate clicked, the job card and then the gallery appear; an
 * edit with a mask painted by mouse on a gallery image. Screenshots in the dark, light and
 * high-contrast themes go to test-results/e2e/ (git-ignored) for a person to look at.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import sharp from 'sharp';
import { FakeSegmind } from '../fakeSegmind/server';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const shots = path.join(repoRoot, 'test-results', 'e2e');
const KEY = 'SG_e2e0123456789abcdef';

interface CodeServer {
  readonly url: string;
  readonly userDataDir: string;
  stop(): Promise<void>;
}
interface HostModules {
  startCodeServer(options: { settings?: Record<string, unknown>; installExtensions?: string[] }): Promise<CodeServer>;
  chromiumPath: string;
  chromiumArgs: string[];
  makeTempDir(prefix: string): string;
  isolatedHomeEnv(dir: string): Record<string, string>;
  rmQuiet(dir: string): void;
}

async function hostModules(): Promise<HostModules> {
  const server = (await import(pathToFileURL(path.join(repoRoot, 'test', 'host', 'codeServer.mjs')).href)) as Pick<HostModules, 'startCodeServer'>;
  const paths = (await import(pathToFileURL(path.join(repoRoot, 'test', 'host', 'paths.mjs')).href)) as Omit<HostModules, 'startCodeServer'>;
  return { ...paths, startCodeServer: server.startCodeServer };
}

function packageVsix(folder: string): string {
  const vsix = path.join(folder, 'segmind-image-studio.vsix');
  const result = spawnSync('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '-o', vsix], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vsce package failed:\n${result.stdout}${result.stderr}`);
  return vsix;
}

/** F1, the command's title, Enter; retried while the workbench is still starting (the palette may open empty). */
async function runInPalette(page: Page, title: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Escape');
    // Out of the webview (keys typed there stay there): the side bar's title is a harmless place to click.
    await page.locator('.part.sidebar .composite.title').first().click().catch(() => undefined);
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    // The row whose label is exactly the title (Enter would take whichever row is highlighted).
    const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
    try {
      await row.click({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 6) throw error;
    }
  }
}

/** Preferences: Color Theme, as a user picks one. */
async function pickTheme(page: Page, query: string, row: RegExp): Promise<void> {
  await runInPalette(page, 'Preferences: Color Theme');
  const input = page.locator('.quick-input-widget input');
  await input.fill(query);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

describe('Image Studio end to end (code-server + Chromium)', function () {
  this.timeout(180_000);
  let host: HostModules;
  let fake: FakeSegmind;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let studio: FrameLocator;
  const temps: string[] = [];

  before(async () => {
    host = await hostModules();
    fs.rmSync(shots, { recursive: true, force: true });
    fs.mkdirSync(shots, { recursive: true });
    const work = host.makeTempDir('segmind-e2e');
    temps.push(work);
    const workspace = path.join(work, 'workspace');
    fs.cpSync(path.join(repoRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
    const vsix = packageVsix(work);

    fake = await FakeSegmind.start({ apiKey: KEY, jobPlan: { durationMs: 2_500 } });
    server = await host.startCodeServer({
      installExtensions: [vsix],
      settings: {
        'segmind.apiBaseUrl': fake.apiBaseUrl,
        'segmind.uploadBaseUrl': fake.uploadBaseUrl,
        'workbench.colorTheme': 'Default Dark Modern',
        'window.commandCenter': false,
        'workbench.layoutControl.enabled': false,
      },
    });
    const browserDir = host.makeTempDir('segmind-e2e-chromium');
    temps.push(browserDir);
    browser = await chromium.launch({ executablePath: host.chromiumPath, headless: true, args: host.chromiumArgs, env: { ...process.env, ...host.isolatedHomeEnv(browserDir) } });
    page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace).replace(/%2F/g, '/')}`, { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view').first().waitFor({ timeout: 30_000 }).catch(() => undefined);
    studio = page.frameLocator('iframe.webview').frameLocator('#active-frame');
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      const name = (this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)).toLowerCase();
      await page.screenshot({ path: path.join(shots, `failed-${name}.png`) }).catch(() => undefined);
    }
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    await fake?.close().catch(() => undefined);
    for (const dir of temps) host?.rmQuiet(dir);
  });

  it('sets the API key through the palette password box', async () => {
    await runInPalette(page, 'Segmind: Set API Key');
    const box = page.locator('.quick-input-widget input[type="password"]');
    await box.waitFor();
    await box.fill(KEY);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    // The status bar shows the balance once the key is checked against the fake.
    await page.locator('.statusbar-item', { hasText: '12.50' }).first().waitFor({ timeout: 20_000 });
  });

  it('opens the Studio from the palette; every control is there by its label', async () => {
    await runInPalette(page, 'Segmind: Open Image Studio');
    await page.locator('.tab', { hasText: 'Image Studio' }).waitFor();
    await studio.getByLabel('Prompt').waitFor({ timeout: 30_000 });
    for (const name of ['Prompt', 'Model', 'Size', 'Quality', 'Background', 'Format', 'Moderation', 'Variants']) {
      assert.equal(await studio.getByLabel(name, { exact: true }).count(), 1, `control "${name}"`);
    }
    await studio.getByLabel('Format', { exact: true }).selectOption('webp');
    assert.equal(await studio.getByLabel('Compression', { exact: true }).isVisible(), true, 'compression shows for webp');
    await studio.getByLabel('Format', { exact: true }).selectOption('jpeg');
    assert.equal(await studio.getByLabel('Background', { exact: true }).locator('option[value="transparent"]').isDisabled(), true, 'no transparent jpeg');
    await studio.getByLabel('Format', { exact: true }).selectOption('png');
    assert.equal(await studio.getByLabel('Compression', { exact: true }).isVisible(), false, 'no compression for png');
    await studio.getByLabel('Model', { exact: true }).selectOption('gpt-image-2');
    assert.ok((await studio.getByLabel('Size', { exact: true }).locator('option').allTextContents()).includes('3840x2160'));
    await studio.getByLabel('Model', { exact: true }).selectOption('gpt-image-1-mini');
    assert.ok(!(await studio.getByLabel('Size', { exact: true }).locator('option').allTextContents()).includes('3840x2160'), 'sizes follow the model');
  });

  it('fills the form, shows the cost of several variants, generates: job cards, then the gallery', async () => {
    await studio.getByLabel('Prompt', { exact: true }).fill('A paper boat on a calm lake, flat illustration');
    await studio.getByLabel('Size', { exact: true }).selectOption('1024x1024');
    await studio.getByLabel('Quality', { exact: true }).selectOption('low');
    await studio.getByLabel('Variants', { exact: true }).selectOption('2');
    await studio.getByText('≈ $0.07 for 2 images').waitFor();
    await studio.getByRole('button', { name: 'Generate', exact: true }).click();
    await studio.locator('.job', { hasText: 'A paper boat' }).first().waitFor({ timeout: 20_000 });
    assert.equal(await studio.locator('.job', { hasText: 'A paper boat' }).count(), 2);
    await studio.getByRole('button', { name: 'Cancel' }).first().waitFor();
    await page.screenshot({ path: path.join(shots, 'studio-dark-running.png') });
    await studio.locator('.gallery-item').nth(1).waitFor({ timeout: 30_000 });
    await studio.locator('.job-saved').nth(1).waitFor();
    await page.waitForTimeout(500); // thumbnails decode
    assert.equal(fake.requestsTo('api', 'POST', '/v2/gpt-image-1-mini').length, 2);
    await studio.locator('.history-entry', { hasText: 'A paper boat' }).waitFor();
    await page.screenshot({ path: path.join(shots, 'studio-dark.png') });
  });

  it('uses a workspace image as an edit input, paints a mask, and runs the edit with it', async () => {
    fake.reset({ apiKey: KEY, jobPlan: { durationMs: 1_000 } });
    // From the gallery: the first result becomes the input (it is in the output folder: a webview URI).
    await studio.getByRole('button', { name: /Use .* as an edit input/ }).first().click();
    await studio.locator('.input-item').first().waitFor();
    assert.equal(await studio.getByLabel('Model', { exact: true }).inputValue(), 'gpt-image-1-edit');
    const canvas = studio.locator('#mask-canvas');
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    assert.ok(box, 'the mask canvas has a box');
    // The canvas lives two frames down; page.mouse works in page coordinates, which boundingBox gives.
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.4, { steps: 8 });
    await page.mouse.up();
    await studio.getByText(/of the image will change/).waitFor();
    await studio.getByLabel('Prompt', { exact: true }).fill('Add a small red flag on the boat');
    await studio.getByLabel('Variants', { exact: true }).selectOption('1');
    await page.screenshot({ path: path.join(shots, 'studio-dark-mask.png') });
    await studio.getByRole('button', { name: 'Generate', exact: true }).click();
    // The first upload asks for consent once (a modal in the workbench).
    await page.getByRole('button', { name: 'Upload and Edit' }).click({ timeout: 20_000 });
    await studio.locator('.gallery-item', { hasText: 'edit' }).first().waitFor({ timeout: 30_000 });
    const upload = fake.requestsTo('upload', 'POST', '/upload-asset')[0]?.body as { data_urls?: string[] } | undefined;
    assert.equal(upload?.data_urls?.length, 2, 'image and mask uploaded together');
    const maskPng = Buffer.from((upload?.data_urls?.[1] ?? '').replace(/^data:image\/png;base64,/, ''), 'base64');
    const { data, info } = await sharp(maskPng).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    assert.deepEqual([info.width, info.height], [1024, 1024], 'the mask has the input image\'s natural size');
    const alphaAt = (x: number, y: number): number => data[(Math.round(y) * info.width + Math.round(x)) * 4 + 3] ?? -1;
    assert.equal(alphaAt(info.width * 0.4, info.height * 0.35), 0, 'painted: transparent');
    assert.equal(alphaAt(info.width * 0.9, info.height * 0.9), 255, 'not painted: opaque');
    const submit = fake.requestsTo('api', 'POST', '/v2/gpt-image-1-edit')[0]?.body as Record<string, unknown> | undefined;
    assert.equal(submit?.['mask'], fake.uploads[1]?.url);
  });

  it('looks right in the light and high-contrast themes', async () => {
    const themes = [
      ['Light Modern', /Light Modern/, '.monaco-workbench.vs', 'studio-light.png'],
      ['Dark High Contrast', /(Dark|Default) High Contrast/, '.monaco-workbench.hc-black', 'studio-high-contrast.png'],
    ] as const;
    for (const [query, row, selector, file] of themes) {
      await pickTheme(page, query, row);
      await page.locator(selector).waitFor({ timeout: 20_000 });
      await page.waitForTimeout(1_000); // the webview takes the new colours a moment later
      await studio.locator('#form-heading').scrollIntoViewIfNeeded();
      await studio.locator('.gallery-item').first().waitFor();
      await page.screenshot({ path: path.join(shots, file) });
    }
  });
});
