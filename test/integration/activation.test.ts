/**
 * The extension as the host loads it: found under its manifest's id, activated, every contributed
 * command registered, in the temporary copy of the fixture workspace the tests open.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  publisher: string;
  name: string;
  contributes: { commands: Array<{ command: string }> };
};
const extensionId = `${manifest.publisher}.${manifest.name}`;

describe('Activation', () => {
  it(`finds the extension ${extensionId}`, () => {
    assert.ok(vscode.extensions.getExtension(extensionId), `extension ${extensionId} is not loaded`);
  });

  it('activates the extension', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers every contributed command in the host', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = manifest.contributes.commands.map((entry) => entry.command);
    assert.ok(contributed.length >= 8, `only ${contributed.length} commands contributed`);
    for (const command of contributed) assert.ok(registered.has(command), `${command} is contributed but not registered`);
  });

  it('opens the temporary copy of the fixture workspace', () => {
    const expected = process.env.SEGMIND_TEST_WORKSPACE;
    assert.ok(expected, 'SEGMIND_TEST_WORKSPACE is not set: extensionTestsEnv did not reach the extension host');
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1);
    assert.equal(folders[0]?.uri.fsPath, expected);
    assert.ok(fs.existsSync(path.join(expected, 'README.md')), 'fixture README.md missing in the workspace copy');
  });
});
