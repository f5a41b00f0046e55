/**
 * Opening the Image Studio and getting it back, in the real host: the contributed command opens one
 * tab and reveals it again (the bundled extension); a panel posts nothing until its webview says
 * ready, then its whole state; after a reload the serializer revives the panel and its real webview
 * says ready by itself.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostToWebview } from '../../src/protocol/studioProtocol';
import { StudioPanel } from '../../src/studio/studioPanel';
import { StudioSerializer } from '../../src/studio/studioSerializer';
import { useFakeSegmind, workspaceFolder } from './support/segmindFixture';
import { until } from '../support/conditions';
import { executeCommand } from './support/commands';
import { ofType, repoRoot, revive, useStudioHarness } from './support/studioHarness';

function studioTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('segmind.studio'));
}

describe('Image Studio: opening and restoring (real VS Code)', function () {
  useFakeSegmind();
  const h = useStudioHarness();

  it('segmind.openStudio opens one "Image Studio" webview tab; opening again reveals it', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await executeCommand('segmind.openStudio');
    await until(() => studioTabs().length === 1, 'the Studio tab');
    const [tab] = studioTabs();
    assert.equal(tab?.label, 'Image Studio');
    assert.equal(tab?.isActive, true);

    await vscode.commands.executeCommand('workbench.action.files.newUntitledFile');
    await until(() => studioTabs()[0]?.isActive === false, 'another editor in front');
    await executeCommand('segmind.openStudio');
    await until(() => studioTabs()[0]?.isActive === true, 'the Studio revealed');
    assert.equal(studioTabs().length, 1, 'still one Studio');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('posts nothing before ready; after ready: init, jobs, history, gallery', async () => {
    const { studio, posts } = revive(h.deps);
    const before = posts.length;
    await studio.handleMessage({ type: 'ready' });
    assert.equal(before, 0, 'nothing was posted before ready');
    const types = posts.map((post) => post.type);
    for (const type of ['init', 'jobs', 'history', 'gallery'] as const) assert.ok(types.includes(type), `no ${type} after ready`);
    const [init] = ofType(posts, 'init');
    assert.deepEqual(
      init?.models.map((model) => model.slug),
      ['gpt-image-1', 'gpt-image-1-mini', 'gpt-image-2', 'gpt-image-1-edit'],
    );
    assert.ok(init?.models.find((model) => model.slug === 'gpt-image-2')?.sizes.includes('3840x2160'));
    assert.equal(init?.choices.maxVariants, 4);
    assert.deepEqual(init?.choices.outputFormats, ['png', 'jpeg', 'webp'], "the webview is sent the catalog's choices");
    const roots = (studio.panel.webview.options.localResourceRoots ?? []).map((uri) => uri.path);
    assert.deepEqual(roots, [
      `${vscode.Uri.file(repoRoot).path}/dist`,
      `${vscode.Uri.file(repoRoot).path}/media`,
      vscode.Uri.joinPath(workspaceFolder(), 'assets').path,
    ]);
  });

  it('restores after a reload: the serializer revives a new panel, resets its options, and posts state after ready', async () => {
    let revived: StudioPanel | undefined;
    const serializer = new StudioSerializer((panel) => {
      revived = StudioPanel.revive(panel, h.deps);
      return Promise.resolve();
    });
    const panel = vscode.window.createWebviewPanel('segmind.studio', 'Image Studio (restored)', vscode.ViewColumn.Active, { enableScripts: false });
    await serializer.deserializeWebviewPanel(panel, { settings: undefined });
    assert.ok(revived);
    assert.equal(StudioPanel.current, revived);
    assert.equal(panel.webview.options.enableScripts, true, 'options reset on revive');
    assert.match(panel.webview.html, /Content-Security-Policy/);
    const posts: HostToWebview[] = [];
    revived.onDidPost((message) => posts.push(message));
    // The real webview says ready by itself once its script runs.
    await until(() => posts.some((message) => message.type === 'init'), 'init after the webview said ready');
    await until(() => posts.some((message) => message.type === 'gallery'), 'the gallery after ready');
  });
});
