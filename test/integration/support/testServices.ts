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
import { PlaceholderMaker } from '../../../src/flow/placeholders';
import { LedgerFile } from '../../../src/spending/ledgerFile';
import { replacedFilesIn } from '../../../src/workspace/replacedFiles';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MemoryMemento, MemorySecrets } from './memoryStores';
import { AgentCalls } from '../../../src/agents/agentCalls';
import { CreditsMonitor } from '../../../src/credits/creditsMonitor';
import { ReferenceReader } from '../../../src/parsing/referenceReader';
import { SiteIndex } from '../../../src/workspace/siteIndex';
import { TEST_KEY } from './segmindFixture';

export interface TestServices {
  readonly logger: Logger;
  readonly keys: ApiKeyStore;
  readonly clients: ClientFactory;
  readonly tracker: JobTracker;
  readonly spending: SpendLedger;
  readonly flow: GenerationFlow;
  readonly placeholders: PlaceholderMaker;
  /** What agents' calls run (the language model tools and the MCP server's channel). */
  readonly calls: AgentCalls;
  /** The window's global storage (the spend ledger, replaced placeholders): a folder of its own. */
  readonly storage: string;
  readonly dispose: () => void;
}

/** A global storage folder of its own, as each test's window gets one (pass `shared` to share one, as the windows of one machine do). */
export function storageFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'segmind-storage-'));
}

/** The font the extension bundles (esbuild.mjs copies it into dist/fonts/). */
export const LABEL_FONT = new Uint8Array(
  fs.readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'node_modules', '@fontsource', 'inter', 'files', 'inter-latin-400-normal.woff')),
);

const channels = new Map<string, vscode.LogOutputChannel>();

/** With the test key stored, unless `withKey` is false. */
export async function testServices(name: string, withKey = true, storage = storageFolder()): Promise<TestServices> {
  const channel = channels.get(name) ?? vscode.window.createOutputChannel(`Segmind (${name})`, { log: true });
  channels.set(name, channel);
  const logger = new Logger(channel);
  const keys = new ApiKeyStore(new MemorySecrets(), {});
  if (withKey) await keys.store(TEST_KEY);
  const clients = new ClientFactory(keys, logger, 'test');
  const tracker = new JobTracker({
    store: new JobStore(new MemoryMemento()),
    logger,
    clock: clients.clock,
    createClient: () => clients.create(),
    saveResult: resultSaver(
      'test',
      () => Date.now(),
      (folder) => resolveOutputFolder(folder, readSettings(folder).outputFolder),
      replacedFilesIn(vscode.Uri.file(storage)),
    ),
    onCost: (jobId, usd) => spending.reportCost(jobId, usd),
  });
  const spending = new SpendLedger(new LedgerFile(storage), () => readSettings().spendLimits);
  const flow = new GenerationFlow({ tracker, keys, clients, spending, logger, readSettings });
  const placeholders = new PlaceholderMaker({ readSettings, logger, extensionVersion: 'test', font: () => Promise.resolve(LABEL_FONT) });
  const credits = new CreditsMonitor(clients, keys, logger);
  const references = new ReferenceReader({
    workerScript: path.resolve(__dirname, '..', '..', '..', '..', 'dist', 'parserWorker.js'),
    log: (line) => logger.warn(line),
  });
  const sites = new SiteIndex(references, logger);
  const calls = new AgentCalls({
    flow,
    placeholders,
    logger,
    readSettings,
    spending,
    credits: () => credits.refresh(),
    fill: {
      flow,
      placeholders,
      logger,
      reading: { references, sites, webRootSetting: (folder) => readSettings(folder).missingImages.webRoot },
      words: (error) => Promise.resolve(error instanceof Error ? error.message : String(error)),
    },
    missingKey: () => undefined,
  });
  return {
    logger,
    keys,
    clients,
    tracker,
    spending,
    flow,
    placeholders,
    calls,
    storage,
    dispose: () => {
      tracker.dispose();
      keys.dispose();
      spending.dispose();
      credits.dispose();
      sites.dispose();
      references.dispose();
    },
  };
}
