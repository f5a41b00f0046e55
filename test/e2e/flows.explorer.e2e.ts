/**
 * What a user sees, end to end, of the flows that start in the Explorer's context menu: an edit
 * declined at the upload consent (first: the consent is remembered once given), an edit with its
 * result beside the original, and an icon set exported locally.
 *
 * The packaged .vsix runs in code-server (VS Code 1.139.1) in headless Chromium against the fake
 * Segmind; every step leaves a screenshot in test-results/e2e/flow-*.png. One code-server session
 * for the file (support/userFlows.ts); each flow starts from a tidy workbench and sets the key
 * itself if it is missing, so any one of them can run alone (SEGMIND_TEST_GREP).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import type { FakeSegmind } from '../fakeSegmind/server';
import { expandExplorerFolder, explorerMenuItem, explorerRow, quickPickRow, runInPalette, toast } from './support/gestures';
import { screenshot } from './support/screenshots';
import { CREDITS, userFlows } from './support/userFlows';
import { type Workbench } from './support/workbench';

describe('User flows end to end (code-server + Chromium)', function () {
  this.timeout(120_000);
  const flows = userFlows();
  let fake: FakeSegmind;
  let workbench: Workbench | undefined;
  let page: Page;
  // Set once the session is up (its hook runs first): the flows below read them as plain names.
  before(() => ({ fake, workbench, page } = flows));
  const { waitForStatus, ensureKey, assetsMatching } = flows;

  // Before c.: the upload consent is remembered for good once given, and this window has never been asked yet.
  it('f. declining the upload consent uploads nothing, submits nothing and saves nothing', async () => {
    await ensureKey();
    const uploadsBefore = fake.requestsTo('upload').length;
    const submitsBefore = fake.requestsTo('api', 'POST').length;
    await expandExplorerFolder(page, 'images');
    await (await explorerMenuItem(page, 'logo.png', 'Edit Image with Prompt…')).click();
    await page.locator('.quick-input-widget', { hasText: 'Edit images/logo.png' }).waitFor({ timeout: 10_000 });
    await page.locator('.quick-input-widget input').fill('Declined edit');
    await page.keyboard.press('Enter');
    await quickPickRow(page, 'gpt-image-1-edit').click({ timeout: 10_000 });
    await quickPickRow(page, /No mask/).click({ timeout: 10_000 });
    const consent = page.locator('.monaco-dialog-box');
    await consent.waitFor({ timeout: 10_000 });
    await screenshot(page, 'flow-f-consent');
    await consent.getByRole('button', { name: 'Cancel' }).click();
    await consent.waitFor({ state: 'hidden' });
    // The log says the edit was cancelled: only then does "nothing was sent" mean something.
    await runInPalette(page, 'Segmind: Show Log');
    await page.locator('.part.panel').filter({ hasText: 'Edit cancelled: the upload to Segmind storage was declined.' }).waitFor({ timeout: 10_000 });
    assert.equal(fake.requestsTo('upload').length, uploadsBefore, 'nothing uploaded');
    assert.equal(fake.requestsTo('api', 'POST').length, submitsBefore, 'nothing submitted');
    const assets = path.join(workbench?.workspace ?? '', 'assets');
    assert.equal(
      fs.existsSync(assets) && fs.readdirSync(assets).some((file) => file.startsWith('declined-edit') || file.startsWith('logo-edit-')),
      false,
      'no result in the workspace',
    );
  });

  it('c. edits an image from the Explorer context menu: consent, prompt, model, the result beside the original', async () => {
    await ensureKey();
    const prompt = 'Make the background transparent';
    fake.planNextJob({ durationMs: 1_500 });
    await expandExplorerFolder(page, 'images');
    const item = await explorerMenuItem(page, 'logo.png', 'Edit Image with Prompt…');
    await screenshot(page, 'flow-c-context-menu');
    await item.click();

    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-widget', { hasText: 'Edit images/logo.png' }).waitFor({ timeout: 10_000 });
    await input.fill(prompt);
    await screenshot(page, 'flow-c-prompt');
    await page.keyboard.press('Enter');
    await quickPickRow(page, 'gpt-image-1-edit').click({ timeout: 10_000 });
    await quickPickRow(page, /No mask/).click({ timeout: 10_000 });
    const consent = page.locator('.monaco-dialog-box');
    await consent.waitFor({ timeout: 10_000 });
    assert.match(await consent.innerText(), /upload/i);
    await screenshot(page, 'flow-c-consent');
    await consent.getByRole('button', { name: 'Upload and Edit' }).click();

    const edited = /^logo-edit-\d{8}-\d{6}\.png$/;
    await page.locator('.tab', { hasText: edited }).waitFor({ timeout: 30_000 });
    await toast(page, /edited from images\/logo\.png; the original is unchanged/).waitFor({ timeout: 20_000 });
    await expandExplorerFolder(page, 'assets');
    await explorerRow(page, edited).waitFor({ timeout: 20_000 });
    // Side by side: the original in one group, the result in the next.
    assert.equal((await page.locator('.editor-group-container').count()) >= 2, true, 'two editor groups');
    await page.locator('.tab', { hasText: /^logo\.png$/ }).waitFor();
    await waitForStatus(CREDITS);
    await screenshot(page, 'flow-c-result');

    assert.equal(fake.requestsTo('upload', 'POST', '/upload-asset').length, 1, 'one upload');
    const submits = fake.requestsTo('api', 'POST', '/v2/gpt-image-1-edit');
    assert.equal(submits.length, 1, 'one submit');
    const body = submits[0]?.body as { prompt?: string; image_urls?: string[] } | undefined;
    assert.equal(body?.prompt, prompt);
    assert.deepEqual(body?.image_urls, [fake.uploads[0]?.url]);
    assert.equal(assetsMatching(edited).length, 1);
  });

  it('h. exports an icon set from the Explorer: seven files of the right sizes, made by the packaged image library, no request', async () => {
    const folder = path.join(workbench?.workspace ?? '', 'assets', 'logo-icons');
    fs.rmSync(folder, { recursive: true, force: true });
    await expandExplorerFolder(page, 'images');
    const item = await explorerMenuItem(page, 'logo.png', 'Export Icon Set…');
    await screenshot(page, 'flow-h-context-menu');
    await item.click();
    const done = toast(page, /Wrote 7 icon files to assets\/logo-icons\//);
    await done.waitFor({ timeout: 30_000 });
    await done.getByRole('button', { name: 'Copy <link> Tags' }).waitFor();
    await screenshot(page, 'flow-h-written');
    const sizes: Record<string, number> = {
      'favicon-16x16.png': 16,
      'favicon-32x32.png': 32,
      'apple-touch-icon.png': 180,
      'android-chrome-192x192.png': 192,
      'android-chrome-512x512.png': 512,
    };
    assert.deepEqual(fs.readdirSync(folder).sort(), [...Object.keys(sizes), 'favicon.ico', 'site.webmanifest'].sort());
    for (const [name, size] of Object.entries(sizes)) {
      const meta = await sharp(fs.readFileSync(path.join(folder, name))).metadata();
      assert.deepEqual([meta.width, meta.height], [size, size], name);
    }
    assert.equal(fake.requests.length, 0, 'local only');
  });
});
