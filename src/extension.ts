/**
 * Composition root: builds the services, wires them through constructors, registers the commands,
 * and hands every disposable to VS Code once. No logic lives here; nothing slow runs before
 * `activate` returns (resuming jobs and fetching credits happen right after, in the background).
 */
import * as vscode from 'vscode';
import { ApiKeyStore } from './auth/apiKeyStore';
import { checkCreditsCommand } from './commands/checkCredits';
import { clearApiKeyCommand } from './commands/clearApiKey';
import { COMMAND_IDS } from './commands/commandIds';
import { editImageCommand } from './commands/editImage';
import { generateImageCommand } from './commands/generateImage';
import { registerCommand } from './commands/registerCommand';
import { setApiKeyCommand } from './commands/setApiKey';
import { showJobsCommand } from './commands/showJobs';
import { ClientFactory } from './config/clientFactory';
import { readSettings } from './config/settings';
import { CreditsMonitor } from './credits/creditsMonitor';
import { UploadConsent } from './edit/uploadConsent';
import { ImageGenerator } from './generation/imageGenerator';
import { JobStore } from './jobs/jobStore';
import { JobTracker } from './jobs/jobTracker';
import { Logger } from './log/logger';
import { SegmindStatusBar } from './statusBar/segmindStatusBar';
import { Notifier } from './ui/notifier';
import { resumeJobsAfterReload } from './ui/resumeNotices';

export function activate(context: vscode.ExtensionContext): void {
  const { version = '0.0.0' } = context.extension.packageJSON as { version?: string };
  const logger = new Logger(vscode.window.createOutputChannel('Segmind', { log: true }));
  const keys = new ApiKeyStore(context.secrets);
  const clients = new ClientFactory(keys, logger, version);
  const credits = new CreditsMonitor(clients, keys, logger);
  const tracker = new JobTracker({
    store: new JobStore(context.workspaceState), clients, logger, clock: clients.clock, extensionVersion: version,
    onRemainingCredits: (remaining) => credits.setRemaining(remaining),
  });
  const generator = new ImageGenerator({ tracker, keys, logger });
  const notifier = new Notifier(logger, async () => (await credits.refresh()).credits);
  const statusBar = new SegmindStatusBar(tracker, credits, keys, clients.clock);

  const scrubKeyFromLog = async (): Promise<void> => logger.setSecrets([(await keys.get())?.key ?? '']);

  context.subscriptions.push(
    logger,
    keys,
    credits,
    tracker,
    statusBar,
    keys.onDidChange(() => void scrubKeyFromLog()),
    registerCommand(COMMAND_IDS.generateImage, generateImageCommand({ generator, notifier, logger, keys, memento: context.globalState })),
    registerCommand(COMMAND_IDS.editImage, editImageCommand({ generator, clients, notifier, logger, keys, consent: new UploadConsent(context.globalState, logger) })),
    registerCommand(COMMAND_IDS.setApiKey, setApiKeyCommand({ keys, credits, logger })),
    registerCommand(COMMAND_IDS.clearApiKey, clearApiKeyCommand(keys, credits, logger)),
    registerCommand(COMMAND_IDS.checkCredits, checkCreditsCommand(credits, keys, notifier)),
    registerCommand(COMMAND_IDS.showJobs, showJobsCommand(tracker, clients.clock)),
    registerCommand(COMMAND_IDS.showLog, () => logger.show()),
  );

  // After activation, never delaying it.
  void scrubKeyFromLog();
  credits.refreshQuietly();
  void resumeJobsAfterReload(tracker, notifier, logger, readSettings().timeoutSeconds * 1000);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions; running jobs stay persisted and resume.
}
