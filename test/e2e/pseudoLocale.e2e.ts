/**
 * The extension in another language, end to end: VS Code started with the pseudo-locale `qps-ploc`
 * (code-server `--locale`), the extension's own bundles run through @vscode/l10n-dev's
 * `generate-pseudo` and put beside it. Every word it shows then reads accented (ŧħīş), so a word
 * that skipped the bundle stands out as plain English: the palette titles (package.nls.json), a
 * notification (vscode.l10n.t in the host, through the error words of a pure module), the Studio's
 * page (its HTML from the host) and its script's words (the host's bundle, in the webview).
 *
 * The notification is the daily spend limit's refusal: a limit lower than one image, in a VS Code
 * and a fake Segmind of their own, so nothing else counts toward it and nothing may be sent.
 */
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { formatUsd } from '../../src/shared/format';
import { MODELS } from '../../src/domain/generation/catalog';
import { jobPriceUsd } from '../../src/domain/spending/pricing';
import { FakeSegmind } from '../fakeSegmind/server';
import { PSEUDO_LOCALE, pseudoTranslations, type PseudoTranslations } from './support/pseudoLocale';
import { quickPickRow, runInPalette, statusItem, toast } from './support/gestures';
import { screenshot, screenshotIfFailed } from './support/screenshots';
import { KEY, openWorkbench, type Workbench } from './support/workbench';

describe(`Localised end to end: the pseudo-locale ${PSEUDO_LOCALE} (code-server + Chromium)`, function () {
  this.timeout(180_000);
  let fake: FakeSegmind;
  let workbench: Workbench | undefined;
  let pseudo: PseudoTranslations;
  let page: Page;
  const title = (key: string): string => `Segmind: ${pseudo.manifest(key)}`;

  before(async () => {
    pseudo = pseudoTranslations();
    fake = await FakeSegmind.start({ apiKey: KEY });
    workbench = await openWorkbench({
      fake,
      locale: { language: PSEUDO_LOCALE, files: pseudo.files },
      settings: { 'segmind.dailySpendLimit': 0.01 },
    });
    page = workbench.page;
    await statusItem(page).waitFor({ timeout: 30_000 });
  });

  afterEach(async function () {
    await screenshotIfFailed(this, workbench?.page);
  });

  after(async () => {
    await workbench?.close();
    await fake?.close();
  });

  it('j. palette titles and a notification are localised: a daily spend limit refuses a run before any request, and says which setting to raise', async () => {
    // The status bar's words come from the pure status-bar view, through @vscode/l10n.
    assert.equal((await statusItem(page).innerText()).trim(), pseudo.sentence('Set API Key'));
    await runInPalette(page, title('command.setApiKey.title'));
    await page.locator('.quick-input-widget', { hasText: pseudo.sentence('Segmind: Set API Key') }).waitFor();
    await page.locator('.quick-input-widget input[type="password"]').fill(KEY);
    await page.keyboard.press('Enter');
    await statusItem(page)
      .filter({ hasText: /^\s*\d+\.\d\d\s*$/ })
      .waitFor({ timeout: 20_000 });

    await runInPalette(page, title('command.generateImage.title'));
    await page.locator('.quick-input-widget', { hasText: pseudo.sentence('Segmind: Generate Image (1/2)') }).waitFor();
    await page.locator('.quick-input-widget input').fill('Over the limit');
    await page.keyboard.press('Enter');
    // The model's row: its slug, and the catalog's description in the pseudo-locale.
    const mini = quickPickRow(page, 'gpt-image-1-mini');
    await mini.filter({ hasText: pseudo.sentence('Cheaper and a little faster, about 42 s') }).waitFor({ timeout: 10_000 });
    await mini.click();

    const refusal = pseudo.sentence(
      "Not sent: this run (up to {0}) would take today's spend of {1} past your limit of {2} ({3}). Raise the limit in the settings, or wait until midnight.",
      formatUsd(
        jobPriceUsd({ model: 'gpt-image-1-mini', quality: MODELS['gpt-image-1-mini'].defaults.quality, size: MODELS['gpt-image-1-mini'].defaults.size }),
      ),
      formatUsd(0),
      formatUsd(0.01),
      'segmind.dailySpendLimit',
    );
    const refused = toast(page, refusal);
    await refused.waitFor({ timeout: 15_000 });
    assert.equal(await refused.getByRole('button', { name: pseudo.sentence('Open Settings') }).count(), 1, 'the notice offers the setting');
    await screenshot(page, 'flow-j-pseudo-locale-spend-limit');
    assert.equal(fake.requestsTo('api', 'POST').length, 0, 'nothing submitted');
  });

  it("the Studio's page and its script speak the host's bundle", async () => {
    await runInPalette(page, 'Notifications: Clear All Notifications');
    await runInPalette(page, title('command.openStudio.title'));
    const studio = workbench!.studio;
    // The page's words (rendered by the host), the script's (the host's bundle, handed to the webview)
    // and the catalog's (sent in init): each in the pseudo-locale.
    await studio.locator('#form-heading', { hasText: pseudo.sentence('New image') }).waitFor({ timeout: 30_000 });
    assert.equal((await studio.locator('label[for="prompt"]').innerText()).trim(), pseudo.sentence('Prompt'));
    assert.equal((await studio.locator('#generate').innerText()).trim(), pseudo.sentence('Generate'));
    assert.equal(await studio.locator('#generate').getAttribute('title'), pseudo.sentence('Generate a new image from the prompt'));
    await studio.locator('#generate').click();
    await studio.locator('#notice', { hasText: pseudo.sentence('Describe the image first.') }).waitFor({ timeout: 10_000 });
    const description = await studio.locator('#model-description').innerText();
    assert.ok(
      Object.values(MODELS).some((model) => description.trim() === pseudo.sentence(model.description)),
      `the model's description is localised: ${description}`,
    );
    assert.equal(await studio.locator('html').getAttribute('lang'), PSEUDO_LOCALE);
    await screenshot(page, 'studio-pseudo-locale');
  });
});
