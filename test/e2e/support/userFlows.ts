/**
 * What the user-flow files (flows.*.e2e.ts) share: one code-server session per file on the fake
 * Segmind, each flow starting from a tidy workbench (no editors, no notifications, a reset fake),
 * and the steps several flows take — setting the key when it is missing, generating through the
 * palette, reading the status bar, opening the light bulb's menu — written once here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { FakeSegmind } from '../../fakeSegmind/server';
import { quickPickRow, runInPalette, statusItem, tidyUp, waitUntil } from './gestures';
import { screenshot, screenshotIfFailed } from './screenshots';
import { KEY, openWorkbench, type Workbench } from './workbench';

/** Idle with a balance: "12.50" or whatever is left after a job (never a job count). */
export const CREDITS = /^\s*\d+\.\d\d\s*$/;

/** The session of the running file, and the steps of its flows; the steps may be taken off it. */
export class UserFlows {
  fake!: FakeSegmind;
  workbench: Workbench | undefined;
  page!: Page;

  /** The status-bar item's visible text (the codicon renders as an empty span). */
  readonly statusText = async (): Promise<string> => (await statusItem(this.page).innerText()).trim();

  readonly waitForStatus = async (match: RegExp, timeout = 60_000): Promise<void> => {
    await statusItem(this.page).filter({ hasText: match }).waitFor({ timeout });
  };

  /** F1 → Segmind: Set API Key → type → Enter. */
  readonly setKeyThroughPalette = async (shots?: string): Promise<void> => {
    const page = this.page;
    await runInPalette(page, 'Segmind: Set API Key');
    const box = page.locator('.quick-input-widget input[type="password"]');
    await box.waitFor();
    await box.pressSequentially(KEY, { delay: 5 });
    if (shots) await screenshot(page, `${shots}-password-box`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  };

  readonly ensureKey = async (): Promise<void> => {
    if (/Set API Key/.test(await this.statusText())) await this.setKeyThroughPalette();
    await this.waitForStatus(CREDITS);
  };

  /** F1 → Segmind: Generate Image… → the prompt → Enter → the model. */
  readonly generateThroughPalette = async (prompt: string, model: string, shots?: string): Promise<void> => {
    const page = this.page;
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
  };

  /**
   * The light bulb's menu at the cursor (Ctrl+.), asked again until it opens: the first press can land
   * while the editor is still taking the focus back from the quick input.
   */
  readonly openLightBulbMenu = async (): Promise<void> => {
    const page = this.page;
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
  };

  /** Requests to the fake's v2 submit of `model` whose prompt is `prompt`. */
  readonly submitsOf = (model: string, prompt: string) =>
    this.fake.requestsTo('api', 'POST', `/v2/${model}`).filter((request) => (request.body as { prompt?: unknown } | undefined)?.prompt === prompt);

  /** Files in the workspace's assets folder whose names match (sidecars aside). */
  readonly assetsMatching = (name: RegExp): string[] => {
    const folder = path.join(this.workbench?.workspace ?? '', 'assets');
    return fs.existsSync(folder) ? fs.readdirSync(folder).filter((file) => name.test(file)) : [];
  };
}

/** Registers the session's hooks in the calling describe and returns what they keep up to date. */
export function userFlows(): UserFlows {
  const flows = new UserFlows();
  before(async () => {
    flows.fake = await FakeSegmind.start({ apiKey: KEY });
    flows.workbench = await openWorkbench({ fake: flows.fake });
    flows.page = flows.workbench.page;
    // The extension is active once its status-bar item is there.
    await statusItem(flows.page).waitFor({ timeout: 30_000 });
  });

  beforeEach(async () => {
    flows.fake.reset({ apiKey: KEY });
    await tidyUp(flows.page);
  });

  afterEach(async function () {
    await screenshotIfFailed(this, flows.workbench?.page);
  });

  after(async () => {
    await flows.workbench?.close();
    await flows.fake?.close().catch(() => undefined);
  });
  return flows;
}
