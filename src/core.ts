/**
 * The core of one window: the API key, the client factory, credits, the spend ledger, the job
 * tracker, the generation flow, placeholders, the reference reader and sites, and what agents'
 * calls run. The extension builds it over VS Code's stores (src/services.ts adds the commands and
 * everything shown); the integration tests build the same core over in-memory stores, so that the
 * wiring they test is the wiring that ships.
 */
import * as vscode from 'vscode';
import { AgentCalls } from './agents/agentCalls';
import { ApiKeyStore } from './auth/apiKeyStore';
import { ClientFactory } from './config/clientFactory';
import { readSettings, readWebRoot } from './config/settings';
import { CreditsMonitor } from './credits/creditsMonitor';
import { GenerationFlow } from './flow/generationFlow';
import { PlaceholderMaker } from './flow/placeholders';
import { JobStore } from './jobs/jobStore';
import { JobTracker } from './jobs/jobTracker';
import type { Logger } from './log/logger';
import { ReferenceReader } from './parsing/referenceReader';
import { LedgerFile } from './spending/ledgerFile';
import { SpendLedger } from './spending/spendLedger';
import type { MissingImageReading } from './workspace/documentFindings';
import { resolveOutputFolder } from './workspace/outputFolder';
import { replacedFilesIn } from './workspace/replacedFiles';
import { RepositoryIndex } from './workspace/repositoryIndex';
import { resultSaver } from './workspace/resultFiles';
import { SiteIndex } from './workspace/siteIndex';

/** The label font of placeholders, bundled next to dist/extension.js by esbuild.mjs (Inter, SIL Open Font License). */
export const LABEL_FONT_PATH = ['dist', 'fonts', 'inter-latin-400-normal.woff'] as const;
/** The parser worker's bundle (esbuild.mjs): the finders of src/references/ run there, never on the host's main thread. */
export const PARSER_WORKER_PATH = ['dist', 'parserWorker.js'] as const;

/** Where a window keeps what lasts: VS Code's stores in the extension, in-memory ones in the tests. */
export interface CoreStores {
  readonly secrets: vscode.SecretStorage;
  readonly globalState: vscode.Memento;
  readonly workspaceState: vscode.Memento;
  /** The window's global storage folder: the spend ledger, the placeholders a render replaced. */
  readonly globalStorage: vscode.Uri;
}

export interface CoreOptions {
  readonly stores: CoreStores;
  /** The extension's folder: the placeholders' font and the parser worker are read from its dist/. */
  readonly extensionUri: vscode.Uri;
  readonly logger: Logger;
  readonly version: string;
  /** A failure in the user's words, for the entries of a fill (the notifier's, in the extension). */
  readonly words: (error: unknown) => Promise<string>;
  /** An agent asked for a paid image and there is no key: tell the user (the extension offers Set API Key). */
  readonly missingKey: () => void;
  /** Where SEGMIND_API_KEY is read from (the tests pass none). */
  readonly environment?: NodeJS.ProcessEnv;
}

export interface Core {
  readonly keys: ApiKeyStore;
  readonly clients: ClientFactory;
  readonly credits: CreditsMonitor;
  readonly spending: SpendLedger;
  readonly tracker: JobTracker;
  readonly flow: GenerationFlow;
  readonly placeholders: PlaceholderMaker;
  readonly references: ReferenceReader;
  readonly sites: SiteIndex;
  /** What the scan and the diagnostics resolve references with. */
  readonly reading: MissingImageReading & { readonly sites: SiteIndex; readonly evidence: RepositoryIndex };
  /** What every agent's call runs: the language model tools and the MCP server's channel. */
  readonly calls: AgentCalls;
  /** Everything above that holds a resource. */
  readonly disposables: readonly vscode.Disposable[];
}

export function createCore(options: CoreOptions): Core {
  const { stores, logger, version } = options;
  const keys = new ApiKeyStore(stores.secrets, options.environment);
  const clients = new ClientFactory(keys, logger, version);
  const credits = new CreditsMonitor(clients, keys, logger);
  const spending = new SpendLedger(
    new LedgerFile(stores.globalStorage.fsPath, { log: (line) => logger.warn(line) }),
    () => readSettings().spendLimits,
    Date.now,
    stores.globalState,
  );
  const tracker = new JobTracker({
    store: new JobStore(stores.workspaceState),
    logger,
    clock: clients.clock,
    createClient: () => clients.create(),
    saveResult: resultSaver(
      version,
      () => clients.clock.now(),
      (folder) => resolveOutputFolder(folder, readSettings(folder).outputFolder),
      replacedFilesIn(stores.globalStorage),
    ),
    onRemainingCredits: (remaining) => credits.setRemaining(remaining),
    onCost: (jobId, usd) => spending.reportCost(jobId, usd),
  });
  const flow = new GenerationFlow({ tracker, keys, clients, spending, logger, readSettings });
  let font: Promise<Uint8Array> | undefined;
  const placeholders = new PlaceholderMaker({
    readSettings,
    logger,
    extensionVersion: version,
    font: () => (font ??= Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(options.extensionUri, ...LABEL_FONT_PATH)))),
  });
  const references = new ReferenceReader({
    workerScript: vscode.Uri.joinPath(options.extensionUri, ...PARSER_WORKER_PATH).fsPath,
    log: (line) => logger.warn(line),
  });
  const sites = new SiteIndex(references, logger);
  const evidence = new RepositoryIndex(logger);
  const reading: Core['reading'] = { references, sites, evidence, webRootSetting: readWebRoot };
  const calls = new AgentCalls({
    flow,
    placeholders,
    logger,
    readSettings,
    spending,
    credits: () => credits.refresh(),
    fill: { flow, placeholders, logger, reading, words: options.words },
    missingKey: options.missingKey,
  });
  return {
    keys,
    clients,
    credits,
    spending,
    tracker,
    flow,
    placeholders,
    references,
    sites,
    reading,
    calls,
    disposables: [keys, credits, tracker, spending, references, sites, evidence],
  };
}
