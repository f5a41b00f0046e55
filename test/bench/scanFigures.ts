/**
 * Fill Missing Images… on a workspace of 5,000 files in the real host (code-server, the .vsix
 * installed), timed as a user sees it and as the extension logs it; and the workspace itself, which
 * stallFigures.ts scans too. Printed by hostFigures.ts, not asserted.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserType } from 'playwright-core';
import { activationFigures, filesUnder, type HostModules, type PathsModule } from './hostTools';

/**
 * A workspace of 5,000 files (HTML, Markdown, TypeScript, CSS; a fifth of them refer to an image
 * that is missing) plus a node_modules the scan must skip: Fill Missing Images… from the palette, as
 * a user runs it, and the scan's own figure from the log ("Looked for missing images in N files in
 * X ms"), which counts findFiles, reading and parsing every file and the existence checks.
 */
export async function scanFigures(host: HostModules, paths: PathsModule, chromium: BrowserType, vsix: string): Promise<Record<string, string>[]> {
  const workspace = mkdtempSync(join(tmpdir(), 'segmind-scan-'));
  try {
    writeSite(workspace);
    const server = await host.startCodeServer({ installExtensions: [vsix] });
    const profile = mkdtempSync(join(tmpdir(), 'segmind-bench-chromium-'));
    const browser = await chromium.launchPersistentContext(profile, { executablePath: paths.chromiumPath, args: paths.chromiumArgs, headless: true });
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace).replace(/%2F/g, '/')}`, { waitUntil: 'domcontentloaded' });
      await activationFigures(server.userDataDir, 60_000);
      const started = Date.now();
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget input').fill('>Segmind: Fill Missing Images…');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Fill Missing Images' }).first().click({ timeout: 20_000 });
      const progress = page.locator('.notification-toast', { hasText: 'looking for missing images' }).first();
      const sawProgress = await progress.waitFor({ timeout: 10_000 }).then(
        () => true,
        () => false,
      );
      const list = page.locator('.quick-input-widget', { hasText: 'Fill Missing Images (' });
      await list.waitFor({ timeout: 120_000 });
      const title = (
        await list
          .locator('.quick-input-title')
          .innerText()
          .catch(() => '')
      ).trim();
      const seenMs = Date.now() - started;
      const logged = await scanLogLine(server.userDataDir, 30_000);
      return [
        {
          figure: 'scan of 5,000 files (log: list, read, parse, resolve, stat)',
          value: `${logged.ms} ms for ${logged.files} files (${logged.listMs} ms of it listing them), ${logged.missing} missing`,
        },
        { figure: 'scan as a user sees it (palette click to the list)', value: `${seenMs} ms; progress shown: ${sawProgress ? 'yes' : 'no'}; "${title}"` },
      ];
    } finally {
      await browser.close();
      await server.stop();
      rmSync(profile, { recursive: true, force: true });
    }
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

/** The 5,000 files of the scan (a fifth refer to an image that is missing or elsewhere), 2,000 images, and a node_modules it must skip, under `workspace`. */
export const SITE_FILES = 5_000;
export function writeSite(workspace: string): void {
  const kinds: readonly ((i: number) => readonly [string, string])[] = [
    (i: number) => [
      'html',
      `<!doctype html><html><body>\n<h1>Page ${i}</h1>\n${i % 5 === 0 ? `<img src="img/missing-${i}.png" width="640" height="360" alt="Picture ${i}">` : '<p>No image here.</p>'}\n${'<p>Some text of the page, with <a href="/x">a link</a>.</p>\n'.repeat(20)}</body></html>\n`,
    ],
    (i: number) => ['md', `# Note ${i}\n\n${'Some text, *emphasis* and `code`.\n\n'.repeat(15)}${i % 5 === 1 ? `![Figure ${i}](img/figure-${i}.webp)\n` : ''}`],
    (i: number) => ['ts', `${i % 5 === 2 ? `import logo from './img/logo-${i}.svg';\n` : ''}${'export const value = 1 + 2; // a line of code\n'.repeat(25)}`],
    (i: number) => ['css', `${'.a { color: red; margin: 0 auto; }\n'.repeat(25)}${i % 5 === 3 ? `.hero { background: url(img/bg-${i}.jpg); }\n` : ''}`],
  ];
  for (let i = 0; i < SITE_FILES; i++) {
    const folder = join(workspace, `section-${i % 50}`);
    mkdirSync(folder, { recursive: true });
    const [extension, text] = kinds[i % kinds.length]!(i);
    writeFileSync(join(folder, `file-${i}.${extension}`), text);
  }
  // The evidence: 2,000 images the scan lists by name, a tenth of them the path of a page's image (found elsewhere).
  mkdirSync(join(workspace, 'media', 'img'), { recursive: true });
  for (let i = 0; i < 2_000; i++) writeFileSync(join(workspace, 'media', 'img', i % 10 === 0 ? `missing-${i * 5}.png` : `photo-${i}.png`), '');
  mkdirSync(join(workspace, 'node_modules', 'dep'), { recursive: true });
  for (let i = 0; i < 1_000; i++) writeFileSync(join(workspace, 'node_modules', 'dep', `skip-${i}.md`), '![x](img/never-counted.png)\n');
}

async function scanLogLine(userDataDir: string, timeoutMs: number): Promise<{ files: number; ms: number; listMs: number; missing: number }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const file of filesUnder(join(userDataDir, 'logs')).filter((name) => name.endsWith('.log'))) {
      const found = /Looked for missing images in (\d+) files in (\d+) ms \((\d+) ms to find them\): (\d+) missing/.exec(readFileSync(file, 'utf8'));
      if (found) return { files: Number(found[1]), ms: Number(found[2]), listMs: Number(found[3]), missing: Number(found[4]) };
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error('the scan did not log its figure in time');
}
