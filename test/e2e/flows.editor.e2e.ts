/**
 * What a user sees, end to end, of the flows that start at a missing image in an open page: the
 * squiggles, a free placeholder from the light bulb, and the three files of a <picture> made from
 * one paid image.
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
import { expandExplorerFolder, explorerRow, quickPickRow, runInPalette, waitUntil } from './support/gestures';
import { screenshot } from './support/screenshots';
import { userFlows } from './support/userFlows';
import type { Workbench } from './support/workbench';

describe('User flows end to end (code-server + Chromium)', function () {
  this.timeout(120_000);
  const flows = userFlows();
  let fake: FakeSegmind;
  let workbench: Workbench | undefined;
  let page: Page;
  // Set once the session is up (its hook runs first): the flows below read them as plain names.
  before(() => ({ fake, workbench, page } = flows));
  const { ensureKey, openLightBulbMenu } = flows;

  it('k. a missing image in a page: the squiggle, Make a free placeholder from the light bulb, the file in the Explorer, the squiggle gone', async () => {
    const target = path.join(workbench?.workspace ?? '', 'site', 'public', 'img', 'hero.png');
    await expandExplorerFolder(page, 'site');
    await expandExplorerFolder(page, 'public');
    await explorerRow(page, 'index.html').click();
    await page.locator('.tab', { hasText: 'index.html' }).waitFor({ timeout: 20_000 });
    // Eight references point at nothing (og:image, the favicon, the hero and its 2x, the team photo, the
    // three files of the <picture>): eight squiggles, information for a missing one, or a hint for one
    // whose image is elsewhere in the repository (none is in this session's fresh copy of the workspace).
    const squiggles = page.locator('.monaco-editor .squiggly-info, .monaco-editor .squiggly-hint');
    await waitUntil(async () => (await squiggles.count()) === 8, 'eight missing-image squiggles');
    await screenshot(page, 'flow-k-squiggles');
    // The cursor into the hero's path (line 13: `  <img src="/img/hero.png" …`), then the light bulb's menu (Ctrl+.).
    await runInPalette(page, 'Go to Line/Column...');
    await page.locator('.quick-input-widget input').fill(':13:16');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await openLightBulbMenu();
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Make a free placeholder for hero.png' }).first();
    await fix.waitFor({ timeout: 15_000 });
    assert.equal(
      await page.locator('.action-widget .monaco-list-row', { hasText: 'Generate hero.png and 1 more with Segmind…' }).count(),
      1,
      'the generate fix is offered too, for the hero and its 2x from one image',
    );
    await screenshot(page, 'flow-k-quick-fix');
    await fix.click();
    await waitUntil(() => Promise.resolve(fs.existsSync(target)), 'site/public/img/hero.png written');
    await waitUntil(async () => (await squiggles.count()) === 7, "the hero's squiggle gone");
    await expandExplorerFolder(page, 'img');
    await explorerRow(page, 'hero.png').waitFor({ timeout: 20_000 });
    await screenshot(page, 'flow-k-fixed');
    const meta = await sharp(fs.readFileSync(target)).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['png', 1200, 630], 'the size the code gives');
    assert.equal(fake.requests.length, 0, 'free: nothing sent');
  });

  it('m. one set from the light bulb: the three files of a <picture> from one paid image, each at its size and format', async () => {
    await ensureKey();
    const folder = path.join(workbench?.workspace ?? '', 'site', 'public', 'img');
    // Quick Open, as a user who knows the file does (the Explorer may be showing another view).
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill('site/public/index.html');
    await quickPickRow(page, 'index.html').first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tab', { hasText: 'index.html' }).waitFor({ timeout: 20_000 });
    await page.locator('.monaco-editor .squiggly-info').first().waitFor({ timeout: 20_000 });
    // The cursor into the AVIF source of the <picture> (line 17: `    <source srcset="img/camp.avif" …`).
    await runInPalette(page, 'Go to Line/Column...');
    await page.locator('.quick-input-widget input').fill(':17:25');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await openLightBulbMenu();
    const offered = await page.locator('.action-widget .monaco-list-row').allInnerTexts();
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Generate camp.avif and 2 more with Segmind…' }).first();
    assert.equal(await fix.count(), 1, `offered: ${offered.join(' | ')}`);
    await screenshot(page, 'flow-m-set-quick-fix');
    await fix.click();
    // The prompt box, prefilled with the <img>'s alt text, says what the one image is written to.
    const box = page.locator('.quick-input-widget', { hasText: 'with 2 more from the same image' });
    await box.waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('.quick-input-widget input').inputValue(), 'A tent under the stars beside a mountain lake');
    await screenshot(page, 'flow-m-set-prompt');
    await page.keyboard.press('Enter');
    // Then the model, as for any generation (the price shown is one image's).
    await quickPickRow(page, 'gpt-image-1-mini').click({ timeout: 10_000 });
    const files = ['camp.avif', 'camp.webp', 'camp.jpg'];
    // Each file with its sidecar, written just after it: a loaded machine showed the image before its sidecar.
    await waitUntil(
      () => Promise.resolve(files.every((file) => fs.existsSync(path.join(folder, file)) && fs.existsSync(path.join(folder, `${file}.json`)))),
      'the three files of the set, each with its sidecar',
      60_000,
    );
    const made = await Promise.all(files.map(async (file) => sharp(fs.readFileSync(path.join(folder, file))).metadata()));
    assert.deepEqual(
      made.map((meta) => `${meta.format === 'heif' ? meta.compression : meta.format}:${meta.width}x${meta.height}`),
      ['av1:800x520', 'webp:800x520', 'jpeg:800x520'],
    );
    const submits = fake.requests.filter(
      (request) => request.method === 'POST' && (request.body as { prompt?: string } | undefined)?.prompt === 'A tent under the stars beside a mountain lake',
    );
    assert.equal(submits.length, 1, 'one paid image for the three files');
    const sidecar = JSON.parse(fs.readFileSync(path.join(folder, 'camp.jpg.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(sidecar['renderedWith'], 'site/public/img/camp.avif');
    await screenshot(page, 'flow-m-set-made');
  });
});
