/**
 * The MCP server as a coding agent uses it, in the real VS Code against the fake Segmind: the SDK's
 * own client starts it from the launch spec of Connect an Agent, in the workspace folder, with a
 * terminal's environment (no VSCODE_*, no SEGMIND_*), and every call runs in this window — its key,
 * its confinement, its spend ledger and the agent's limit. The channel that joins the server to
 * the window is tested in mcpWindowChannel.test.ts.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as os from 'node:os';
import sharp from 'sharp';
import { exists, keyHeader, readBytes, setting, TEST_KEY, useFakeSegmind, workspaceFolder } from './support/segmindFixture';
import { folderFiles, remove } from './support/workspaceFiles';
import { startAgent, textOf, windowServes, type Agent } from './support/mcpClient';

const FOLDER = 'mcp-agent';
const { at, write } = folderFiles(FOLDER);

interface Saved {
  path: string;
  width: number;
  height: number;
  format: string;
  model?: string;
  cost?: number;
  placeholder?: boolean;
  requestId?: string;
  markdown: string;
}

interface ImageAnswer {
  saved: Saved[];
  failed: { error: string; requestId?: string }[];
  warnings: string[];
}

describe('The MCP server, through this window (the SDK’s client over stdio)', function () {
  const segmind = useFakeSegmind();
  let agent: Agent;

  before(async () => {
    await windowServes(workspaceFolder());
    agent = await startAgent(workspaceFolder().fsPath);
  });

  after(async () => {
    await agent?.close();
    await remove(at());
  });

  it('lists generate_image, find_missing_images, fill_missing_images and check_credits', async () => {
    const { tools } = await agent.client.listTools();
    assert.deepEqual(
      tools.map((tool) => tool.name),
      ['generate_image', 'find_missing_images', 'fill_missing_images', 'check_credits'],
    );
    const generate = tools[0];
    assert.deepEqual(generate?.inputSchema.required, ['prompt']);
    for (const option of ['prompt', 'model', 'size', 'images', 'mask', 'path', 'resize', 'fit', 'placeholder', 'variants']) {
      assert.ok(generate?.inputSchema.properties && option in generate.inputSchema.properties, `generate_image takes ${option}`);
    }
  });

  it('generate_image with path and resize: the file at exactly that path and size, the text, a preview, the facts; one submit with this window’s key', async () => {
    const result = await agent.client.callTool({
      name: 'generate_image',
      arguments: { prompt: 'A hero image for a hiking blog', path: `${FOLDER}/og.png`, resize: '1200x630' },
    });
    assert.equal(result.isError, undefined, textOf(result));
    assert.match(textOf(result), new RegExp(`${FOLDER}/og\\.png — 1200x630 PNG, gpt-image-1, request [\\w-]+, cost 0\\.04`));
    const meta = await sharp(Buffer.from(await readBytes(at('og.png')))).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['png', 1200, 630]);
    const preview = (result.content as { type: string; data?: string; mimeType?: string }[]).find((block) => block.type === 'image');
    assert.equal(preview?.mimeType, 'image/png');
    const previewMeta = await sharp(Buffer.from(preview?.data ?? '', 'base64')).metadata();
    assert.equal(previewMeta.format, 'png');
    assert.ok(Math.max(previewMeta.width ?? 0, previewMeta.height ?? 0) <= 512, `preview ${previewMeta.width}x${previewMeta.height}`);
    const answer = result.structuredContent as ImageAnswer;
    const saved = answer.saved;
    assert.deepEqual(answer, {
      saved: [
        {
          path: `${FOLDER}/og.png`,
          width: 1200,
          height: 630,
          format: 'png',
          model: 'gpt-image-1',
          cost: saved[0]?.cost,
          requestId: saved[0]?.requestId,
          markdown: `![A hero image for a hiking blog](${FOLDER}/og.png)`,
        },
      ],
      failed: [],
      warnings: [],
    });
    assert.match(saved[0]?.requestId ?? '', /\w/, 'the request id');
    assert.equal(typeof saved[0]?.cost, 'number');
    const submits = segmind.fake.requestsTo('api', 'POST', '/v2/gpt-image-1');
    assert.equal(submits.length, 1);
    assert.equal(keyHeader(submits[0]?.headers ?? {}), TEST_KEY, 'the window’s key, from its SecretStorage');
  });

  it('generate_image with placeholder: a free image, drawn here, nothing sent', async () => {
    const result = await agent.client.callTool({
      name: 'generate_image',
      arguments: { prompt: 'Team photo', placeholder: true, path: `${FOLDER}/team.png`, resize: '320x200' },
    });
    assert.equal(result.isError, undefined, textOf(result));
    assert.deepEqual((result.structuredContent as ImageAnswer).saved, [
      { path: `${FOLDER}/team.png`, width: 320, height: 200, format: 'png', placeholder: true, markdown: `![Team photo](${FOLDER}/team.png)` },
    ]);
    const meta = await sharp(Buffer.from(await readBytes(at('team.png')))).metadata();
    assert.deepEqual([meta.width, meta.height], [320, 200]);
    assert.equal(segmind.fake.requests.length, 0);
  });

  it('find_missing_images lists what a page lacks; fill_missing_images makes it; both as structured entries', async () => {
    await write('site/index.html', '<img src="img/cover.png" width="400" height="300" alt="Cover">\n');
    const found = await agent.client.callTool({ name: 'find_missing_images', arguments: { scope: `${FOLDER}/site` } });
    assert.equal(found.isError, undefined, textOf(found));
    assert.deepEqual((found.structuredContent as { missing: unknown[] }).missing, [
      { file: `${FOLDER}/site/index.html`, line: 1, reference: 'img/cover.png', target: `${FOLDER}/site/img/cover.png`, size: '400x300', prompt: 'Cover' },
    ]);
    assert.match(textOf(found), /img\/cover\.png/);
    assert.match((found.structuredContent as { next?: string }).next ?? '', /fill_missing_images/, 'what to call next, where the model reads it');
    const filled = await agent.client.callTool({ name: 'fill_missing_images', arguments: { scope: `${FOLDER}/site`, mode: 'placeholder' } });
    assert.equal(filled.isError, undefined, textOf(filled));
    assert.equal((filled.structuredContent as { missing: { saved?: boolean }[] }).missing[0]?.saved, true);
    assert.deepEqual((filled.structuredContent as ImageAnswer).saved, [
      { path: `${FOLDER}/site/img/cover.png`, width: 400, height: 300, format: 'png', placeholder: true, markdown: `![Cover](${FOLDER}/site/img/cover.png)` },
    ]);
    const meta = await sharp(Buffer.from(await readBytes(at('site', 'img', 'cover.png')))).metadata();
    assert.deepEqual([meta.width, meta.height], [400, 300]);
    assert.equal(segmind.fake.requests.length, 0);
  });

  it('check_credits: the balance, today’s spend and the limits', async () => {
    segmind.fake.options.credits = 12.5;
    const result = await agent.client.callTool({ name: 'check_credits', arguments: {} });
    assert.equal(result.isError, undefined, textOf(result));
    const facts = result.structuredContent as Record<string, number>;
    assert.equal(facts['credits'], 12.5);
    assert.equal(facts['agentDailySpendLimit'], 2);
    assert.ok((facts['agentSpend'] ?? -1) >= 0.04, 'the generate above counts as the agent’s');
    assert.match(textOf(result), /Segmind credits: 12\.5\./);
  });

  it('refusals are isError results that say what to change, and send nothing: the agent’s limit, a path out of the workspace, a bad option', async () => {
    await setting('agentDailySpendLimit', 0.001);
    const limited = await agent.client.callTool({ name: 'generate_image', arguments: { prompt: 'Over the agent limit' } });
    assert.equal(limited.isError, true);
    assert.match(textOf(limited), /Refused before anything was sent.*ask the user to raise segmind\.agentDailySpendLimit/);
    await setting('agentDailySpendLimit', undefined);
    const outside = await agent.client.callTool({ name: 'generate_image', arguments: { prompt: 'Escape', path: '../outside.png' } });
    assert.equal(outside.isError, true);
    assert.match(textOf(outside), /outside|workspace/i);
    const invalid = await agent.client.callTool({ name: 'generate_image', arguments: { prompt: 'x', size: '3840x2160' } });
    assert.equal(invalid.isError, true);
    assert.match(textOf(invalid), /only available on gpt-image-2/);
    assert.equal(segmind.fake.requests.length, 0);
    assert.equal(await exists(vscode.Uri.joinPath(workspaceFolder(), '..', 'outside.png')), false);
  });

  it('one variant of two rejected: the saved one and the failure (with its request id) are both in structuredContent', async () => {
    segmind.fake.planNextJob({});
    segmind.fake.planNextJob({ outcome: 'FAILED', error: 'rejected by the safety system' });
    const result = await agent.client.callTool({ name: 'generate_image', arguments: { prompt: 'Two foxes', variants: 2, path: `${FOLDER}/fox.png` } });
    assert.equal(result.isError, undefined, textOf(result));
    const answer = result.structuredContent as ImageAnswer;
    assert.equal(answer.saved.length, 1);
    assert.equal(answer.failed.length, 1);
    assert.match(answer.failed[0]?.error ?? '', /rejected by the safety system/);
    assert.match(answer.failed[0]?.requestId ?? '', /\w/);
    assert.match(textOf(result), /One image failed: .*rejected by the safety system/);
  });

  it('a transparency the model ignored is a warning in structuredContent, as in the text', async () => {
    segmind.fake.planNextJob({ ignoreTransparency: true });
    const result = await agent.client.callTool({
      name: 'generate_image',
      arguments: { prompt: 'A logo', background: 'transparent', path: `${FOLDER}/logo.png` },
    });
    assert.equal(result.isError, undefined, textOf(result));
    const answer = result.structuredContent as ImageAnswer;
    assert.match(answer.warnings.join('\n'), /no transparent pixels/);
    assert.match(textOf(result), /Warning: .*no transparent pixels/);
  });

  it('a 30,000-character non-ASCII prompt crosses the channel intact', async () => {
    const prompt = '富士山の夜明け、静かな湖に映る🗻。'.repeat(1_765).slice(0, 30_000);
    const result = await agent.client.callTool({ name: 'generate_image', arguments: { prompt, path: `${FOLDER}/fuji.png` } });
    assert.equal(result.isError, undefined, textOf(result));
    const submits = segmind.fake.requestsTo('api', 'POST', '/v2/gpt-image-1');
    const sent = String((submits.at(-1)?.body as { prompt?: unknown } | undefined)?.prompt);
    assert.ok(sent.startsWith(prompt), 'the prompt as written');
    assert.equal(sent.includes('\uFFFD'), false);
  });

  it('progress while a job runs, when the call asks for it', async () => {
    segmind.fake.planNextJob({ durationMs: 1_500 });
    const messages: string[] = [];
    const result = await agent.client.callTool(
      { name: 'generate_image', arguments: { prompt: 'Slow', path: `${FOLDER}/slow.png` } },
      { onprogress: (progress) => messages.push(progress.message ?? '') },
    );
    assert.equal(result.isError, undefined, textOf(result));
    assert.ok(
      messages.some((message) => /^(queued|processing) \d+:\d\d$/.test(message)),
      messages.join(' | '),
    );
  });

  it('a scope that does not exist: a sentence that says what to pass, no path of this machine', async () => {
    const result = await agent.client.callTool({ name: 'find_missing_images', arguments: { scope: 'nowhere' } });
    assert.equal(result.isError, true);
    assert.match(textOf(result), /The scope "nowhere" is not a file or folder of the workspace: pass a file or folder relative to your working directory/);
    assert.equal(textOf(result).includes(os.homedir()), false);
    assert.doesNotMatch(textOf(result), /ENOENT|\/home\/|\/tmp\//);
  });

  it('an agent started in a subfolder: its paths resolve there, and its answer names them from there', async () => {
    const sub = at('packages', 'site');
    await vscode.workspace.fs.createDirectory(sub);
    const inner = await startAgent(sub.fsPath);
    try {
      const result = await inner.client.callTool({
        name: 'generate_image',
        arguments: { prompt: 'OG', placeholder: true, path: 'public/og.png', resize: '120x63' },
      });
      assert.equal(result.isError, undefined, textOf(result));
      assert.equal((result.structuredContent as ImageAnswer).saved[0]?.path, 'public/og.png');
      assert.ok(await exists(at('packages', 'site', 'public', 'og.png')), 'written under the agent’s folder');
      const out = await inner.client.callTool({ name: 'generate_image', arguments: { prompt: 'x', placeholder: true, path: '../../../../x.png' } });
      assert.equal(out.isError, true);
      assert.match(textOf(out), /leads out of the workspace folder/);
    } finally {
      await inner.close();
    }
  });
});
