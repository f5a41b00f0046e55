/**
 * The evidence rule in the real VS Code: a folder holding two checkouts side by side (each its own
 * `.git`: a folder in one, a file as a worktree has in the other). What no file of its repository
 * could be is missing; what a file of its repository has the path of is found elsewhere (a Hint with
 * *Point to …*), never made; a file of the other checkout is not evidence. Diagnostics, Fill Missing
 * Images and the agents' find_missing_images agree; a file created elsewhere turns a missing image
 * into a hint, and *Point to* clears it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { exists, useFakeSegmind, workspaceFolder } from './support/segmindFixture';
import { until } from '../support/conditions';
import { startAgent, textOf, windowServes, type Agent } from './support/mcpClient';
import { scripted } from './support/commands';
import { folderFiles, remove } from './support/workspaceFiles';

const FOLDER = 'checkouts-it';
const { at, write } = folderFiles(FOLDER);
const PNG = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));

const diagnostics = (uri: vscode.Uri, code: string): vscode.Diagnostic[] =>
  vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Segmind' && diagnostic.code === code);
const messages = (uri: vscode.Uri, code: string): string[] => diagnostics(uri, code).map((diagnostic) => diagnostic.message);

const PAGE = '# Alpha\n\n![Hero](/img/hero.png)\n\n![Logo](img/logo.png)\n\n![Gone](gone.png)\n';

describe('Missing means missing: the repository is the evidence (real VS Code)', function () {
  const segmind = useFakeSegmind();
  let agent: Agent | undefined;

  before(async () => {
    // alpha: a checkout (a .git folder), its hero image where no rule serves it from; beta: a worktree (a .git file) with a logo.
    await vscode.workspace.fs.createDirectory(at('alpha', '.git'));
    await write('alpha/.git/HEAD', 'ref: refs/heads/main\n');
    await write('alpha/assets/img/hero.png', PNG);
    await write('beta/.git', 'gitdir: /nowhere/beta.git\n');
    await write('beta/img/logo.png', PNG);
    await write('beta/README.md', '![Logo](img/logo.png)\n');
  });

  after(async () => {
    await agent?.close();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await remove(at());
  });

  it('diagnostics, Fill Missing Images and find_missing_images agree; nothing is made for an image found elsewhere', async () => {
    const page = await write('alpha/docs/page.md', PAGE);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(page), { preview: false });
    await until(
      () => diagnostics(page, 'missing-image').length === 2 && diagnostics(page, 'image-elsewhere').length === 1,
      `two missing, one elsewhere: ${JSON.stringify(vscode.languages.getDiagnostics(page).map((d) => [d.code, d.message]))}`,
      20_000,
    );
    assert.deepEqual(messages(page, 'image-elsewhere'), [`hero.png is not at ${FOLDER}/alpha/img/hero.png; ${FOLDER}/alpha/assets/img/hero.png exists.`]);
    assert.equal(diagnostics(page, 'image-elsewhere')[0]?.severity, vscode.DiagnosticSeverity.Hint);
    // beta's logo is another repository's: alpha's img/logo.png is really missing.
    assert.deepEqual(messages(page, 'missing-image'), [
      `Missing image: ${FOLDER}/alpha/docs/img/logo.png does not exist.`,
      `Missing image: ${FOLDER}/alpha/docs/gone.png does not exist.`,
    ]);

    const entries = await scripted('segmind.fillMissingImages', { scope: FOLDER });
    assert.deepEqual(
      entries.map((entry) => `${entry.file} ${entry.reference}`),
      [`${FOLDER}/alpha/docs/page.md img/logo.png`, `${FOLDER}/alpha/docs/page.md gone.png`],
      'the scan agrees with the diagnostics, and beta/README.md is not missing its own logo',
    );

    await windowServes(workspaceFolder());
    agent = await startAgent(workspaceFolder().fsPath);
    const found = await agent.client.callTool({ name: 'find_missing_images', arguments: { scope: FOLDER } });
    assert.equal(found.isError, undefined, textOf(found));
    const answer = found.structuredContent as { missing: { reference: string }[]; elsewhere: unknown[] };
    assert.deepEqual(
      answer.missing.map((entry) => entry.reference),
      ['img/logo.png', 'gone.png'],
    );
    assert.deepEqual(answer.elsewhere, [
      { file: `${FOLDER}/alpha/docs/page.md`, line: 3, reference: '/img/hero.png', candidates: [`${FOLDER}/alpha/assets/img/hero.png`] },
    ]);
    assert.match(textOf(found), /exists at another path/);

    const filled = await scripted('segmind.fillMissingImages', {
      scope: `${FOLDER}/alpha`,
      mode: 'placeholder',
    });
    assert.deepEqual(
      filled.map((entry) => [entry.reference, entry.saved]),
      [
        ['img/logo.png', true],
        ['gone.png', true],
      ],
    );
    assert.equal(await exists(at('alpha', 'img', 'hero.png')), false, 'nothing is made for an image found elsewhere');
    assert.equal(segmind.fake.requests.length, 0);
    await until(() => diagnostics(page, 'missing-image').length === 0, 'the placeholders clear the missing images');
    assert.equal(diagnostics(page, 'image-elsewhere').length, 1, 'the hint stays until its reference is fixed');
  });

  it('a file created elsewhere turns a missing image into a hint; Point to rewrites the reference and clears it', async () => {
    const page = await write('alpha/guide/intro.md', '![Chart](charts/q3.png)\n');
    const document = await vscode.workspace.openTextDocument(page);
    await vscode.window.showTextDocument(document, { preview: false });
    await until(() => diagnostics(page, 'missing-image').length === 1, 'the chart is missing');

    await write('alpha/reports/charts/q3.png', PNG);
    await until(
      () => diagnostics(page, 'missing-image').length === 0 && diagnostics(page, 'image-elsewhere').length === 1,
      `the new file is evidence: ${JSON.stringify(vscode.languages.getDiagnostics(page).map((d) => d.message))}`,
      // Told by the file watcher alone (the test writes it, not the extension): late on a loaded machine.
      45_000,
    );
    const hint = diagnostics(page, 'image-elsewhere')[0] as vscode.Diagnostic;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', page, hint.range);
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes(`Point to ${FOLDER}/alpha/reports/charts/q3.png`), titles.join(' | '));
    assert.ok(!titles.some((title) => /placeholder|Generate|Fill all/.test(title)), `nothing that makes a file: ${titles.join(' | ')}`);
    const point = actions.find((action) => action.title.startsWith('Point to')) as vscode.CodeAction;
    assert.ok(point.edit && (await vscode.workspace.applyEdit(point.edit)));
    assert.equal(document.getText(), '![Chart](../reports/charts/q3.png)\n');
    await until(
      () => diagnostics(page, 'image-elsewhere').length === 0 && diagnostics(page, 'missing-image').length === 0,
      'the fixed reference is found',
      20_000,
    );
  });
});
