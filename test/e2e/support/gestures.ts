/**
 * The gestures the end-to-end tests make in the workbench, as a user makes them: the palette, the
 * colour theme, quick picks, the Explorer and its context menu, notifications, the status-bar item,
 * tidying up between flows, and waiting for a fact no event announces.
 */
import type { Locator, Page } from 'playwright-core';

/** F1, the command's title, then a click on the row whose label is exactly that title; retried
 * while the workbench is still starting (the palette may open empty). */
export async function runInPalette(page: Page, title: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      // A dialog left open (it makes the rest of the workbench inert) is closed first; Escape does it.
      await page.keyboard.press('Escape');
      await page
        .locator('.monaco-dialog-box')
        .first()
        .waitFor({ state: 'hidden', timeout: 2_000 })
        .catch(() => undefined);
      // Out of the webview (keys typed there stay there): the side bar's title is a harmless place to click.
      await page
        .locator('.part.sidebar .composite.title')
        .first()
        .click({ timeout: 2_000 })
        .catch(() => undefined);
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.fill(`>${title}`, { timeout: 5_000 });
      // The row whose label is exactly the title (Enter would take whichever row is highlighted).
      const row = page
        .locator('.quick-input-list .monaco-list-row')
        .filter({ has: page.locator('.label-name', { hasText: exactly(title) }) })
        .first();
      await row.click({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 6) throw error;
    }
  }
}

/** Preferences: Color Theme, as a user picks one. */
export async function pickTheme(page: Page, query: string, row: RegExp): Promise<void> {
  await runInPalette(page, 'Preferences: Color Theme');
  const input = page.locator('.quick-input-widget input');
  await input.fill(query);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** A regular expression matching exactly `text`. */
export function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** The extension's one status-bar item, by its id (`segmind.status`): its words and accessible name follow the display language. */
export function statusItem(page: Page): Locator {
  return page.locator('.statusbar-item[id$="segmind.status"]').first();
}

/** A row of the quick input (palette, quick pick) by its label. */
export function quickPickRow(page: Page, label: string | RegExp): Locator {
  const name = typeof label === 'string' ? exactly(label) : label;
  return page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: name }) })
    .first();
}

/** A row of the Explorer tree by its file or folder name. */
export function explorerRow(page: Page, name: string | RegExp): Locator {
  const label = typeof name === 'string' ? exactly(name) : name;
  return page
    .locator('.explorer-folders-view .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: label }) })
    .first();
}

/** Expands a folder of the Explorer (if collapsed) by clicking its row. */
export async function expandExplorerFolder(page: Page, name: string): Promise<void> {
  const row = explorerRow(page, name);
  await row.waitFor({ timeout: 60_000 });
  const expanded = page
    .locator(`.explorer-folders-view .monaco-list-row[aria-expanded="true"]`)
    .filter({ has: page.locator('.label-name', { hasText: exactly(name) }) })
    .first();
  // A click can land while the tree redraws (a file appeared, a toast moved it) and be lost: click
  // while it is not expanded, until it is. On a loaded machine the tree can take seconds to show a
  // click, so each click is given long enough to show before another one (which would fold it back).
  await waitUntil(async () => {
    if ((await row.getAttribute('aria-expanded')) === 'true') return true;
    await row.click();
    return expanded.waitFor({ timeout: 15_000 }).then(
      () => true,
      () => false,
    );
  }, `the Explorer folder ${name} expanded`);
}

/** Right-clicks a file of the Explorer (selecting it first, as a user does) and returns the item of its context menu, hovered. */
export async function explorerMenuItem(page: Page, file: string, item: string): Promise<Locator> {
  const row = explorerRow(page, file);
  await row.click();
  await row.click({ button: 'right' });
  const entry = page.locator('.context-view .monaco-menu .action-item').filter({ hasText: item }).first();
  await entry.waitFor({ timeout: 10_000 });
  await entry.hover();
  return entry;
}

/** A notification toast containing `text`. */
export function toast(page: Page, text: string | RegExp): Locator {
  return page.locator('.notifications-toasts .notification-toast').filter({ hasText: text }).first();
}

/** Back to a plain workbench between flows: no quick input, no notifications, no editors, no panel. */
export async function tidyUp(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await runInPalette(page, 'Notifications: Clear All Notifications');
  await runInPalette(page, 'View: Close All Editors');
  if (await page.locator('.part.panel').isVisible()) await runInPalette(page, 'View: Toggle Panel Visibility');
  await page
    .locator('.notifications-toasts .notification-toast')
    .first()
    .waitFor({ state: 'detached', timeout: 5_000 })
    .catch(() => undefined);
}

/** Polls `condition` until it holds (for facts no event announces, such as a computed colour), failing with `what`. */
export async function waitUntil(condition: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
