/**
 * Edit through the options object (segmind.editImage, scripted), in the real VS Code against the fake
 * Segmind: the images and mask uploaded in one batch and sent as the model takes them, the result
 * named after the first image with the originals untouched; upload and job failures; and the inputs
 * refused before any request is sent.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import sharp from 'sharp';
import { keyHeader, readBytes, readJson, TEST_KEY, useFakeSegmind, workspaceFolder } from './support/segmindFixture';
import { scripted } from './support/commands';

/** Inputs made by these tests live here, and go when they are done. */
const TEST_FOLDER = 'edit-test';
const RESULT_NAME = /\/assets\/logo-edit-\d{8}-\d{6}(-\d+)?\.png$/;

async function edit(options: Record<string, unknown>): Promise<vscode.Uri[]> {
  const result = await scripted('segmind.editImage', options);
  assert.ok(Array.isArray(result), `expected an array of Uris, got ${JSON.stringify(result)}`);
  for (const uri of result) assert.ok(uri instanceof vscode.Uri, `not a Uri: ${JSON.stringify(uri)}`);
  return result;
}

async function editRejection(options: Record<string, unknown>): Promise<string> {
  try {
    const result: unknown = await scripted('segmind.editImage', options);
    assert.fail(`expected a rejection, got ${JSON.stringify(result)}`);
  } catch (error) {
    if (error instanceof assert.AssertionError) throw error;
    return error instanceof Error ? error.message : String(error);
  }
}

function testFile(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), TEST_FOLDER, name);
}

function dataUrlBytes(dataUrl: unknown): Buffer {
  assert.equal(typeof dataUrl, 'string');
  const match = /^data:image\/(png|jpeg|webp);base64,(.*)$/.exec(dataUrl as string);
  assert.ok(match, `not a data URL: ${String(dataUrl).slice(0, 40)}`);
  return Buffer.from(match[2] ?? '', 'base64');
}

function bodyOf(request: { body: unknown } | undefined): Record<string, unknown> {
  assert.ok(request, 'no such request');
  assert.equal(typeof request.body, 'object');
  return request.body as Record<string, unknown>;
}

describe('Edit through the options object (real VS Code, fake Segmind)', function () {
  const segmind = useFakeSegmind();
  const logo = (): vscode.Uri => vscode.Uri.joinPath(workspaceFolder(), 'images', 'logo.png');
  let logoBytes: Uint8Array;
  let secondBytes: Uint8Array;

  before(async () => {
    logoBytes = await readBytes(logo());
    secondBytes = new Uint8Array(
      await sharp({ create: { width: 48, height: 32, channels: 3, background: '#2a7' } })
        .png()
        .toBuffer(),
    );
    const mask = await sharp({ create: { width: 64, height: 64, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#a27' } })
      .jpeg()
      .toBuffer();
    await vscode.workspace.fs.writeFile(testFile('second.png'), secondBytes);
    await vscode.workspace.fs.writeFile(testFile('mask.png'), new Uint8Array(mask));
    await vscode.workspace.fs.writeFile(testFile('photo.jpg'), new Uint8Array(jpeg));
  });

  after(async () => {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder(), TEST_FOLDER), { recursive: true, useTrash: false });
  });

  it('two images: ONE upload with two data URLs, ONE submit with the uploaded URLs as image_urls, the result named after the first, originals untouched', async () => {
    const [uri, ...rest] = await edit({ prompt: 'Put both on one poster', images: ['images/logo.png', testFile('second.png')] });
    assert.ok(uri);
    assert.equal(rest.length, 0);
    assert.match(uri.path, RESULT_NAME);
    assert.ok(uri.path.startsWith(vscode.Uri.joinPath(workspaceFolder(), 'assets').path + '/'));
    assert.equal((await sharp(Buffer.from(await readBytes(uri))).metadata()).format, 'png');

    const fake = segmind.fake;
    const uploads = fake.requestsTo('upload', 'POST', '/upload-asset');
    assert.equal(uploads.length, 1, 'exactly one upload');
    assert.equal(keyHeader(uploads[0]?.headers ?? {}), TEST_KEY, 'the upload host gets the key');
    const dataUrls = bodyOf(uploads[0])['data_urls'];
    assert.ok(Array.isArray(dataUrls));
    assert.equal(dataUrls.length, 2);
    assert.deepEqual(dataUrlBytes(dataUrls[0]), Buffer.from(logoBytes), 'first data URL is images/logo.png');
    assert.deepEqual(dataUrlBytes(dataUrls[1]), Buffer.from(secondBytes), 'second data URL is the second image');

    const uploaded = fake.uploads.map((upload) => upload.url);
    assert.equal(uploaded.length, 2);
    const submits = fake.requestsTo('api', 'POST', '/v2/gpt-image-1-edit');
    assert.equal(submits.length, 1, 'exactly one submit');
    const body = bodyOf(submits[0]);
    assert.deepEqual(body['image_urls'], uploaded);
    assert.equal(body['prompt'], 'Put both on one poster');
    assert.ok(!('image' in body));
    assert.ok(body['mask'] === undefined || body['mask'] === null);
    assert.equal(fake.requestsTo('api', 'POST').length, 1, 'nothing else was submitted');

    const sidecar = await readJson(uri.with({ path: `${uri.path}.json` }));
    assert.equal(sidecar['model'], 'gpt-image-1-edit');
    assert.deepEqual(sidecar['sourceImages'], [
      { path: 'images/logo.png', uploadedUrl: uploaded[0] },
      { path: `${TEST_FOLDER}/second.png`, uploadedUrl: uploaded[1] },
    ]);
    assert.equal(sidecar['mask'], undefined);
    assert.ok(!JSON.stringify(sidecar).includes(TEST_KEY));

    assert.deepEqual(Buffer.from(await readBytes(logo())), Buffer.from(logoBytes), 'images/logo.png is byte-identical');
    assert.deepEqual(Buffer.from(await readBytes(testFile('second.png'))), Buffer.from(secondBytes), 'the second original is byte-identical');
  });

  it('gpt-image-2 with one image sends it as image, not image_urls', async () => {
    const [uri] = await edit({ prompt: 'Make it night', model: 'gpt-image-2', images: ['images/logo.png'], size: '1024x1024' });
    assert.ok(uri);
    assert.match(uri.path, RESULT_NAME);
    const fake = segmind.fake;
    assert.equal(fake.requestsTo('upload', 'POST', '/upload-asset').length, 1);
    const submits = fake.requestsTo('api', 'POST', '/v2/gpt-image-2');
    assert.equal(submits.length, 1);
    const body = bodyOf(submits[0]);
    assert.equal(body['image'], fake.uploads[0]?.url);
    assert.ok(!('image_urls' in body));
    assert.equal(body['size'], '1024x1024');
    const metadata = await sharp(Buffer.from(await readBytes(uri))).metadata();
    assert.deepEqual([metadata.width, metadata.height], [1024, 1024]);
  });

  it('segmind.generateImage with input images runs the same edit (the options object is shared)', async () => {
    const result = await scripted('segmind.generateImage', {
      prompt: 'Make it night',
      model: 'gpt-image-2',
      images: ['images/logo.png'],
    });
    assert.ok(Array.isArray(result) && result.length === 1 && result[0] instanceof vscode.Uri, `got ${JSON.stringify(result)}`);
    assert.match(result[0].path, RESULT_NAME);
    assert.equal(segmind.fake.requestsTo('upload', 'POST', '/upload-asset').length, 1);
    assert.equal(bodyOf(segmind.fake.requestsTo('api', 'POST', '/v2/gpt-image-2')[0])['image'], segmind.fake.uploads[0]?.url);
  });

  it('uploads the mask in the same batch and sends it as mask; the sidecar records it', async () => {
    const [uri] = await edit({ prompt: 'Only change the masked part', images: [logo()], mask: `${TEST_FOLDER}/mask.png` });
    assert.ok(uri);
    const fake = segmind.fake;
    const uploads = fake.requestsTo('upload', 'POST', '/upload-asset');
    assert.equal(uploads.length, 1, 'one upload for image and mask');
    const dataUrls = bodyOf(uploads[0])['data_urls'];
    assert.ok(Array.isArray(dataUrls));
    assert.equal(dataUrls.length, 2);
    assert.deepEqual(dataUrlBytes(dataUrls[0]), Buffer.from(logoBytes));
    const [imageUrl, maskUrl] = fake.uploads.map((upload) => upload.url);
    const body = bodyOf(fake.requestsTo('api', 'POST', '/v2/gpt-image-1-edit')[0]);
    assert.deepEqual(body['image_urls'], [imageUrl]);
    assert.equal(body['mask'], maskUrl);
    const sidecar = await readJson(uri.with({ path: `${uri.path}.json` }));
    assert.deepEqual(sidecar['mask'], { path: `${TEST_FOLDER}/mask.png`, uploadedUrl: maskUrl });
    assert.deepEqual(sidecar['sourceImages'], [{ path: 'images/logo.png', uploadedUrl: imageUrl }]);
  });

  it('sends a JPEG as a JPEG data URL and names the result after it', async () => {
    const [uri] = await edit({ prompt: 'Warmer colours', images: [`${TEST_FOLDER}/photo.jpg`], outputFormat: 'webp' });
    assert.ok(uri);
    assert.match(uri.path, /\/assets\/photo-edit-\d{8}-\d{6}(-\d+)?\.webp$/);
    const dataUrls = bodyOf(segmind.fake.requestsTo('upload', 'POST', '/upload-asset')[0])['data_urls'] as unknown[];
    assert.match(String(dataUrls[0]), /^data:image\/jpeg;base64,/);
  });

  it('upload failure: rejects with the reason, after retrying what is safe, and submits nothing', async () => {
    segmind.fake.addFault({ host: 'upload', method: 'POST', path: '/upload-asset', status: 503, body: '{"error":"Storage unavailable"}', times: Infinity });
    const message = await editRejection({ prompt: 'x', images: ['images/logo.png'] });
    assert.match(message, /server error.*503.*Storage unavailable/i);
    assert.ok(segmind.fake.requestsTo('upload', 'POST').length >= 1);
    assert.equal(segmind.fake.requestsTo('api', 'POST').length, 0, 'no submit after a failed upload');
  });

  it('an upload refused outright (400) is reported with the service text', async () => {
    segmind.fake.addFault({ host: 'upload', method: 'POST', path: '/upload-asset', status: 400, body: '{"error":"data_urls[0] is too large"}' });
    assert.match(await editRejection({ prompt: 'x', images: ['images/logo.png'] }), /refused the parameters: data_urls\[0\] is too large/);
    assert.equal(segmind.fake.requestsTo('upload', 'POST').length, 1);
    assert.equal(segmind.fake.requestsTo('api', 'POST').length, 0);
  });

  it('422: the job failed; the rejection shows the reason and nothing is resubmitted', async () => {
    segmind.fake.planNextJob({ outcome: 'FAILED', error: 'The edit was rejected by the safety system' });
    assert.match(await editRejection({ prompt: 'x', images: ['images/logo.png'] }), /rejected by the safety system/);
    assert.equal(segmind.fake.requestsTo('upload', 'POST').length, 1);
    assert.equal(segmind.fake.requestsTo('api', 'POST').length, 1);
  });
});

describe('Edit refusals before any request', function () {
  const segmind = useFakeSegmind();

  before(async () => {
    const png = await sharp({ create: { width: 64, height: 64, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const small = await sharp({ create: { width: 32, height: 32, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    await vscode.workspace.fs.writeFile(testFile('fake.png'), new TextEncoder().encode('This is a text file wearing a .png name.\n'));
    await vscode.workspace.fs.writeFile(testFile('empty.webp'), new Uint8Array(0));
    await vscode.workspace.fs.writeFile(testFile('mask.png'), new Uint8Array(png));
    await vscode.workspace.fs.writeFile(testFile('small-mask.png'), new Uint8Array(small));
  });

  after(async () => {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder(), TEST_FOLDER), { recursive: true, useTrash: false });
  });

  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['a .txt renamed .png', { prompt: 'x', images: [`${TEST_FOLDER}/fake.png`] }, /edit-test\/fake\.png is not an image/],
    ['an empty file', { prompt: 'x', images: [`${TEST_FOLDER}/empty.webp`] }, /empty\.webp is empty/],
    ['a missing file', { prompt: 'x', images: ['images/nope.png'] }, /images\/nope\.png does not exist/],
    ['a path outside the workspace', { prompt: 'x', images: ['../outside.png'] }, /workspace-relative path/],
    ['a Uri outside the workspace', { prompt: 'x', images: [vscode.Uri.file('/etc/hostname')] }, /outside the workspace/],
    ['no images', { prompt: 'x' }, /at least one image/],
    [
      'two images on gpt-image-2',
      { prompt: 'x', model: 'gpt-image-2', images: ['images/logo.png', `${TEST_FOLDER}/mask.png`] },
      /gpt-image-2 edits one image at a time/,
    ],
    [
      'a mask on gpt-image-2',
      { prompt: 'x', model: 'gpt-image-2', images: ['images/logo.png'], mask: `${TEST_FOLDER}/mask.png` },
      /mask is only supported by gpt-image-1-edit/,
    ],
    ['a mask of another size', { prompt: 'x', images: ['images/logo.png'], mask: `${TEST_FOLDER}/small-mask.png` }, /32x32 but images\/logo\.png is 64x64/],
    ['a text-only model', { prompt: 'x', model: 'gpt-image-1', images: ['images/logo.png'] }, /cannot edit images/],
    ['a size the edit model lacks', { prompt: 'x', images: ['images/logo.png'], size: '2048x2048' }, /only available on gpt-image-2/],
    ['an empty prompt', { prompt: ' ', images: ['images/logo.png'] }, /prompt is empty/i],
  ];
  for (const [name, options, message] of cases) {
    it(`refuses ${name} and sends nothing`, async () => {
      assert.match(await editRejection(options), message);
      assert.equal(segmind.fake.requests.length, 0);
    });
  }
});
