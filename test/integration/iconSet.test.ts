/** Export Icon Set in the real VS Code: the files, their pixel sizes, the favicon.ico directory; no request, no key. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import sharp from 'sharp';
import { readIcoDirectory } from '../../src/pixels/ico';
import { readBytes, TEST_KEY, useFakeSegmind, workspaceFolder } from './support/segmindFixture';
import { executeCommand, scripted } from './support/commands';
import { remove } from './support/workspaceFiles';

const FILES: Record<string, number | undefined> = {
  'favicon.ico': undefined,
  'favicon-16x16.png': 16,
  'favicon-32x32.png': 32,
  'apple-touch-icon.png': 180,
  'android-chrome-192x192.png': 192,
  'android-chrome-512x512.png': 512,
  'site.webmanifest': undefined,
};

async function exportSet(options: Record<string, unknown>): Promise<vscode.Uri[]> {
  const result = await scripted('segmind.exportIconSet', options);
  assert.ok(Array.isArray(result), `expected Uris, got ${JSON.stringify(result)}`);
  return result;
}

async function refusalOf(options: Record<string, unknown>): Promise<string> {
  try {
    await scripted('segmind.exportIconSet', options);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  assert.fail('expected a refusal');
}

describe('Export Icon Set (real VS Code)', function () {
  const segmind = useFakeSegmind();
  const cleanUp = ['assets/logo-icons', 'web', 'icon-test'];

  afterEach(async () => {
    for (const folder of cleanUp) {
      await remove(vscode.Uri.joinPath(workspaceFolder(), folder));
    }
  });

  it('writes the seven files with the right pixel sizes, with no key and no request', async () => {
    await executeCommand('segmind.clearApiKey');
    try {
      const uris = await exportSet({ image: 'images/logo.png' });
      assert.deepEqual(
        uris.map((uri) => vscode.workspace.asRelativePath(uri)).sort(),
        Object.keys(FILES)
          .map((name) => `assets/logo-icons/${name}`)
          .sort(),
      );
      for (const uri of uris) {
        const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
        const size = FILES[name];
        if (size === undefined) continue;
        const meta = await sharp(Buffer.from(await readBytes(uri))).metadata();
        assert.deepEqual([meta.format, meta.width, meta.height], ['png', size, size], name);
      }
      const ico = await readBytes(vscode.Uri.joinPath(workspaceFolder(), 'assets', 'logo-icons', 'favicon.ico'));
      const entries = readIcoDirectory(ico);
      assert.deepEqual(
        entries.map((entry) => entry.size),
        [16, 32, 48],
      );
      for (const entry of entries) {
        const meta = await sharp(Buffer.from(ico.subarray(entry.offset, entry.offset + entry.length))).metadata();
        assert.deepEqual([meta.width, meta.height], [entry.size, entry.size]);
      }
      const manifest = JSON.parse(
        new TextDecoder().decode(await readBytes(vscode.Uri.joinPath(workspaceFolder(), 'assets', 'logo-icons', 'site.webmanifest'))),
      ) as { icons: { src: string }[] };
      assert.deepEqual(
        manifest.icons.map((icon) => icon.src),
        ['/android-chrome-192x192.png', '/android-chrome-512x512.png'],
      );
      assert.equal(segmind.fake.requests.length, 0, 'local only');
    } finally {
      await executeCommand('segmind.setApiKey', TEST_KEY);
    }
  });

  it('writes nothing when any file exists, and names it', async () => {
    const folder = vscode.Uri.joinPath(workspaceFolder(), 'web', 'icons');
    await vscode.workspace.fs.createDirectory(folder);
    const mine = new TextEncoder().encode('my own manifest');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'site.webmanifest'), mine);
    assert.match(await refusalOf({ image: 'images/logo.png', folder: 'web/icons' }), /web\/icons\/site\.webmanifest exists already/);
    const left = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name);
    assert.deepEqual(left, ['site.webmanifest'], 'nothing else was written');
    assert.deepEqual(Buffer.from(await readBytes(vscode.Uri.joinPath(folder, 'site.webmanifest'))), Buffer.from(mine), 'and that file is untouched');
  });

  it('writes into a chosen folder, creating it', async () => {
    const uris = await exportSet({ image: vscode.Uri.joinPath(workspaceFolder(), 'images', 'logo.png'), folder: 'icon-test/deep/er' });
    assert.equal(uris.length, 7);
    assert.ok(uris.every((uri) => vscode.workspace.asRelativePath(uri).startsWith('icon-test/deep/er/')));
  });

  it('refuses a folder outside the workspace or in .git, and an image that is not one', async () => {
    assert.match(await refusalOf({ image: 'images/logo.png', folder: '../outside' }), /stay inside it/);
    assert.match(await refusalOf({ image: 'images/logo.png', folder: '.git/icons' }), /inside \.git/);
    assert.match(await refusalOf({ image: 'notes.txt' }), /not an image/);
    assert.match(await refusalOf({}), /workspace-relative path|Choose/);
    assert.equal(segmind.fake.requests.length, 0);
  });
});
