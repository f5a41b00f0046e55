/**
 * Runs what the Studio's Generate button asks for, with the same planning, checks, consent, upload
 * and job tracking as the Generate and Edit commands: text to image without inputs, an edit with
 * them (the mask painted in the webview goes up with the images). Progress is shown by the Studio's
 * job cards, so there is no progress notification here.
 */
import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { ClientFactory } from '../config/clientFactory';
import { readSettings } from '../config/settings';
import { fromDataUrl } from '../domain/dataUrl';
import { filesToUpload, uploadEditSources } from '../flow/uploadInputs';
import { readEditInputs, resolveEditInputs } from '../workspace/editInputReader';
import { checkEditInputs, type CheckedEditInputs } from '../domain/editInputs';
import type { UploadConsent } from '../ui/uploadConsent';
import { planEdit, planGeneration, type CommandOptions, type GenerationPlan } from '../domain/plan';
import type { GenerationOutcome, ImageGenerator } from '../flow/runVariants';
import type { Logger } from '../base/logger';
import { resolveOutputFolder } from '../workspace/imageWriter';
import { InvalidParametersError, MissingApiKeyError, NoWorkspaceError } from '../domain/errors';
import type { StudioSettings } from '../protocol/studioProtocol';

/** How a mask painted in the Studio is named in messages and the sidecar (it is not a file). */
export const PAINTED_MASK_LABEL = '(painted in Image Studio)';

export type StudioMask =
  | { readonly kind: 'painted'; readonly dataUrl: string }
  /** A mask file, as a sidecar names it (workspace-relative). */
  | { readonly kind: 'file'; readonly path: string };

export interface StudioRun {
  readonly settings: StudioSettings;
  /** Input images (Uris or workspace-relative paths); empty for text to image. */
  readonly images: readonly unknown[];
  readonly mask?: StudioMask;
  readonly signal?: AbortSignal;
  /** Everything was checked and the run is going ahead (history is written here). */
  readonly onAccepted?: () => Promise<void> | void;
  /** Short progress words before the jobs exist (the upload). */
  readonly onBusy?: (text: string | null) => void;
}

export type StudioRunResult = { readonly ran: true; readonly outcome: GenerationOutcome } | { readonly ran: false; readonly reason: string };

export interface StudioRunnerDependencies {
  readonly generator: ImageGenerator;
  readonly clients: ClientFactory;
  readonly keys: ApiKeyStore;
  readonly consent: UploadConsent;
  readonly logger: Logger;
}

export class StudioRunner {
  constructor(private readonly deps: StudioRunnerDependencies) {}

  /** Throws the typed errors of the flows (refusals before any request, then the upload's). */
  async run(run: StudioRun): Promise<StudioRunResult> {
    const options: CommandOptions = { prompt: run.settings.prompt, model: run.settings.model, variants: run.settings.variants, ...run.settings.parameters };
    return run.images.length === 0 ? this.generate(run, options) : this.edit(run, options);
  }

  private async generate(run: StudioRun, options: CommandOptions): Promise<StudioRunResult> {
    if (run.mask) throw new InvalidParametersError([{ parameter: 'mask', message: 'A mask needs an input image to paint on.' }]);
    const workspaceFolder = firstWorkspaceFolder();
    const settings = readSettings(workspaceFolder);
    const plan = planGeneration(options, settings);
    await this.requireKey();
    await run.onAccepted?.();
    return { ran: true, outcome: await this.deps.generator.generate({ plan, settings, workspaceFolder, ...(run.signal ? { signal: run.signal } : {}) }) };
  }

  private async edit(run: StudioRun, options: CommandOptions): Promise<StudioRunResult> {
    const { logger } = this.deps;
    const maskFile = run.mask?.kind === 'file' ? run.mask.path : undefined;
    const resolved = await resolveEditInputs(run.images, maskFile);
    const settings = readSettings(resolved.workspaceFolder);
    const maskPath = run.mask?.kind === 'painted' ? PAINTED_MASK_LABEL : resolved.mask?.path;
    const plan = planEdit(options, settings, { images: resolved.images.map((image) => image.path), ...(maskPath ? { mask: maskPath } : {}) }, new Date());
    const inputs = await this.readInputs(resolved, run.mask);
    await this.requireKey();
    await resolveOutputFolder(resolved.workspaceFolder, settings.outputFolder);
    const files = filesToUpload(inputs);
    if (!(await this.deps.consent.confirm(files.map((file) => file.path), settings.uploadBaseUrl))) {
      return { ran: false, reason: 'Edit cancelled: nothing was uploaded.' };
    }
    await run.onAccepted?.();

    run.onBusy?.(`Uploading ${files.length === 1 ? 'the image' : `${files.length} files`} to Segmind storage…`);
    let uploadedPlan: GenerationPlan;
    try {
      uploadedPlan = await uploadEditSources(this.deps.clients.create(settings), plan, inputs, (line) => logger.info(line), run.signal);
    } finally {
      run.onBusy?.(null);
    }
    return {
      ran: true,
      outcome: await this.deps.generator.generate({ plan: uploadedPlan, settings, workspaceFolder: resolved.workspaceFolder, ...(run.signal ? { signal: run.signal } : {}) }),
    };
  }

  private async readInputs(resolved: Awaited<ReturnType<typeof resolveEditInputs>>, mask: StudioMask | undefined): Promise<CheckedEditInputs> {
    if (mask?.kind !== 'painted') return readEditInputs(resolved.images, resolved.mask);
    const decoded = fromDataUrl(mask.dataUrl);
    if (!decoded || decoded.format !== 'png') {
      throw new InvalidParametersError([{ parameter: 'mask', message: 'The painted mask is not a PNG image.' }]);
    }
    const images = await readEditInputs(resolved.images);
    // The same checks as a mask file gets: a PNG of the first image's size, within the limits.
    return checkEditInputs(images.images, { path: PAINTED_MASK_LABEL, bytes: decoded.bytes });
  }

  private async requireKey(): Promise<void> {
    if (!(await this.deps.keys.get())) throw new MissingApiKeyError();
  }
}

export function firstWorkspaceFolder(): vscode.Uri {
  const first = vscode.workspace.workspaceFolders?.[0];
  if (!first) throw new NoWorkspaceError();
  return first.uri;
}
