/**
 * The Image Studio end to end, as a user drives it: the extension installed from its .vsix into a
 * real VS Code (code-server) in headless Chromium, the key typed into the palette's password box,
 * the form filled by its labels, Generate clicked, the job card and then the gallery appear; an
 * edit with a mask painted by mouse on a gallery image; the webview's colours following the theme.
 * Each step sets up what it needs (the key, the open Studio, an image in the gallery), so any one
 * of them can run alone (mocha --grep). Screenshots go to test-results/e2e/ (git-ignored).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type FrameLocator, type Page } from 'playwright-core';
import sharp from 'sharp';
import { FakeSegmind } from '../fakeSegmind/server';
import { pickTheme, runInPalette, statusItem, waitUntil } from './support/gestures';
import { screenshot, screenshotIfFailed } from './support/screenshots';
import { KEY, openWorkbench, type Workbench } from './support/workbench';

// These run in the webview's page (evaluate); the test project has no DOM library, so the little used is declared.
interface DecodedImage {
  readonly complete: boolean;
  readonly naturalWidth: number;
}
interface Styles {
  getPropertyValue(name: string): string;
  readonly backgroundColor: string;
  readonly color: string;
  readonly borderTopColor: string;
}
declare function getComputedStyle(element: unknown): Styles;

/** Relative luminance (0 black … 1 white) of a CSS `rgb(…)`/`rgba(…)` colour. */
function luminance(css: string): number {
  const [r = 0, g = 0, b = 0] = (css.match(/[\d.]+/g) ?? []).map(Number).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('Image Studio end to end (code-server + Chromium)', function () {
  this.timeout(180_000);
  let fake: FakeSegmind;
  let workbench: Workbench | undefined;
  let page: Page;
  let studio: FrameLocator;

  before(async () => {
    fake = await FakeSegmind.start({ apiKey: KEY, jobPlan: { durationMs: 2_500 } });
    workbench = await openWorkbench({ fake });
    page = workbench.page;
    studio = workbench.studio;
  });

  afterEach(async function () {
    await screenshotIfFailed(this, workbench?.page);
  });

  after(async () => {
    await workbench?.close();
    await fake?.close().catch(() => undefined);
  });

  async function setKey(): Promise<void> {
    await runInPalette(page, 'Segmind: Set API Key');
    const box = page.locator('.quick-input-widget input[type="password"]');
    await box.waitFor();
    await box.fill(KEY);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    // The status bar shows the balance once the key is checked against the fake.
    await page.locator('.statusbar-item', { hasText: '12.50' }).first().waitFor({ timeout: 20_000 });
  }

  async function ensureKey(): Promise<void> {
    await statusItem(page).waitFor({ timeout: 30_000 });
    if (/Set API Key/.test(await statusItem(page).innerText())) await setKey();
  }

  async function ensureStudio(): Promise<void> {
    if (!(await page.locator('.tab.active', { hasText: 'Image Studio' }).isVisible())) {
      await runInPalette(page, 'Segmind: Open Image Studio');
      await page.locator('.tab', { hasText: 'Image Studio' }).waitFor();
    }
    await studio.getByLabel('Prompt', { exact: true }).waitFor({ timeout: 30_000 });
  }

  /** An image of ours (with its sidecar) in the output folder, so the gallery has something to offer. */
  async function ensureGalleryImage(): Promise<void> {
    if ((await studio.locator('.gallery-item').count()) > 0) return;
    const folder = path.join(workbench?.workspace ?? '', 'assets');
    fs.mkdirSync(folder, { recursive: true });
    const png = await sharp({ create: { width: 1024, height: 1024, channels: 4, background: { r: 40, g: 90, b: 160, alpha: 1 } } })
      .png()
      .toBuffer();
    fs.writeFileSync(path.join(folder, 'a-blue-square.png'), png);
    fs.writeFileSync(
      path.join(folder, 'a-blue-square.png.json'),
      JSON.stringify({
        prompt: 'A blue square',
        model: 'gpt-image-1-mini',
        parameters: { size: '1024x1024', quality: 'low', background: 'opaque', outputFormat: 'png', outputCompression: 100, moderation: 'auto' },
        image: { format: 'png', width: 1024, height: 1024 },
        timings: { savedAt: new Date().toISOString() },
      }),
    );
    await studio.locator('.gallery-item').first().waitFor({ timeout: 20_000 });
  }

  /** Every thumbnail of the gallery has decoded (for a screenshot worth looking at). */
  const thumbnailsDecoded = (): Promise<boolean> =>
    studio
      .locator('.gallery-item img.thumb')
      .evaluateAll(
        (images) =>
          images.length > 0 && images.every((image) => (image as unknown as DecodedImage).complete && (image as unknown as DecodedImage).naturalWidth > 0),
      );

  it('sets the API key through the palette password box', async () => {
    await setKey();
  });

  it('opens the Studio from the palette; every control is there by its label', async () => {
    await ensureStudio();
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
    await ensureKey();
    await ensureStudio();
    fake.reset({ apiKey: KEY, jobPlan: { durationMs: 2_500 } });
    await studio.getByLabel('Model', { exact: true }).selectOption('gpt-image-1-mini');
    await studio.getByLabel('Prompt', { exact: true }).fill('A paper boat on a calm lake, flat illustration');
    await studio.getByLabel('Size', { exact: true }).selectOption('1024x1024');
    await studio.getByLabel('Quality', { exact: true }).selectOption('low');
    await studio.getByLabel('Variants', { exact: true }).selectOption('2');
    // gpt-image-1-mini at low quality, 1024x1024: held at $0.0055 an image (the published price is $0.005).
    await studio.getByText('up to $0.02 for 2 images').waitFor();
    await studio.getByRole('button', { name: 'Generate', exact: true }).click();
    await studio.locator('.job', { hasText: 'A paper boat' }).first().waitFor({ timeout: 20_000 });
    assert.equal(await studio.locator('.job', { hasText: 'A paper boat' }).count(), 2);
    await studio.getByRole('button', { name: 'Cancel' }).first().waitFor();
    await screenshot(page, 'studio-dark-running');
    await studio.locator('.gallery-item', { hasText: 'a-paper-boat' }).nth(1).waitFor({ timeout: 30_000 });
    await studio.locator('.job-saved').nth(1).waitFor();
    await waitUntil(thumbnailsDecoded, 'the thumbnails to decode');
    assert.equal(fake.requestsTo('api', 'POST', '/v2/gpt-image-1-mini').length, 2);
    await studio.locator('.history-entry', { hasText: 'A paper boat' }).waitFor();
    await screenshot(page, 'studio-dark');
  });

  it('uses a workspace image as an edit input, paints a mask, and runs the edit with it', async () => {
    await ensureKey();
    await ensureStudio();
    await ensureGalleryImage();
    fake.reset({ apiKey: KEY, jobPlan: { durationMs: 1_000 } });
    // From the gallery: the first result becomes the input (it is in the output folder: a webview URI).
    await studio
      .getByRole('button', { name: /Use .* as an edit input/ })
      .first()
      .click();
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
    await screenshot(page, 'studio-dark-mask');
    await studio.getByRole('button', { name: 'Generate', exact: true }).click();
    // The first upload of this VS Code asks for consent once (a modal in the workbench).
    const consent = page.getByRole('button', { name: 'Upload and Edit' });
    const result = studio.locator('.gallery-item', { hasText: 'edit' }).first();
    await Promise.race([consent.waitFor({ timeout: 30_000 }), result.waitFor({ timeout: 30_000 })]);
    if (await consent.isVisible()) await consent.click();
    await result.waitFor({ timeout: 30_000 });
    const upload = fake.requestsTo('upload', 'POST', '/upload-asset')[0]?.body as { data_urls?: string[] } | undefined;
    assert.equal(upload?.data_urls?.length, 2, 'image and mask uploaded together');
    const maskPng = Buffer.from((upload?.data_urls?.[1] ?? '').replace(/^data:image\/png;base64,/, ''), 'base64');
    const { data, info } = await sharp(maskPng).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    assert.deepEqual([info.width, info.height], [1024, 1024], "the mask has the input image's natural size");
    const alphaAt = (x: number, y: number): number => data[(Math.round(y) * info.width + Math.round(x)) * 4 + 3] ?? -1;
    assert.equal(alphaAt(info.width * 0.4, info.height * 0.35), 0, 'painted: transparent');
    assert.equal(alphaAt(info.width * 0.9, info.height * 0.9), 255, 'not painted: opaque');
    const submit = fake.requestsTo('api', 'POST', '/v2/gpt-image-1-edit')[0]?.body as Record<string, unknown> | undefined;
    assert.equal(submit?.['mask'], fake.uploads[1]?.url);
  });

  it("follows the theme: the webview takes the workbench's colours in light and high contrast", async () => {
    await ensureStudio();
    await ensureGalleryImage();
    const themes = [
      { query: 'Light Modern', row: /Light Modern/, selector: '.monaco-workbench.vs', file: 'studio-light', light: true },
      { query: 'Dark High Contrast', row: /(Dark|Default) High Contrast/, selector: '.monaco-workbench.hc-black', file: 'studio-high-contrast', light: false },
    ];
    for (const theme of themes) {
      await pickTheme(page, theme.query, theme.row);
      await page.locator(theme.selector).waitFor({ timeout: 20_000 });
      const workbenchBackground = await page
        .locator('.monaco-workbench')
        .evaluate((element) => getComputedStyle(element).getPropertyValue('--vscode-editor-background').trim());
      const studioColours = (): Promise<{ variable: string; background: string; foreground: string; border: string }> =>
        studio.locator('body').evaluate((body) => {
          const style = getComputedStyle(body);
          const card = (body as unknown as { querySelector(selector: string): unknown }).querySelector('.gallery-item');
          return {
            variable: style.getPropertyValue('--vscode-editor-background').trim(),
            background: style.backgroundColor,
            foreground: style.color,
            border: card ? getComputedStyle(card).borderTopColor : '',
          };
        });
      // The webview is told of the new theme a moment after the workbench repaints.
      await waitUntil(async () => (await studioColours()).variable === workbenchBackground, `the Studio to take the ${theme.query} colours`);
      const colours = await studioColours();
      if (theme.light) {
        assert.ok(luminance(colours.background) > 0.8, `a light background, got ${colours.background}`);
        assert.ok(luminance(colours.foreground) < 0.2, `dark text, got ${colours.foreground}`);
      } else {
        assert.ok(luminance(colours.background) < 0.01, `a black background, got ${colours.background}`);
        assert.ok(luminance(colours.foreground) > 0.8, `white text, got ${colours.foreground}`);
        const contrastBorder = await studio.locator('body').evaluate((body) => getComputedStyle(body).getPropertyValue('--vscode-contrastBorder').trim());
        assert.ok(contrastBorder !== '', 'high contrast has a contrast border colour');
        assert.ok(luminance(colours.border) > 0.1, `cards have a visible border, got ${colours.border}`);
      }
      await studio.locator('#form-heading').scrollIntoViewIfNeeded();
      await waitUntil(thumbnailsDecoded, 'the thumbnails to decode');
      await screenshot(page, theme.file);
    }
  });
});
