/**
 * The Image Studio end to end, as a user drives it: the extension installed from its .vsix into a
 * real VS Code (code-server) in headless Chromium, the key typed into the palette's password box,
 * the form filled by its labels, Generate clicked, the job card and then the gallery appear; an
 * edit with a mask painted by mouse on a gallery image. Screenshots in the dark, light and
 * high-contrast themes go to test-results/e2e/ (git-ignored) for a person to look at.
 */
import * as assert from 'node:assert/strict';
import { type FrameLocator, type Page } from 'playwright-core';
import sharp from 'sharp';
import { FakeSegmind } from '../fakeSegmind/server';
import { KEY, openWorkbench, pickTheme, runInPalette, screenshot, screenshotIfFailed, type Workbench } from './support/workbench';

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
    await screenshot(page, 'studio-dark-running');
    await studio.locator('.gallery-item').nth(1).waitFor({ timeout: 30_000 });
    await studio.locator('.job-saved').nth(1).waitFor();
    await page.waitForTimeout(500); // thumbnails decode
    assert.equal(fake.requestsTo('api', 'POST', '/v2/gpt-image-1-mini').length, 2);
    await studio.locator('.history-entry', { hasText: 'A paper boat' }).waitFor();
    await screenshot(page, 'studio-dark');
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
    await screenshot(page, 'studio-dark-mask');
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
      ['Light Modern', /Light Modern/, '.monaco-workbench.vs', 'studio-light'],
      ['Dark High Contrast', /(Dark|Default) High Contrast/, '.monaco-workbench.hc-black', 'studio-high-contrast'],
    ] as const;
    for (const [query, row, selector, file] of themes) {
      await pickTheme(page, query, row);
      await page.locator(selector).waitFor({ timeout: 20_000 });
      await page.waitForTimeout(1_000); // the webview takes the new colours a moment later
      await studio.locator('#form-heading').scrollIntoViewIfNeeded();
      await studio.locator('.gallery-item').first().waitFor();
      await screenshot(page, file);
    }
  });
});
