/**
 * `segmind.editImage`. Four ways in:
 * - the Explorer context menu on PNG/JPEG/WebP files, one or several (`(uri, selectedUris)`);
 * - the image preview's editor title (`(uri)`);
 * - the palette (no argument): a pick of the workspace's images, several allowed;
 * - a scripted call with the options object (`images`, `mask`, …): asks nothing and resolves to the
 *   saved files' Uris, or rejects with the reason when nothing was saved.
 *
 * Every input is located, read and checked (bytes, size, count, model) before anything is sent; then
 * the images go up in one upload and the job runs, both inside one progress notification.
 */
import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { ClientFactory } from '../config/clientFactory';
import { readSettings, type Settings } from '../config/settings';
import { filesToUpload, uploadEditSources } from '../flow/uploadInputs';
import { readEditInputs, resolveEditInputs, type ResolvedEditInputs } from '../workspace/editInputReader';
import { EDITABLE_EXTENSIONS, type CheckedEditInputs } from '../domain/editInputs';
import type { UploadConsent } from '../ui/uploadConsent';
import {
  isCommandOptions, parseCommandOptions, planEdit, type CommandOptions, type GenerationPlan,
} from '../domain/plan';
import type { GenerationOutcome, ImageGenerator } from '../flow/runVariants';
import type { Logger } from '../base/logger';
import { resolveOutputFolder } from '../workspace/imageWriter';
import { MODELS, type ModelSlug } from '../domain/catalog';
import type { Notifier } from '../ui/notifier';
import { offerSavedImageActions } from '../ui/savedImageNotice';
import { ensureApiKey, savedUrisOrThrow, scriptedRejection, withJobProgress } from './commandFlow';
import { COMMAND_IDS } from '../base/commandIds';

const IMAGE_PREVIEW = 'imagePreview.previewEditor';
// findFiles globs are case-sensitive on Linux: `**/*.{png,jpg,jpeg,webp,PNG,JPG,JPEG,WEBP}`.
const WORKSPACE_IMAGES = `**/*.{${[...EDITABLE_EXTENSIONS, ...EDITABLE_EXTENSIONS.map((ext) => ext.toUpperCase())].join(',')}}`;
const MAX_PICKER_FILES = 5_000;

export interface EditImageDependencies {
  readonly generator: ImageGenerator;
  readonly clients: ClientFactory;
  readonly notifier: Notifier;
  readonly logger: Logger;
  readonly keys: ApiKeyStore;
  readonly consent: UploadConsent;
}

export function editImageCommand(deps: EditImageDependencies): (arg?: unknown, selected?: unknown) => Promise<vscode.Uri[] | undefined> {
  return async (arg?: unknown, selected?: unknown) => (isCommandOptions(arg) ? runScripted(deps, arg) : runInteractive(deps, targetsOf(arg, selected)));
}

/** Explorer passes the clicked file and the whole selection (which includes it); the preview title only the file. */
function targetsOf(arg: unknown, selected: unknown): vscode.Uri[] {
  if (Array.isArray(selected) && selected.length > 0 && selected.every((item) => item instanceof vscode.Uri)) return selected;
  return arg instanceof vscode.Uri ? [arg] : [];
}

/** A scripted call is its own consent: nothing is asked, the log says what a user would have been told. */
async function runScripted(deps: EditImageDependencies, arg: unknown): Promise<vscode.Uri[]> {
  try {
    const options = parseCommandOptions(arg);
    const resolved = await resolveEditInputs(options.images ?? [], options.mask);
    const settings = readSettings(resolved.workspaceFolder);
    const plan = planFor(options, settings, resolved);
    const inputs = await readEditInputs(resolved.images, resolved.mask);
    deps.consent.logScripted(filesToUpload(inputs).map((input) => input.path), settings.uploadBaseUrl);
    const outcome = await uploadAndEdit(deps, plan, inputs, settings, resolved.workspaceFolder);
    return savedUrisOrThrow(outcome);
  } catch (error) {
    throw await scriptedRejection(COMMAND_IDS.editImage, error, deps.notifier, deps.logger);
  }
}

async function runInteractive(deps: EditImageDependencies, targets: vscode.Uri[]): Promise<vscode.Uri[] | undefined> {
  try {
    if (!(await ensureApiKey(deps.keys, 'edit images'))) return undefined;
    const chosen = targets.length > 0 ? targets : await pickWorkspaceImages();
    if (!chosen || chosen.length === 0) return undefined;
    // Checked before asking anything, so nobody types a prompt for a file that cannot be edited.
    const located = await resolveEditInputs(chosen);
    const imagesOnly = await readEditInputs(located.images);

    const prompt = await askPrompt(located);
    if (prompt === undefined) return undefined;
    const model = await askModel(located.images.length);
    if (model === undefined) return undefined;
    const mask = MODELS[model].editInput === 'image_urls' ? await askMask(located) : null;
    if (mask === undefined) return undefined;

    const resolved = mask === null ? located : await resolveEditInputs(chosen, mask);
    const settings = readSettings(resolved.workspaceFolder);
    const plan = planFor({ prompt, model }, settings, resolved);
    const inputs = resolved.mask ? await readEditInputs(resolved.images, resolved.mask) : imagesOnly;
    if (!(await deps.consent.confirm(filesToUpload(inputs).map((input) => input.path), settings.uploadBaseUrl))) return undefined;

    const outcome = await uploadAndEdit(deps, plan, inputs, settings, resolved.workspaceFolder);
    await presentOutcome(deps, outcome, resolved, prompt);
    return outcome.saved.map((image) => image.uri);
  } catch (error) {
    void deps.notifier.showError(error);
    return undefined;
  }
}

function planFor(options: CommandOptions, settings: Settings, resolved: ResolvedEditInputs): GenerationPlan {
  return planEdit(options, settings, {
    images: resolved.images.map((image) => image.path),
    ...(resolved.mask ? { mask: resolved.mask.path } : {}),
  }, new Date());
}

/**
 * Upload and job in one progress notification, one cancel button for both. The output folder is
 * checked first: an edit whose result could not be saved must not upload anything.
 */
async function uploadAndEdit(
  deps: EditImageDependencies, plan: GenerationPlan, inputs: CheckedEditInputs, settings: Settings, workspaceFolder: vscode.Uri,
): Promise<GenerationOutcome> {
  await resolveOutputFolder(workspaceFolder, settings.outputFolder);
  return withJobProgress(`Segmind: editing with ${plan.model}`, async (signal, { say, onProgress }) => {
    const files = filesToUpload(inputs);
    say(`uploading ${files.length === 1 ? 'the image' : `${files.length} files`} to Segmind storage…`);
    const uploadedPlan = await uploadEditSources(deps.clients.create(settings), plan, inputs, (line) => deps.logger.info(line), signal);
    return deps.generator.generate({ plan: uploadedPlan, settings, workspaceFolder, signal, onProgress });
  });
}

/** Side by side: the original in the current column, the result beside it, then a notification. */
async function presentOutcome(deps: EditImageDependencies, outcome: GenerationOutcome, resolved: ResolvedEditInputs, prompt: string): Promise<void> {
  const [failure] = outcome.failures;
  if (failure !== undefined) void deps.notifier.showError(failure);
  const [original] = resolved.images;
  if (outcome.saved.length === 0 || !original) return;

  await vscode.commands.executeCommand('vscode.openWith', original.uri, IMAGE_PREVIEW, { preview: false, viewColumn: vscode.ViewColumn.Active });
  let column: vscode.ViewColumn = vscode.ViewColumn.Beside;
  for (const image of outcome.saved) {
    await vscode.commands.executeCommand('vscode.openWith', image.uri, IMAGE_PREVIEW, { preview: false, viewColumn: column });
    // Further variants join the result's column rather than opening a column each.
    column = vscode.window.tabGroups.activeTabGroup.viewColumn;
  }
  void offerSavedImageActions(outcome.saved.map((image) => image.uri), prompt, { suffix: `(edited from ${original.path}; the original is unchanged)` });
}

/** The palette's way in: the workspace's images, the one in the active image preview ticked already. */
async function pickWorkspaceImages(): Promise<vscode.Uri[] | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showWarningMessage('Open a folder first: only images in the workspace can be edited.');
    return undefined;
  }
  const files = await vscode.workspace.findFiles(WORKSPACE_IMAGES, '**/node_modules/**', MAX_PICKER_FILES);
  if (files.length === 0) {
    void vscode.window.showInformationMessage('There are no PNG, JPEG or WebP images in this workspace to edit.');
    return undefined;
  }
  const active = activePreviewUri()?.toString();
  const items = files
    .map((uri) => {
      const relative = vscode.workspace.asRelativePath(uri);
      const slash = relative.lastIndexOf('/');
      return { label: relative.slice(slash + 1), description: slash > 0 ? relative.slice(0, slash) : '', picked: uri.toString() === active, uri, relative };
    })
    .sort((a, b) => Number(b.picked) - Number(a.picked) || a.relative.localeCompare(b.relative));
  const chosen = await vscode.window.showQuickPick(items, {
    title: 'Segmind: Edit Image — choose the images', placeHolder: 'Images to edit (several are sent together to gpt-image-1-edit)',
    canPickMany: true, matchOnDescription: true, ignoreFocusOut: true,
  });
  return chosen?.map((item) => item.uri);
}

function activePreviewUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputCustom && input.viewType === IMAGE_PREVIEW ? input.uri : undefined;
}

async function askPrompt(resolved: ResolvedEditInputs): Promise<string | undefined> {
  const names = resolved.images.map((image) => image.path);
  const prompt = await vscode.window.showInputBox({
    title: `Segmind: Edit ${names.length === 1 ? names[0] ?? 'image' : `${names.length} images`}`,
    prompt: 'Describe the change, e.g. "make the background transparent" or "put the logo on a mug"',
    placeHolder: 'What should change?',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'Describe the edit.'),
  });
  return prompt?.trim() || undefined;
}

/** gpt-image-2 edits exactly one image, so with several there is nothing to choose. */
async function askModel(imageCount: number): Promise<ModelSlug | undefined> {
  const models: ModelSlug[] = imageCount === 1 ? ['gpt-image-1-edit', 'gpt-image-2'] : ['gpt-image-1-edit'];
  if (models.length === 1) return models[0];
  const items = models.map((slug) => ({ label: slug, description: MODELS[slug].label, detail: MODELS[slug].description, slug }));
  const choice = await vscode.window.showQuickPick(items, { title: 'Segmind: Edit Image — model', placeHolder: 'Model', ignoreFocusOut: true });
  return choice?.slug;
}

/** `null` for no mask, undefined when the user backed out. */
async function askMask(resolved: ResolvedEditInputs): Promise<vscode.Uri | null | undefined> {
  const none = { label: '$(circle-slash) No mask', detail: 'The model decides what to change from the prompt.' };
  const choose = { label: '$(file-media) Choose a mask PNG…', detail: 'A PNG of the same size whose transparent pixels mark where to edit.' };
  const choice = await vscode.window.showQuickPick([none, choose], { title: 'Segmind: Edit Image — mask', placeHolder: 'Mask', ignoreFocusOut: true });
  if (choice === undefined) return undefined;
  if (choice === none) return null;
  const [first] = resolved.images;
  const picked = await vscode.window.showOpenDialog({
    title: 'Choose a mask PNG', openLabel: 'Use as Mask', canSelectMany: false, filters: { 'PNG image': ['png', 'PNG'] },
    ...(first ? { defaultUri: vscode.Uri.joinPath(first.uri, '..') } : {}),
  });
  return picked?.[0];
}
