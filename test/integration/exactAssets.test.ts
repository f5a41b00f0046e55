/**
 * Images that fit where they go, in the real VS Code against the fake Segmind: `path`, `resize` and
 * `fit`, masks that hold, transparency checked. Every check decodes the saved pixels.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import sharp from 'sharp';
import { generate, generateRejection, readBytes, readJson, setting, useFakeSegmind, workspaceFolder } from './support/segmindFixture';
import { scripted } from './support/commands';
import { remove } from './support/workspaceFiles';

async function pixels(uri: vscode.Uri): Promise<{ data: Buffer; width: number; height: number; format: string }> {
  const bytes = Buffer.from(await readBytes(uri));
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, format: (await sharp(bytes).metadata()).format ?? '' };
}

const sidecarOf = (uri: vscode.Uri): Promise<Record<string, unknown>> => readJson(uri.with({ path: `${uri.path}.json` }));
const relative = (uri: vscode.Uri): string => vscode.workspace.asRelativePath(uri);

describe('Exact assets: path, resize, fit (real VS Code, fake Segmind)', function () {
  const segmind = useFakeSegmind();
  const made = ['public', 'web', 'deep', 'linked-out'];

  afterEach(async () => {
    for (const folder of made) {
      await remove(vscode.Uri.joinPath(workspaceFolder(), folder));
    }
  });

  it('{ prompt, path: "public/og.png", resize: "1200x630" } saves exactly 1200x630 at that path; resize and fit are never sent', async () => {
    const [uri] = await generate({ prompt: 'An Open Graph card', path: 'public/og.png', resize: '1200x630' });
    assert.ok(uri);
    assert.equal(relative(uri), 'public/og.png');
    const image = await pixels(uri);
    assert.deepEqual([image.format, image.width, image.height], ['png', 1200, 630]);
    const body = segmind.fake.requestsTo('api', 'POST', '/v2/gpt-image-1')[0]?.body as Record<string, unknown>;
    assert.equal(body['size'], '1536x1024', 'the native size closest in aspect');
    for (const key of ['resize', 'fit', 'path']) assert.equal(key in body, false, `${key} is not sent`);
    const sidecar = await sidecarOf(uri);
    assert.equal(sidecar['resize'], '1200x630');
    assert.equal(sidecar['fit'], 'cover');
    assert.deepEqual(sidecar['nativeSize'], { width: 1536, height: 1024 });
    assert.deepEqual(sidecar['image'], { format: 'png', width: 1200, height: 630, bytes: (await readBytes(uri)).length });
  });

  it('never overwrites: the next free name, variants numbered; the extension follows the format made', async () => {
    const [first] = await generate({ prompt: 'Thumb', path: 'web/thumb.png', resize: '400x300' });
    const variants = await generate({ prompt: 'Thumb again', path: 'web/thumb.png', resize: '400x300', variants: 2 });
    assert.deepEqual([first, ...variants].map((uri) => uri && relative(uri)).sort(), ['web/thumb-2.png', 'web/thumb-3.png', 'web/thumb.png']);
    const [webp] = await generate({ prompt: 'Webp', path: 'web/thumb.png', outputFormat: 'webp', resize: '64x64' });
    assert.ok(webp);
    assert.equal(relative(webp), 'web/thumb.webp', 'og.png asked, WebP made → og.webp');
    assert.equal((await pixels(webp)).format, 'webp');
  });

  it('contain pads with transparent pixels; fill stretches; parent folders are created', async () => {
    const [contained] = await generate({ prompt: 'Contained', path: 'deep/er/banner.png', resize: '1200x300', fit: 'contain', size: '1024x1024' });
    assert.ok(contained);
    const image = await pixels(contained);
    assert.deepEqual([image.width, image.height], [1200, 300]);
    assert.equal(image.data[(150 * image.width + 5) * 4 + 3], 0, 'the padding at the left edge is transparent');
    assert.equal(image.data[(150 * image.width + 600) * 4 + 3], 255, 'the picture in the middle is opaque');
    const [filled] = await generate({ prompt: 'Filled', path: 'deep/filled.png', resize: '100x50', fit: 'fill' });
    assert.ok(filled);
    const stretched = await pixels(filled);
    assert.deepEqual([stretched.width, stretched.height], [100, 50]);
  });

  it('an image the library cannot decode after a paid job is kept as it came, never thrown away', async () => {
    segmind.fake.planNextJob({ corruptImage: true });
    const [uri] = await generate({ prompt: 'A paid but broken picture', path: 'public/broken.png', resize: '1200x630' });
    assert.ok(uri);
    const bytes = Buffer.from(await readBytes(uri));
    assert.equal(bytes.subarray(8).toString(), 'not really a picture', 'the bytes as they came');
    const sidecar = await sidecarOf(uri);
    assert.equal(typeof sidecar['processingError'], 'string');
    assert.equal(sidecar['resize'], '1200x630', 'what was asked is still recorded');
  });

  it('refuses a bad resize, fit or path before any request', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ resize: '0x10' }, /each side from 1 to 4096/],
      [{ resize: '1200' }, /WxH/],
      [{ resize: '400x300', fit: 'stretch' }, /cover, contain, fill/],
      [{ fit: 'contain' }, /with resize only/],
      [{ path: '../outside.png' }, /stay inside/],
      [{ path: '/etc/og.png' }, /stay inside/],
      [{ path: '.git/og.png' }, /inside \.git/],
    ];
    for (const [options, message] of cases) assert.match(await generateRejection({ prompt: 'x', ...options }), message, JSON.stringify(options));
    assert.equal(segmind.fake.requests.length, 0);
  });

  it('refuses a path that leaves the workspace through a symbolic link', async () => {
    const link = vscode.Uri.joinPath(workspaceFolder(), 'linked-out');
    fs.symlinkSync(fs.mkdtempSync(path.join(os.tmpdir(), 'segmind-outside-')), link.fsPath);
    assert.match(await generateRejection({ prompt: 'x', path: 'linked-out/og.png' }), /outside the workspace/);
    assert.equal(segmind.fake.requests.length, 0);
  });
});

describe('Transparency checked (real VS Code, fake Segmind)', function () {
  const segmind = useFakeSegmind();

  it('verified when the image has transparent pixels', async () => {
    const [uri] = await generate({ prompt: 'A transparent sticker', background: 'transparent', size: '1024x1024' });
    assert.ok(uri);
    assert.equal((await sidecarOf(uri))['transparency'], 'verified');
  });

  it('missing when the model ignored it: the file is kept, the sidecar says so', async () => {
    segmind.fake.planNextJob({ ignoreTransparency: true });
    const [uri] = await generate({ prompt: 'A sticker that came back opaque', background: 'transparent', size: '1024x1024' });
    assert.ok(uri);
    assert.ok((await readBytes(uri)).length > 0, 'kept');
    assert.equal((await sidecarOf(uri))['transparency'], 'missing');
    const image = await pixels(uri);
    assert.ok(
      [...Array(image.width * image.height).keys()].every((i) => image.data[i * 4 + 3] === 255),
      'as it came: opaque',
    );
  });

  it('is not checked for opaque requests', async () => {
    const [uri] = await generate({ prompt: 'Opaque', size: '1024x1024' });
    assert.ok(uri);
    assert.equal('transparency' in (await sidecarOf(uri)), false);
  });
});

describe('Masked edits keep what the mask protects (real VS Code, fake Segmind)', function () {
  const segmind = useFakeSegmind();
  const folder = (): vscode.Uri => vscode.Uri.joinPath(workspaceFolder(), 'mask-test');
  const logo = (): vscode.Uri => vscode.Uri.joinPath(workspaceFolder(), 'images', 'logo.png');

  before(async () => {
    // Opaque everywhere (protected) but a transparent 16x16 square at 8,8 (to edit).
    const mask = await sharp({ create: { width: 64, height: 64, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 1 } } })
      .composite([
        {
          input: await sharp({ create: { width: 16, height: 16, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 1 } } })
            .png()
            .toBuffer(),
          left: 8,
          top: 8,
          blend: 'dest-out',
        },
      ])
      .png()
      .toBuffer();
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder(), 'mask.png'), mask);
  });

  after(async () => {
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false });
  });

  async function maskedEdit(): Promise<vscode.Uri> {
    const result = await scripted('segmind.editImage', {
      prompt: 'Change the corner',
      images: ['images/logo.png'],
      mask: 'mask-test/mask.png',
    });
    const [uri] = result ?? [];
    assert.ok(uri);
    return uri;
  }

  it('copies back every protected pixel from the original, at the original size', async () => {
    const uri = await maskedEdit();
    const [result, original, mask] = await Promise.all([pixels(uri), pixels(logo()), pixels(vscode.Uri.joinPath(folder(), 'mask.png'))]);
    assert.deepEqual([result.width, result.height], [original.width, original.height]);
    let protectedPixels = 0;
    for (let i = 0; i < original.width * original.height; i++) {
      if (mask.data[i * 4 + 3] !== 255) continue;
      protectedPixels++;
      assert.deepEqual(
        [...result.data.subarray(i * 4, i * 4 + 4)],
        [...original.data.subarray(i * 4, i * 4 + 4)],
        `protected pixel ${i % 64},${Math.floor(i / 64)}`,
      );
    }
    assert.equal(protectedPixels, 64 * 64 - 16 * 16);
    assert.equal((await sidecarOf(uri))['preserveUnmaskedPixels'], true);
    assert.equal(segmind.fake.requestsTo('upload', 'POST', '/upload-asset').length, 1);
  });

  it('leaves the result as the model made it with segmind.preserveUnmaskedPixels off', async () => {
    await setting('preserveUnmaskedPixels', false);
    const uri = await maskedEdit();
    assert.equal('preserveUnmaskedPixels' in (await sidecarOf(uri)), false);
    assert.notEqual((await pixels(uri)).width, 64, "the model's own size (the fake answers auto with 1024)");
  });
});
