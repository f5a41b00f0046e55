/**
 * The services of one extension window, built by a test from out/src over in-memory stores and the
 * fake Segmind (whose URLs are in the user settings): the same wiring as src/services.ts.
 */
import * as vscode from 'vscode';
import { ApiKeyStore } from '../../../src/auth/apiKeyStore';
import { ClientFactory } from '../../../src/config/clientFactory';
import { readSettings } from '../../../src/config/settings';
import { GenerationFlow } from '../../../src/flow/generationFlow';
import { JobStore } from '../../../src/jobs/jobStore';
import { JobTracker } from '../../../src/jobs/jobTracker';
import { Logger } from '../../../src/log/logger';
import { SpendLedger } from '../../../src/spending/spendLedger';
import { resolveOutputFolder } from '../../../src/workspace/outputFolder';
import { resultSaver } from '../../../src/workspace/resultFiles';
import { MemoryMemento, MemorySecrets } from './memoryStores';
import { TEST_KEY } from './segmindFixture';

export interface TestServices {
  readonly logger: Logger;
  readonly keys: ApiKeyStore;
  readonly clients: ClientFactory;
  readonly tracker: JobTracker;
  readonly spending: SpendLedger;
  readonly flow: GenerationFlow;
  readonly dispose: () => void;
}

const channels = new Map<string, vscode.LogOutputChannel>();

/** With the test key stored, unless `withKey` is false. */
export async function testServices(name: string, withKey = true): Promise<TestServices> {
  const channel = channels.get(name) ?? vscode.window.createOutputChannel(`Segmind (${name})`, { log: true });
  channels.set(name, channel);
  const logger = new Logger(channel);
  const keys = new ApiKeyStore(new MemorySecrets(), {});
  if (withKey) await keys.store(TEST_KEY);
  const clients = new ClientFactory(keys, logger, 'test');
  const tracker = new JobTracker({
    store: new JobStore(new MemoryMemento()), logger, clock: clients.clock, createClient: () => clients.create(), saveResult: resultSaver('test', () => Date.now(), (folder) => resolveOutputFolder(folder, readSettings(folder).outputFolder)),
  });
  const spending = new SpendLedger(new MemoryMemento(), () => readSettings().spendLimits);
  const flow = new GenerationFlow({ tracker, keys, clients, spending, logger, readSettings });
  return { logger, keys, clients, tracker, spending, flow, dispose: () => { tracker.dispose(); keys.dispose(); spending.dispose(); } };
}
