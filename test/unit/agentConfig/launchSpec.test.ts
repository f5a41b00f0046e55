/**
 * The launch line an agent starts the MCP server with (src/agentConfig/launchSpec.ts): a Node.js 20
 * or later on PATH by its name, else the editor's own executable, told to run as Node when it is
 * Electron. The same line for every window: it names no window, socket or workspace.
 */
import * as assert from 'node:assert/strict';
import { launchSpecFor, type LaunchSpec } from '../../../src/agentConfig/launchSpec';

const LAUNCHER = '/home/ada/.config/Code/User/globalStorage/segmind.image-studio/mcp/segmind-image-studio-mcp.cjs';
const NODE: LaunchSpec = { command: 'node', args: [LAUNCHER] };
const ELECTRON: LaunchSpec = { command: '/usr/share/code/code', args: [LAUNCHER], env: { ELECTRON_RUN_AS_NODE: '1' } };

describe('The launch line', () => {
  it('is node and the launcher when a Node.js 20 or later is on PATH', () => {
    assert.deepEqual(launchSpecFor(LAUNCHER, { execPath: '/usr/share/code/code', electron: true, nodeOnPath: 22 }), NODE);
  });

  it('is the editor’s own runtime otherwise: Electron run as Node, or a remote server’s node as it is', () => {
    assert.deepEqual(launchSpecFor(LAUNCHER, { execPath: '/usr/share/code/code', electron: true }), ELECTRON);
    assert.deepEqual(launchSpecFor(LAUNCHER, { execPath: '/usr/share/code/code', electron: true, nodeOnPath: 18 }), ELECTRON, 'too old a node is passed over');
    assert.deepEqual(launchSpecFor(LAUNCHER, { execPath: '/home/ada/.vscode-server/node', electron: false }), {
      command: '/home/ada/.vscode-server/node',
      args: [LAUNCHER],
    });
  });

  it('takes Node.js 20 itself (the oldest the MCP SDK runs on) and passes over 19', () => {
    const editor = { execPath: '/usr/share/code/code', electron: true };
    assert.deepEqual(launchSpecFor(LAUNCHER, { ...editor, nodeOnPath: 20 }), NODE);
    assert.deepEqual(launchSpecFor(LAUNCHER, { ...editor, nodeOnPath: 19 }), ELECTRON);
  });
});
