/**
 * Repositories that cannot hurt you, round 2, in the real VS Code: a `scope` is confined like a path
 * (a link that leads out of the workspace folder is refused with a sentence, not walked: a link to /
 * read the whole disk; a FIFO is neither a file nor a folder), and a set is bounded: an element that
 * asks for more files than a set may have is refused before anything is sent (one <img> of 74 KB
 * asked for 5,001 files at 4096 × 4096 from one paid render).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { useFakeSegmind } from './support/segmindFixture';
import { refusal, scripted } from './support/commands';
import { folderFiles, remove } from './support/workspaceFiles';

const FOLDER = 'hostile2-it';
const { at } = folderFiles(FOLDER);

describe('Repositories that cannot hurt you, round 2 (real VS Code)', function () {
  const segmind = useFakeSegmind();
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'segmind-outside2-'));

  before(async () => {
    await vscode.workspace.fs.createDirectory(at());
    fs.writeFileSync(path.join(outside, 'page.html'), '<img src="img/from-outside.png" alt="Outside">\n');
  });

  after(async () => {
    await remove(at());
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('a scope that is a link out of the workspace folder is refused with a sentence, and nothing outside is read', async () => {
    fs.symlinkSync(outside, at('out-link').fsPath, 'dir');
    fs.symlinkSync(path.join(outside, 'page.html'), at('page-link.html').fsPath, 'file');
    for (const scope of [`${FOLDER}/out-link`, `${FOLDER}/page-link.html`]) {
      const words = await refusal('segmind.fillMissingImages', { scope });
      assert.match(words, /leads outside its workspace folder/, words);
      assert.doesNotMatch(words, /from-outside/);
    }
    const tool = await Promise.resolve(
      vscode.lm.invokeTool('segmind_find_missing_images', { input: { scope: `${FOLDER}/out-link` }, toolInvocationToken: undefined }),
    ).then(
      () => 'answered',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    assert.match(tool, /leads outside its workspace folder/, 'the agents get the same sentence');
    assert.ok(!tool.includes(outside), 'with no absolute path of the machine');
    assert.equal(segmind.fake.requests.length, 0);
  });

  it('a scope that is a FIFO is neither a file nor a folder: refused, never opened', async function () {
    if (process.platform === 'win32') this.skip();
    const fifo = at('pipe.html').fsPath;
    execFileSync('mkfifo', [fifo]);
    const words = await refusal('segmind.fillMissingImages', { scope: `${FOLDER}/pipe.html` });
    assert.match(words, /is not a file or folder of the workspace/, words);
  });

  it('an element that asks for 40 files is refused before anything is sent, as placeholders and as a paid render', async () => {
    const candidates = Array.from({ length: 39 }, (_, i) => `img/set-${i}.png ${i + 2}x`).join(', ');
    await vscode.workspace.fs.writeFile(
      at('set', 'index.html'),
      new TextEncoder().encode(`<img src="img/set.png" srcset="${candidates}" width="40" height="30" alt="A set">\n`),
    );
    const scope = `${FOLDER}/set`;
    const listed = await scripted('segmind.fillMissingImages', { scope });
    assert.equal(listed.length, 40, 'listed, as they are missing');
    for (const mode of ['placeholder', 'generate']) {
      const entries = await scripted('segmind.fillMissingImages', { scope, mode });
      assert.equal(entries.length, 40);
      assert.ok(
        entries.every((entry) => entry.saved === false && /asks for 40 files; a set makes at most 32/.test(entry.error ?? '')),
        `${mode}: ${JSON.stringify(entries.slice(0, 2))}`,
      );
    }
    assert.equal(segmind.fake.requests.length, 0, 'nothing sent');
    const made = await Promise.resolve(vscode.workspace.fs.stat(at('set', 'img'))).then(
      () => true,
      () => false,
    );
    assert.equal(made, false, 'no file written');
  });

  it('a site configuration the watcher never told of is read when the next scan starts', async () => {
    const find = async (): Promise<{ elsewhere: { reference: string }[]; missing: unknown[] }> => {
      const result = await vscode.lm.invokeTool('segmind_find_missing_images', { input: { scope: `${FOLDER}/unseen` }, toolInvocationToken: undefined });
      const json = result.content.filter((part): part is vscode.LanguageModelTextPart => part instanceof vscode.LanguageModelTextPart)[1]?.value;
      return JSON.parse(json ?? '{}') as { elsewhere: { reference: string }[]; missing: unknown[] };
    };
    // Nothing of this folder reaches the extension through the file watcher (a creation it misses).
    const files = vscode.workspace.getConfiguration('files');
    await files.update(
      'watcherExclude',
      { ...files.get<Record<string, boolean>>('watcherExclude'), [`**/${FOLDER}/unseen/**`]: true },
      vscode.ConfigurationTarget.Workspace,
    );
    try {
      const unseen = at('unseen').fsPath;
      fs.mkdirSync(path.join(unseen, 'assets'), { recursive: true });
      fs.writeFileSync(path.join(unseen, 'assets', 'logo.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
      fs.writeFileSync(path.join(unseen, 'index.html'), '<img src="/logo.png" alt="Logo">\n');
      assert.deepEqual(
        (await find()).elsewhere.map((entry) => entry.reference),
        ['/logo.png'],
        'without a site, /logo.png is looked for at the root and found elsewhere',
      );
      fs.writeFileSync(path.join(unseen, 'vite.config.js'), "export default { publicDir: 'assets' };\n");
      const after = await find();
      assert.deepEqual([after.missing, after.elsewhere], [[], []], 'the Vite app serves assets/ at /: the logo is there');
    } finally {
      await files.update('watcherExclude', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
