/**
 * `npm run demo` as a newcomer starts it: it prints a URL, and at that URL a generation through the
 * palette saves an image, with no account and no network (the fake Segmind and a demo key). The
 * demo is started and stopped here, as its own process.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { LoopbackProxy } from '../support/loopbackProxy';
import { quickPickRow, runInPalette, statusItem, toast } from './support/gestures';
import { hostModules, repoRoot } from './support/host';
import { screenshot } from './support/screenshots';
import { waitForWorkbench } from './support/workbench';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('npm run demo (started and stopped by this test)', function () {
  this.timeout(150_000);
  let demo: ChildProcess | undefined;
  let browser: Browser | undefined;
  let proxy: LoopbackProxy | undefined;
  let output = '';

  after(async () => {
    await browser?.close().catch(() => undefined);
    await proxy?.close();
    if (demo && demo.exitCode === null) demo.kill('SIGKILL');
  });

  it('prints a URL (on PORT) at which a generate saves an image, says the images come from the fake, and stops on SIGTERM', async () => {
    const port = await freePort();
    // Behind a company proxy, as many users are: the demo's own loopback fake must not be sent to it.
    proxy = await LoopbackProxy.start();
    demo = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'host', 'start.mjs'), '--demo'], {
      cwd: repoRoot,
      env: { ...process.env, PORT: String(port), SEGMIND_DEMO_SKIP_BUILD: '1', SEGMIND_API_KEY: '', HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    demo.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    demo.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL within 90 s:\n${output}`)), 90_000);
      const look = (): void => {
        const found = /http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+/.exec(output)?.[0];
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      };
      demo?.stdout?.on('data', look);
      demo?.once('exit', (code) => reject(new Error(`the demo exited (${code}) before printing a URL:\n${output}`)));
    });
    assert.ok(url.startsWith(`http://127.0.0.1:${port}/`), `PORT is honoured: ${url}`);
    assert.match(output, /images come from a local fake Segmind/);

    const host = await hostModules();
    const profile = host.makeTempDir('segmind-demo-chromium');
    browser = await chromium.launch({
      executablePath: host.chromiumPath,
      headless: true,
      args: host.chromiumArgs,
      env: { ...process.env, ...host.isolatedHomeEnv(profile) },
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await waitForWorkbench(page);
    await statusItem(page).filter({ hasText: '25.00' }).waitFor({ timeout: 30_000 }); // the demo key works against the fake

    const prompt = 'A demo lighthouse';
    await runInPalette(page, 'Segmind: Generate Image…');
    await page.locator('.quick-input-widget', { hasText: 'Generate Image (1/2)' }).waitFor();
    await page.locator('.quick-input-widget input').fill(prompt);
    await quickPickRow(page, prompt).waitFor();
    await page.keyboard.press('Enter');
    await quickPickRow(page, 'gpt-image-1-mini').click({ timeout: 10_000 });
    await toast(page, 'Saved assets/a-demo-lighthouse.png').waitFor({ timeout: 60_000 });
    await screenshot(page, 'demo-saved');
    const saved = path.join(repoRoot, '.cache', 'demo-workspace', 'assets', 'a-demo-lighthouse.png');
    assert.ok(fs.statSync(saved).size > 0, 'the image is a file in the demo workspace');
    const fakePorts = [...output.matchAll(/http:\/\/127\.0\.0\.1:(\d+) \((?:api|upload|images)\)/g)].map((match) => Number(match[1]));
    assert.equal(fakePorts.length, 3, `the demo names the fake's three hosts:\n${output}`);
    assert.deepEqual(
      fakePorts.flatMap((fakePort) => proxy?.to(fakePort) ?? []),
      [],
      'nothing for the loopback fake went to the proxy from HTTPS_PROXY',
    );

    const exited = new Promise<number | null>((resolve) => demo?.once('exit', (code) => resolve(code)));
    demo.kill('SIGTERM');
    assert.equal(await exited, 0, `the demo stops cleanly:\n${output.slice(-2000)}`);
  });
});
