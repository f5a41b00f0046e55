/**
 * Every service of the extension, built together on first use. `extension.ts` imports this module
 * lazily, so activation never pays for the HTTP client and the schema library (~80 ms to load):
 * they load in the background right after startup, or when a command first runs.
 */
import * as vscode from 'vscode';
import { createCore } from './core';
import { checkCreditsCommand } from './commands/checkCredits';
import { clearApiKeyCommand } from './commands/clearApiKey';
import { executeCommand, type CommandHandlers } from './ui/contributions';
import { editImageCommand } from './commands/editImage';
import { exportIconSetCommand } from './commands/exportIconSet';
import { generateImageCommand } from './commands/generateImage';
import { setApiKeyCommand } from './commands/setApiKey';
import { showJobsCommand } from './commands/showJobs';
import { openStudioCommand } from './commands/openStudio';
import { readSettings } from './config/settings';
import { modalConfirm } from './ui/confirm';
import { UploadConsent } from './ui/uploadConsent';
import type { Logger } from './log/logger';
import { SegmindStatusBar } from './statusBar/segmindStatusBar';
import { Notifier } from './ui/notifier';
import { trackKeyContext } from './ui/keyContext';
import { resumeJobsAfterReload } from './ui/resumeNotices';
import { PromptHistory } from './studio/promptHistory';
import { StudioPanel, type StudioDependencies } from './studio/studioPanel';
import { PaletteAsker } from './commands/paletteAsker';
import { GenerateImageTool } from './agents/generateImageTool';
import { makePlaceholderCommand } from './commands/makePlaceholder';
import { fillMissingImagesCommand } from './commands/fillMissingImages';
import { renderPlaceholderCommand } from './commands/renderPlaceholder';
import { generateMissingImageCommand, placeholderForMissingImageCommand } from './commands/missingImageFixes';
import { MissingImageDiagnostics } from './missingImages/missingImageDiagnostics';
import { MissingImageActions } from './missingImages/missingImageActions';
import { PlaceholderContext } from './missingImages/placeholderContext';
import { REFERENCE_LANGUAGES, WEB_MANIFEST_FILES } from './references/languages';
import { type AgentCalls } from './agents/agentCalls';
import { WindowChannel } from './agents/windowChannel';
import { registerWithCursor } from './agents/cursor';
import { currentRuntime, writeLauncher } from './agents/launcher';
import { launchSpecFor } from './agentConfig/launchSpec';
import type { LaunchSpec } from './agentConfig/launchSpec';
import { FindMissingImagesTool } from './agents/findMissingImagesTool';
import { connectAgentCommand } from './commands/connectAgent';
import { COMMAND_IDS } from './base/pure/commandIds';
import { showWarning } from './ui/show';
import { actionLabel } from './ui/pure/errorMessages';

export { LABEL_FONT_PATH, PARSER_WORKER_PATH } from './core';

export type { CommandHandlers } from './ui/contributions';

export interface Services {
  readonly commands: CommandHandlers;
  /** The background start: status bar, credits, jobs of the last session. */
  startUp(): void;
  /** The language model tools: segmind_generate_image and segmind_find_missing_images. */
  readonly tool: GenerateImageTool;
  readonly findTool: FindMissingImagesTool;
  /** Fills a Studio panel VS Code kept over a reload (the serializer's work). */
  reviveStudio(panel: vscode.WebviewPanel): void;
}

export function createServices(context: vscode.ExtensionContext, logger: Logger, version: string): Services {
  const core = createCore({
    stores: { secrets: context.secrets, globalState: context.globalState, workspaceState: context.workspaceState, globalStorage: context.globalStorageUri },
    extensionUri: context.extensionUri,
    logger,
    version,
    // Read when a fill word its entries, after the notifier below exists.
    words: async (error) => (await notifier.wordsFor(error)).text,
    missingKey: () => {
      void showWarning(vscode.l10n.t('An agent asked Segmind for an image, but no API key is set.'), actionLabel('setApiKey')).then((choice) => {
        if (choice) void executeCommand(COMMAND_IDS.setApiKey);
      });
    },
  });
  const { keys, clients, credits, spending, tracker, flow, placeholders, reading, calls } = core;
  const notifier = new Notifier(logger, async () => (await credits.refresh()).credits);
  const consent = new UploadConsent(context.globalState, logger);
  const asker = new PaletteAsker({
    memento: context.globalState,
    consent,
    defaultModel: () => readSettings().defaultModel,
    customModels: () => readSettings().customModels,
  });
  const studio: StudioDependencies = {
    extensionUri: context.extensionUri,
    flow,
    consent,
    confirm: modalConfirm,
    tracker,
    notifier,
    logger,
    history: new PromptHistory(context.workspaceState),
  };
  const fixes = { flow, placeholders, asker, notifier };
  // The launcher agents start the MCP server with: written once per start, so it runs this version's server.
  let launch: Promise<LaunchSpec> | undefined;
  const launchSpec = (): Promise<LaunchSpec> =>
    (launch ??= Promise.all([writeLauncher(context.globalStorageUri, context.extensionPath, version), currentRuntime()]).then(([launcher, runtime]) =>
      launchSpecFor(launcher, runtime),
    ));
  const scrubKeyFromLog = async (): Promise<void> => logger.setSecrets([(await keys.get())?.key ?? '']);

  context.subscriptions.push(
    ...core.disposables,
    keys.onDidChange(() => void scrubKeyFromLog()),
    trackKeyContext(keys),
  );
  // Deactivation detaches the Studio from the services; the panel itself stays for VS Code to restore.
  context.subscriptions.push({ dispose: () => StudioPanel.current?.dispose() });
  void scrubKeyFromLog();

  const commands: CommandHandlers = {
    'segmind.openStudio': openStudioCommand(studio),
    'segmind.generateImage': generateImageCommand({ flow, asker, notifier, logger }),
    'segmind.editImage': editImageCommand({ flow, asker, notifier, logger }),
    'segmind.setApiKey': setApiKeyCommand({ keys, credits, logger }),
    'segmind.clearApiKey': clearApiKeyCommand(keys, credits, logger),
    'segmind.checkCredits': checkCreditsCommand(credits, keys, notifier),
    'segmind.showJobs': showJobsCommand(tracker, clients.clock),
    'segmind.showLog': () => logger.show(),
    'segmind.exportIconSet': exportIconSetCommand({ notifier, logger, outputFolderOf: (folder) => readSettings(folder).outputFolder }),
    'segmind.makePlaceholder': makePlaceholderCommand({ placeholders, notifier, logger }),
    'segmind.fillMissingImages': fillMissingImagesCommand({
      flow,
      placeholders,
      asker,
      notifier,
      logger,
      defaultModel: () => readSettings().defaultModel,
      reading,
    }),
    'segmind.renderPlaceholder': renderPlaceholderCommand({ flow, asker, notifier, logger }),
    'segmind.generateMissingImage': generateMissingImageCommand(fixes),
    'segmind.placeholderForMissingImage': placeholderForMissingImageCommand(fixes),
    'segmind.connectAgent': connectAgentCommand({ launchSpec, notifier, logger }),
  };

  return {
    commands,
    tool: new GenerateImageTool({ flow, logger, spending, calls }),
    findTool: new FindMissingImagesTool(calls),
    startUp: () => {
      context.subscriptions.push(new SegmindStatusBar(tracker, credits, keys, clients.clock, spending));
      const diagnostics = new MissingImageDiagnostics(readSettings, logger, reading);
      context.subscriptions.push(
        diagnostics,
        new PlaceholderContext(),
        vscode.languages.registerCodeActionsProvider(
          [...REFERENCE_LANGUAGES.map((language) => ({ language })), { pattern: `**/${WEB_MANIFEST_FILES}` }],
          new MissingImageActions(diagnostics),
          MissingImageActions.metadata,
        ),
      );
      credits.refreshQuietly();
      void openAgentsChannel(context, calls, launchSpec, logger);
      void resumeJobsAfterReload(tracker, notifier, logger, readSettings().timeoutSeconds * 1000);
    },
    reviveStudio: (panel) => {
      StudioPanel.revive(panel, studio);
    },
  };
}

/** This window's end of the MCP servers' channel, and Cursor's own registration of the server where the editor is Cursor. */
async function openAgentsChannel(context: vscode.ExtensionContext, calls: AgentCalls, launchSpec: () => Promise<LaunchSpec>, logger: Logger): Promise<void> {
  const channel = await WindowChannel.open({ handle: (tool, args, context) => calls.call(tool, args, context), logger });
  if (channel) context.subscriptions.push(channel);
  try {
    const spec = await launchSpec();
    context.subscriptions.push(registerWithCursor(vscode, spec, channel?.window, (line) => logger.info(line)));
  } catch (error) {
    logger.warn(`The MCP server's launcher was not written: ${error instanceof Error ? error.message : String(error)}.`);
  }
}
