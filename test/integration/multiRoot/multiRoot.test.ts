/**
 * A multi-root workspace (a .code-workspace of two folders, "site" and "docs"): images go to the
 * output folder of the folder they belong to, `path` may start with a folder's name, and the
 * generation settings may differ per folder (resource scope).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { GenerateImageTool } from '../../../src/agents/generateImageTool';
import { clearSettings, generate, useFakeSegmind } from '../support/segmindFixture';
import { testServices } from '../support/testServices';
import { startAgent, textOf, windowServes } from '../support/mcpClient';
import { scripted } from '../support/commands';
import { remove } from '../support/workspaceFiles';

function folder(name: string): vscode.WorkspaceFolder {
  const found = vscode.workspace.workspaceFolders?.find((candidate) => candidate.name === name);
  assert.ok(found, `no workspace folder "${name}"`);
  return found;
}

const inside = (uri: vscode.Uri, name: string): boolean => vscode.workspace.getWorkspaceFolder(uri)?.name === name;

describe('Multi-root workspaces (two folders)', function () {
  const segmind = useFakeSegmind();

  afterEach(async () => {
    for (const name of ['site', 'docs']) {
      await clearSettings('segmind', ['outputFolder', 'quality', 'size'], vscode.ConfigurationTarget.WorkspaceFolder, folder(name).uri);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens both folders', () => {
    assert.deepEqual(
      vscode.workspace.workspaceFolders?.map((candidate) => candidate.name),
      ['site', 'docs'],
    );
  });

  it("an edit is saved in the output folder of the edited image's folder, with that folder's settings", async () => {
    await vscode.workspace.getConfiguration('segmind', folder('docs').uri).update('outputFolder', 'art', vscode.ConfigurationTarget.WorkspaceFolder);
    await vscode.workspace.getConfiguration('segmind', folder('docs').uri).update('quality', 'low', vscode.ConfigurationTarget.WorkspaceFolder);
    const result = await scripted('segmind.editImage', { prompt: 'Docs logo, brighter', images: ['docs/images/logo.png'] });
    const [uri] = result ?? [];
    assert.ok(uri && inside(uri, 'docs'), `saved in ${uri?.toString()}`);
    assert.match(vscode.workspace.asRelativePath(uri), /^docs\/art\/logo-edit-/);
    assert.equal((segmind.fake.requestsTo('api', 'POST', '/v2/gpt-image-1-edit')[0]?.body as { quality?: string }).quality, 'low', "the folder's own setting");
  });

  it("path may start with a folder's name; without one it is in the first folder", async () => {
    const [docs] = await generate({ prompt: 'Docs card', path: 'docs/public/card.png', resize: '64x64' });
    assert.ok(docs && inside(docs, 'docs'));
    assert.equal(vscode.workspace.asRelativePath(docs), 'docs/public/card.png');
    const [site] = await generate({ prompt: 'Site card', path: 'public/card.png', resize: '64x64' });
    assert.ok(site && inside(site, 'site'));
    for (const uri of [docs, site]) await vscode.workspace.fs.delete(vscode.Uri.joinPath(uri, '..'), { recursive: true, useTrash: false });
  });

  it("without a path, the active editor's folder decides, with its settings", async () => {
    await vscode.workspace.getConfiguration('segmind', folder('docs').uri).update('quality', 'low', vscode.ConfigurationTarget.WorkspaceFolder);
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder('docs').uri, 'notes.txt'));
    const [uri] = await generate({ prompt: 'For the docs' });
    assert.ok(uri && inside(uri, 'docs'), `saved in ${uri?.toString()}`);
    assert.match(vscode.workspace.asRelativePath(uri), /^docs\/assets\//);
    assert.equal((segmind.fake.requestsTo('api', 'POST', '/v2/gpt-image-1')[0]?.body as { quality?: string }).quality, 'low');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const [first] = await generate({ prompt: 'For the site' });
    assert.ok(first && inside(first, 'site'), 'no editor: the first folder');
  });

  it("the agent tool's confirmation is built from the plan that runs: the settings of path's folder, the size segmind.size decides", async () => {
    await vscode.workspace.getConfiguration('segmind', folder('docs').uri).update('size', '1024x1536', vscode.ConfigurationTarget.WorkspaceFolder);
    await vscode.workspace.getConfiguration('segmind', folder('docs').uri).update('outputFolder', 'art', vscode.ConfigurationTarget.WorkspaceFolder);
    const services = await testServices('multi-root tool');
    try {
      const tool = new GenerateImageTool({
        flow: services.flow,
        logger: services.logger,
        spending: services.spending,
        calls: services.calls,
      });
      const text = async (input: Record<string, unknown>): Promise<string> => {
        const message = (await tool.prepareInvocation({ input: input as never })).confirmationMessages?.message;
        return typeof message === 'string' ? message : (message?.value ?? '');
      };
      const docs = await text({ prompt: 'For the docs', path: 'docs/public/hero.png' });
      assert.match(docs, /\*\*Size:\*\* 1024x1536 \(your segmind\.size setting\)/, docs);
      assert.match(docs, /\*\*Saved to:\*\* `docs\/public\/hero\.png`/);
      const edit = await text({ prompt: 'Docs logo', images: ['docs/images/logo.png'] });
      assert.match(edit, /\*\*Size:\*\* 1024x1536 \(your segmind\.size setting\)/, "the edited image's folder decides");
      assert.match(edit, /\*\*Saved to:\*\* `docs\/art\/`/);
      const site = await text({ prompt: 'For the site', path: 'public/hero.png' });
      assert.match(site, /\*\*Size:\*\* auto \(the model's default\)/, site);
      assert.equal(segmind.fake.requests.length, 0, 'preparing sends nothing');
    } finally {
      services.dispose();
    }
  });

  it('an MCP agent started in either folder reaches this window, which serves both', async () => {
    for (const name of ['docs', 'site']) {
      await windowServes(folder(name).uri);
      const agent = await startAgent(folder(name).uri.fsPath);
      try {
        const result = await agent.client.callTool({
          name: 'generate_image',
          arguments: { prompt: `From ${name}`, placeholder: true, path: `${name}/mcp/placeholder.png`, resize: '48x48' },
        });
        assert.equal(result.isError, undefined, textOf(result));
        const file = vscode.Uri.joinPath(folder(name).uri, 'mcp', 'placeholder.png');
        assert.ok(
          await Promise.resolve(vscode.workspace.fs.stat(file)).then(
            () => true,
            () => false,
          ),
          `${name}/mcp/placeholder.png`,
        );
        await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(name).uri, 'mcp'), { recursive: true, useTrash: false });
      } finally {
        await agent.close();
      }
    }
    assert.equal(segmind.fake.requests.length, 0);
  });

  it("an agent started in the second folder works in that folder, whatever the active editor's: path, default scope, answers", async () => {
    const docs = folder('docs');
    const site = folder('site');
    // The user's active editor is in the first folder: it must not decide anything for the agent.
    await vscode.window.showTextDocument(vscode.Uri.joinPath(site.uri, 'README.md'));
    const write = (base: vscode.Uri, file: string, text: string): Thenable<void> =>
      vscode.workspace.fs.writeFile(vscode.Uri.joinPath(base, ...file.split('/')), new TextEncoder().encode(text));
    await write(docs.uri, 'second-agent/page.md', '![Docs only](img/docs-only.png)\n');
    await write(site.uri, 'second-agent/page.md', '![Site only](img/site-only.png)\n');
    await windowServes(docs.uri);
    const agent = await startAgent(docs.uri.fsPath);
    try {
      const made = await agent.client.callTool({
        name: 'generate_image',
        arguments: { prompt: 'A card', placeholder: true, path: 'second-agent/card.png', resize: '32x32' },
      });
      assert.equal(made.isError, undefined, textOf(made));
      assert.deepEqual(
        (made.structuredContent as { saved: { path: string }[] }).saved.map((image) => image.path),
        ['second-agent/card.png'],
        'named from the agent’s folder',
      );
      const there = (uri: vscode.Uri): Thenable<boolean> =>
        Promise.resolve(vscode.workspace.fs.stat(uri)).then(
          () => true,
          () => false,
        );
      assert.equal(await there(vscode.Uri.joinPath(docs.uri, 'second-agent', 'card.png')), true, 'written in the agent’s folder');
      assert.equal(await there(vscode.Uri.joinPath(site.uri, 'second-agent', 'card.png')), false, 'not in the active editor’s folder');
      const found = await agent.client.callTool({ name: 'find_missing_images', arguments: {} });
      const references = (found.structuredContent as { missing: { reference: string }[] }).missing.map((entry) => entry.reference);
      assert.ok(references.includes('img/docs-only.png'), references.join(', '));
      assert.ok(!references.includes('img/site-only.png'), `the default scope is the agent's folder alone: ${references.join(', ')}`);
    } finally {
      await agent.close();
      for (const base of [docs.uri, site.uri]) await remove(vscode.Uri.joinPath(base, 'second-agent'));
    }
    assert.equal(segmind.fake.requests.length, 0);
  });
});
