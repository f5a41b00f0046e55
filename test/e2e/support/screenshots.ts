/**
 * Screenshots of the end-to-end tests, in test-results/e2e/<name>.png (git-ignored): pictures to
 * look at, not assertions. The folder is emptied once per run, so every file's pictures stay.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { repoRoot } from './host';

export const shotsDir = path.join(repoRoot, 'test-results', 'e2e');

let shotsCleared = false;
/** test-results/e2e/, emptied once per run (not per file: every file's pictures stay). */
export function shotsFolder(): string {
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
