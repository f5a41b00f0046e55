/**
 * segmind.customModels in the real VS Code, against the fake Segmind serving a slug the catalog does
 * not know like gpt-image-2: the scripted command and the agent tool accept the custom slug, submit
 * to /v2/<slug> with its like's sizes, and the sidecar records the slug; an unknown slug is refused
 * before anything is sent, naming the models there are; the Studio lists it by its label.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HostToWebview } from '../../src/protocol/studioProtocol';
import { Notifier } from '../../src/ui/notifier';
import { PromptHistory } from '../../src/studio/promptHistory';
import { StudioPanel } from '../../src/studio/studioPanel';
import { UploadConsent } from '../../src/ui/uploadConsent';
import { MemoryMemento } from './support/memoryStores';
import { testServices } from './support/testServices';
import { generate, generateRejection, readJson, setting, useFakeSegmind, workspaceFolder } from './support/segmindFixture';

const PREVIEW = 'gpt-image-3-preview';
const repoRoot = process.env.SEGMIND_TEST_REPO_ROOT ?? path.resolve(__dirname, '..', '..', '..');

describe('Custom models (segmind.customModels)', function () {
  const segmind = useFakeSegmind();
  const made: vscode.Uri[] = [];

  beforeEach(async () => {
    segmind.fake.options.customModels = { [PREVIEW]: 'gpt-image-2' };
    await setting('customModels', [{ slug: PREVIEW, like: 'gpt-image-2' }]);
  });

  afterEach(async () => {
    for (const uri of made.splice(0)) {
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(uri.with({ path: `${uri.path}.json` })).then(undefined, () => undefined);
    }
  });

  it("segmind.generateImage with the custom slug submits to /v2/<slug> at its like's size, and the sidecar says that model", async () => {
    const uris = await generate({ prompt: 'A custom model lighthouse', model: PREVIEW, size: '2048x2048' });
    made.push(...uris);
    assert.equal(uris.length, 1);
    const submits = segmind.fake.requestsTo('api', 'POST', `/v2/${PREVIEW}`);
    assert.equal(submits.length, 1, 'one submit to the custom slug');
    assert.equal((submits[0]?.body as { size?: string }).size, '2048x2048');
    assert.equal(segmind.fake.requestsTo('api', 'POST', '/v2/gpt-image-2').length, 0, 'nothing sent to the like');
    const [uri] = uris;
    assert.ok(uri);
    const sidecar = await readJson(uri.with({ path: `${uri.path}.json` }));
    assert.equal(sidecar['model'], PREVIEW);
  });

  it('an unknown slug is refused before anything is sent, naming the models there are', async () => {
    const message = await generateRejection({ prompt: 'A lighthouse', model: 'gpt-image-9' });
    assert.match(message, /Unknown model "gpt-image-9" \(choose gpt-image-1, gpt-image-1-mini, gpt-image-2, gpt-image-3-preview\)/);
    assert.equal(segmind.fake.requests.length, 0);
  });

  it('a refused entry of the setting is said when its slug is asked for', async () => {
    await setting('customModels', [{ slug: PREVIEW, like: 'gpt-image-9' }]);
    const message = await generateRejection({ prompt: 'A lighthouse', model: PREVIEW });
    assert.match(message, /Unknown model "gpt-image-3-preview".*segmind\.customModels, entry 1: "like" must be one of/);
    assert.equal(segmind.fake.requests.length, 0);
  });

  it('the agent tool accepts the custom slug (checked when called, as its static schema cannot list it)', async () => {
    const result = await vscode.lm.invokeTool('segmind_generate_image', {
      input: { prompt: 'An agent custom model kite', model: PREVIEW, size: '2048x1152' },
      toolInvocationToken: undefined,
    });
    const text = result.content
      .filter((part): part is vscode.LanguageModelTextPart => part instanceof vscode.LanguageModelTextPart)
      .map((part) => part.value)
      .join('\n');
    const saved = /(assets\/an-agent-custom-model-kite[\w-]*\.png)/.exec(text);
    assert.ok(saved, text);
    made.push(vscode.Uri.joinPath(workspaceFolder(), saved[1] ?? ''));
    assert.match(text, new RegExp(`2048x1152 PNG, ${PREVIEW}`));
    assert.equal(segmind.fake.requestsTo('api', 'POST', `/v2/${PREVIEW}`).length, 1);
    try {
      await vscode.lm.invokeTool('segmind_generate_image', { input: { prompt: 'x', model: 'gpt-image-9' }, toolInvocationToken: undefined });
      assert.fail('expected the tool to refuse an unknown model');
    } catch (error) {
      if (error instanceof assert.AssertionError) throw error;
      assert.match(error instanceof Error ? error.message : String(error), /gpt-image-9.*gpt-image-3-preview/s);
    }
    assert.equal(segmind.fake.requestsTo('api', 'POST').length, 1, 'the unknown slug sent nothing');
  });

  it("the Studio's init lists the custom model by its label", async () => {
    const services = await testServices('custom models studio');
    const panel = vscode.window.createWebviewPanel('segmind.studio', 'Image Studio (test)', vscode.ViewColumn.Active, {});
    const studio = StudioPanel.revive(panel, {
      extensionUri: vscode.Uri.file(repoRoot),
      tracker: services.tracker,
      logger: services.logger,
      history: new PromptHistory(new MemoryMemento()),
      notifier: new Notifier(services.logger, () => Promise.resolve(undefined)),
      flow: services.flow,
      consent: new UploadConsent(new MemoryMemento(), services.logger),
      confirm: () => Promise.resolve(true),
    });
    try {
      const posts: HostToWebview[] = [];
      studio.onDidPost((message) => posts.push(message));
      await studio.handleMessage({ type: 'ready' });
      const init = posts.find((post): post is Extract<HostToWebview, { type: 'init' }> => post.type === 'init');
      const model = init?.models.find((candidate) => candidate.slug === PREVIEW);
      assert.equal(model?.label, 'gpt-image-3-preview (like gpt-image-2)');
      assert.ok(model.sizes.includes('2048x2048'), "the like's sizes");
    } finally {
      studio.close();
      services.dispose();
    }
  });
});
