/**
 * The Image Studio in the real host. Opening goes through the contributed command (the bundled
 * extension); the message round trips drive a StudioPanel built here from out/src with its own
 * services over the fake Segmind, through the same public `handleMessage` the webview's messages reach.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import sharp from 'sharp';
import type { ApiKeyStore } from '../../src/auth/apiKeyStore';
import type { Question } from '../../src/ui/confirm';
import { UploadConsent } from '../../src/ui/uploadConsent';
import type { GenerateRequest, HostToWebview } from '../../src/protocol/studioProtocol';
import { Notifier } from '../../src/ui/notifier';
import { PromptHistory } from '../../src/studio/promptHistory';
import { StudioPanel, type StudioDependencies } from '../../src/studio/studioPanel';
import { StudioSerializer } from '../../src/studio/studioSerializer';
import { MemoryMemento } from './support/memoryStores';
import { testServices } from './support/testServices';
import { readJson, setting, TEST_KEY, useFakeSegmind, workspaceFolder } from './support/segmindFixture';
import { until } from '../support/conditions';
import { executeCommand } from './support/commands';

const repoRoot = process.env.SEGMIND_TEST_REPO_ROOT ?? path.resolve(__dirname, '..', '..', '..');

function studioTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('segmind.studio'));
}

interface Harness {
  readonly deps: StudioDependencies;
  readonly keys: ApiKeyStore;
  /** What the Studio asked in a modal, and what the next questions are answered (yes unless a test says no). */
  readonly questions: Question[];
  readonly answers: { yes: boolean };
  readonly dispose: () => void;
}

async function harness(): Promise<Harness> {
  const { logger, keys, tracker, flow, dispose } = await testServices('studio tests');
  const memento = new MemoryMemento();
  await memento.update('segmind.editUploadConsent', { acceptedAt: new Date().toISOString() });
  const questions: Question[] = [];
  const answers = { yes: true };
  const deps: StudioDependencies = {
    extensionUri: vscode.Uri.file(repoRoot),
    tracker,
    logger,
    history: new PromptHistory(new MemoryMemento()),
    notifier: new Notifier(logger, () => Promise.resolve(undefined)),
    flow,
    consent: new UploadConsent(memento, logger),
    confirm: (question) => {
      questions.push(question);
      return Promise.resolve(answers.yes);
    },
  };
  return { deps, keys, questions, answers, dispose };
}

/** A panel of the Studio's type, filled by a StudioPanel of this test's services; every post recorded. */
function revive(
  deps: StudioDependencies,
  panel = vscode.window.createWebviewPanel('segmind.studio', 'Image Studio (test)', vscode.ViewColumn.Active, {}),
): { studio: StudioPanel; posts: HostToWebview[] } {
  const studio = StudioPanel.revive(panel, deps);
  const posts: HostToWebview[] = [];
  studio.onDidPost((message) => posts.push(message));
  return { studio, posts };
}

const request = (prompt: string, extra: Partial<GenerateRequest> = {}): GenerateRequest => ({
  prompt,
  model: 'gpt-image-1-mini',
  variants: 1,
  inputs: [],
  parameters: { size: '1024x1024', quality: 'low', background: 'opaque', outputFormat: 'png', outputCompression: 100, moderation: 'auto' },
  ...extra,
});

function ofType<T extends HostToWebview['type']>(posts: readonly HostToWebview[], type: T): Array<Extract<HostToWebview, { type: T }>> {
  return posts.filter((post): post is Extract<HostToWebview, { type: T }> => post.type === type);
}

describe('Image Studio (real VS Code)', function () {
  this.timeout(40_000);
  const segmind = useFakeSegmind();
  let h: Harness;

  before(async () => {
    h = await harness();
  });

  afterEach(() => {
    StudioPanel.current?.close();
  });

  after(async () => {
    h.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('segmind.openStudio opens one "Image Studio" webview tab; opening again reveals it', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await executeCommand('segmind.openStudio');
    await until(() => studioTabs().length === 1, 'the Studio tab');
    const [tab] = studioTabs();
    assert.equal(tab?.label, 'Image Studio');
    assert.equal(tab?.isActive, true);

    await vscode.commands.executeCommand('workbench.action.files.newUntitledFile');
    await until(() => studioTabs()[0]?.isActive === false, 'another editor in front');
    await executeCommand('segmind.openStudio');
    await until(() => studioTabs()[0]?.isActive === true, 'the Studio revealed');
    assert.equal(studioTabs().length, 1, 'still one Studio');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('posts nothing before ready; after ready: init, jobs, history, gallery', async () => {
    const { studio, posts } = revive(h.deps);
    const before = posts.length;
    await studio.handleMessage({ type: 'ready' });
    assert.equal(before, 0, 'nothing was posted before ready');
    const types = posts.map((post) => post.type);
    for (const type of ['init', 'jobs', 'history', 'gallery'] as const) assert.ok(types.includes(type), `no ${type} after ready`);
    const [init] = ofType(posts, 'init');
    assert.deepEqual(
      init?.models.map((model) => model.slug),
      ['gpt-image-1', 'gpt-image-1-mini', 'gpt-image-2', 'gpt-image-1-edit'],
    );
    assert.ok(init?.models.find((model) => model.slug === 'gpt-image-2')?.sizes.includes('3840x2160'));
    assert.equal(init?.choices.maxVariants, 4);
    assert.deepEqual(init?.choices.outputFormats, ['png', 'jpeg', 'webp'], "the webview is sent the catalog's choices");
    const roots = (studio.panel.webview.options.localResourceRoots ?? []).map((uri) => uri.path);
    assert.deepEqual(roots, [
      `${vscode.Uri.file(repoRoot).path}/dist`,
      `${vscode.Uri.file(repoRoot).path}/media`,
      vscode.Uri.joinPath(workspaceFolder(), 'assets').path,
    ]);
  });

  it('a generate message runs a job and saves the file; jobs, history and gallery follow', async () => {
    const { studio, posts } = revive(h.deps);
    await studio.handleMessage({ type: 'ready' });
    await studio.handleMessage({ type: 'generate', request: request('A studio test lighthouse') });

    const saved = vscode.Uri.joinPath(workspaceFolder(), 'assets', 'a-studio-test-lighthouse.png');
    assert.ok((await vscode.workspace.fs.stat(saved)).size > 0);
    const sidecar = await readJson(saved.with({ path: `${saved.path}.json` }));
    assert.equal(sidecar['prompt'], 'A studio test lighthouse');
    assert.equal(sidecar['model'], 'gpt-image-1-mini');
    assert.deepEqual(sidecar['parameters'], request('').parameters);
    assert.equal(segmind.fake.requestsTo('api', 'POST', '/v2/gpt-image-1-mini').length, 1);

    assert.equal(ofType(posts, 'history').at(-1)?.entries[0]?.prompt, 'A studio test lighthouse');
    await until(
      () =>
        ofType(posts, 'jobs').some((message) => message.jobs.some((job) => job.state === 'saved' && job.savedPath === 'assets/a-studio-test-lighthouse.png')),
      'a saved job card',
    );
    const gallery = ofType(posts, 'gallery').at(-1);
    const item = gallery?.items.find((candidate) => candidate.path === 'assets/a-studio-test-lighthouse.png');
    assert.ok(item, 'the new image is in the gallery');
    assert.equal(gallery?.items[0]?.path, item.path, 'newest first');
    assert.equal(item.prompt, 'A studio test lighthouse');
    assert.match(item.src, /^https?:\/\/|^vscode-/, 'a webview URI');
    assert.match(ofType(posts, 'notice').at(-1)?.notice.text ?? '', /Saved assets\/a-studio-test-lighthouse\.png/);

    // Regenerate from the gallery reads the sidecar and runs the same settings again.
    await studio.handleMessage({ type: 'galleryAction', action: 'regenerate', uri: item.uri });
    assert.deepEqual(ofType(posts, 'restoreSettings').at(-1)?.settings.parameters, request('').parameters);
    assert.ok((await vscode.workspace.fs.stat(vscode.Uri.joinPath(workspaceFolder(), 'assets', 'a-studio-test-lighthouse-2.png'))).size > 0);
  });

  it('shows the project style under the prompt (init), sends it, and leaves it out when its box is unticked (style: false)', async () => {
    await setting('stylePrompt', 'flat vector, pastel palette');
    const { studio, posts } = revive(h.deps);
    await studio.handleMessage({ type: 'ready' });
    assert.equal(ofType(posts, 'init')[0]?.stylePrompt, 'flat vector, pastel palette');
    await studio.handleMessage({ type: 'generate', request: request('A styled studio kite') });
    await studio.handleMessage({ type: 'generate', request: request('A plain studio kite', { style: false }) });
    const prompts = segmind.fake.requestsTo('api', 'POST', '/v2/gpt-image-1-mini').map((submit) => (submit.body as { prompt?: string }).prompt);
    assert.deepEqual(prompts, ['A styled studio kite\n\nStyle: flat vector, pastel palette', 'A plain studio kite']);
  });

  it('"Exact size" and "Fit": the saved image has that size; a size out of range is a notice and sends nothing', async () => {
    const { studio, posts } = revive(h.deps);
    await studio.handleMessage({ type: 'ready' });
    await studio.handleMessage({ type: 'generate', request: request('A studio og card', { resize: '1200x630', fit: 'contain' }) });
    const saved = /Saved (assets\/a-studio-og-card[\w-]*\.png)/.exec(ofType(posts, 'notice').at(-1)?.notice.text ?? '');
    assert.ok(saved, ofType(posts, 'notice').at(-1)?.notice.text);
    const meta = await readJson(vscode.Uri.joinPath(workspaceFolder(), `${saved[1] ?? ''}.json`));
    assert.deepEqual([meta['resize'], meta['fit']], ['1200x630', 'contain']);
    assert.deepEqual((meta['image'] as { width: number; height: number }).width, 1200);
    assert.equal(ofType(posts, 'history').at(-1)?.entries[0]?.resize, '1200x630', 'the history keeps the exact size');

    // "Save to": exactly there.
    await studio.handleMessage({ type: 'generate', request: request('A studio favicon', { resize: '64x64', path: 'studio-out/mark.png' }) });
    const placed = vscode.Uri.joinPath(workspaceFolder(), 'studio-out', 'mark.png');
    try {
      assert.match(ofType(posts, 'notice').at(-1)?.notice.text ?? '', /Saved studio-out\/mark\.png/);
      assert.equal((await vscode.workspace.fs.stat(placed)).type, vscode.FileType.File);
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder(), 'studio-out'), { recursive: true, useTrash: false });
    }
    segmind.fake.reset({ apiKey: TEST_KEY, jobPlan: { durationMs: 200 } });
    await studio.handleMessage({ type: 'generate', request: request('x', { resize: '0x9' }) });
    assert.match(ofType(posts, 'notice').at(-1)?.notice.text ?? '', /each side from 1 to 4096/);
    assert.equal(segmind.fake.requests.length, 0);
  });

  it('ignores invalid messages; a refused prompt becomes a notice and sends nothing', async () => {
    const { studio, posts } = revive(h.deps);
    await studio.handleMessage({ type: 'ready' });
    const count = posts.length;
    await studio.handleMessage({ type: 'generate', request: { ...request('x'), model: 'DALL·E 3' } });
    await studio.handleMessage({ type: 'cancelJob', jobId: 'x', extra: true });
    await studio.handleMessage(JSON.parse('{"type":"ready","__proto__":{"polluted":1}}'));
    await studio.handleMessage({ type: 'galleryAction', action: 'open', uri: 'file:///etc/passwd' });
    assert.equal(posts.length, count, 'nothing answered');
    await studio.handleMessage({ type: 'generate', request: request('   ') });
    assert.match(ofType(posts, 'notice').at(-1)?.notice.text ?? '', /prompt is empty/i);
    await studio.handleMessage({
      type: 'generate',
      request: request('x', { model: 'gpt-image-1', parameters: { ...request('').parameters, size: '3840x2160' } }),
    });
    assert.match(ofType(posts, 'notice').at(-1)?.notice.text ?? '', /only available on gpt-image-2/);
    // A well-formed slug neither the catalog nor segmind.customModels knows: the plan refuses it, naming the models there are.
    await studio.handleMessage({ type: 'generate', request: { ...request('x'), model: 'dall-e-3' } });
    assert.match(ofType(posts, 'notice').at(-1)?.notice.text ?? '', /Unknown model "dall-e-3" \(choose gpt-image-1, gpt-image-1-mini, gpt-image-2\)/);
    assert.equal(segmind.fake.requests.length, 0);
  });

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

  it('segmind.dailySpendLimit: a generate that would pass it is a notice that names the limit, and sends nothing', async () => {
    await setting('dailySpendLimit', 0.001);
    const { studio, posts } = revive(h.deps);
    await studio.handleMessage({ type: 'ready' });
    await studio.handleMessage({ type: 'generate', request: request('Over the limit from the Studio', { variants: 2 }) });
    assert.match(ofType(posts, 'notice').at(-1)?.notice.text ?? '', /past your limit of < \$0\.01 \(segmind\.dailySpendLimit\)/);
    assert.equal(segmind.fake.requests.length, 0);
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

  it('cancel from a job card stops the job; its card says Segmind may still charge', async () => {
    const { studio, posts } = revive(h.deps);
    await studio.handleMessage({ type: 'ready' });
    segmind.fake.planNextJob({ durationMs: 30_000 });
    const running = studio.handleMessage({ type: 'generate', request: request('A job to cancel') });
    await until(() => ofType(posts, 'jobs').some((message) => message.jobs.some((job) => job.prompt === 'A job to cancel' && job.running)), 'a running card');
    const job = ofType(posts, 'jobs')
      .flatMap((message) => message.jobs)
      .find((candidate) => candidate.prompt === 'A job to cancel');
    assert.ok(job);
    await studio.handleMessage({ type: 'cancelJob', jobId: job.id });
    await running;
    await until(
      () =>
        ofType(posts, 'jobs')
          .at(-1)
          ?.jobs.find((candidate) => candidate.id === job.id)?.state === 'cancelled',
      'a cancelled card',
    );
    assert.match(
      ofType(posts, 'jobs')
        .at(-1)
        ?.jobs.find((candidate) => candidate.id === job.id)?.error ?? '',
      /may still finish the job and charge/,
    );
  });

  it('restores after a reload: the serializer revives a new panel, resets its options, and posts state after ready', async () => {
    let revived: StudioPanel | undefined;
    const serializer = new StudioSerializer((panel) => {
      revived = StudioPanel.revive(panel, h.deps);
      return Promise.resolve();
    });
    const panel = vscode.window.createWebviewPanel('segmind.studio', 'Image Studio (restored)', vscode.ViewColumn.Active, { enableScripts: false });
    await serializer.deserializeWebviewPanel(panel, { settings: undefined });
    assert.ok(revived);
    assert.equal(StudioPanel.current, revived);
    assert.equal(panel.webview.options.enableScripts, true, 'options reset on revive');
    assert.match(panel.webview.html, /Content-Security-Policy/);
    const posts: HostToWebview[] = [];
    revived.onDidPost((message) => posts.push(message));
    // The real webview says ready by itself once its script runs.
    await until(() => posts.some((message) => message.type === 'init'), 'init after the webview said ready', 15_000);
    await until(() => posts.some((message) => message.type === 'gallery'), 'the gallery after ready');
  });

  describe("run again from a sidecar (which may come from anyone's repository)", () => {
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
});
