/**
 * Repositories that cannot hurt you, in the real VS Code: documents written to freeze the finders do
 * not stall the extension host; fills resolve with every entry and write exactly the names the code
 * references (sizes from 1 px); Render Placeholder refuses a forged sidecar and a link before anything
 * is sent, and keeps the bytes it replaces. Each was a defect found by a review with probes of 0.3.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import sharp from 'sharp';
import { sha256Of } from '../../src/workspace/imageWriter';
import { ScriptedAsker } from '../../src/flow/scriptedAsker';
import { exists, readBytes, setting, useFakeSegmind } from './support/segmindFixture';
import { until } from '../support/conditions';
import { testServices } from './support/testServices';
import { hostQuiet } from '../support/hostQuiet';
import { refusal, scripted } from './support/commands';
import { folderFiles, remove, sizeOf } from './support/workspaceFiles';

const FOLDER = 'hostile-it';
const { at, write } = folderFiles(FOLDER);

describe('Repositories that cannot hurt you (real VS Code)', function () {
  const segmind = useFakeSegmind();
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'segmind-outside-'));

  beforeEach(async () => {
    await vscode.workspace.fs.createDirectory(at());
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await remove(at());
  });

  after(() => fs.rmSync(outside, { recursive: true, force: true }));

  it('reading a pathological stylesheet and Markdown file again never stalls the extension host for 500 ms', async () => {
    // 0.3 parsed these on the host's main thread: 5,000 quoted url() took 4.6 s, 98 KiB of `![a](` 2.4 s.
    // 5,000 references to an image that is there, then one that is not; 98 KiB of `![a](`, then a missing image.
    const image = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    await write('here.png', image);
    const css = await write('hostile.css', `${'a { background: url("here.png") }\n'.repeat(5_000)}.last { background: url("after-css.png") }\n`);
    const markdown = await write('hostile.md', `${'![a]('.repeat(20_000)}\n\n![after](after-md.png)\n`);
    const reported = (uri: vscode.Uri, name: string): boolean => vscode.languages.getDiagnostics(uri).some((diagnostic) => diagnostic.message.includes(name));
    for (const uri of [css, markdown]) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    await until(() => reported(markdown, 'after-md.png') && reported(css, 'after-css.png'), 'the missing images after the hostile text');
    // Measured once VS Code's own extensions are done with the new documents: a deleted image makes
    // the extension read every open document again, and nothing else of VS Code's.
    const trigger = await write('trigger.png', image);
    await hostQuiet();
    const readAgain = new Set<string>();
    const seen = vscode.languages.onDidChangeDiagnostics((event) => event.uris.forEach((uri) => readAgain.add(uri.toString())));
    const delay = monitorEventLoopDelay({ resolution: 20 });
    delay.enable();
    try {
      await vscode.workspace.fs.delete(trigger);
      await until(() => readAgain.has(css.toString()) && readAgain.has(markdown.toString()), 'both documents read again');
    } finally {
      delay.disable();
      seen.dispose();
    }
    assert.ok(reported(markdown, 'after-md.png') && reported(css, 'after-css.png'));
    const longestMs = delay.max / 1e6;
    assert.ok(longestMs < 500, `the longest stall was ${longestMs.toFixed(0)} ms`);
  });

  it('a fill resolves with every entry: what was made, and why each one that was not', async () => {
    // A folder that leads out of the workspace: the placeholder there is refused, the others are made.
    fs.symlinkSync(outside, at('away').fsPath);
    await write('page.html', '<img src="img/one.png" width="40" height="20"><img src="away/two.png"><img src="img/three.png" width="30" height="30">\n');
    const entries = await scripted('segmind.fillMissingImages', { scope: `${FOLDER}/page.html`, mode: 'placeholder' });
    assert.deepEqual(
      entries.map((entry) => [entry.target, entry.saved]),
      [
        [`${FOLDER}/img/one.png`, true],
        [`${FOLDER}/away/two.png`, false],
        [`${FOLDER}/img/three.png`, true],
      ],
      'one blocked target stopped the whole fill in 0.3, after the first and before the third',
    );
    assert.match(entries[1]?.error ?? '', /outside|stay inside|leads/);
    assert.equal(fs.readdirSync(outside).length, 0, 'nothing written outside the workspace');

    // Generate mode: the second job fails at Segmind; the first and third are still made and reported.
    await write(
      'gen.html',
      '<img src="gen/a.png" width="64" height="64"><img src="gen/b.png" width="64" height="64"><img src="gen/c.png" width="64" height="64">\n',
    );
    segmind.fake.planNextJob({ durationMs: 100 });
    segmind.fake.planNextJob({ outcome: 'FAILED', error: 'blocked by the safety system' });
    const generated = await scripted('segmind.fillMissingImages', {
      scope: `${FOLDER}/gen.html`,
      mode: 'generate',
      model: 'gpt-image-1-mini',
      quality: 'low',
    });
    assert.deepEqual(
      generated.map((entry) => [entry.target, entry.saved]),
      [
        [`${FOLDER}/gen/a.png`, true],
        [`${FOLDER}/gen/b.png`, false],
        [`${FOLDER}/gen/c.png`, true],
      ],
    );
    assert.match(generated[1]?.error ?? '', /blocked by the safety system/);
  });

  it('a generate fill that would pass the limit is refused as a whole, before anything is sent', async () => {
    await setting('dailySpendLimit', 0.1);
    await write('many.html', ['a', 'b', 'c'].map((name) => `<img src="many/${name}.png" width="64" height="64">`).join('\n'));
    // Three at gpt-image-1-mini high ($0.044 held each) pass $0.10 together, though each alone would not.
    const message = await refusal('segmind.fillMissingImages', { scope: `${FOLDER}/many.html`, mode: 'generate', model: 'gpt-image-1-mini', quality: 'high' });
    assert.match(message, /segmind\.dailySpendLimit/);
    assert.equal(segmind.fake.requests.length, 0);
    assert.equal(await exists(at('many')), false, 'in 0.3 two were made, and the call rejected without reporting them');
  });

  it('writes exactly the file the code references, and sizes from 1 px', async () => {
    const long = `${'a-very-long-name-'.repeat(8)}end.png`; // 139 characters: 0.3 cut it at 96
    const names = ['My..Logo.png', '.hero.png', 'trailing. .png', long];
    await write(
      'names.html',
      [...names.map((name) => `<img src="exact/${name}" width="12" height="12">`), '<img src="exact/dot.png" width="1" height="1">'].join('\n'),
    );
    const entries = await scripted('segmind.fillMissingImages', { scope: `${FOLDER}/names.html`, mode: 'placeholder' });
    assert.deepEqual(
      entries.map((entry) => [entry.target, entry.size, entry.saved, entry.error]),
      [...names, 'dot.png'].map((name) => [`${FOLDER}/exact/${name}`, name === 'dot.png' ? '1x1' : '12x12', true, undefined]),
    );
    for (const name of names) assert.deepEqual(await sizeOf(at('exact', name)), ['png', 12, 12], name);
    assert.deepEqual(await sizeOf(at('exact', 'dot.png')), ['png', 1, 1]);
    assert.deepEqual(
      await scripted('segmind.fillMissingImages', { scope: `${FOLDER}/names.html` }),
      [],
      'nothing is missing any more: every reference is filled',
    );
  });

  describe('Render Placeholder with AI trusts no sidecar', () => {
    it('a real 512×512 image with a forged sidecar (its real sha256, 16×16) is refused before anything is sent, and kept', async () => {
      const logo = await sharp({ create: { width: 512, height: 512, channels: 3, background: '#c0392b' } })
        .png()
        .toBuffer();
      const image = await write('brand/logo.png', logo);
      await write(
        'brand/logo.png.json',
        JSON.stringify({ placeholder: true, width: 16, height: 16, format: 'png', label: '16 × 16', sha256: sha256Of(logo), prompt: 'A logo' }),
      );
      assert.match(
        await refusal('segmind.renderPlaceholder', { image: `${FOLDER}/brand/logo.png` }),
        /is not the placeholder its sidecar describes \(16×16 png; the file is 512×512 png\)/,
      );
      assert.equal(segmind.fake.requests.length, 0);
      assert.deepEqual(Buffer.from(await readBytes(image)), logo, 'the logo is untouched');
    });

    it('a placeholder that is a link out of the workspace is refused before anything is sent (0.3 paid, then threw the image away)', async () => {
      const placeholder = await scripted('segmind.makePlaceholder', {
        path: `${FOLDER}/real.png`,
        size: '64x64',
        prompt: 'A fox',
      });
      const bytes = await readBytes(placeholder);
      fs.writeFileSync(path.join(outside, 'linked.png'), bytes);
      fs.symlinkSync(path.join(outside, 'linked.png'), at('linked.png').fsPath);
      await write('linked.png.json', new TextDecoder().decode(await readBytes(placeholder.with({ path: `${placeholder.path}.json` }))));
      assert.match(await refusal('segmind.renderPlaceholder', { image: `${FOLDER}/linked.png` }), /is a link, not a file/);
      assert.equal(segmind.fake.requests.length, 0);
    });

    it('the bytes it replaces are kept: in the trash, or (here, without one) in a backup the message names', async () => {
      const services = await testServices('render placeholder backup');
      try {
        const placeholder = await services.placeholders.make({ path: `${FOLDER}/keep.png`, size: '64x64', prompt: 'A heron' });
        const before = await readBytes(placeholder.uri);
        const result = await services.flow.run(
          {
            options: {
              prompt: 'A heron',
              path: `${FOLDER}/keep.png`,
              outputFormat: 'png',
              resize: '64x64',
              fit: 'cover',
              model: 'gpt-image-1-mini',
              quality: 'low',
            },
            origin: placeholder.uri,
            replaces: { sha256: placeholder.sha256 },
          },
          new ScriptedAsker(services.logger, 'render test'),
        );
        const saved = result.ran ? result.outcome.saved[0] : undefined;
        assert.equal(saved?.uri.toString(), placeholder.uri.toString(), 'replaced in place');
        const note = saved?.warnings.find((warning) => /placeholder it replaced/.test(warning)) ?? '';
        const kept = /kept at (.+) \(there is no trash here\)/.exec(note)?.[1];
        if (kept) assert.deepEqual(fs.readFileSync(kept), Buffer.from(before), 'the backup holds the placeholder');
        else assert.match(note, /in the trash/);
      } finally {
        services.dispose();
      }
    });
  });
});
