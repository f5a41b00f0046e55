/**
 * Composition root: builds the services, wires them through constructors, registers the commands,
 * and hands every disposable to VS Code once. No logic lives here.
 */
import * as vscode from 'vscode';
import { ApiKeyStore } from './auth/apiKeyStore';
import { checkCreditsCommand } from './commands/checkCredits';
import { clearApiKeyCommand } from './commands/clearApiKey';
import { COMMAND_IDS } from './commands/commandIds';
import { generateImageCommand } from './commands/generateImage';
import { registerCommand } from './commands/registerCommand';
import { setApiKeyCommand } from './commands/setApiKey';
import { ClientFactory } from './config/clientFactory';
import { ImageGenerator } from './generation/imageGenerator';
import { Logger } from './log/logger';
import { Notifier } from './ui/notifier';

export function activate(context: vscode.ExtensionContext): void {
  const { version = '0.0.0' } = context.extension.packageJSON as { version?: string };
  const logger = new Logger(vscode.window.createOutputChannel('Segmind', { log: true }));
  const keys = new ApiKeyStore(context.secrets);
  const clients = new ClientFactory(keys, logger, version);
  const generator = new ImageGenerator({ clients, keys, logger, extensionVersion: version });
  const notifier = new Notifier(logger, async () => (await clients.create().credits()).credits);

  const scrubKeyFromLog = async (): Promise<void> => logger.setSecrets([(await keys.get())?.key ?? '']);
  void scrubKeyFromLog();

  context.subscriptions.push(
    logger,
    keys,
    keys.onDidChange(() => void scrubKeyFromLog()),
    registerCommand(COMMAND_IDS.generateImage, generateImageCommand({ generator, notifier, logger, keys, memento: context.globalState })),
    registerCommand(COMMAND_IDS.setApiKey, setApiKeyCommand({ keys, clients, logger })),
    registerCommand(COMMAND_IDS.clearApiKey, clearApiKeyCommand(keys, logger)),
    registerCommand(COMMAND_IDS.checkCredits, checkCreditsCommand(clients, keys, notifier)),
    registerCommand(COMMAND_IDS.showLog, () => logger.show()),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
