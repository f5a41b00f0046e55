/**
 * What a user sees, end to end, outside the Studio: the key typed into the palette's password box,
 * a generation from the palette watched in the status bar until the image opens and shows up in the
 * Explorer, an edit from the Explorer's context menu, a job that survives a window reload, a refused
 * job whose reason shows in a notification, and the getting-started walkthrough. The packaged .vsix
 * runs in code-server (VS Code 1.139.1) in headless Chromium against the fake Segmind; every step
 * leaves a screenshot in test-results/e2e/flow-*.png.
 *
 * One code-server session for the file. Each flow starts from a tidy workbench (no editors, no
 * notifications, a reset fake) and sets the key itself if it is missing, so any one of them can run
 * alone (mocha --grep).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { FakeSegmind } from '../fakeSegmind/server';
import { expandExplorerFolder, waitUntil, explorerMenuItem, explorerRow, quickPickRow, runInPalette, statusItem, tidyUp, toast } from './support/gestures';
import { screenshot, screenshotIfFailed } from './support/screenshots';
import { KEY, openWorkbench, type Workbench } from './support/workbench';

/** Idle with a balance: "12.50" or whatever is left after a job (never a job count). */
const CREDITS = /^\s*\d+\.\d\d\s*$/;

describe('User flows end to end (code-server + Chromium)', function () {
  this.timeout(120_000);
  let fake: FakeSegmind;
  let workbench: Workbench | undefined;
  let page: Page;

  before(async () => {
    fake = await FakeSegmind.start({ apiKey: KEY });
    workbench = await openWorkbench({ fake });
    page = workbench.page;
    // The extension is active once its status-bar item is there.
    await statusItem(page).waitFor({ timeout: 30_000 });
  });

  beforeEach(async () => {
    fake.reset({ apiKey: KEY });
    await tidyUp(page);
  });

  afterEach(async function () {
    await screenshotIfFailed(this, workbench?.page);
  });

  after(async () => {
    await workbench?.close();
    await fake?.close().catch(() => undefined);
  });

  /** The status-bar item's visible text (the codicon renders as an empty span). */
  const statusText = async (): Promise<string> => (await statusItem(page).innerText()).trim();

  async function waitForStatus(match: RegExp, timeout = 20_000): Promise<void> {
    await statusItem(page).filter({ hasText: match }).waitFor({ timeout });
  }

  /** F1 → Segmind: Set API Key → type → Enter. */
  async function setKeyThroughPalette(shots?: string): Promise<void> {
    await runInPalette(page, 'Segmind: Set API Key');
    const box = page.locator('.quick-input-widget input[type="password"]');
    await box.waitFor();
    await box.pressSequentially(KEY, { delay: 5 });
    if (shots) await screenshot(page, `${shots}-password-box`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  async function ensureKey(): Promise<void> {
    if (/Set API Key/.test(await statusText())) await setKeyThroughPalette();
    await waitForStatus(CREDITS);
  }

  /** F1 → Segmind: Generate Image… → the prompt → Enter → the model. */
  async function generateThroughPalette(prompt: string, model: string, shots?: string): Promise<void> {
    await runInPalette(page, 'Segmind: Generate Image…');
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-widget', { hasText: 'Generate Image (1/2)' }).waitFor();
    await input.fill(prompt);
    await quickPickRow(page, prompt).waitFor();
    if (shots) await screenshot(page, `${shots}-prompt`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'Generate Image (2/2)' }).waitFor();
    const row = quickPickRow(page, model);
    await row.waitFor();
    if (shots) await screenshot(page, `${shots}-model`);
    await row.click();
  }

  /** Requests to the fake's v2 submit of `model` whose prompt is `prompt`. */
  /**
   * The light bulb's menu at the cursor (Ctrl+.), asked again until it opens: the first press can land
   * while the editor is still taking the focus back from the quick input.
   */
  async function openLightBulbMenu(): Promise<void> {
    const rows = page.locator('.action-widget .monaco-list-row');
    await waitUntil(async () => {
      if ((await rows.count()) > 0) return true;
      await page.keyboard.press('Control+.');
      return rows
        .first()
        .waitFor({ timeout: 3_000 })
        .then(
          () => true,
          () => false,
        );
    }, 'the light bulb menu');
  }

  const submitsOf = (model: string, prompt: string) =>
    fake.requestsTo('api', 'POST', `/v2/${model}`).filter((request) => (request.body as { prompt?: unknown } | undefined)?.prompt === prompt);

  /** Files in the workspace's assets folder whose names match (sidecars aside). */
  const assetsMatching = (name: RegExp): string[] => {
    const folder = path.join(workbench?.workspace ?? '', 'assets');
    return fs.existsSync(folder) ? fs.readdirSync(folder).filter((file) => name.test(file)) : [];
  };

  it('a. sets the key through the palette password box; the status bar then shows the credits', async () => {
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    assert.match(await statusText(), /Set API Key/, 'without a key the item offers to set one');
    await setKeyThroughPalette('flow-a');
    await waitForStatus(/12\.50/);
    assert.equal(await statusText(), '12.50');
    assert.equal(await statusItem(page).locator('.codicon-credit-card').count(), 1, '$(credit-card) renders as a codicon');
    assert.equal(await statusItem(page).getAttribute('aria-label'), 'Segmind: 12.50 credits');
    await screenshot(page, 'flow-a-credits');
  });

  it('b. generates through the palette: busy status bar, then the image preview, the Explorer, the saved notice', async () => {
    await ensureKey();
    const prompt = 'A red fox in the snow, flat illustration';
    const file = 'a-red-fox-in-the-snow-flat-illustration.png';
    // Running until the test has seen it running (fake.finishJobs below): a loaded machine never sees it end first.
    fake.planNextJob({ durationMs: 10 * 60_000 });
    await generateThroughPalette(prompt, 'gpt-image-1-mini', 'flow-b');

    await waitForStatus(/1 job/);
    assert.equal(await statusItem(page).locator('.codicon-sync').count(), 1, 'the spinner');
    assert.match(String(await statusItem(page).getAttribute('aria-label')), /^Segmind: 1 job running/);
    await toast(page, 'Segmind: generating with gpt-image-1-mini').waitFor();
    await screenshot(page, 'flow-b-busy');
    // The tooltip, with the progress toast out of its way (Escape hides toasts; the job goes on).
    await page.keyboard.press('Escape');
    await page
      .locator('.notifications-toasts .notification-toast')
      .first()
      .waitFor({ state: 'hidden', timeout: 5_000 })
      .catch(() => undefined);
    await statusItem(page).hover();
    const hover = page.locator('.monaco-hover').filter({ hasText: 'Segmind Image Studio' }).first();
    await hover.waitFor({ timeout: 10_000 });
    // Every state the job passes through is right here: a loaded machine can still be submitting it, or already downloading.
    const tooltip = await hover.innerText();
    assert.match(tooltip, /(submitting|queued|processing|rate-limited).*gpt-image-1-mini.*A red fox in the snow/s);
    assert.match(tooltip, /Credits: 12\.50/);
    await screenshot(page, 'flow-b-busy-tooltip');
    await page.mouse.move(700, 400);
    fake.finishJobs();

    await waitForStatus(CREDITS, 30_000);
    await page.locator('.tab', { hasText: file }).waitFor({ timeout: 20_000 });
    const saved = toast(page, `Saved assets/${file}`);
    await saved.waitFor({ timeout: 20_000 });
    for (const button of ['Reveal in Explorer', 'Copy Markdown Link', 'Open Studio']) {
      assert.equal(await saved.getByRole('button', { name: button }).count(), 1, `the notice offers ${button}`);
    }
    await expandExplorerFolder(page, 'assets');
    await explorerRow(page, file).waitFor({ timeout: 20_000 });
    await screenshot(page, 'flow-b-saved');

    assert.equal(submitsOf('gpt-image-1-mini', prompt).length, 1, 'one submit');
    assert.deepEqual(assetsMatching(/^a-red-fox.*\.png$/), [file]);
  });

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

  it('d. reloads the window during a job: the job resumes, is polled again and still saves its image', async () => {
    await ensureKey();
    const prompt = 'A lighthouse at dusk, watercolour';
    const file = 'a-lighthouse-at-dusk-watercolour.png';
    fake.planNextJob({ durationMs: 12_000 });
    await generateThroughPalette(prompt, 'gpt-image-1-mini');
    await waitForStatus(/1 job/);
    await screenshot(page, 'flow-d-before-reload');

    const reloadedAt = Date.now();
    await workbench?.reload();
    await waitForStatus(/1 job/, 30_000);
    await screenshot(page, 'flow-d-after-reload');
    await toast(page, `Resumed after reload and saved assets/${file}`).waitFor({ timeout: 30_000 });
    await waitForStatus(CREDITS);
    await expandExplorerFolder(page, 'assets');
    await explorerRow(page, file).waitFor({ timeout: 20_000 });
    await screenshot(page, 'flow-d-saved');

    const submits = submitsOf('gpt-image-1-mini', prompt);
    assert.equal(submits.length, 1, 'submitted once, never again after the reload');
    const requestId = [...fake.jobs.values()].find((job) => job.body['prompt'] === prompt)?.id;
    assert.ok(requestId, 'the fake knows the job');
    const polls = fake.requestsTo('api', 'GET', `/v2/requests/${requestId}/status`);
    assert.ok(
      polls.some((poll) => poll.at > reloadedAt),
      'status polled after the reload',
    );
    assert.deepEqual(assetsMatching(/^a-lighthouse.*\.png$/), [file], 'saved once');
  });

  it('e. a refused job (422) shows its reason in a notification that offers Show Log', async () => {
    await ensureKey();
    const reason = 'Your request was rejected by the safety system';
    fake.planNextJob({ outcome: 'FAILED', error: reason, durationMs: 1_000 });
    await generateThroughPalette('A forbidden picture', 'gpt-image-1-mini');
    const failed = toast(page, reason);
    await failed.waitFor({ timeout: 30_000 });
    assert.match(await failed.innerText(), /Generation failed/);
    await failed.getByRole('button', { name: 'Show Log' }).waitFor();
    await waitForStatus(CREDITS); // not left busy by the failed job
    await screenshot(page, 'flow-e-failed');
    await failed.getByRole('button', { name: 'Show Log' }).click();
    await page.locator('.part.panel').filter({ hasText: reason }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'flow-e-log');
    assert.equal(assetsMatching(/^a-forbidden/).length, 0, 'nothing saved');
  });

  it("g. Show Jobs (the status bar's click) lists the finished job and opens its image", async () => {
    await ensureKey();
    const prompt = 'A teapot in the rain';
    const file = 'a-teapot-in-the-rain.png';
    fake.planNextJob({ durationMs: 1_000 });
    await generateThroughPalette(prompt, 'gpt-image-1-mini');
    await toast(page, `Saved assets/${file}`).waitFor({ timeout: 30_000 });
    await tidyUp(page);
    await statusItem(page).click();
    await page.locator('.quick-input-widget', { hasText: 'Segmind: Jobs' }).waitFor({ timeout: 10_000 });
    const row = quickPickRow(page, new RegExp(prompt));
    await row.waitFor();
    assert.match(await row.innerText(), /gpt-image-1-mini · saved/);
    await screenshot(page, 'flow-g-jobs');
    await row.click();
    await quickPickRow(page, /Copy Request Id/).waitFor({ timeout: 10_000 });
    await quickPickRow(page, /Open Image/).click();
    await page.locator('.tab', { hasText: file }).waitFor({ timeout: 20_000 });
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

  it('i. generates an exact size through the palette: Custom size…, the fit, then the model', async () => {
    await ensureKey();
    const prompt = 'A hiking blog banner';
    fake.planNextJob({ durationMs: 1_000 });
    await runInPalette(page, 'Segmind: Generate Image…');
    await page.locator('.quick-input-widget', { hasText: 'Generate Image (1/2)' }).waitFor();
    await page.locator('.quick-input-widget input').fill(prompt);
    await quickPickRow(page, prompt).waitFor();
    await page.keyboard.press('Enter');
    await quickPickRow(page, /Custom size…/).click({ timeout: 10_000 });
    await page.locator('.quick-input-widget', { hasText: 'exact size' }).waitFor();
    await page.locator('.quick-input-widget input').fill('400x300');
    await page.keyboard.press('Enter');
    await quickPickRow(page, 'contain').click({ timeout: 10_000 });
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'exact size 400x300 (contain)' }).waitFor();
    await screenshot(page, 'flow-i-model-with-size');
    await quickPickRow(page, 'gpt-image-1-mini').click();
    const file = 'a-hiking-blog-banner.png';
    await toast(page, `Saved assets/${file}`).waitFor({ timeout: 30_000 });
    const meta = await sharp(fs.readFileSync(path.join(workbench?.workspace ?? '', 'assets', file))).metadata();
    assert.deepEqual([meta.width, meta.height], [400, 300]);
    const body = submitsOf('gpt-image-1-mini', prompt)[0]?.body as Record<string, unknown> | undefined;
    assert.equal(body?.['size'], '1536x1024', 'the native size closest in aspect was asked for');
  });

  it('k. a missing image in a page: the squiggle, Make a free placeholder from the light bulb, the file in the Explorer, the squiggle gone', async () => {
    const target = path.join(workbench?.workspace ?? '', 'site', 'public', 'img', 'hero.png');
    await expandExplorerFolder(page, 'site');
    await expandExplorerFolder(page, 'public');
    await explorerRow(page, 'index.html').click();
    await page.locator('.tab', { hasText: 'index.html' }).waitFor({ timeout: 20_000 });
    // Eight references point at nothing (og:image, the favicon, the hero and its 2x, the team photo, the
    // three files of the <picture>): eight squiggles, information for the missing ones and a hint for one
    // whose image is elsewhere in the repository (an earlier flow's icon set has a favicon.ico).
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

  it("l. Connect an Agent from the palette: Claude Code's line, with Copy, naming no key", async () => {
    await ensureKey();
    await runInPalette(page, 'Segmind: Connect an Agent…');
    const row = quickPickRow(page, 'Claude Code');
    await row.waitFor({ timeout: 10_000 });
    assert.equal(await quickPickRow(page, 'Codex CLI').count(), 1);
    await screenshot(page, 'flow-l-agents');
    await row.click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 10_000 });
    const text = await dialog.innerText();
    assert.match(text, /claude mcp add --scope user segmind-image-studio (--env ELECTRON_RUN_AS_NODE=1 )?-- \S+ \S+segmind-image-studio-mcp\.cjs/);
    assert.equal(text.includes(KEY), false, 'the line holds no key');
    assert.doesNotMatch(text, /SEGMIND_API_KEY/);
    await screenshot(page, 'flow-l-claude-code');
    await dialog.getByRole('button', { name: 'Copy' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(fake.requests.filter((request) => request.method === 'POST').length, 0, 'nothing sent');
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

  it('offers the getting-started walkthrough; its key step is ticked once a key is set, not when the box is cancelled', async () => {
    // Start from no key (another flow may have set one): Clear API Key is in the palette only while there is one.
    if (!/Set API Key/.test(await statusText())) {
      await runInPalette(page, 'Segmind: Clear API Key');
      await waitForStatus(/Set API Key/);
    }
    await runInPalette(page, 'Welcome: Open Walkthrough...');
    const row = quickPickRow(page, 'Get started with Image Studio for Segmind');
    await row.waitFor({ timeout: 10_000 });
    await screenshot(page, 'flow-walkthrough-list');
    await row.click();
    const walkthrough = page.locator('.gettingStartedContainer');
    await walkthrough.filter({ hasText: 'Get started with Image Studio for Segmind' }).waitFor({ timeout: 10_000 });
    for (const step of [
      'Set your Segmind API key',
      'Generate an image',
      'Edit an image from the Explorer',
      'Watch jobs and credits in the status bar',
      'Open Image Studio',
      'Connect a coding agent',
    ]) {
      assert.equal(await walkthrough.locator('.getting-started-step', { hasText: step }).count(), 1, `step "${step}"`);
    }
    // The first step's media (Markdown, rendered in a webview) says how to get a key.
    await page
      .frameLocator('.getting-started-media iframe.webview')
      .frameLocator('#active-frame')
      .getByText('Segmind dashboard', { exact: false })
      .first()
      .waitFor({ timeout: 10_000 });
    await screenshot(page, 'flow-walkthrough');
    const keyStep = walkthrough.locator('.getting-started-step', { hasText: 'Set your Segmind API key' });
    const ticked = keyStep.locator('.codicon-getting-started-step-checked');
    // Its button runs the command; cancelling the box sets no key, so the step stays open.
    await walkthrough.getByRole('button', { name: 'Set API Key' }).click();
    const box = page.locator('.quick-input-widget input[type="password"]');
    await box.waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await waitForStatus(/Set API Key/);
    assert.equal(await ticked.count(), 0, 'a cancelled box does not tick the step');
    // With a key the context key segmind.hasApiKey is set, and that ticks it.
    await walkthrough.getByRole('button', { name: 'Set API Key' }).click();
    await box.waitFor();
    await box.fill(KEY);
    await page.keyboard.press('Enter');
    await ticked.waitFor({ timeout: 15_000 });
    await screenshot(page, 'flow-walkthrough-key-set');
  });
});
