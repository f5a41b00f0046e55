/**
 * The services of one extension window, built by a test from out/src: the extension's own core
 * (src/core.ts, `createCore`) over in-memory stores and the fake Segmind (whose URLs are in the
 * user settings). Nothing here wires anything itself, so nothing can drift from what ships.
 */
import * as vscode from 'vscode';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createCore, type Core } from '../../../src/core';
import { Logger } from '../../../src/log/logger';
import { MemoryMemento, MemorySecrets } from './memoryStores';
import { TEST_KEY } from './segmindFixture';

export interface TestServices extends Pick<Core, 'keys' | 'clients' | 'tracker' | 'spending' | 'flow' | 'placeholders' | 'calls'> {
  readonly logger: Logger;
  /** The window's global storage (the spend ledger, replaced placeholders): a folder of its own. */
  readonly storage: string;
  readonly dispose: () => void;
}

/** A global storage folder of its own, as each test's window gets one (pass `shared` to share one, as the windows of one machine do). */
export function storageFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'segmind-storage-'));
}

/** The repository: its dist/ holds the parser worker and the placeholders' font, as the extension's folder does. */
const repoRoot = vscode.Uri.file(path.resolve(__dirname, '..', '..', '..', '..'));

const channels = new Map<string, vscode.LogOutputChannel>();

/** With the test key stored, unless `withKey` is false. */
export async function testServices(name: string, withKey = true, storage = storageFolder()): Promise<TestServices> {
  const channel = channels.get(name) ?? vscode.window.createOutputChannel(`Segmind (${name})`, { log: true });
  channels.set(name, channel);
  const logger = new Logger(channel);
  const core = createCore({
    stores: { secrets: new MemorySecrets(), globalState: new MemoryMemento(), workspaceState: new MemoryMemento(), globalStorage: vscode.Uri.file(storage) },
    extensionUri: repoRoot,
    logger,
    version: 'test',
    words: (error) => Promise.resolve(error instanceof Error ? error.message : String(error)),
    missingKey: () => undefined,
    environment: {},
  });
  if (withKey) await core.keys.store(TEST_KEY);
  return {
    logger,
    keys: core.keys,
    clients: core.clients,
    tracker: core.tracker,
    spending: core.spending,
    flow: core.flow,
    placeholders: core.placeholders,
    calls: core.calls,
    storage,
    dispose: () => {
      for (const disposable of core.disposables) disposable.dispose();
    },
  };
}
