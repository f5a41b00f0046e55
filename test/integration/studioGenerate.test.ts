/**
 * A generate from the Image Studio, in the real host, through the message the webview sends: the job
 * runs and its file is saved, with jobs, history and gallery following; the project style, an exact
 * size, a fit and a "Save to" path are honoured; invalid messages, refused prompts and the daily
 * spend limit send nothing; cancel from a job card stops the job.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readJson, setting, TEST_KEY, useFakeSegmind, workspaceFolder } from './support/segmindFixture';
import { until } from '../support/conditions';
import { ofType, request, revive, useStudioHarness } from './support/studioHarness';

describe('Image Studio: generating (real VS Code)', function () {
  const segmind = useFakeSegmind();
  const h = useStudioHarness();

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

  it('segmind.dailySpendLimit: a generate that would pass it is a notice that names the limit, and sends nothing', async () => {
    await setting('dailySpendLimit', 0.001);
    const { studio, posts } = revive(h.deps);
    await studio.handleMessage({ type: 'ready' });
    await studio.handleMessage({ type: 'generate', request: request('Over the limit from the Studio', { variants: 2 }) });
    assert.match(ofType(posts, 'notice').at(-1)?.notice.text ?? '', /past your limit of < \$0\.01 \(segmind\.dailySpendLimit\)/);
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
});
