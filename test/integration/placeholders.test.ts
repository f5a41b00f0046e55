/**
 * Free placeholder art, and rendering it, in the real VS Code: Make Placeholder Image draws exactly
 * the size in the file's format (no key, nothing sent) and never overwrites; Render Placeholder with
 * AI replaces an unchanged placeholder in place and refuses one changed since or an image that is
 * not one; the agent tool's placeholder: true. Pixels are decoded; requests are counted at the fake.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readBytes, readJson, TEST_KEY, useFakeSegmind } from './support/segmindFixture';
import { executeCommand, refusal, scripted } from './support/commands';
import { folderFiles, remove, sizeOf } from './support/workspaceFiles';

const FOLDER = 'missing-it';
const { at } = folderFiles(FOLDER);
const { at: inWorkspace } = folderFiles();
const relative = (uri: vscode.Uri): string => vscode.workspace.asRelativePath(uri);

describe('Free placeholders (real VS Code)', function () {
  const segmind = useFakeSegmind();

  beforeEach(async () => {
    await vscode.workspace.fs.createDirectory(at());
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await remove(at());
    await remove(inWorkspace('assets'));
  });

  describe('Make Placeholder Image (scripted)', () => {
    it('draws exactly the size in the format of the extension, with a placeholder sidecar; no key, no request', async () => {
      await executeCommand('segmind.clearApiKey');
      try {
        const png = await scripted('segmind.makePlaceholder', {
          path: `${FOLDER}/cards/og.png`,
          size: '1200x630',
          prompt: 'A trail map',
        });
        assert.equal(relative(png), `${FOLDER}/cards/og.png`);
        assert.deepEqual(await sizeOf(png), ['png', 1200, 630]);
        const sidecar = await readJson(png.with({ path: `${png.path}.json` }));
        assert.equal(sidecar['placeholder'], true);
        assert.deepEqual(
          [sidecar['width'], sidecar['height'], sidecar['format'], sidecar['label'], sidecar['prompt']],
          [1200, 630, 'png', '1200 × 630', 'A trail map'],
        );
        const { createHash } = await import('node:crypto');
        assert.equal(
          sidecar['sha256'],
          createHash('sha256')
            .update(await readBytes(png))
            .digest('hex'),
        );

        const jpeg = await scripted('segmind.makePlaceholder', {
          path: `${FOLDER}/photo.jpeg`,
          size: '320x240',
          background: '#224466',
        });
        assert.equal(relative(jpeg), `${FOLDER}/photo.jpeg`, 'the extension as written');
        assert.deepEqual(await sizeOf(jpeg), ['jpeg', 320, 240]);
        const svg = await scripted('segmind.makePlaceholder', { path: `${FOLDER}/logo.svg`, size: '64x64' });
        assert.match(new TextDecoder().decode(await readBytes(svg)), /^<svg [^>]*width="64" height="64"/);
        const inOutput = await scripted('segmind.makePlaceholder', { size: '256x128' });
        assert.equal(relative(inOutput), 'assets/placeholder-256x128.png');
        assert.equal(segmind.fake.requests.length, 0, 'nothing sent');
      } finally {
        await executeCommand('segmind.setApiKey', TEST_KEY);
      }
    });

    it('never overwrites, and refuses a bad size, another extension, a path outside the workspace', async () => {
      const first = await scripted('segmind.makePlaceholder', { path: `${FOLDER}/twice.png`, size: '100x100' });
      const second = await scripted('segmind.makePlaceholder', { path: `${FOLDER}/twice.png`, size: '100x100' });
      assert.deepEqual([relative(first), relative(second)], [`${FOLDER}/twice.png`, `${FOLDER}/twice-2.png`]);
      assert.match(await refusal('segmind.makePlaceholder', { path: `${FOLDER}/a.png`, size: '0x10' }), /Size "0x10" is not a size/);
      assert.match(
        await refusal('segmind.makePlaceholder', { path: `${FOLDER}/a.bmp`, size: '100x100' }),
        /\.png, \.jpg, \.jpeg, \.webp, \.avif, \.gif, \.ico or \.svg/,
      );
      assert.match(
        await refusal('segmind.makePlaceholder', { path: '../outside.png', size: '100x100' }),
        /must be relative to the workspace folder and stay inside it/,
      );
    });
  });

  describe('Render Placeholder with AI', () => {
    it("replaces our unchanged placeholder in place: same path, format and size; the sidecar becomes a generated image's", async () => {
      const made = await scripted('segmind.makePlaceholder', {
        path: `${FOLDER}/render.webp`,
        size: '640x360',
        prompt: 'A lake at dawn',
      });
      const before = await readBytes(made);
      const rendered = await scripted('segmind.renderPlaceholder', {
        image: `${FOLDER}/render.webp`,
        model: 'gpt-image-1-mini',
      });
      assert.equal(rendered.toString(), made.toString());
      assert.deepEqual(await sizeOf(rendered), ['webp', 640, 360]);
      assert.notDeepEqual(await readBytes(rendered), before, "the bytes are the generated image's");
      const sidecar = await readJson(rendered.with({ path: `${rendered.path}.json` }));
      assert.equal(sidecar['placeholder'], undefined);
      assert.equal(sidecar['prompt'], 'A lake at dawn');
      const [submit] = segmind.fake.requestsTo('api', 'POST', '/v2/gpt-image-1-mini');
      assert.equal((submit?.body as { output_format?: string } | undefined)?.output_format, 'webp');
      const files = (await vscode.workspace.fs.readDirectory(at())).map(([name]) => name).sort();
      assert.deepEqual(files, ['render.webp', 'render.webp.json'], 'no second file');
    });

    it('refuses a placeholder changed since, and an image that is not a placeholder; nothing sent', async () => {
      const made = await scripted('segmind.makePlaceholder', { path: `${FOLDER}/changed.png`, size: '200x200', prompt: 'x' });
      await vscode.workspace.fs.copy(inWorkspace('images', 'logo.png'), made, { overwrite: true });
      assert.match(await refusal('segmind.renderPlaceholder', { image: `${FOLDER}/changed.png` }), /changed since it was made as a placeholder/);
      assert.match(await refusal('segmind.renderPlaceholder', { image: 'images/logo.png' }), /is not a placeholder made by Segmind Image Studio/);
      assert.equal(segmind.fake.requests.length, 0);
    });
  });

  describe('the agent tool', () => {
    it('placeholder: true draws a free placeholder at path, of the size resize; nothing sent', async () => {
      const result = await vscode.lm.invokeTool('segmind_generate_image', {
        input: { prompt: 'A cosy reading nook', path: `${FOLDER}/nook.png`, resize: '800x600', placeholder: true },
        toolInvocationToken: undefined,
      });
      const words = result.content
        .filter((part): part is vscode.LanguageModelTextPart => part instanceof vscode.LanguageModelTextPart)
        .map((part) => part.value)
        .join('\n');
      assert.match(words, /missing-it\/nook\.png — 800x600 PNG, a free placeholder/);
      assert.deepEqual(await sizeOf(at('nook.png')), ['png', 800, 600]);
      assert.equal((await readJson(at('nook.png.json')))['prompt'], 'A cosy reading nook');
      assert.equal(segmind.fake.requests.length, 0);
    });
  });
});
