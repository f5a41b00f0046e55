/**
 * Generate through the options object (segmind.generateImage, scripted), in the real VS Code against
 * the fake Segmind: what is saved (decoded, with its sidecar), never overwriting, variants, the
 * transport and output settings; and the options refused before any request is sent.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import sharp from 'sharp';
import { generate, generateRejection, keyHeader, readBytes, readJson, setting, TEST_KEY, useFakeSegmind, workspaceFolder } from './support/segmindFixture';

describe('Generate through the options object (real VS Code, fake Segmind)', function () {
  const segmind = useFakeSegmind();

  it('saves a decodable PNG of the requested size and its sidecar, with one submit, polls, one result fetch and no key on the output host', async () => {
    const [uri, ...rest] = await generate({ prompt: 'A red fox in the snow', model: 'gpt-image-1', size: '1536x1024' });
    assert.ok(uri);
    assert.equal(rest.length, 0);
    assert.ok(uri.path.startsWith(vscode.Uri.joinPath(workspaceFolder(), 'assets').path + '/'), `saved outside assets/: ${uri.path}`);
    assert.match(uri.path, /\/a-red-fox-in-the-snow(-\d+)?\.png$/);

    const metadata = await sharp(Buffer.from(await readBytes(uri))).metadata();
    assert.equal(metadata.format, 'png');
    assert.equal(metadata.width, 1536);
    assert.equal(metadata.height, 1024);

    const sidecar = await readJson(uri.with({ path: `${uri.path}.json` }));
    assert.equal(sidecar['prompt'], 'A red fox in the snow');
    assert.equal(sidecar['model'], 'gpt-image-1');
    assert.deepEqual(sidecar['parameters'], {
      size: '1536x1024',
      quality: 'auto',
      background: 'opaque',
      outputFormat: 'png',
      outputCompression: 100,
      moderation: 'auto',
    });
    const request = sidecar['request'] as { requestId: string; transport: string };
    assert.equal(request.transport, 'async');
    assert.ok(segmind.fake.jobs.has(request.requestId), 'the sidecar names the request id the service gave');
    assert.equal(typeof sidecar['cost'], 'number');
    assert.ok(JSON.stringify(sidecar).indexOf(TEST_KEY) === -1, 'the sidecar must never hold the key');

    const fake = segmind.fake;
    assert.equal(fake.requestsTo('api', 'POST', '/v2/gpt-image-1').length, 1, 'exactly one submit');
    assert.ok(fake.requestsTo('api', 'GET', '/v2/requests/').filter((r) => r.path.endsWith('/status')).length >= 1, 'at least one status poll');
    assert.equal(fake.requestsTo('api', 'GET', '/v2/requests/').filter((r) => !r.path.endsWith('/status')).length, 1, 'exactly one result fetch');
    const downloads = fake.requestsTo('output', 'GET');
    assert.equal(downloads.length, 1, 'one download from the output host');
    for (const download of downloads) assert.equal(keyHeader(download.headers), undefined, 'no key to the output host');
    for (const call of fake.requestsTo('api')) assert.equal(keyHeader(call.headers), TEST_KEY);
  });

  it('never overwrites: the same prompt twice gives two files and leaves the first untouched', async () => {
    const [first] = await generate({ prompt: 'Same prompt twice', size: '1024x1024' });
    assert.ok(first);
    const before = await readBytes(first);
    const [second] = await generate({ prompt: 'Same prompt twice', size: '1024x1024' });
    assert.ok(second);
    assert.notEqual(second.toString(), first.toString());
    assert.deepEqual(await readBytes(first), before);
  });

  it('runs variants as separate submissions and resolves to every saved file', async () => {
    const uris = await generate({ prompt: 'Two variants', model: 'gpt-image-1-mini', variants: 2 });
    assert.equal(uris.length, 2);
    assert.equal(new Set(uris.map(String)).size, 2);
    assert.equal(segmind.fake.requestsTo('api', 'POST', '/v2/gpt-image-1-mini').length, 2);
  });

  it('picks the file extension from the bytes (webp asked, webp saved)', async () => {
    const [uri] = await generate({ prompt: 'A webp picture', outputFormat: 'webp', size: '1024x1024' });
    assert.ok(uri);
    assert.match(uri.path, /\.webp$/);
    assert.equal((await sharp(Buffer.from(await readBytes(uri))).metadata()).format, 'webp');
  });

  it('uses v1 when segmind.transport is sync', async () => {
    await setting('transport', 'sync');
    const [uri] = await generate({ prompt: 'Sync transport', size: '1024x1536' });
    assert.ok(uri);
    assert.equal(segmind.fake.requestsTo('api', 'POST', '/v1/gpt-image-1').length, 1);
    assert.equal(segmind.fake.requestsTo('api', 'POST', '/v2/').length, 0);
    const metadata = await sharp(Buffer.from(await readBytes(uri))).metadata();
    assert.deepEqual([metadata.width, metadata.height], [1024, 1536]);
  });

  it('honours segmind.outputFolder and saveMetadata=false', async () => {
    await setting('outputFolder', 'art/generated');
    await setting('saveMetadata', false);
    const [uri] = await generate({ prompt: 'Nested output folder' });
    assert.ok(uri);
    assert.ok(uri.path.startsWith(vscode.Uri.joinPath(workspaceFolder(), 'art', 'generated').path + '/'));
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(uri.with({ path: `${uri.path}.json` }))));
  });
});

describe('Refusals before any request', function () {
  const segmind = useFakeSegmind();

  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['3840x2160 on gpt-image-1', { prompt: 'x', model: 'gpt-image-1', size: '3840x2160' }, /gpt-image-2/],
    ['transparent with jpeg', { prompt: 'x', background: 'transparent', outputFormat: 'jpeg' }, /png or webp/],
    ['an empty prompt', { prompt: '   ' }, /prompt is empty/i],
    ['an unknown model', { prompt: 'x', model: 'dall-e-9' }, /Unknown model/],
    ['compression out of range', { prompt: 'x', model: 'gpt-image-1', outputCompression: 0 }, /Compression/],
    ['five variants', { prompt: 'x', variants: 5 }, /Variants/],
  ];
  for (const [name, options, message] of cases) {
    it(`refuses ${name} and sends nothing`, async () => {
      assert.match(await generateRejection(options), message);
      assert.equal(segmind.fake.requests.length, 0);
    });
  }

  it('refuses a setting that does not fit the model, naming the setting', async () => {
    await setting('size', '2048x2048');
    assert.match(await generateRejection({ prompt: 'x', model: 'gpt-image-1' }), /segmind\.size/);
    assert.equal(segmind.fake.requests.length, 0);
  });

  it('refuses an output folder that escapes the workspace', async () => {
    await setting('outputFolder', '../outside');
    assert.match(await generateRejection({ prompt: 'x' }), /outside the workspace/);
    assert.equal(segmind.fake.requests.length, 0);
  });
});
