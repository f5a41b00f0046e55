/**
 * Fill Missing Images, scripted, in the real VS Code: the list (one entry per missing reference, in
 * file then line order; what VS Code's search leaves out left out; a repository's links to folders
 * not followed), placeholders at exactly the referenced path and size, one paid job per target, and
 * refusals before anything is read. Pixels are decoded; requests are counted at the fake.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readJson, useFakeSegmind } from './support/segmindFixture';
import { refusal, scripted } from './support/commands';
import { folderFiles, remove, sizeOf } from './support/workspaceFiles';

const FOLDER = 'missing-it';
const { at, write } = folderFiles(FOLDER);
const { at: inWorkspace } = folderFiles();

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

describe('Fill Missing Images (scripted, real VS Code)', function () {
  const segmind = useFakeSegmind();

  beforeEach(async () => {
    await vscode.workspace.fs.createDirectory(at());
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await remove(at());
    await remove(inWorkspace('assets'));
  });

  it('list: one entry per missing reference in file then line order, nothing written or sent', async () => {
    await write('hero.html', HERO_PAGE);
    await write('notes.md', '# Notes\n\n![Diagram](img/diagram.webp "The flow")\n\n`![no](img/in-code.png)`\n');
    const entries = await scripted('segmind.fillMissingImages', { scope: FOLDER });
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
    for (const [section, value] of exclusions) await vscode.workspace.getConfiguration(section).update('exclude', value, vscode.ConfigurationTarget.Workspace);
    try {
      const entries = await scripted('segmind.fillMissingImages', { scope: FOLDER });
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
      const entries = await scripted('segmind.fillMissingImages', { scope: FOLDER });
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
    const entries = await scripted('segmind.fillMissingImages', {
      scope: `${FOLDER}/hero.html`,
      mode: 'placeholder',
    });
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
    const again = await scripted('segmind.fillMissingImages', { scope: `${FOLDER}/hero.html` });
    assert.deepEqual(again, [], 'nothing is missing any more');
  });

  it('generate: one job per target, saved at exactly the path, in its format, fitted to the size the code gives (SVG left)', async () => {
    await write('hero.html', HERO_PAGE);
    const entries = await scripted('segmind.fillMissingImages', {
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
