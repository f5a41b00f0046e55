/**
 * What joins an MCP server to its VS Code window, in the real VS Code: the window's key never reaches
 * the server (not its arguments, environment or files); a server in a folder no window has open
 * answers every call by saying to open it; the launch spec names no window, socket or workspace; a
 * window's channel (its registration and socket) goes when the window's channel is disposed.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TEST_KEY, useFakeSegmind, workspaceFolder } from './support/segmindFixture';
import { until } from '../support/conditions';
import { launchSpec, startAgent, textOf, windowServes, type Agent } from './support/mcpClient';
import { channelFolder, readRegistrations } from '../../src/mcp/channelPlaces';
import { callWindow } from '../../src/mcp/windowClient';
import { WindowChannel } from '../../src/agents/windowChannel';
import { Logger } from '../../src/log/logger';

describe('The MCP server and its window: the channel between them (the SDK’s client over stdio)', function () {
  const segmind = useFakeSegmind();
  let agent: Agent;

  before(async () => {
    await windowServes(workspaceFolder());
    agent = await startAgent(workspaceFolder().fsPath);
  });

  after(async () => {
    await agent?.close();
  });

  it('the key never reaches the server: not in its arguments, its environment, nor the files it reads', async function () {
    for (const name of fs.readdirSync(channelFolder()).filter((file) => file.endsWith('.json'))) {
      assert.equal(fs.readFileSync(path.join(channelFolder(), name), 'utf8').includes(TEST_KEY), false, name);
    }
    const launcher = (await launchSpec()).args[0] ?? '';
    assert.equal(fs.readFileSync(launcher, 'utf8').includes(TEST_KEY), false, 'the launcher');
    if (process.platform !== 'linux') return;
    const environ = fs.readFileSync(`/proc/${agent.pid}/environ`, 'utf8');
    const cmdline = fs.readFileSync(`/proc/${agent.pid}/cmdline`, 'utf8');
    assert.ok(environ.includes('PATH='), 'read the real environment');
    assert.doesNotMatch(environ, /SEGMIND_|VSCODE_/);
    assert.equal(environ.includes(TEST_KEY), false);
    assert.equal(cmdline.includes(TEST_KEY), false);
  });

  it('started in a folder no window has open: it starts and answers, every call says to open the folder, nothing is sent', async () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'segmind-no-window-'));
    const lonely = await startAgent(elsewhere, await launchSpec());
    try {
      assert.equal((await lonely.client.listTools()).tools.length, 4);
      const result = await lonely.client.callTool({ name: 'generate_image', arguments: { prompt: 'Nobody home' } });
      assert.equal(result.isError, true);
      assert.match(
        textOf(result),
        /No VS Code window has your working directory open with Image Studio for Segmind\. Ask the user to open this folder \(or one above it\) in VS Code/,
      );
      assert.equal(segmind.fake.requests.length, 0);
    } finally {
      await lonely.close();
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('the launch spec names no window, socket or workspace, and no versioned extension folder', async () => {
    const spec = await launchSpec();
    const line = JSON.stringify(spec);
    assert.equal(line.includes(workspaceFolder().fsPath), false);
    assert.doesNotMatch(line, /\.sock|pipe|windows/);
    const extensionPath = vscode.extensions.getExtension('segmind-image-studio.segmind-image-studio')?.extensionPath;
    if (extensionPath) assert.equal(line.includes(extensionPath), false, 'the launcher is in global storage, not the extension folder');
    await until(() => fs.existsSync(spec.args[0] ?? ''), 'the launcher file');
  });

  it('a window’s channel goes with it: disposed, its registration and socket are gone and nothing answers there', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'segmind-windows-'));
    const calls: string[] = [];
    const logger = new Logger(vscode.window.createOutputChannel('Segmind (channel test)', { log: true }));
    const channel = await WindowChannel.open({
      folder,
      logger,
      handle: (tool) => {
        calls.push(tool);
        return Promise.resolve({ content: [{ type: 'text', text: 'ok' }] });
      },
    });
    assert.ok(channel);
    try {
      const [registration] = readRegistrations(folder);
      assert.ok(registration);
      assert.deepEqual(registration.folders, [fs.realpathSync(workspaceFolder().fsPath)], 'the window’s folders, as real paths');
      assert.deepEqual(await callWindow(registration, 'check_credits', {}), { content: [{ type: 'text', text: 'ok' }] });
      channel.dispose();
      assert.deepEqual(fs.readdirSync(folder), [], 'no registration, no socket');
      await assert.rejects(callWindow(registration, 'check_credits', {}));
      assert.deepEqual(calls, ['check_credits']);
    } finally {
      channel.dispose();
      logger.dispose();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
