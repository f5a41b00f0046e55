/**
 * Missing means missing, in the real VS Code: two sites side by side (a Docusaurus site whose docs are
 * in ../docs, a Vite app with its own publicDir), their diagnostics and Fill Missing Images agreeing
 * on what is missing and where it goes, and an edit of a configuration changing the answer.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { useFakeSegmind } from './support/segmindFixture';
import { until } from '../support/conditions';
import { scripted } from './support/commands';
import { folderFiles, remove } from './support/workspaceFiles';

const FOLDER = 'sites-it';
const { at, write } = folderFiles(FOLDER);
const PNG = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));

function reported(uri: vscode.Uri, code = 'missing-image'): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.code === code)
    .map((diagnostic) => diagnostic.message);
}

describe('Sites: references resolved as the site serves them (real VS Code)', function () {
  useFakeSegmind();

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await remove(at());
  });

  it('two sites side by side: diagnostics and Fill Missing Images agree, each naming where it looked; a config edit changes the answer', async () => {
    await write('website/docusaurus.config.js', "module.exports = { presets: [['classic', { docs: { path: '../docs' } }]] };\n");
    await write('website/static/img/exists.png', PNG);
    const intro = await write('docs/intro.md', '# Intro\n\n![There](/img/exists.png)\n\n![Not there](/img/missing.png)\n');
    const viteConfig = await write('app/vite.config.js', "export default { publicDir: 'assets' };\n");
    await write('app/assets/logo.png', PNG);
    const page = await write('app/index.html', '<img src="/logo.png" alt="Logo">\n<img src="/nope.png" width="10" height="10" alt="Nope">\n');

    for (const uri of [intro, page]) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    await until(
      () => reported(intro).length === 1 && reported(page).length === 1,
      `one missing image in each (0.3 reported the served ones too): ${JSON.stringify([reported(intro), reported(page)])}`,
      20_000,
    );
    assert.deepEqual(reported(intro), [
      `Missing image: ${FOLDER}/website/static/img/missing.png does not exist. Not in ${FOLDER}/website/static (Docusaurus).`,
    ]);
    assert.deepEqual(reported(page), [
      `Missing image: ${FOLDER}/app/assets/nope.png (10 × 10) does not exist. Not in ${FOLDER}/app/assets, ${FOLDER}/app (Vite).`,
    ]);

    const entries = await scripted('segmind.fillMissingImages', { scope: FOLDER });
    assert.deepEqual(
      entries.map((entry) => [entry.file, entry.target]),
      [
        [`${FOLDER}/app/index.html`, `${FOLDER}/app/assets/nope.png`],
        [`${FOLDER}/docs/intro.md`, `${FOLDER}/website/static/img/missing.png`],
      ],
      'the scan agrees with the diagnostics, target for target',
    );

    // The app now serves another folder: its logo is no longer where the site serves /logo.png from,
    // but it is in the repository: found elsewhere (a hint), never a missing image to make.
    await vscode.workspace.fs.writeFile(viteConfig, new TextEncoder().encode("export default { publicDir: 'public' };\n"));
    await until(
      () => reported(page, 'image-elsewhere').length === 1,
      `the config edit changes the answer: ${JSON.stringify(reported(page, 'image-elsewhere'))}`,
      20_000,
    );
    // The nearest first: the workspace has other logos, which the hint counts.
    assert.match(
      reported(page, 'image-elsewhere')[0] ?? '',
      new RegExp(`^logo\\.png is not at ${FOLDER}/app/public/logo\\.png; ${FOLDER}/app/assets/logo\\.png (exists|and \\d+ more exist)\\.$`),
    );
    assert.equal(reported(page).length, 1, 'nope.png alone is missing');
  });
});
