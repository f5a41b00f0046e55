/**
 * The Image Studio panel, host side. One instance: opening it again reveals it; after a reload the
 * serializer revives it (studioSerializer.ts). The host posts nothing until the webview says
 * `ready`, and every message from the webview is parsed (src/protocol/studioMessages.ts) before anything is done
 * with it; the Uris it names are checked again here (inside the workspace, in the gallery, …).
 */
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { Disposable } from '../base/dispose';
import type { Logger } from '../log/logger';
import { readSettings } from '../config/settings';
import { MODELS, resolveParameters } from '../domain/generation/catalog';
import { runStudioCommand, studioModels } from './studioCommands';
import { fromDataUrl } from '../domain/images/dataUrl';
import { InvalidParametersError, ModelRetiredError } from '../domain/errors/errors';
import type { Asker, GenerationFlow } from '../flow/generationFlow';
import type { JobTracker } from '../jobs/jobTracker';
import { parseWebviewMessage } from '../protocol/studioMessages';
import type { GenerateRequest, HostToWebview, StudioSettings, WebviewToHost } from '../protocol/studioProtocol';
import type { Notifier } from '../ui/notifier';
import type { Confirm } from '../ui/confirm';
import type { UploadConsent } from '../ui/uploadConsent';
import { GalleryWatcher, studioOutputFolders } from './gallery';
import type { PromptHistory } from './promptHistory';
import { StudioAsker } from './studioAsker';
import { StudioChannel } from './studioChannel';
import { openImage, StudioGallery } from './studioGallery';
import { StudioInputs } from './studioInputs';
import { toWorkspaceUri } from './webviewUris';

export { toWorkspaceUri } from './webviewUris';
import { renderStudioHtml } from './pure/studioHtml';
import { STUDIO_VIEW_TYPE } from './pure/studioViewType';
import { jobView, runSummary, studioChoices } from './pure/studioViews';

const JOBS_THROTTLE_MS = 250;

export interface StudioDependencies {
  readonly extensionUri: vscode.Uri;
  readonly flow: GenerationFlow;
  readonly consent: UploadConsent;
  /** Asks "run again" from a sidecar before it spends on several images or uploads (a modal). */
  readonly confirm: Confirm;
  readonly tracker: JobTracker;
  readonly notifier: Notifier;
  readonly logger: Logger;
  readonly history: PromptHistory;
}

/** What the webview may load: the extension's `dist` and `media`, and the output folder(s). */
export function studioWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media'), ...studioOutputFolders()],
  };
}

export class StudioPanel extends Disposable {
  /** The one open Studio of this window (of this copy of the module). */
  static current: StudioPanel | undefined;

  /** Opens the Studio, or reveals the open one; `inputs` are added as edit inputs. */
  static show(deps: StudioDependencies, inputs: readonly vscode.Uri[] = []): StudioPanel {
    const open = StudioPanel.current;
    if (open) {
      open.panel.reveal();
      if (inputs.length > 0) void open.addInputs(inputs);
      return open;
    }
    const panel = vscode.window.createWebviewPanel(STUDIO_VIEW_TYPE, vscode.l10n.t('Image Studio'), vscode.ViewColumn.Active, {
      ...studioWebviewOptions(deps.extensionUri),
      // The mask being painted lives in the webview; keep it when the tab is in the background.
      retainContextWhenHidden: true,
    });
    const studio = new StudioPanel(panel, deps);
    if (inputs.length > 0) void studio.addInputs(inputs);
    return studio;
  }

  /** The serializer's entry point, after a reload: a panel VS Code kept, to be filled again. */
  static revive(panel: vscode.WebviewPanel, deps: StudioDependencies): StudioPanel {
    StudioPanel.current?.panel.dispose(); // never two
    return new StudioPanel(panel, deps);
  }

  private readonly channel: StudioChannel;
  /** Every message posted to the webview (for tests and diagnostics). */
  readonly onDidPost: vscode.Event<HostToWebview>;
  private readonly inputs: StudioInputs;
  private readonly gallery: StudioGallery;
  private jobsTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly asker: StudioAsker;

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: StudioDependencies,
  ) {
    super();
    this.asker = new StudioAsker(deps.consent);
    this.channel = this._register(new StudioChannel(panel.webview, deps.notifier, deps.logger));
    this.onDidPost = this.channel.onDidPost;
    this.inputs = new StudioInputs(this.channel, panel.webview);
    this.gallery = new StudioGallery(this.channel, panel.webview, this.inputs, {
      logger: deps.logger,
      confirm: deps.confirm,
      run: (settings, images, mask, asker) => this.run(settings, images, mask, asker),
      isClosed: () => this.isDisposed,
    });
    StudioPanel.current = this;
    panel.iconPath = {
      light: vscode.Uri.joinPath(deps.extensionUri, 'media', 'studio', 'studio-light.svg'),
      dark: vscode.Uri.joinPath(deps.extensionUri, 'media', 'studio', 'studio-dark.svg'),
    };
    panel.webview.options = studioWebviewOptions(deps.extensionUri);
    panel.webview.html = this.html();

    this._register(panel.onDidDispose(() => this.dispose()));
    this._register(panel.webview.onDidReceiveMessage((raw: unknown) => void this.handleMessage(raw)));
    this._register(deps.tracker.onDidChange(() => this.scheduleJobs()));
    const watcher = this._register(new GalleryWatcher());
    this._register(watcher.onDidChange(() => void this.gallery.refresh()));
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('segmind.outputFolder')) panel.webview.options = studioWebviewOptions(deps.extensionUri);
      }),
    );
    this._register({
      dispose: () => {
        if (this.jobsTimer) clearTimeout(this.jobsTimer);
      },
    });
  }

  override dispose(): void {
    if (StudioPanel.current === this) StudioPanel.current = undefined;
    super.dispose();
  }

  /** Closes the panel (and so disposes this). */
  close(): void {
    this.panel.dispose();
  }

  /**
   * One message from the webview: parsed, then acted on. Resolves when the action is done (for a
   * generate: when its jobs have finished). Never rejects: failures become a notice in the webview.
   */
  async handleMessage(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.deps.logger.warn(`Image Studio: ignored an invalid message from the webview (${parsed.reason}).`);
      return;
    }
    try {
      await this.act(parsed.message);
    } catch (error) {
      await this.channel.showError(error);
    }
  }

  private async act(message: WebviewToHost): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.onReady();
      case 'generate':
        return this.generate(message.request);
      case 'cancelJob':
        if (this.deps.tracker.cancel(message.jobId))
          this.deps.logger.info('Image Studio: stopped waiting for a job (Segmind may still finish it and charge for it).');
        return;
      case 'openJobImage': {
        const job = this.deps.tracker.snapshots().find((candidate) => candidate.id === message.jobId);
        if (job?.savedUri) await openImage(vscode.Uri.parse(job.savedUri));
        return;
      }
      case 'pickInputs':
        return this.inputs.pick();
      case 'addInputs':
        return this.addInputs(message.uris.map((uri) => toWorkspaceUri(uri)).filter((uri): uri is vscode.Uri => uri !== undefined));
      case 'galleryAction':
        return this.gallery.act(message.action, message.uri);
      case 'runCommand':
        return runStudioCommand(message.command, message.setting);
    }
  }

  private async onReady(): Promise<void> {
    const pending = this.channel.open();
    const settings = readSettings(vscode.workspace.workspaceFolders?.[0]?.uri);
    const model = settings.defaultModel;
    let parameters = MODELS[model].defaults;
    try {
      parameters = resolveParameters(model, settings.parameters);
    } catch {
      // a setting that does not fit: the form starts from the model's defaults, generating says why
    }
    this.post({
      type: 'init',
      models: studioModels(settings.customModels),
      defaults: { prompt: '', model, parameters: { ...parameters }, variants: 1 },
      choices: studioChoices(),
      hasWorkspace: (vscode.workspace.workspaceFolders?.length ?? 0) > 0,
      ...(settings.stylePrompt.trim() ? { stylePrompt: settings.stylePrompt.replace(/\s+/g, ' ').trim() } : {}),
    });
    this.postJobs();
    this.post({ type: 'history', entries: this.deps.history.entries() });
    for (const message of pending) this.post(message);
    await this.gallery.refresh();
  }

  private async generate(request: GenerateRequest): Promise<void> {
    const { inputs, mask, ...settings } = request;
    let paintedMask: Uint8Array | undefined;
    if (mask) {
      const decoded = fromDataUrl(mask);
      if (decoded?.format !== 'png') throw new InvalidParametersError([{ parameter: 'mask', message: vscode.l10n.t('The painted mask is not a PNG image.') }]);
      paintedMask = decoded.bytes;
    }
    await this.run(
      settings,
      inputs.map((uri) => toWorkspaceUri(uri) ?? uri),
      { ...(paintedMask ? { paintedMask } : {}) },
      this.asker,
    );
  }

  /** The one flow, with the Studio's asking (almost none) and presenting (job cards, notices, history, gallery). */
  private async run(settings: StudioSettings, images: readonly unknown[], mask: { paintedMask?: Uint8Array; maskFile?: string }, asker: Asker): Promise<void> {
    const options = {
      prompt: settings.prompt,
      model: settings.model,
      variants: settings.variants,
      ...settings.parameters,
      images: [...images],
      ...(mask.maskFile ? { mask: mask.maskFile } : {}),
      ...(settings.resize ? { resize: settings.resize, fit: settings.fit ?? null } : {}),
      ...(settings.path ? { path: settings.path } : {}),
      ...(settings.style === false ? { style: false } : {}),
    };
    const result = await this.deps.flow.run({ options, ...(mask.paintedMask ? { paintedMask: mask.paintedMask } : {}) }, asker, {
      started: async () => this.post({ type: 'history', entries: await this.deps.history.add(settings) }),
      step: (text) => this.post({ type: 'busy', text }),
      report: async ({ outcome: { saved, failures } }) => {
        // Failed jobs say why on their cards; a retired model also in a notice with Open Settings (Run again, too).
        const retired = failures.find((failure) => failure instanceof ModelRetiredError);
        if (retired) await this.channel.showError(retired);
        if (saved.length === 0) return;
        const names = saved.map((image) => vscode.workspace.asRelativePath(image.uri)).join(', ');
        this.channel.notice(
          runSummary(
            names,
            saved.flatMap((image) => image.warnings),
            failures.length,
          ),
        );
        await this.gallery.refresh();
      },
    });
    if (!result.ran) this.channel.notice({ severity: 'info', text: result.reason, actions: [] });
  }

  /** Adds images as edit inputs (from the Explorer, the preview's title, a drop). */
  addInputs(uris: readonly vscode.Uri[]): Promise<void> {
    return this.inputs.add(uris);
  }

  private scheduleJobs(): void {
    if (this.jobsTimer || this.isDisposed) return;
    this.jobsTimer = setTimeout(() => {
      this.jobsTimer = undefined;
      this.postJobs();
    }, JOBS_THROTTLE_MS);
  }

  private postJobs(): void {
    const now = Date.now();
    this.post({
      type: 'jobs',
      jobs: this.deps.tracker.snapshots().map((job) => jobView(job, now, (uri) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri)))),
    });
  }

  private post(message: Parameters<StudioChannel['post']>[0]): void {
    this.channel.post(message);
  }

  private html(): string {
    const webview = this.panel.webview;
    const asset = (...path: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, ...path)).toString();
    return renderStudioHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: asset('dist', 'webview', 'studio.js'),
      styleUri: asset('dist', 'webview', 'studio.css'),
      codiconUri: asset('dist', 'codicons', 'codicon.css'),
      language: vscode.env.language,
      ...(vscode.l10n.bundle ? { bundle: vscode.l10n.bundle } : {}),
    });
  }
}
