/**
 * Missing images shown where the code is, in the real VS Code: a diagnostic with its range and size
 * that goes when the file appears (whatever made it), follows typing and the report setting; the
 * three quick fixes offered (vscode.executeCodeActionProvider), and the free placeholder fix run.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { setting, useFakeSegmind } from './support/segmindFixture';
import { until } from '../support/conditions';
import { folderFiles, remove, sizeOf } from './support/workspaceFiles';

const FOLDER = 'missing-it';
const { at, write } = folderFiles(FOLDER);
const { at: inWorkspace } = folderFiles();
const relative = (uri: vscode.Uri): string => vscode.workspace.asRelativePath(uri);

const missingDiagnostics = (uri: vscode.Uri): vscode.Diagnostic[] =>
  vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Segmind' && diagnostic.code === 'missing-image');

describe('Missing images: diagnostics and quick fixes (real VS Code)', function () {
  const segmind = useFakeSegmind();

  beforeEach(async () => {
    await vscode.workspace.fs.createDirectory(at());
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await remove(at());
    await remove(inWorkspace('assets'));
  });

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
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      first?.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = actions.map((action) => action.title);
    for (const title of ['Generate a.png with Segmind…', 'Make a free placeholder for a.png', 'Fill all 3 missing images in this file…'])
      assert.ok(titles.includes(title), `${title} in ${titles.join(' | ')}`);
    const svgRange = missingDiagnostics(uri)[2]?.range;
    const svgTitles = (
      await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, svgRange, vscode.CodeActionKind.QuickFix.value)
    ).map((action) => action.title);
    assert.ok(!svgTitles.some((title) => title.startsWith('Generate')), 'no generate for .svg');
    assert.ok(svgTitles.includes('Make a free placeholder for c.svg'));

    const placeholder = actions.find((action) => action.title === 'Make a free placeholder for a.png');
    assert.ok(placeholder?.command);
    const made = await vscode.commands.executeCommand<vscode.Uri>(placeholder.command.command, ...((placeholder.command.arguments ?? []) as unknown[]));
    assert.equal(relative(made), `${FOLDER}/img/a.png`);
    assert.deepEqual(await sizeOf(made), ['png', 300, 150]);
    await until(() => missingDiagnostics(uri).length === 2, 'a.png no longer reported');
    assert.equal(segmind.fake.requests.length, 0);
  });
});
