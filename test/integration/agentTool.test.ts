/**
 * The agent tool as an agent calls it: vscode.lm.invokeTool in the real VS Code (code-server 1.139,
 * no Copilot needed), against the fake Segmind.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import sharp from 'sharp';
import { GenerateImageTool } from '../../src/agents/generateImageTool';
import { readBytes, TEST_KEY, useFakeSegmind, workspaceFolder } from './support/segmindFixture';
import { until } from '../support/conditions';
import { testServices } from './support/testServices';
import { executeCommand } from './support/commands';
import { remove } from './support/workspaceFiles';

const TOOL = 'segmind_generate_image';

async function invoke(input: Record<string, unknown>, token?: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
  return vscode.lm.invokeTool(TOOL, { input, toolInvocationToken: undefined }, token);
}

async function invokeError(input: Record<string, unknown>): Promise<string> {
  try {
    await invoke(input);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  assert.fail('expected the tool to fail');
}

function textOf(result: vscode.LanguageModelToolResult): string {
  return result.content
    .filter((part): part is vscode.LanguageModelTextPart => part instanceof vscode.LanguageModelTextPart)
    .map((part) => part.value)
    .join('\n');
}

describe('The agent tool segmind_generate_image (vscode.lm.invokeTool)', function () {
  const segmind = useFakeSegmind();

  after(async () => {
    await remove(vscode.Uri.joinPath(workspaceFolder(), 'web'));
  });

  it('is registered in vscode.lm.tools with the contributed schema', () => {
    const tool = vscode.lm.tools.find((candidate) => candidate.name === TOOL);
    assert.ok(tool, 'the tool is listed');
    assert.deepEqual((tool.inputSchema as { required?: string[] } | undefined)?.required, ['prompt']);
  });

  it('prepares its confirmation (model, count, cost, destination, the upload) and sends nothing', async () => {
    const services = await testServices('tool tests');
    try {
      const tool = new GenerateImageTool({
        flow: services.flow,
        logger: services.logger,
        spending: services.spending,
        calls: services.calls,
      });
      const prepared = await tool.prepareInvocation({ input: { prompt: 'Edit me', images: ['images/logo.png'], variants: 2, path: 'web/edited.png' } });
      const message = prepared.confirmationMessages?.message;
      const text = typeof message === 'string' ? message : (message?.value ?? '');
      assert.match(text, /gpt-image-1-edit · \*\*Images:\*\* 2/);
      assert.match(text, /for 2 images/);
      assert.match(text, /`web\/edited\.png`/);
      assert.match(text, /uploads\*\* `images\/logo\.png`/);
      assert.equal(segmind.fake.requests.length, 0);
    } finally {
      services.dispose();
    }
  });

  it('{ prompt, path: "web/og.png", resize: "1200x630" } saves exactly that file and answers with its path and size', async () => {
    const started = Date.now();
    const result = await invoke({ prompt: 'A hero image for a hiking blog', path: 'web/og.png', resize: '1200x630' });
    const text = textOf(result);
    assert.match(text, /web\/og\.png — 1200x630 PNG, gpt-image-1, request [\w-]+, cost 0\.04/);
    assert.match(text, /Markdown: !\[A hero image for a hiking blog\]\(web\/og\.png\)/);
    const meta = await sharp(Buffer.from(await readBytes(vscode.Uri.joinPath(workspaceFolder(), 'web', 'og.png')))).metadata();
    assert.deepEqual([meta.width, meta.height], [1200, 630]);
    // A preview image part, where this VS Code has LanguageModelDataPart (1.106+; code-server 1.139 has it).
    const preview = result.content.find((part) => !(part instanceof vscode.LanguageModelTextPart)) as { mimeType?: string; data?: Uint8Array } | undefined;
    assert.equal(preview?.mimeType, 'image/png');
    assert.ok(preview?.data && preview.data.length > 0 && preview.data.length < 1024 * 1024, `preview of ${preview?.data?.length} bytes`);
    const previewMeta = await sharp(Buffer.from(preview.data)).metadata();
    assert.ok(Math.max(previewMeta.width ?? 0, previewMeta.height ?? 0) <= 256);
    console.log(`      (invoke to answer: ${Date.now() - started} ms; preview ${preview.data.length} bytes)`);
  });

  it('edits with images: one upload, the edit model, the result listed', async () => {
    const text = textOf(await invoke({ prompt: 'Make the logo blue', images: ['images/logo.png'] }));
    assert.match(text, /assets\/logo-edit-\d{8}-\d{6}\.png — \d+x\d+ PNG, gpt-image-1-edit/);
    assert.equal(segmind.fake.requestsTo('upload', 'POST', '/upload-asset').length, 1);
    assert.equal(segmind.fake.requestsTo('api', 'POST', '/v2/gpt-image-1-edit').length, 1);
  });

  it('a refused size says the allowed sizes, and sends nothing', async () => {
    const message = await invokeError({ prompt: 'x', size: '3840x2160' });
    assert.match(message, /only available on gpt-image-2/);
    assert.match(message, /Allowed sizes for gpt-image-1: auto, 1024x1024, 1536x1024, 1024x1536/);
    assert.match(await invokeError({ prompt: '' }), /prompt/i);
    assert.match(await invokeError({ prompt: 'x', colour: 'blue' }), /colour|Unrecognized/i);
    assert.equal(segmind.fake.requests.length, 0);
  });

  it('without a key: asks the agent to ask the user to set one, and sends nothing', async () => {
    await executeCommand('segmind.clearApiKey');
    try {
      assert.match(await invokeError({ prompt: 'x' }), /ask the user to run "Segmind: Set API Key"/);
      assert.equal(segmind.fake.requests.length, 0);
    } finally {
      await executeCommand('segmind.setApiKey', TEST_KEY);
    }
  });

  it('a 422 gives the reason; a 406 the balance', async () => {
    segmind.fake.planNextJob({ outcome: 'FAILED', error: 'Rejected by the safety system' });
    assert.match(await invokeError({ prompt: 'x' }), /refused the job: Rejected by the safety system\. Change the prompt/);
    segmind.fake.options.credits = 0.01;
    assert.match(await invokeError({ prompt: 'x' }), /balance: 0\.01/i);
  });

  it('the cancellation token stops the job: it is not polled any more', async () => {
    segmind.fake.planNextJob({ durationMs: 30_000 });
    const source = new vscode.CancellationTokenSource();
    const pending = invoke({ prompt: 'Cancelled by the agent' }, source.token);
    await until(() => segmind.fake.requestsTo('api', 'GET').some((request) => request.path.endsWith('/status')), 'the first status poll');
    const cancelledId = [...segmind.fake.jobs.values()].find((job) => job.body['prompt'] === 'Cancelled by the agent')?.id;
    assert.ok(cancelledId);
    source.cancel();
    await assert.rejects(pending, /Cancel/);
    source.dispose();
    const requestsAtCancel = segmind.fake.requests.length;
    // Another call polled to its end spans several poll intervals: the cancelled job would show up by then.
    segmind.fake.planNextJob({ durationMs: 2_500 });
    await invoke({ prompt: 'After the cancel' });
    const later = segmind.fake.requests.slice(requestsAtCancel);
    assert.ok(later.filter((request) => request.path.endsWith('/status')).length >= 2);
    assert.equal(later.filter((request) => request.path.includes(cancelledId)).length, 0, 'the cancelled job is no longer polled');
  });
});

describe('The agent tool segmind_find_missing_images (vscode.lm.invokeTool)', function () {
  const segmind = useFakeSegmind();
  const FOLDER = 'find-tool';

  after(async () => {
    await remove(vscode.Uri.joinPath(workspaceFolder(), FOLDER));
  });

  it('is listed beside segmind_generate_image, and lists a page’s missing images as text and JSON, writing and sending nothing', async () => {
    assert.ok(vscode.lm.tools.some((tool) => tool.name === 'segmind_find_missing_images'));
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(workspaceFolder(), FOLDER, 'page.md'),
      new TextEncoder().encode('# Page\n\n![Chart of visits](img/chart.png)\n'),
    );
    const result = await vscode.lm.invokeTool('segmind_find_missing_images', { input: { scope: FOLDER }, toolInvocationToken: undefined });
    const [text, json] = result.content
      .filter((part): part is vscode.LanguageModelTextPart => part instanceof vscode.LanguageModelTextPart)
      .map((part) => part.value);
    assert.match(text ?? '', /find-tool\/img\/chart\.png/);
    const answer = JSON.parse(json ?? '{}') as { missing: unknown[]; elsewhere: unknown[]; next: string };
    assert.deepEqual(answer.missing, [
      { file: `${FOLDER}/page.md`, line: 3, reference: 'img/chart.png', target: `${FOLDER}/img/chart.png`, prompt: 'Chart of visits' },
    ]);
    assert.deepEqual(answer.elsewhere, [], 'nothing found at another path');
    assert.match(answer.next, /placeholder/, 'what to do next');
    assert.equal(segmind.fake.requests.length, 0);
    assert.equal(
      await Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(workspaceFolder(), FOLDER, 'img'))).then(
        () => true,
        () => false,
      ),
      false,
    );
  });

  it('says which files it could not read and why, never "no missing images" for them (a page over the size limit)', async () => {
    const big = `<img src="img/lost.png" alt="Lost">\n${'<p>filler</p>\n'.repeat(90_000)}`;
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(workspaceFolder(), FOLDER, 'large', 'huge.html'), new TextEncoder().encode(big));
    const result = await vscode.lm.invokeTool('segmind_find_missing_images', { input: { scope: `${FOLDER}/large` }, toolInvocationToken: undefined });
    const [text, json] = result.content
      .filter((part): part is vscode.LanguageModelTextPart => part instanceof vscode.LanguageModelTextPart)
      .map((part) => part.value);
    const answer = JSON.parse(json ?? '{}') as { missing: unknown[]; notRead?: { file: string; reason: string }[] };
    assert.deepEqual(answer.missing, []);
    assert.deepEqual(
      answer.notRead?.map((entry) => entry.file),
      [`${FOLDER}/large/huge.html`],
    );
    assert.match(answer.notRead?.[0]?.reason ?? '', /over the limit/);
    assert.match(text ?? '', /not read, so its images are unknown/);
    assert.doesNotMatch(text ?? '', /every image the code refers to exists/);
  });
});
