/**
 * The Image Studio panel, host side. One instance: opening it again reveals it; after a reload the
 * serializer revives it (studioSerializer.ts). The host posts nothing until the webview says
 * `ready`, and every message from the webview is parsed (src/protocol/studioMessages.ts) before anything is done
 * with it; the Uris it names are checked again here (inside the workspace, in the gallery, …).
 */
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { COMMAND_IDS } from '../base/commandIds';
import { Disposable } from '../base/dispose';
import type { Logger } from '../log/logger';
import { readSettings } from '../config/settings';
import { MODELS, resolveParameters } from '../domain/catalog';
import { fromDataUrl, toDataUrl } from '../domain/dataUrl';
import { InvalidParametersError } from '../domain/errors';
import { altText, imageLink } from '../domain/links';
import { isPaintedMask } from '../domain/sidecar';
import { isInside } from '../domain/workspacePath';
import type { Asker, GenerationFlow } from '../flow/generationFlow';
import type { JobTracker } from '../jobs/jobTracker';
import { parseWebviewMessage } from '../protocol/studioMessages';
import type {
  GalleryAction,
  GalleryItemView,
  GenerateRequest,
  HostToWebview,
  InputView,
  NoticeView,
  StudioCommand,
  StudioSettings,
  WebviewToHost,
} from '../protocol/studioProtocol';
import type { ErrorAction } from '../ui/errorMessages';
import type { Notifier } from '../ui/notifier';
import type { Confirm } from '../ui/confirm';
import type { UploadConsent } from '../ui/uploadConsent';
import { readEditInputs, resolveEditInputs } from '../workspace/editInputReader';
import { GalleryWatcher, listGallery, studioOutputFolders, type GalleryEntry } from './gallery';
import type { PromptHistory } from './promptHistory';
import { SidecarRunAsker } from './sidecarRunAsker';
import { StudioAsker } from './studioAsker';
import { renderStudioHtml } from './studioHtml';
import { STUDIO_VIEW_TYPE } from './studioViewType';
import { jobView, modelView, studioChoices } from './studioViews';

const TITLE = 'Image Studio';
/** Inputs outside the output folder are previewed as data: URLs; bigger ones get no preview. */
const MAX_PREVIEW_BYTES = 8 * 1024 * 1024;
const JOBS_THROTTLE_MS = 250;
const STUDIO_COMMANDS: readonly StudioCommand[] = ['setApiKey', 'showLog', 'checkCredits'];

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
    const panel = vscode.window.createWebviewPanel(STUDIO_VIEW_TYPE, TITLE, vscode.ViewColumn.Active, {
      ...studioWebviewOptions(deps.extensionUri),
      // The mask being painted lives in the webview; keep it when the tab is in the background.
      retainContextWhenHidden: true,
    });
    const studio = new StudioPanel(panel, deps);
    if (inputs.length > 0) void studio.addInputs(inputs);
    return studio;
  }

  /** The serializer's way in, after a reload: a panel VS Code kept, to be filled again. */
  static revive(panel: vscode.WebviewPanel, deps: StudioDependencies): StudioPanel {
    StudioPanel.current?.panel.dispose(); // never two
    return new StudioPanel(panel, deps);
  }

  private readonly posted = this._register(new vscode.EventEmitter<HostToWebview>());
  /** Every message posted to the webview (for tests and diagnostics). */
  readonly onDidPost = this.posted.event;
  private ready = false;
  /** Messages that came up before `ready` and are not part of the full state sent then. */
  private pending: HostToWebview[] = [];
  private jobsTimer: ReturnType<typeof setTimeout> | undefined;
  private gallery = new Map<string, GalleryEntry>();
  private readonly asker: StudioAsker;

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: StudioDependencies,
  ) {
    super();
    this.asker = new StudioAsker(deps.consent);
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
    this._register(watcher.onDidChange(() => void this.refreshGallery()));
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
      await this.showError(error);
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
        return this.pickInputs();
      case 'addInputs':
        return this.addInputs(message.uris.map((uri) => toWorkspaceUri(uri)).filter((uri): uri is vscode.Uri => uri !== undefined));
      case 'galleryAction':
        return this.galleryAction(message.action, message.uri);
      case 'runCommand':
        await vscode.commands.executeCommand(COMMAND_IDS[message.command]);
        return;
    }
  }

  private async onReady(): Promise<void> {
    this.ready = true;
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
      models: Object.values(MODELS).map(modelView),
      defaults: { prompt: '', model, parameters: { ...parameters }, variants: 1 },
      choices: studioChoices(),
      hasWorkspace: (vscode.workspace.workspaceFolders?.length ?? 0) > 0,
    });
    this.postJobs();
    this.post({ type: 'history', entries: this.deps.history.entries() });
    const pending = this.pending.splice(0);
    for (const message of pending) this.post(message);
    await this.refreshGallery();
  }

  private async generate(request: GenerateRequest): Promise<void> {
    const { inputs, mask, ...settings } = request;
    let paintedMask: Uint8Array | undefined;
    if (mask) {
      const decoded = fromDataUrl(mask);
      if (decoded?.format !== 'png') throw new InvalidParametersError([{ parameter: 'mask', message: 'The painted mask is not a PNG image.' }]);
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
    };
    const result = await this.deps.flow.run({ options, ...(mask.paintedMask ? { paintedMask: mask.paintedMask } : {}) }, asker, {
      started: async () => this.post({ type: 'history', entries: await this.deps.history.add(settings) }),
      step: (text) => this.post({ type: 'busy', text }),
      report: async ({ outcome: { saved, failures } }) => {
        // Failed jobs say why on their cards; a summary here says what came of the run.
        if (saved.length === 0) return;
        const names = saved.map((image) => vscode.workspace.asRelativePath(image.uri)).join(', ');
        const warnings = saved.flatMap((image) => image.warnings);
        this.notice(
          warnings.length > 0
            ? { severity: 'warning', text: `Saved ${names}. ${warnings.join(' ')}`, actions: ['showLog'] }
            : { severity: 'info', text: `Saved ${names}${failures.length > 0 ? ` (${failures.length} failed)` : ''}.`, actions: [] },
        );
        await this.refreshGallery();
      },
    });
    if (!result.ran) this.notice({ severity: 'info', text: result.reason, actions: [] });
  }

  private async pickInputs(): Promise<void> {
    const picked = await vscode.window.showOpenDialog({
      title: 'Image Studio: images to edit',
      openLabel: 'Add to Edit',
      canSelectMany: true,
      filters: { Images: ['png', 'jpg', 'jpeg', 'webp', 'PNG', 'JPG', 'JPEG', 'WEBP'] },
      ...(vscode.workspace.workspaceFolders?.[0] ? { defaultUri: vscode.workspace.workspaceFolders[0].uri } : {}),
    });
    if (picked && picked.length > 0) await this.addInputs(picked);
  }

  /** Checks each image (inside the workspace, really an image) and sends the good ones with a preview. */
  async addInputs(uris: readonly vscode.Uri[]): Promise<void> {
    const views: InputView[] = [];
    const problems: string[] = [];
    for (const uri of uris) {
      try {
        const resolved = await resolveEditInputs([uri]);
        const [image] = (await readEditInputs(resolved.images)).images;
        const [ref] = resolved.images;
        if (!image || !ref) continue;
        views.push({
          uri: ref.uri.toString(),
          path: ref.path,
          ...this.previewOf(ref.uri, image.bytes, image.format),
          ...(image.pixelSize ? { width: image.pixelSize.width, height: image.pixelSize.height } : {}),
        });
      } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
      }
    }
    if (views.length > 0) this.post({ type: 'inputsAdded', inputs: views });
    if (problems.length > 0) this.notice({ severity: 'error', text: problems.join(' '), actions: [] });
  }

  private previewOf(uri: vscode.Uri, bytes: Uint8Array, format: Parameters<typeof toDataUrl>[1]): { src?: string } {
    if (studioOutputFolders().some((folder) => folder.scheme === uri.scheme && isInside(folder.path, uri.path))) {
      return { src: this.panel.webview.asWebviewUri(uri).toString() };
    }
    // Outside the local resource roots: a data: URL (the mask painter needs the image itself).
    return bytes.length <= MAX_PREVIEW_BYTES ? { src: toDataUrl(bytes, format) } : {};
  }

  private async galleryAction(action: GalleryAction, uriText: string): Promise<void> {
    const entry = this.gallery.get(uriText);
    if (!entry) {
      this.deps.logger.warn('Image Studio: a gallery action named an image that is not in the gallery; ignored.');
      return;
    }
    switch (action) {
      case 'open':
        return openImage(entry.uri);
      case 'reveal':
        await vscode.commands.executeCommand('revealInExplorer', entry.uri);
        return;
      case 'copyLink': {
        const link = imageLink('markdown', vscode.workspace.asRelativePath(entry.uri, false), altText(entry.summary.prompt));
        await vscode.env.clipboard.writeText(link);
        this.notice({ severity: 'info', text: `Copied ${link}`, actions: [] });
        return;
      }
      case 'useAsInput':
        return this.addInputs([entry.uri]);
      case 'regenerate': {
        const { settings, sourceImages, maskPath } = entry.summary;
        if (!settings) {
          this.notice({ severity: 'error', text: `${entry.path} was made with settings this version cannot repeat (see its sidecar).`, actions: [] });
          return;
        }
        this.post({ type: 'restoreSettings', settings });
        const painted = maskPath !== undefined && isPaintedMask(maskPath);
        if (painted) this.notice({ severity: 'info', text: 'The mask painted for that edit was not kept; running it again without a mask.', actions: [] });
        await this.run(settings, sourceImages, maskPath && !painted ? { maskFile: maskPath } : {}, new SidecarRunAsker(this.deps.confirm, entry.path));
        return;
      }
    }
  }

  private async refreshGallery(): Promise<void> {
    if (this.isDisposed) return;
    const entries = await listGallery();
    if (this.isDisposed) return; // closed while the folder was being read
    this.gallery = new Map(entries.map((entry) => [entry.uri.toString(), entry]));
    const items: GalleryItemView[] = entries.map((entry) => ({
      uri: entry.uri.toString(),
      name: entry.name,
      path: entry.path,
      src: this.panel.webview.asWebviewUri(entry.uri).toString(),
      prompt: entry.summary.prompt,
      model: entry.summary.model,
      savedAt: entry.savedAt,
      edited: entry.summary.sourceImages.length > 0,
      ...(entry.summary.width ? { width: entry.summary.width } : {}),
      ...(entry.summary.height ? { height: entry.summary.height } : {}),
    }));
    const folder = vscode.workspace.workspaceFolders?.[0];
    this.post({ type: 'gallery', items, folder: folder ? readSettings(folder.uri).outputFolder : '' });
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

  private async showError(error: unknown): Promise<void> {
    const words = await this.deps.notifier.wordsFor(error);
    this.deps.logger.error(`Image Studio: ${words.text}`, error);
    const actions = words.actions.filter((action: ErrorAction): action is StudioCommand => (STUDIO_COMMANDS as readonly string[]).includes(action));
    this.notice({
      severity: words.severity,
      text: words.text,
      actions: actions.includes('showLog') || words.severity === 'info' ? actions : [...actions, 'showLog'],
    });
  }

  private notice(notice: NoticeView): void {
    this.post({ type: 'notice', notice });
  }

  /** Posts only after `ready`; notices and inputs from before wait for it, the rest is sent in full then. */
  private post(message: HostToWebview): void {
    if (this.isDisposed) return;
    if (!this.ready) {
      if (message.type === 'notice' || message.type === 'inputsAdded' || message.type === 'restoreSettings') this.pending.push(message);
      return;
    }
    this.posted.fire(message);
    void this.panel.webview.postMessage(message).then(undefined, () => undefined);
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
    });
  }
}

async function openImage(uri: vscode.Uri): Promise<void> {
  await vscode.commands.executeCommand('vscode.openWith', uri, 'imagePreview.previewEditor', { preview: false, viewColumn: vscode.ViewColumn.Beside });
}

/**
 * A Uri the webview sent (from the host's own messages, or dropped from the Explorer) as a Uri of
 * the workspace's file system: the workbench may name a file with its remote authority
 * (`vscode-remote://host/path`) where this extension host sees `file:///path`. Whether it is really
 * inside the workspace is checked by resolveEditInputs.
 */
export function toWorkspaceUri(text: string): vscode.Uri | undefined {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(text.trim(), true);
  } catch {
    return undefined;
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.some((folder) => folder.uri.scheme === uri.scheme && folder.uri.authority === uri.authority)) return uri;
  const folder = folders.find((candidate) => isInside(candidate.uri.path, uri.path));
  return folder ? folder.uri.with({ path: uri.path, query: '', fragment: '' }) : uri;
}
