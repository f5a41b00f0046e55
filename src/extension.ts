/**
 * Composition root. `activate` only registers the commands and returns (about a millisecond); the
 * services behind them (src/services.ts) are imported lazily — in the background right after
 * startup, to show the status bar, fetch credits and resume the last session's jobs, or at once if
 * a command runs first. Every disposable goes to `context.subscriptions`.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { COMMAND_IDS } from './base/pure/commandIds';
import { FIND_TOOL_NAME, TOOL_NAME } from './base/pure/toolIds';
import { registerLazily } from './ui/contributions';
import { Logger } from './log/logger';
import type { Services } from './services';
import { STUDIO_VIEW_TYPE } from './studio/pure/studioViewType';
import { StudioSerializer } from './studio/studioSerializer';

export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  // The pure modules (domain/, shared/ and every pure/ subfolder) put things into sentences with
  // @vscode/l10n: it gets the same bundle as vscode.l10n, before anything can say a word.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const { version = '0.0.0' } = context.extension.packageJSON as { version?: string };
  const logger = new Logger(vscode.window.createOutputChannel('Segmind', { log: true }));
  context.subscriptions.push(logger);

  let loading: Promise<Services> | undefined;
  const services = (): Promise<Services> => (loading ??= import('./services.js').then(({ createServices }) => createServices(context, logger, version)));

  for (const id of Object.values(COMMAND_IDS)) {
    context.subscriptions.push(registerLazily(id, async () => (await services()).commands));
  }

  // The agent tools, registered at once (an agent may call one first) and served by the lazy services.
  // vscode.lm is there from 1.95, which engines asks for; the check keeps a host without it working.
  if (typeof vscode.lm?.registerTool === 'function') {
    context.subscriptions.push(
      vscode.lm.registerTool<never>(TOOL_NAME, {
        prepareInvocation: async (options) => (await services()).tool.prepareInvocation(options),
        invoke: async (options, token) => (await services()).tool.invoke(options, token),
      }),
      vscode.lm.registerTool<never>(FIND_TOOL_NAME, {
        prepareInvocation: async () => (await services()).findTool.prepareInvocation(),
        invoke: async (options, token) => (await services()).findTool.invoke(options, token),
      }),
    );
  }

  // Synchronously, so VS Code finds it when this activation was for restoring the Studio after a reload.
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(STUDIO_VIEW_TYPE, new StudioSerializer(async (panel) => (await services()).reviveStudio(panel))),
  );

  setTimeout(() => {
    const loadStarted = performance.now();
    services().then(
      (ready) => {
        const built = performance.now();
        ready.startUp();
        logger.info(`Services loaded in ${(performance.now() - loadStarted).toFixed(1)} ms (built in ${(built - loadStarted).toFixed(1)} ms).`);
      },
      (error: unknown) => logger.error('Could not start the extension services', error),
    );
  }, 0);
  logger.info(`Image Studio for Segmind ${version} activated in ${(performance.now() - started).toFixed(2)} ms.`);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions; running jobs stay persisted and resume.
}
