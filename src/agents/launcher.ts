/**
 * How an agent starts the MCP server, in a line that lasts: a launcher at a path that never
 * changes (the extension's global storage; the versioned extension folder is never named), which
 * every start of the extension rewrites to run its own version's dist/mcpServer.js; and the runtime
 * found here, from which ../agentConfig/launchSpec.ts picks what every machine with VS Code has.
 */
import * as vscode from 'vscode';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import type { Runtime } from '../agentConfig/launchSpec';

export const LAUNCHER_FILE = ['mcp', 'segmind-image-studio-mcp.cjs'] as const;

/** Writes the launcher (at each start: an updated extension points it at its own server); resolves to its path. */
export async function writeLauncher(globalStorage: vscode.Uri, extensionPath: string, version: string): Promise<string> {
  const launcher = vscode.Uri.joinPath(globalStorage, ...LAUNCHER_FILE);
  const server = path.join(extensionPath, 'dist', 'mcpServer.js');
  const text = [
    '// Image Studio for Segmind: starts the MCP server of the installed version. Rewritten at every start of the extension.',
    "'use strict';",
    'let server;',
    'try {',
    `  server = require(${JSON.stringify(server)});`,
    '} catch {',
    `  process.stderr.write('Image Studio for Segmind is not installed any more (${server.replace(/['\\]/g, '')} is gone): open VS Code once to update this launcher.\\n');`,
    '  process.exit(1);',
    '}',
    `server.serve({ version: ${JSON.stringify(version)} });`,
    '',
  ].join('\n');
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(launcher, '..'));
  await vscode.workspace.fs.writeFile(launcher, new TextEncoder().encode(text));
  return launcher.fsPath;
}

/** The runtime of this extension host, and the Node.js on PATH (asked once: `node --version`, off the main thread's way). */
export function currentRuntime(): Promise<Runtime> {
  return new Promise((resolve) => {
    execFile('node', ['--version'], { encoding: 'utf8', timeout: 5_000, windowsHide: true }, (error, stdout) => {
      const major = error ? NaN : Number(/^v(\d+)\./.exec(stdout.trim())?.[1]);
      resolve({ execPath: process.execPath, electron: process.versions.electron !== undefined, ...(Number.isFinite(major) ? { nodeOnPath: major } : {}) });
    });
  });
}
