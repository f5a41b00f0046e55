/**
 * The one application flow behind every entry point — the palette commands, scripted calls, the Studio
 * and the agent tool:
 *
 *   key → inputs → what is still open → plan → output folder → consent → upload → variants → save → report
 *
 * What differs per entry point is passed in: an {@link Asker} (how it asks; a scripted call asks nothing)
 * and a {@link Presenter} (how it shows progress and results). Everything that can be refused is
 * refused before the first request; failures are thrown as typed errors, which each entry point turns into
 * sentences at its own edge.
 */
import * as vscode from 'vscode';
import type { Logger } from '../log/logger';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { ClientFactory } from '../config/clientFactory';
import type { Settings } from '../config/settings';
import type { CheckedEditInputs } from '../domain/generation/editInputs';
import type { CommandOptions } from '../domain/generation/options';
import { jobPriceOf, planEdit, planGeneration, planPriceUsd, type GenerationPlan } from '../domain/generation/plan';
import type { Spender } from '../domain/errors/errors';
import type { SpendHold, SpendLedger } from '../spending/spendLedger';
import { PAINTED_MASK_LABEL } from '../domain/images/sidecar';
import type { JobTracker, KeepUnmaskedSource } from '../jobs/jobTracker';
import { readEditInputs, resolveEditInputs, withMask, type EditInputRef, type ResolvedEditInputs } from '../workspace/editInputReader';
import { checkedOutputFolder, resolveOutputFolder } from '../workspace/outputFolder';
import { baseNameOfPath, confinedTarget, createConfined, extensionOfPath } from '../workspace/targets';
import { chooseWorkspaceFolder } from '../workspace/workspaceFolders';
import { runVariants, type VariantProgress } from './runVariants';
import { refuseUnboundedSet } from './setBounds';
import { filesToUpload, uploadEditSources } from './uploadInputs';

/** One request, from any entry point. */
export interface GenerationRequest {
  /**
   * The options object, parsed once at the entry point's edge (parseCommandOptions for a script,
   * the tool's schema for an agent, the protocol for the Studio): the flow trusts its types and
   * checks the values against the model (the catalog), as every caller needs.
   */
  readonly options: CommandOptions;
  /** It came through `segmind.editImage`: it edits, and without images there is nothing to do. */
  readonly edit?: boolean;
  /** A mask painted in the Studio: PNG bytes, transparent where to edit. Stands in for `options.mask`. */
  readonly paintedMask?: Uint8Array;
  /** The file the request came from (the document being written): decides the workspace folder. */
  readonly origin?: vscode.Uri;
  readonly signal?: AbortSignal;
  /** Who spends: the agent tool has a daily limit of its own (segmind.agentDailySpendLimit). */
  readonly spender?: Spender;
  /**
   * Render Placeholder with AI: the file at `path` is our placeholder with this sha256, and is
   * replaced in place while it still has it (the only replace there is).
   */
  readonly replaces?: { readonly sha256: string };
  /**
   * A hold already taken for a larger run that this request is part of (Fill Missing Images holds
   * its whole generate run first): its jobs are drawn from it, and the caller releases it.
   */
  readonly hold?: SpendHold;
  /**
   * The other files of the set `path` belongs to (one element, one render): each is written from
   * this one image, fitted to its size, in its own format. Confined like `path`, before anything is sent.
   */
  readonly alsoWrite?: readonly SetFile[];
}

/** A file of a set, written from another file's render. */
export interface SetFile {
  readonly uri: vscode.Uri;
  readonly size?: { readonly width: number; readonly height: number };
}

import type { Asker, FinishedRun, FlowResult, Presenter } from './flowPorts';

export type { Asker, EditContext, FinishedRun, FlowResult, Presenter } from './flowPorts';

/**
 * A run checked and planned, with nothing written, uploaded or sent: what a confirmation built from
 * it says is what `run` then does (the model, the size a setting decided, where the files go, what
 * is uploaded, what it costs).
 */
export interface PreparedRun {
  readonly plan: GenerationPlan;
  readonly settings: Settings;
  readonly workspaceFolder: vscode.Uri;
  /** `path`'s folder, or the output folder: confined, not created yet. */
  readonly folder: vscode.Uri;
  /** The file `path` asked for (the plan's base name is its name; the extension follows the format made). */
  readonly target?: vscode.Uri;
  readonly located?: ResolvedEditInputs;
  readonly inputs?: CheckedEditInputs;
  /** Workspace-relative paths of what the edit uploads, in order (the mask last). */
  readonly uploads: readonly string[];
  /** The other files of the set, confined: written from the one image. */
  readonly alsoWrite?: readonly SetFile[];
  /** The most the run can cost (its spending hold): model, quality, size, variants and the images an edit sends. */
  readonly estimatedCostUsd: number;
}

export type Preparation = ({ readonly ready: true } & PreparedRun) | { readonly ready: false; readonly reason: string };

export interface GenerationFlowDependencies {
  readonly tracker: JobTracker;
  readonly keys: ApiKeyStore;
  readonly clients: ClientFactory;
  readonly spending: SpendLedger;
  readonly logger: Logger;
  readonly readSettings: (workspaceFolder: vscode.Uri) => Settings;
  readonly now?: () => Date;
}

const stopped = (reason: string): FlowResult => ({ ran: false, reason });
const nothingGenerated = (): string => vscode.l10n.t('Nothing was generated.');

export class GenerationFlow {
  constructor(private readonly deps: GenerationFlowDependencies) {}

  async run(request: GenerationRequest, asker: Asker, presenter: Presenter = {}): Promise<FlowResult> {
    const { deps } = this;
    const editing = isEdit(request, request.options);
    if (!(await this.ensureKey(asker, editing ? 'edit' : 'generate'))) return stopped(vscode.l10n.t('No API key was set.'));

    const prepared = await this.prepare(request, asker);
    if (!prepared.ready) return stopped(prepared.reason);
    const { plan, settings, workspaceFolder, inputs, located } = prepared;
    // Refused before anything is created, asked, uploaded or submitted; held until the run ends.
    const hold = request.hold ?? (await deps.spending.hold(prepared.estimatedCostUsd, request.spender ?? 'user'));
    try {
      // An image that could not be saved must cost nothing: the folder exists (and is confined) before any request.
      const outputFolder = prepared.target
        ? await createConfined(workspaceFolder, prepared.folder)
        : await resolveOutputFolder(workspaceFolder, settings.outputFolder);
      const keepUnmasked = located && plan.mask && settings.preserveUnmaskedPixels ? this.keepUnmaskedSource(located, request.paintedMask) : undefined;

      if (plan.variants > 1 && !(await asker.confirmCost(plan))) return stopped(nothingGenerated());
      if (inputs && !(await asker.confirmUpload(prepared.uploads, settings.uploadBaseUrl))) {
        deps.logger.info('Edit cancelled: the upload to Segmind storage was declined.');
        return stopped(vscode.l10n.t('Edit cancelled: nothing was uploaded.'));
      }

      await presenter.started?.(plan);
      let finished: FinishedRun;
      try {
        const ready = inputs ? await this.upload(plan, inputs, settings, presenter, request.signal) : plan;
        const perJobUsd = jobPriceOf(ready);
        const outcome = await runVariants(deps.tracker, deps.logger, {
          plan: ready,
          outputFolder,
          workspaceFolder,
          chosenPath: prepared.target !== undefined,
          transport: settings.transport,
          saveMetadata: settings.saveMetadata,
          ...(prepared.target ? { extension: extensionOfPath(prepared.target) } : {}),
          ...(request.replaces && prepared.target ? { replaces: request.replaces } : {}),
          timeoutMs: settings.timeoutSeconds * 1000,
          ...(keepUnmasked ? { keepUnmasked } : {}),
          ...(prepared.alsoWrite?.length
            ? { alsoWrite: prepared.alsoWrite.map((file) => ({ uri: file.uri.toString(), ...(file.size ? { size: file.size } : {}) })) }
            : {}),
          ...(request.signal ? { signal: request.signal } : {}),
          ...(presenter.progress ? { onProgress: (update: VariantProgress) => presenter.progress?.(update) } : {}),
          beforeSubmit: (jobId) => hold.submitted(jobId, perJobUsd),
        });
        finished = { plan: ready, outcome, workspaceFolder, ...(located ? { edited: located } : {}) };
      } finally {
        presenter.finished?.();
      }
      await presenter.report?.(finished);
      return { ran: true, ...finished };
    } finally {
      if (hold !== request.hold) await hold.release();
    }
  }

  /** A key is there, or the asker provided one (false: the user closed the box; entry points that cannot ask throw MissingApiKeyError). */
  async ensureKey(asker: Asker, purpose: 'generate' | 'edit'): Promise<boolean> {
    const hasKey = async (): Promise<boolean> => (await this.deps.keys.get()) !== undefined;
    return (await hasKey()) || ((await asker.provideKey(purpose)) && (await hasKey()));
  }

  /** The project's style in a workspace folder (segmind.stylePrompt), for an entry point to show before it asks for a prompt; undefined when none. */
  stylePromptOf(workspaceFolder: vscode.Uri): string | undefined {
    return this.deps.readSettings(workspaceFolder).stylePrompt.replace(/\s+/g, ' ').trim() || undefined;
  }

  /** Holds the price of several runs at once (Fill Missing Images), before any of them sends anything; refused past a limit. */
  holdRuns(usd: number, spender: Spender): Promise<SpendHold> {
    return this.deps.spending.hold(usd, spender);
  }

  /**
   * Everything `run` does before it writes or sends anything: the inputs located and read (checked
   * by their bytes), what the request leaves open (the asker's `complete`), the destination
   * confined, the plan (options over the settings of the right folder over the model's defaults).
   * The agent tool's confirmation is built from this.
   */
  async prepare(request: GenerationRequest, asker: Asker): Promise<Preparation> {
    let { options } = request;
    // Inputs first, so that nobody is asked for a prompt for a file that cannot be edited.
    let located: ResolvedEditInputs | undefined;
    let inputs: CheckedEditInputs | undefined;
    if (isEdit(request, options)) {
      const images = options.images?.length ? options.images : await asker.chooseImages();
      if (images === undefined) return { ready: false, reason: vscode.l10n.t('No image was chosen.') };
      located = await resolveEditInputs(images, request.paintedMask ? undefined : options.mask);
      inputs = await readEditInputs(located.images, this.maskOf(located, request.paintedMask));
    }

    const completed = await asker.complete(options, located && { images: located.images });
    if (completed === undefined) return { ready: false, reason: nothingGenerated() };
    if (located && inputs && completed.mask !== options.mask && !request.paintedMask) {
      // The asker chose a mask file: located and checked like one given in the options; the images are read already.
      located = await resolveEditInputs(
        located.images.map((image) => image.uri),
        completed.mask,
      );
      if (located.mask) inputs = await withMask(inputs, located.mask);
    }
    options = completed;

    // `path` names the file (and so the workspace folder); else the edited image's folder, or the origin's.
    const target = options.path
      ? await confinedTarget(options.path, 'path', 'file', located?.workspaceFolder ?? chooseWorkspaceFolder(request.origin))
      : undefined;
    const workspaceFolder = located?.workspaceFolder ?? target?.workspaceFolder ?? chooseWorkspaceFolder(request.origin);
    const settings = this.deps.readSettings(workspaceFolder);
    const planned = located ? this.planEdit(options, settings, located, request.paintedMask !== undefined) : planGeneration(options, settings);
    const plan = target ? { ...planned, baseName: baseNameOfPath(target.uri) } : planned;
    const folder = target ? vscode.Uri.joinPath(target.uri, '..') : await checkedOutputFolder(workspaceFolder, settings.outputFolder);
    // A set is bounded (files and sizes), and written beside `path`: each of its files passes the same check, or nothing is sent.
    if (request.alsoWrite) refuseUnboundedSet([undefined, ...request.alsoWrite.map((file) => file.size)]);
    const alsoWrite = target && request.alsoWrite ? await Promise.all(request.alsoWrite.map((file) => confinedSetFile(file, workspaceFolder))) : undefined;
    return {
      ready: true,
      plan,
      settings,
      workspaceFolder,
      folder,
      ...(target ? { target: target.uri } : {}),
      uploads: inputs ? filesToUpload(inputs).map((file) => file.path) : [],
      ...(alsoWrite?.length ? { alsoWrite } : {}),
      estimatedCostUsd: planPriceUsd(plan),
      ...(located ? { located } : {}),
      ...(inputs ? { inputs } : {}),
    };
  }

  private keepUnmaskedSource(located: ResolvedEditInputs, painted: Uint8Array | undefined): KeepUnmaskedSource | undefined {
    const [first] = located.images;
    if (!first) return undefined;
    if (painted) return { original: first.uri.toString(), mask: { pngBase64: Buffer.from(painted).toString('base64') } };
    return located.mask ? { original: first.uri.toString(), mask: { uri: located.mask.uri.toString() } } : undefined;
  }

  private maskOf(located: ResolvedEditInputs, painted: Uint8Array | undefined): EditInputRef | { path: string; bytes: Uint8Array } | undefined {
    return painted ? { path: PAINTED_MASK_LABEL, bytes: painted } : located.mask;
  }

  private planEdit(options: CommandOptions, settings: Settings, located: ResolvedEditInputs, painted: boolean): GenerationPlan {
    const mask = painted ? PAINTED_MASK_LABEL : located.mask?.path;
    return planEdit(options, settings, { images: located.images.map((image) => image.path), ...(mask ? { mask } : {}) }, this.deps.now?.() ?? new Date());
  }

  private async upload(
    plan: GenerationPlan,
    inputs: CheckedEditInputs,
    settings: Settings,
    presenter: Presenter,
    signal: AbortSignal | undefined,
  ): Promise<GenerationPlan> {
    const files = filesToUpload(inputs);
    presenter.step?.(
      files.length === 1 ? vscode.l10n.t('Uploading the image to Segmind storage…') : vscode.l10n.t('Uploading {0} files to Segmind storage…', files.length),
    );
    try {
      return await uploadEditSources(this.deps.clients.create(settings), plan, inputs, (line) => this.deps.logger.info(line), signal);
    } finally {
      presenter.step?.(null);
    }
  }
}

async function confinedSetFile(file: SetFile, workspaceFolder: vscode.Uri): Promise<SetFile> {
  const { uri } = await confinedTarget(file.uri, 'path', 'file', workspaceFolder);
  return { uri, ...(file.size ? { size: file.size } : {}) };
}

/** It edits: through segmind.editImage, with images in the options, or with a mask painted in the Studio. */
function isEdit(request: GenerationRequest, options: CommandOptions): boolean {
  return request.edit === true || (options.images?.length ?? 0) > 0 || request.paintedMask !== undefined;
}
