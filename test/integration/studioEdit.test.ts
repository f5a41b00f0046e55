/**
 * An edit from the Image Studio with a mask painted in it, in the real host: the inputs are checked,
 * the image and the mask are uploaded together and the mask is sent; run again from the gallery, the
 * mask (never kept) is left out and the user told; a mask of another size is refused before anything
 * is sent.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import sharp from 'sharp';
import { readJson, TEST_KEY, useFakeSegmind, workspaceFolder } from './support/segmindFixture';
import { until } from '../support/conditions';
import { ofType, request, revive, useStudioHarness } from './support/studioHarness';

describe('Image Studio: editing with a painted mask (real VS Code)', function () {
  const segmind = useFakeSegmind();
  const h = useStudioHarness();

  it('an edit with a painted mask: inputs checked, image and mask uploaded together, mask sent', async () => {
    const { studio, posts } = revive(h.deps);
    await studio.handleMessage({ type: 'ready' });
    const logo = vscode.Uri.joinPath(workspaceFolder(), 'images', 'logo.png');
    await studio.handleMessage({ type: 'addInputs', uris: [logo.toString(), 'file:///etc/hostname'] });
    const [added] = ofType(posts, 'inputsAdded');
    assert.deepEqual(
      added?.inputs.map((input) => [input.path, input.width, input.height]),
      [['images/logo.png', 64, 64]],
    );
    assert.match(added?.inputs[0]?.src ?? '', /^data:image\/png;base64,/, 'outside the output folder: a data: URL preview');
    assert.match(ofType(posts, 'notice').at(-1)?.notice.text ?? '', /outside the workspace/);

    const mask = await sharp({ create: { width: 64, height: 64, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 255 } } })
      .composite([
        { input: { create: { width: 20, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }, blend: 'dest-out', left: 10, top: 10 },
      ])
      .png()
      .toBuffer();
    await studio.handleMessage({
      type: 'generate',
      request: request('Only the corner', {
        model: 'gpt-image-1-edit',
        parameters: { ...request('').parameters, size: 'auto' },
        inputs: [logo.toString()],
        mask: `data:image/png;base64,${mask.toString('base64')}`,
      }),
    });

    const uploads = segmind.fake.requestsTo('upload', 'POST', '/upload-asset');
    assert.equal(uploads.length, 1);
    const dataUrls = (uploads[0]?.body as { data_urls?: unknown[] }).data_urls;
    assert.equal(dataUrls?.length, 2);
    assert.equal(dataUrls?.[1], `data:image/png;base64,${mask.toString('base64')}`);
    const body = segmind.fake.requestsTo('api', 'POST', '/v2/gpt-image-1-edit')[0]?.body as Record<string, unknown>;
    assert.equal(body['mask'], segmind.fake.uploads[1]?.url);
    const saved = ofType(posts, 'notice').at(-1)?.notice.text ?? '';
    const match = /Saved (assets\/logo-edit-[\d-]+\.png)/.exec(saved);
    assert.ok(match, saved);
    const meta = await readJson(vscode.Uri.joinPath(workspaceFolder(), `${match[1] ?? ''}.json`));
    assert.equal((meta['mask'] as { path?: string }).path, '(painted in Image Studio)');
    assert.equal(meta['preserveUnmaskedPixels'], true, 'a painted mask holds too');

    // Run again from the gallery: the painted mask was not kept, so it runs without one, and says so.
    await until(() => ofType(posts, 'gallery').some((gallery) => gallery.items.some((item) => item.path === match[1])), 'the edit in the gallery');
    const item = ofType(posts, 'gallery')
      .at(-1)
      ?.items.find((candidate) => candidate.path === match[1]);
    assert.ok(item);
    segmind.fake.reset({ apiKey: TEST_KEY, jobPlan: { durationMs: 200 } });
    await studio.handleMessage({ type: 'galleryAction', action: 'regenerate', uri: item.uri });
    assert.ok(
      ofType(posts, 'notice').some((notice) => /mask painted for that edit was not kept/.test(notice.notice.text)),
      'the user is told the mask is gone',
    );
    const again = segmind.fake.requestsTo('upload', 'POST', '/upload-asset');
    assert.equal((again[0]?.body as { data_urls?: unknown[] }).data_urls?.length, 1, 'only the image is uploaded again');
    const rerun = segmind.fake.requestsTo('api', 'POST', '/v2/gpt-image-1-edit')[0]?.body as Record<string, unknown>;
    assert.equal(rerun['prompt'], 'Only the corner');
    assert.equal(rerun['mask'], undefined, 'no mask is sent');
  });

  it('a mask of another size than the image is refused before any request', async () => {
    const { studio, posts } = revive(h.deps);
    await studio.handleMessage({ type: 'ready' });
    const logo = vscode.Uri.joinPath(workspaceFolder(), 'images', 'logo.png');
    const small = await sharp({ create: { width: 32, height: 32, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    await studio.handleMessage({
      type: 'generate',
      request: request('x', {
        model: 'gpt-image-1-edit',
        parameters: { ...request('').parameters, size: 'auto' },
        inputs: [logo.toString()],
        mask: `data:image/png;base64,${small.toString('base64')}`,
      }),
    });
    assert.match(ofType(posts, 'notice').at(-1)?.notice.text ?? '', /32x32 but images\/logo\.png is 64x64/);
    assert.equal(segmind.fake.requests.length, 0);
  });
});
