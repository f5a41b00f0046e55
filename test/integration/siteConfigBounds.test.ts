/**
 * Site configurations are bounded, in the real VS Code (workspace/siteIndex.ts over its file search):
 * a configuration over the size limit is never read (its size is checked first: a 400 MB
 * `_config.yml` was read whole on the host before the 1 MiB check), and the log says so. The reader
 * here records what it is handed, so what the index reads is seen, not guessed from timing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { Logger } from '../../src/log/logger';
import { UNKNOWN, type ConfigValue } from '../../src/sites/configTypes';
import { SiteIndex } from '../../src/workspace/siteIndex';
import { workspaceFolder } from './support/segmindFixture';
import { remove } from './support/workspaceFiles';

const FOLDER = 'site-bounds-it';
const SIZE_LIMIT = 1024 * 1024;

/** A log channel that keeps its lines (only what the Logger calls is needed). */
function recordingLogger(lines: string[]): Logger {
  const keep = (message: string): void => void lines.push(message);
  const channel = { trace: keep, debug: keep, info: keep, warn: keep, error: keep, show: () => undefined, dispose: () => undefined };
  return new Logger(channel as unknown as vscode.LogOutputChannel);
}

describe('Site configurations are bounded (real VS Code)', function () {
  const root = (): vscode.Uri => vscode.Uri.joinPath(workspaceFolder(), FOLDER);

  after(async () => {
    await remove(root());
  });

  it('checks a configuration’s size before reading it: one over the limit is never read, and the log names it', async () => {
    const big = vscode.Uri.joinPath(root(), 'blog', '_config.yml');
    const small = vscode.Uri.joinPath(root(), 'app', 'vite.config.js');
    await vscode.workspace.fs.writeFile(small, new TextEncoder().encode("export default { publicDir: 'assets' };\n"));
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(root(), 'blog'));
    // A large file without its size on disk: a sparse file reads as zeros, as a real one would.
    fs.writeFileSync(big.fsPath, '');
    fs.truncateSync(big.fsPath, 40 * 1024 * 1024);

    const handed: { name: string; length: number }[] = [];
    const skipped: { name: string; size: number }[] = [];
    const reader = {
      sizeLimit: SIZE_LIMIT,
      readConfig: (name: string, text: string): Promise<ConfigValue> => {
        handed.push({ name, length: text.length });
        return Promise.resolve(name.endsWith('vite.config.js') ? { publicDir: 'assets' } : UNKNOWN);
      },
      tooLarge: (name: string, size: number): string => {
        skipped.push({ name, size });
        return 'over the limit';
      },
    };
    const index = new SiteIndex(reader, recordingLogger([]));
    try {
      const { site } = await index.of(vscode.Uri.joinPath(root(), 'app', 'index.html'), root());
      assert.equal(site?.framework, 'vite', 'the small configuration is read');
      assert.deepEqual(
        handed.map((entry) => entry.name),
        ['app/vite.config.js'],
        'the 40 MB configuration was handed to the reader: it was read whole first',
      );
      assert.deepEqual(skipped, [{ name: 'blog/_config.yml', size: 40 * 1024 * 1024 }], 'the log says it was not read, and why');
    } finally {
      index.dispose();
    }
  });

  it('has a time budget: a configuration the reader never answers for leaves the rest unread, named by their files, and the index answers', async () => {
    const folder = vscode.Uri.joinPath(root(), 'budget');
    const stuck = vscode.Uri.joinPath(folder, 'stuck', 'vite.config.js');
    await vscode.workspace.fs.writeFile(stuck, new TextEncoder().encode("export default { publicDir: 'never-read' };\n"));
    const reader = {
      sizeLimit: SIZE_LIMIT,
      readConfig: (): Promise<ConfigValue> => new Promise<ConfigValue>(() => undefined), // a worker that never answers
      tooLarge: (): string => 'over the limit',
    };
    const lines: string[] = [];
    const index = new SiteIndex(reader, recordingLogger(lines), 300);
    try {
      const { site } = await index.of(vscode.Uri.joinPath(folder, 'stuck', 'index.html'), folder);
      assert.equal(site?.framework, 'vite', 'named by its file, with the framework’s defaults');
      assert.equal(site?.configFile, 'stuck/vite.config.js');
      assert.ok(
        lines.some((line) => /1 were not read, the time budget of 0\.3 s ran out \(first: stuck\/vite\.config\.js\)/.test(line)),
        lines.join('\n'),
      );
    } finally {
      index.dispose();
    }
  });
});
