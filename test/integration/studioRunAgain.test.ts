/**
 * Run again from a sidecar in the Image Studio, in the real host. A sidecar may come from anyone's
 * repository, so the Studio asks before it spends on more than one image or uploads the images a
 * sidecar names (even after the upload consent), and "no" sends nothing; a retired model is a notice
 * that leads to the setting; a custom model runs again under its own slug.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostToWebview } from '../../src/protocol/studioProtocol';
import { setting, useFakeSegmind, workspaceFolder } from './support/segmindFixture';
import { until } from '../support/conditions';
import { ofType, revive, useStudioHarness } from './support/studioHarness';

describe("Image Studio: run again from a sidecar (which may come from anyone's repository) (real VS Code)", function () {
  const segmind = useFakeSegmind();
  const h = useStudioHarness();

  const made: vscode.Uri[] = [];
  /** An image with a sidecar in the output folder, as a cloned repository could bring it. */
  async function planted(name: string, sidecar: Record<string, unknown>): Promise<vscode.Uri> {
    const image = vscode.Uri.joinPath(workspaceFolder(), 'assets', name);
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(workspaceFolder(), 'images', 'logo.png'), image, { overwrite: true });
    await vscode.workspace.fs.writeFile(
      image.with({ path: `${image.path}.json` }),
      new TextEncoder().encode(
        JSON.stringify({
          prompt: 'From someone else',
          parameters: { size: 'auto', quality: 'low', background: 'opaque', outputFormat: 'png', outputCompression: 100, moderation: 'auto' },
          image: { format: 'png', width: 64, height: 64 },
          timings: { savedAt: new Date().toISOString() },
          ...sidecar,
        }),
      ),
    );
    made.push(image, image.with({ path: `${image.path}.json` }));
    return image;
  }

  async function runAgain(image: vscode.Uri): Promise<HostToWebview[]> {
    const { studio, posts } = revive(h.deps);
    await studio.handleMessage({ type: 'ready' });
    await until(
      () => ofType(posts, 'gallery').some((gallery) => gallery.items.some((item) => item.uri === image.toString())),
      'the planted image in the gallery',
    );
    await studio.handleMessage({ type: 'galleryAction', action: 'regenerate', uri: image.toString() });
    return posts;
  }

  beforeEach(() => h.questions.splice(0));

  afterEach(async () => {
    h.answers.yes = true;
    h.questions.splice(0);
    for (const uri of made.splice(0)) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('asks before it spends on more than one image; "no" sends nothing', async () => {
    const image = await planted('planted-three.png', { model: 'gpt-image-1', variant: { index: 1, of: 3 } });
    h.answers.yes = false;
    await runAgain(image);
    assert.deepEqual(h.questions.map((question) => question.message).length, 1, h.questions.map((question) => question.message).join(' | '));
    assert.match(h.questions[0]?.message ?? '', /Run assets\/planted-three\.png again: 3 images with gpt-image-1\?/);
    assert.match(h.questions[0]?.detail ?? '', /up to \$0\.10 for 3 images/);
    assert.equal(segmind.fake.requests.length, 0);
  });

  it('asks before it uploads the sidecar\'s images, even after the upload consent was given; "no" uploads nothing', async () => {
    const image = await planted('planted-edit.png', { model: 'gpt-image-1-edit', sourceImages: [{ path: 'images/logo.png' }] });
    assert.ok(h.deps.consent.accepted, 'the one-time consent was given');
    h.answers.yes = false;
    await runAgain(image);
    assert.deepEqual(h.questions.map((question) => question.message).length, 1, h.questions.map((question) => question.message).join(' | '));
    assert.match(h.questions[0]?.message ?? '', /upload images\/logo\.png to Segmind storage\?/);
    assert.equal(segmind.fake.requests.length, 0);
  });

  it('"yes" runs it as the sidecar says', async () => {
    const image = await planted('planted-two.png', { model: 'gpt-image-1-mini', variant: { index: 2, of: 2 } });
    await runAgain(image);
    assert.deepEqual(h.questions.map((question) => question.message).length, 1, h.questions.map((question) => question.message).join(' | '));
    assert.equal(segmind.fake.requestsTo('api', 'POST', '/v2/gpt-image-1-mini').length, 2);
  });

  it('of a model Segmind retired: a notice names the model and offers Open Settings on segmind.defaultModel', async () => {
    segmind.fake.options.retiredModels = { 'gpt-image-1': { status: 410, message: 'gpt-image-1 has been retired' } };
    const image = await planted('planted-retired.png', { model: 'gpt-image-1' });
    const posts = await runAgain(image);
    await until(() => ofType(posts, 'notice').some((post) => /no longer serves the model gpt-image-1/.test(post.notice.text)), "the retired model's notice");
    const notice = ofType(posts, 'notice').find((post) => /no longer serves the model gpt-image-1/.test(post.notice.text))?.notice;
    assert.deepEqual([notice?.actions, notice?.setting], [['openSettings', 'showLog'], 'segmind.defaultModel']);
    assert.equal(segmind.fake.requestsTo('api', 'POST', '/v2/gpt-image-1').length, 1, 'one submit, refused');
  });

  it('of a custom model (segmind.customModels): runs again under its own slug', async () => {
    await setting('customModels', [{ slug: 'gpt-image-3-preview', like: 'gpt-image-2' }]);
    segmind.fake.options.customModels = { 'gpt-image-3-preview': 'gpt-image-2' };
    const image = await planted('planted-custom.png', { model: 'gpt-image-3-preview' });
    await runAgain(image);
    assert.equal(segmind.fake.requestsTo('api', 'POST', '/v2/gpt-image-3-preview').length, 1);
  });
});
