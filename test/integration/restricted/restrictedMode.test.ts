/**
 * Restricted Mode, in a real VS Code window whose folder was never trusted (workspace trust on,
 * scripts/host/code with SEGMIND_HOST_WORKSPACE_TRUST=1): what still works (missing-image diagnostics,
 * free placeholders, icon sets, generations whose prompt the caller gives), what waits for trust
 * (the Generate quick fix, Fill Missing Images in generate mode, Render Placeholder with AI, the
 * agent tool's paid calls) with nothing sent, and the workspace's values of the settings that decide
 * what is spent or where files go, ignored.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { exists, useFakeSegmind, workspaceFolder } from '../support/segmindFixture';
import { until } from '../../support/conditions';
import { startAgent, textOf, windowServes } from '../support/mcpClient';
import { executeCommand, refusal, scripted } from '../support/commands';
import { folderFiles, remove } from '../support/workspaceFiles';

const FOLDER = 'restricted-it';
const { at, write } = folderFiles(FOLDER);
const { at: inWorkspace } = folderFiles();
const relative = (uri: vscode.Uri): string => vscode.workspace.asRelativePath(uri);

describe('Restricted Mode: a repository that was never trusted', function () {
  const segmind = useFakeSegmind();
  const RESTRICTED = /Restricted Mode/;

  before(async () => {
    await vscode.workspace.fs.createDirectory(at());
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await remove(at());
    await remove(inWorkspace('assets'));
  });

  it('the window is untrusted, and the extension runs in it', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.ok(vscode.extensions.getExtension('segmind-image-studio.segmind-image-studio')?.isActive);
  });

  it('works: the diagnostics, a free placeholder from the quick fix, and no paid quick fix offered', async () => {
    const uri = await write('index.html', '<img src="img/hero.png" width="120" height="60" alt="A hero">\n');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await until(() => vscode.languages.getDiagnostics(uri).some((diagnostic) => diagnostic.code === 'missing-image'), 'the diagnostic');
    const start = document.getText().indexOf('img/hero.png');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      new vscode.Range(document.positionAt(start), document.positionAt(start + 3)),
    );
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Make a free placeholder for hero.png'), titles.join(' | '));
    assert.ok(!titles.some((title) => title.startsWith('Generate')), `no paid fix in Restricted Mode: ${titles.join(' | ')}`);
    const fix = actions.find((action) => action.title === 'Make a free placeholder for hero.png');
    await vscode.commands.executeCommand(fix?.command?.command ?? '', ...((fix?.command?.arguments ?? []) as unknown[]));
    await until(() => exists(at('img', 'hero.png')), 'the placeholder');
    assert.equal(segmind.fake.requests.length, 0);
  });

  it('works: placeholders, fills with placeholders, icon sets, and a generation whose prompt the caller gives', async () => {
    await write('fill.html', '<img src="fill/a.png" width="32" height="32"><img src="fill/b.webp" width="20" height="10">\n');
    const entries = await scripted('segmind.fillMissingImages', {
      scope: `${FOLDER}/fill.html`,
      mode: 'placeholder',
    });
    assert.deepEqual(
      entries.map((entry) => [entry.target, entry.saved]),
      [
        [`${FOLDER}/fill/a.png`, true],
        [`${FOLDER}/fill/b.webp`, true],
      ],
    );
    const icons = await scripted('segmind.exportIconSet', { image: `${FOLDER}/fill/a.png`, folder: `${FOLDER}/icons` });
    assert.ok(icons.length >= 7);
    const generated = await scripted('segmind.generateImage', {
      prompt: 'A lighthouse',
      path: `${FOLDER}/typed.png`,
      model: 'gpt-image-1-mini',
      quality: 'low',
    });
    assert.deepEqual(generated.map(relative), [`${FOLDER}/typed.png`]);
    assert.equal(segmind.fake.requestsTo('api', 'POST', '/v2/gpt-image-1-mini').length, 1);
  });

  it('waits for trust, sending nothing: a generate fill, the Generate quick fix, Render Placeholder, the agent tool', async () => {
    await write('paid.html', '<img src="paid/one.png" width="64" height="64" alt="One">\n');
    assert.match(await refusal('segmind.fillMissingImages', { scope: `${FOLDER}/paid.html`, mode: 'generate' }), RESTRICTED);
    assert.equal(await exists(at('paid', 'one.png')), false);

    const placeholder = await scripted('segmind.makePlaceholder', {
      path: `${FOLDER}/render/me.png`,
      size: '64x64',
      prompt: 'A fox',
    });
    assert.match(await refusal('segmind.renderPlaceholder', { image: relative(placeholder) }), RESTRICTED);

    const target = { target: at('paid', 'one.png'), workspaceFolder: workspaceFolder(), prompt: 'One', references: [] };
    assert.equal(await executeCommand('segmind.generateMissingImage', { target }), undefined);

    const agent = await vscode.lm
      .invokeTool('segmind_generate_image', { input: { prompt: 'A fox', path: `${FOLDER}/agent.png` }, toolInvocationToken: undefined })
      .then(
        () => 'resolved',
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
    assert.match(agent, /Restricted Mode/);
    assert.match(agent, /placeholder true/, 'the agent is told what still works');

    const free = await vscode.lm.invokeTool('segmind_generate_image', {
      input: { prompt: 'A fox', path: `${FOLDER}/agent-placeholder.png`, placeholder: true, resize: '40x40' },
      toolInvocationToken: undefined,
    });
    assert.ok(free.content.length > 0);
    assert.ok(await exists(at('agent-placeholder.png')), "the agent's free placeholder works");
    assert.equal(segmind.fake.requests.length, 0, 'nothing was sent for any of them');
  });

  it('an MCP agent in the folder: a paid generate_image waits for trust (isError, nothing sent); its placeholder and find_missing_images work', async () => {
    await windowServes(workspaceFolder());
    const agent = await startAgent(workspaceFolder().fsPath);
    try {
      const paid = await agent.client.callTool({ name: 'generate_image', arguments: { prompt: 'A fox', path: `${FOLDER}/mcp.png` } });
      assert.equal(paid.isError, true);
      assert.match(textOf(paid), RESTRICTED);
      const free = await agent.client.callTool({
        name: 'generate_image',
        arguments: { prompt: 'A fox', path: `${FOLDER}/mcp-placeholder.png`, placeholder: true, resize: '40x40' },
      });
      assert.equal(free.isError, undefined, textOf(free));
      assert.ok(await exists(at('mcp-placeholder.png')));
      await write('mcp.html', '<img src="mcp/two.png" width="32" height="32" alt="Two">\n');
      const found = await agent.client.callTool({ name: 'find_missing_images', arguments: { scope: `${FOLDER}/mcp.html` } });
      assert.equal((found.structuredContent as { missing: unknown[] }).missing.length, 1);
      const fill = await agent.client.callTool({ name: 'fill_missing_images', arguments: { scope: `${FOLDER}/mcp.html`, mode: 'generate' } });
      assert.equal(fill.isError, true);
      assert.match(textOf(fill), RESTRICTED);
      assert.equal(segmind.fake.requests.length, 0, 'nothing was sent');
    } finally {
      await agent.close();
    }
  });

  it("ignores the workspace's values of the settings that decide what is spent and where files go", async () => {
    // As a repository ships them: .vscode/settings.json. The report setting is not restricted: it shows the file was read.
    const settingsFile = inWorkspace('.vscode', 'settings.json');
    const shipped = {
      'segmind.defaultModel': 'gpt-image-2',
      'segmind.quality': 'high',
      'segmind.size': '1024x1536',
      'segmind.outputFolder': 'from-the-repository',
      'segmind.missingImages.webRoot': 'elsewhere',
      'segmind.stylePrompt': 'with a large logo of the repository owner',
      'segmind.missingImages.report': 'warning',
    };
    await vscode.workspace.fs.writeFile(settingsFile, new TextEncoder().encode(JSON.stringify(shipped, null, 2)));
    try {
      await until(() => vscode.workspace.getConfiguration('segmind').get('missingImages.report') === 'warning', 'VS Code read the workspace settings');
      const read = vscode.workspace.getConfiguration('segmind');
      for (const key of ['defaultModel', 'quality', 'size', 'outputFolder', 'missingImages.webRoot', 'stylePrompt']) {
        assert.deepEqual(read.get(key), read.inspect(key)?.defaultValue, `${key}: the user's value (the default here), not the repository's`);
      }
      const [saved] = await scripted('segmind.generateImage', { prompt: 'A harbour at dawn' });
      assert.ok(saved && relative(saved).startsWith('assets/'), `saved in the user's output folder: ${saved ? relative(saved) : 'nothing'}`);
      const [submit] = segmind.fake.requestsTo('api', 'POST', '/v2/gpt-image-1');
      assert.ok(submit, "the user's model, not the repository's gpt-image-2");
      assert.equal((submit.body as { quality?: string }).quality, 'auto');
      assert.equal((submit.body as { prompt?: string }).prompt, 'A harbour at dawn', "no style from the repository's settings");
    } finally {
      await vscode.workspace.fs.delete(inWorkspace('.vscode'), { recursive: true, useTrash: false });
    }
  });
});
