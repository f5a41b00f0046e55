/**
 * What a user sees, end to end, of the flows that start in the command palette or the status bar:
 * the key typed into the palette's password box, a generation watched in the status bar until the
 * image opens and shows up in the Explorer, a job that survives a window reload, a refused job whose
 * reason shows in a notification, Show Jobs, an exact size, Connect an Agent, and the getting-started
 * walkthrough (last: it clears the key).
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
import { expandExplorerFolder, explorerRow, quickPickRow, runInPalette, statusItem, toast, tidyUp } from './support/gestures';
import { screenshot } from './support/screenshots';
import { CREDITS, userFlows } from './support/userFlows';
import { KEY, type Workbench } from './support/workbench';

describe('User flows end to end (code-server + Chromium)', function () {
  this.timeout(120_000);
  const flows = userFlows();
  let fake: FakeSegmind;
  let workbench: Workbench | undefined;
  let page: Page;
  // Set once the session is up (its hook runs first): the flows below read them as plain names.
  before(() => ({ fake, workbench, page } = flows));
  const { statusText, waitForStatus, setKeyThroughPalette, ensureKey, generateThroughPalette, submitsOf, assetsMatching } = flows;

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
