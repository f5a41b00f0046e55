/**
 * Placeholder art where the code asks for it, in the real VS Code: Make Placeholder Image, Fill
 * Missing Images in its three modes, the diagnostics appearing and going, the quick fixes offered
 * (vscode.executeCodeActionProvider) and run, Render Placeholder with AI replacing and refusing,
 * and the agent tool's placeholder: true. Pixels are decoded; requests are counted at the fake.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readBytes, readJson, setting, TEST_KEY, useFakeSegmind } from './support/segmindFixture';
import { until } from '../support/conditions';
import { executeCommand, refusal } from './support/commands';
import { folderFiles, sizeOf } from './support/workspaceFiles';

const FOLDER = 'missing-it';
const { at, write } = folderFiles(FOLDER);
const { at: inWorkspace } = folderFiles();
const relative = (uri: vscode.Uri): string => vscode.workspace.asRelativePath(uri);

async function command<T>(id: string, ...args: unknown[]): Promise<T> {
  return vscode.commands.executeCommand<T>(id, ...args);
}

const missingDiagnostics = (uri: vscode.Uri): vscode.Diagnostic[] =>
  vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Segmind' && diagnostic.code === 'missing-image');

const HERO_PAGE = `<!doctype html>
<html><body>
  <!-- <img src="img/commented.png"> -->
  <img src="img/hero.png" width="1200" height="630" alt="Mountain trail at sunrise">
  <img src="img/hero.png" alt="The same hero again">
  <img src="img/team-photo.jpeg" width="320" height="240">
  <img src="img/icon.svg" width="64" height="64" alt="An icon">
  <img src="https://example.com/remote.png">
  <img src="../../outside.png">
</body></html>
`;

describe('Missing images and free placeholders (real VS Code)', function () {
  this.timeout(60_000);
  const segmind = useFakeSegmind();

  beforeEach(async () => {
    await vscode.workspace.fs.createDirectory(at());
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(at(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(inWorkspace('assets'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  describe('Make Placeholder Image (scripted)', () => {
    it('draws exactly the size in the format of the extension, with a placeholder sidecar; no key, no request', async () => {
      await executeCommand('segmind.clearApiKey');
      try {
        const png = await command<vscode.Uri>('segmind.makePlaceholder', { path: `${FOLDER}/cards/og.png`, size: '1200x630', prompt: 'A trail map' });
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

        const jpeg = await command<vscode.Uri>('segmind.makePlaceholder', { path: `${FOLDER}/photo.jpeg`, size: '320x240', background: '#224466' });
        assert.equal(relative(jpeg), `${FOLDER}/photo.jpeg`, 'the extension as written');
        assert.deepEqual(await sizeOf(jpeg), ['jpeg', 320, 240]);
        const svg = await command<vscode.Uri>('segmind.makePlaceholder', { path: `${FOLDER}/logo.svg`, size: '64x64' });
        assert.match(new TextDecoder().decode(await readBytes(svg)), /^<svg [^>]*width="64" height="64"/);
        const inOutput = await command<vscode.Uri>('segmind.makePlaceholder', { size: '256x128' });
        assert.equal(relative(inOutput), 'assets/placeholder-256x128.png');
        assert.equal(segmind.fake.requests.length, 0, 'nothing sent');
      } finally {
        await executeCommand('segmind.setApiKey', TEST_KEY);
      }
    });

    it('never overwrites, and refuses a bad size, another extension, a path outside the workspace', async () => {
      const first = await command<vscode.Uri>('segmind.makePlaceholder', { path: `${FOLDER}/twice.png`, size: '100x100' });
      const second = await command<vscode.Uri>('segmind.makePlaceholder', { path: `${FOLDER}/twice.png`, size: '100x100' });
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

  describe('Fill Missing Images (scripted)', () => {
    it('list: one entry per missing reference in file then line order, nothing written or sent', async () => {
      await write('hero.html', HERO_PAGE);
      await write('notes.md', '# Notes\n\n![Diagram](img/diagram.webp "The flow")\n\n`![no](img/in-code.png)`\n');
      const entries = await command<Record<string, unknown>[]>('segmind.fillMissingImages', { scope: FOLDER });
      assert.deepEqual(entries, [
        {
          file: `${FOLDER}/hero.html`,
          line: 4,
          reference: 'img/hero.png',
          target: `${FOLDER}/img/hero.png`,
          size: '1200x630',
          prompt: 'Mountain trail at sunrise',
        },
        { file: `${FOLDER}/hero.html`, line: 5, reference: 'img/hero.png', target: `${FOLDER}/img/hero.png`, prompt: 'The same hero again' },
        {
          file: `${FOLDER}/hero.html`,
          line: 6,
          reference: 'img/team-photo.jpeg',
          target: `${FOLDER}/img/team-photo.jpeg`,
          size: '320x240',
          prompt: 'team photo',
        },
        { file: `${FOLDER}/hero.html`, line: 7, reference: 'img/icon.svg', target: `${FOLDER}/img/icon.svg`, size: '64x64', prompt: 'An icon' },
        { file: `${FOLDER}/notes.md`, line: 3, reference: 'img/diagram.webp', target: `${FOLDER}/img/diagram.webp`, prompt: 'Diagram' },
      ]);
      assert.equal(
        await vscode.workspace.fs.stat(at('img')).then(
          () => true,
          () => false,
        ),
        false,
        'nothing written',
      );
      assert.equal(segmind.fake.requests.length, 0);
    });

    it("list: leaves out node_modules, .git and what files.exclude and search.exclude exclude, as VS Code's search does", async () => {
      await write('index.html', '<img src="img/kept.png">');
      for (const folder of ['node_modules/dep', '.git/info', 'build', 'deep/generated/pages']) {
        await write(`${folder}/page.html`, '<img src="img/never.png">');
      }
      const exclusions: [string, Record<string, boolean>][] = [
        ['files', { '**/build': true }],
        ['search', { '**/generated/**': true }],
      ];
      for (const [section, value] of exclusions)
        await vscode.workspace.getConfiguration(section).update('exclude', value, vscode.ConfigurationTarget.Workspace);
      try {
        const entries = await command<Record<string, unknown>[]>('segmind.fillMissingImages', { scope: FOLDER });
        assert.deepEqual(
          entries.map((entry) => entry['file']),
          [`${FOLDER}/index.html`],
        );
      } finally {
        for (const [section] of exclusions) await vscode.workspace.getConfiguration(section).update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });

    it("list: does not follow a repository's link to a folder, which can point anywhere (a link to / walked the whole disk)", async () => {
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'segmind-linked-'));
      try {
        fs.writeFileSync(path.join(outside, 'far.html'), '<img src="img/far-away.png">');
        await write('index.html', '<img src="img/kept.png">');
        fs.symlinkSync(outside, at('linked').fsPath, 'dir');
        fs.symlinkSync(at().fsPath, at('loop').fsPath, 'dir');
        const entries = await command<Record<string, unknown>[]>('segmind.fillMissingImages', { scope: FOLDER });
        assert.deepEqual(
          entries.map((entry) => entry['file']),
          [`${FOLDER}/index.html`],
        );
      } finally {
        for (const link of ['linked', 'loop']) fs.unlinkSync(at(link).fsPath);
        fs.rmSync(outside, { recursive: true, force: true });
      }
    });

    it('placeholder: one image per target at exactly the referenced path and size; nothing sent', async () => {
      await write('hero.html', HERO_PAGE);
      const entries = await command<{ target: string; saved?: boolean }[]>('segmind.fillMissingImages', { scope: `${FOLDER}/hero.html`, mode: 'placeholder' });
      assert.deepEqual(
        entries.map((entry) => [entry.target, entry.saved]),
        [
          [`${FOLDER}/img/hero.png`, true],
          [`${FOLDER}/img/hero.png`, false],
          [`${FOLDER}/img/team-photo.jpeg`, true],
          [`${FOLDER}/img/icon.svg`, true],
        ],
      );
      assert.deepEqual(await sizeOf(at('img', 'hero.png')), ['png', 1200, 630]);
      assert.deepEqual(await sizeOf(at('img', 'team-photo.jpeg')), ['jpeg', 320, 240]);
      assert.equal((await readJson(at('img', 'hero.png.json')))['prompt'], 'Mountain trail at sunrise');
      assert.equal(segmind.fake.requests.length, 0);
      const again = await command<unknown[]>('segmind.fillMissingImages', { scope: `${FOLDER}/hero.html` });
      assert.deepEqual(again, [], 'nothing is missing any more');
    });

    it('generate: one job per target, saved at exactly the path, in its format, fitted to the size the code gives (SVG left)', async () => {
      await write('hero.html', HERO_PAGE);
      const entries = await command<{ target: string; saved?: boolean }[]>('segmind.fillMissingImages', {
        scope: `${FOLDER}/hero.html`,
        mode: 'generate',
        model: 'gpt-image-1-mini',
        quality: 'low',
      });
      assert.deepEqual(
        entries.map((entry) => [entry.target, entry.saved]),
        [
          [`${FOLDER}/img/hero.png`, true],
          [`${FOLDER}/img/hero.png`, false],
          [`${FOLDER}/img/team-photo.jpeg`, true],
          [`${FOLDER}/img/icon.svg`, false],
        ],
      );
      const submits = segmind.fake.requestsTo('api', 'POST', '/v2/gpt-image-1-mini');
      assert.equal(submits.length, 2, 'one job per target');
      assert.deepEqual(
        submits
          .map((request) => request.body as { prompt?: string; output_format?: string; quality?: string })
          .map((body) => [body.prompt, body.output_format, body.quality]),
        [
          ['Mountain trail at sunrise', 'png', 'low'],
          ['team photo', 'jpeg', 'low'],
        ],
      );
      assert.deepEqual(await sizeOf(at('img', 'hero.png')), ['png', 1200, 630]);
      assert.deepEqual(await sizeOf(at('img', 'team-photo.jpeg')), ['jpeg', 320, 240]);
    });

    it('refuses an unknown mode or a scope outside the workspace, before anything is read', async () => {
      assert.match(await refusal('segmind.fillMissingImages', { mode: 'all' }), /Mode "all" is not one of list, placeholder, generate/);
      assert.match(await refusal('segmind.fillMissingImages', { scope: vscode.Uri.file('/tmp') }), /is not a file or folder of the workspace/);
    });
  });

  describe('diagnostics and quick fixes', () => {
    it('reports a missing image with its range and size, and clears it when the file appears, whatever made it', async () => {
      const uri = await write('report.html', '<img src="img/report.png" width="400" height="200" alt="A report">\n');
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      await until(() => missingDiagnostics(uri).length === 1, 'the diagnostic');
      const [diagnostic] = missingDiagnostics(uri);
      assert.equal(document.getText(diagnostic?.range), 'img/report.png');
      assert.equal(diagnostic?.severity, vscode.DiagnosticSeverity.Information);
      assert.match(diagnostic?.message ?? '', /missing-it\/img\/report\.png \(400 × 200\)/);
      // Another tool makes the file: the squiggle goes.
      await vscode.workspace.fs.createDirectory(at('img'));
      await vscode.workspace.fs.copy(inWorkspace('images', 'logo.png'), at('img', 'report.png'));
      await until(() => missingDiagnostics(uri).length === 0, 'the diagnostic cleared by the watcher');
    });

    it('follows typing, and segmind.missingImages.report sets the severity (off reports nothing)', async () => {
      const uri = await write('typing.md', '# Typing\n');
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), '\n![Chart](img/chart.png)\n'));
      await until(() => missingDiagnostics(uri).length === 1, 'the diagnostic after typing');
      await setting('missingImages.report', 'warning');
      await until(() => missingDiagnostics(uri)[0]?.severity === vscode.DiagnosticSeverity.Warning, 'a warning');
      await setting('missingImages.report', 'off');
      await until(() => missingDiagnostics(uri).length === 0, 'nothing when off');
    });

    it('offers the three quick fixes; "Make a free placeholder" makes the file at the path and size, and the squiggle goes', async () => {
      const uri = await write('fixes.html', '<img src="img/a.png" width="300" height="150" alt="A">\n<img src="img/b.webp" alt="B">\n<img src="img/c.svg">\n');
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      await until(() => missingDiagnostics(uri).length === 3, 'three diagnostics');
      const [first] = missingDiagnostics(uri);
      const actions = await command<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, first?.range, vscode.CodeActionKind.QuickFix.value);
      const titles = actions.map((action) => action.title);
      for (const title of ['Generate a.png with Segmind…', 'Make a free placeholder for a.png', 'Fill all 3 missing images in this file…'])
        assert.ok(titles.includes(title), `${title} in ${titles.join(' | ')}`);
      const svgRange = missingDiagnostics(uri)[2]?.range;
      const svgTitles = (await command<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, svgRange, vscode.CodeActionKind.QuickFix.value)).map(
        (action) => action.title,
      );
      assert.ok(!svgTitles.some((title) => title.startsWith('Generate')), 'no generate for .svg');
      assert.ok(svgTitles.includes('Make a free placeholder for c.svg'));

      const placeholder = actions.find((action) => action.title === 'Make a free placeholder for a.png');
      assert.ok(placeholder?.command);
      const made = await command<vscode.Uri>(placeholder.command.command, ...((placeholder.command.arguments ?? []) as unknown[]));
      assert.equal(relative(made), `${FOLDER}/img/a.png`);
      assert.deepEqual(await sizeOf(made), ['png', 300, 150]);
      await until(() => missingDiagnostics(uri).length === 2, 'a.png no longer reported');
      assert.equal(segmind.fake.requests.length, 0);
    });
  });

  describe('Render Placeholder with AI', () => {
    it("replaces our unchanged placeholder in place: same path, format and size; the sidecar becomes a generated image's", async () => {
      const made = await command<vscode.Uri>('segmind.makePlaceholder', { path: `${FOLDER}/render.webp`, size: '640x360', prompt: 'A lake at dawn' });
      const before = await readBytes(made);
      const rendered = await command<vscode.Uri>('segmind.renderPlaceholder', { image: `${FOLDER}/render.webp`, model: 'gpt-image-1-mini' });
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
      const made = await command<vscode.Uri>('segmind.makePlaceholder', { path: `${FOLDER}/changed.png`, size: '200x200', prompt: 'x' });
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
