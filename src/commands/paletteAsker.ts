/**
 * How the palette, menu and title-bar entry points ask: the Set API Key box when there is no key, a pick
 * of the workspace's images when an edit names none, then the prompt (recent ones offered), the
 * model (the last one first) and, for gpt-image-1-edit, a mask; a modal before several variants
 * run, and the one-time upload consent before an edit.
 */
import * as vscode from 'vscode';
import { executeCommand } from '../ui/contributions';
import { COMMAND_IDS } from '../base/pure/commandIds';
import type { TextToImageModel } from '../domain/generation/catalog';
import { editSpecs, modelSpecOf, textToImageSpecs, type ModelSpec } from '../domain/generation/customModels';
import { EDITABLE_EXTENSIONS } from '../domain/generation/editInputs';
import { parseResize, type Fit } from '../domain/generation/exactSize';
import { formatCostEstimate } from '../shared/format';
import type { CommandOptions } from '../domain/generation/options';
import { DEFAULT_EDIT_MODEL, jobPriceOf, type GenerationPlan } from '../domain/generation/plan';
import type { Asker, EditContext } from '../flow/generationFlow';
import type { UploadConsent } from '../ui/uploadConsent';
import { createQuickPick, inputBox, pickMany, pickOne, plainItems, showInformation, showWarning, type PickItem } from '../ui/show';

const RECENT_PROMPTS_KEY = 'segmind.recentPrompts';
const LAST_MODEL_KEY = 'segmind.lastModel';
const MAX_RECENT_PROMPTS = 20;
export const IMAGE_PREVIEW = 'imagePreview.previewEditor';
// findFiles globs are case-sensitive on Linux: `**/*.{png,jpg,jpeg,webp,PNG,JPG,JPEG,WEBP}`.
const WORKSPACE_IMAGES = `**/*.{${[...EDITABLE_EXTENSIONS, ...EDITABLE_EXTENSIONS.map((ext) => ext.toUpperCase())].join(',')}}`;
const MAX_PICKER_FILES = 5_000;

export interface PaletteAskerDependencies {
  /** Remembers recent prompts and the last model, across workspaces. */
  readonly memento: vscode.Memento;
  readonly consent: UploadConsent;
  /** The model to offer first when none was picked before (the segmind.defaultModel setting). */
  readonly defaultModel: () => TextToImageModel;
  /** segmind.customModels: listed after the catalog's models, each with its `like`. */
  readonly customModels?: () => readonly ModelSpec[];
}

export class PaletteAsker implements Asker {
  constructor(private readonly deps: PaletteAskerDependencies) {}

  async provideKey(purpose: 'generate' | 'edit'): Promise<boolean> {
    await executeCommand(COMMAND_IDS.setApiKey, {
      reason: purpose === 'edit' ? vscode.l10n.t('to edit images') : vscode.l10n.t('to generate images'),
    });
    return true; // the flow looks again: a box closed without a key stops it there
  }

  chooseImages(): Promise<vscode.Uri[] | undefined> {
    return pickWorkspaceImages({
      title: vscode.l10n.t('Segmind: Edit Image — choose the images'),
      placeHolder: vscode.l10n.t('Images to edit (several are sent together to {0})', DEFAULT_EDIT_MODEL),
      many: true,
    });
  }

  async complete(options: CommandOptions, edit: EditContext | undefined): Promise<CommandOptions | undefined> {
    return edit ? this.completeEdit(options, edit) : this.completeGenerate(options);
  }

  async confirmCost(plan: GenerationPlan): Promise<boolean> {
    const go = vscode.l10n.t('Generate {0} Images', plan.variants);
    const answer = await showInformation(
      vscode.l10n.t('Generate {0} images with {1}?', plan.variants, plan.model),
      {
        modal: true,
        detail: [
          vscode.l10n.t('Each variant is a separate job: {0}.', formatCostEstimate(jobPriceOf(plan), plan.variants)),
          ...(plan.stylePrompt ? [vscode.l10n.t('Style: {0}', plan.stylePrompt)] : []),
        ].join('\n'),
      },
      go,
    );
    return answer === go;
  }

  confirmUpload(paths: readonly string[], uploadBaseUrl: string): Promise<boolean> {
    return this.deps.consent.confirm(paths, uploadBaseUrl);
  }

  private async completeGenerate(options: CommandOptions): Promise<CommandOptions | undefined> {
    const { memento } = this.deps;
    const prompt = options.prompt ?? (await askPrompt(memento));
    if (prompt === undefined) return undefined;
    const answer = options.model === undefined ? await askModel(memento, this.deps.defaultModel(), this.deps.customModels?.() ?? []) : { model: options.model };
    if (answer === undefined) return undefined;
    const { model } = answer;
    const recent = memento.get<string[]>(RECENT_PROMPTS_KEY, []).filter((entry) => entry !== prompt);
    await memento.update(RECENT_PROMPTS_KEY, [prompt, ...recent].slice(0, MAX_RECENT_PROMPTS));
    await memento.update(LAST_MODEL_KEY, model);
    return { ...options, prompt, model, ...('exact' in answer && answer.exact ? answer.exact : {}) };
  }

  private async completeEdit(options: CommandOptions, edit: EditContext): Promise<CommandOptions | undefined> {
    const prompt = options.prompt ?? (await askEditPrompt(edit));
    if (prompt === undefined) return undefined;
    const customs = this.deps.customModels?.() ?? [];
    const model = options.model ?? (await askEditModel(edit.images.length, customs));
    if (model === undefined) return undefined;
    const takesMask = modelSpecOf(model, customs)?.editInput === 'image_urls';
    const mask = options.mask ?? (takesMask ? await askMask(edit) : null);
    if (mask === undefined) return undefined;
    return { ...options, prompt, model, ...(mask === null ? {} : { mask }) };
  }
}

async function askPrompt(memento: vscode.Memento): Promise<string | undefined> {
  const recent = memento.get<string[]>(RECENT_PROMPTS_KEY, []);
  const pick = createQuickPick<vscode.QuickPickItem & { prompt?: string }>();
  pick.title = vscode.l10n.t('Segmind: Generate Image (1/2)');
  pick.placeholder = vscode.l10n.t('Describe the image, e.g. "a flat illustration of a rocket, pastel colours"');
  pick.ignoreFocusOut = true;
  pick.matchOnDetail = true;
  // Shown as text (plainItems); the prompt itself is kept beside the label, unchanged.
  const recentItems = plainItems(recent.map((prompt) => ({ label: prompt, description: vscode.l10n.t('recent'), prompt })));
  pick.items = recentItems;
  // Typing shows the typed prompt first, so Enter always takes what was typed.
  const typed = pick.onDidChangeValue((value) => {
    pick.items = value.trim()
      ? [...plainItems([{ label: value, description: vscode.l10n.t('new prompt'), alwaysShow: true, prompt: value }]), ...recentItems]
      : recentItems;
  });
  try {
    return await new Promise<string | undefined>((resolve) => {
      pick.onDidAccept(() => {
        const chosen = pick.selectedItems[0]?.prompt ?? pick.value;
        if (chosen.trim()) resolve(chosen.trim());
      });
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
  } finally {
    typed.dispose();
    pick.dispose();
  }
}

interface ModelAnswer {
  /** A catalog model's slug, or a custom model's. */
  readonly model: string;
  /** "Custom size…" was chosen on the way. */
  readonly exact?: { readonly resize: string; readonly fit: Fit };
}

/** The model, last one first; below them "Custom size…" asks for an exact size and comes back here. */
async function askModel(memento: vscode.Memento, defaultModel: TextToImageModel, customs: readonly ModelSpec[]): Promise<ModelAnswer | undefined> {
  const last = memento.get<string>(LAST_MODEL_KEY, defaultModel);
  const ordered = [...textToImageSpecs(customs)].sort((a, b) => Number(b.slug === last) - Number(a.slug === last));
  let exact: ModelAnswer['exact'];
  for (;;) {
    const models = ordered.map(modelItem);
    const custom = {
      icon: 'screen-full',
      label: vscode.l10n.t('Custom size…'),
      description: exact
        ? vscode.l10n.t('exact size {0} ({1})', exact.resize, exact.fit)
        : vscode.l10n.t('an exact size such as 1200x630, fitted after the image is made'),
    };
    const choice = await pickOne<PickItem & { slug?: string }>(
      [...models, { label: vscode.l10n.t('Size'), kind: vscode.QuickPickItemKind.Separator }, custom],
      {
        title: vscode.l10n.t('Segmind: Generate Image (2/2)'),
        placeHolder: exact ? vscode.l10n.t('Model (the image is fitted to {0})', exact.resize) : vscode.l10n.t('Model'),
        ignoreFocusOut: true,
      },
    );
    if (choice === undefined) return undefined;
    if (choice.slug) return { model: choice.slug, ...(exact ? { exact } : {}) };
    exact = (await askExactSize()) ?? exact;
  }
}

async function askExactSize(): Promise<{ resize: string; fit: Fit } | undefined> {
  const resize = await inputBox({
    title: vscode.l10n.t('Segmind: Generate Image — exact size'),
    prompt: vscode.l10n.t('Width x height in pixels (1–4096 each); the image is fitted to it after it is made'),
    placeHolder: '1200x630',
    ignoreFocusOut: true,
    validateInput: (value) => {
      try {
        parseResize(value);
        return undefined;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  });
  if (resize === undefined) return undefined;
  const { width, height } = parseResize(resize);
  const fits: Array<PickItem & { fit: Fit }> = [
    { label: 'cover', description: vscode.l10n.t('fill the frame, crop what overflows (centred)'), fit: 'cover' },
    { label: 'contain', description: vscode.l10n.t('the whole image, padded (transparent for png/webp)'), fit: 'contain' },
    { label: 'fill', description: vscode.l10n.t('stretch to the frame'), fit: 'fill' },
  ];
  const fit = await pickOne(fits, {
    title: vscode.l10n.t('Segmind: Generate Image — fit into {0}x{1}', width, height),
    ignoreFocusOut: true,
  });
  return fit ? { resize: `${width}x${height}`, fit: fit.fit } : undefined;
}

/** The palette's way to images: the workspace's, the one in the active image preview first (and ticked). */
export async function pickWorkspaceImages(pick: {
  readonly title: string;
  readonly placeHolder: string;
  readonly many: boolean;
}): Promise<vscode.Uri[] | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void showWarning(vscode.l10n.t('Open a folder first: only images in the workspace can be used.'));
    return undefined;
  }
  const files = await vscode.workspace.findFiles(WORKSPACE_IMAGES, '**/node_modules/**', MAX_PICKER_FILES);
  if (files.length === 0) {
    void showInformation(vscode.l10n.t('There are no PNG, JPEG or WebP images in this workspace.'));
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
  const options = { title: pick.title, placeHolder: pick.placeHolder, matchOnDescription: true, ignoreFocusOut: true };
  if (!pick.many) {
    const one = await pickOne(items, options);
    return one ? [one.uri] : undefined;
  }
  const chosen = await pickMany(items, options);
  return chosen && chosen.length > 0 ? chosen.map((item) => item.uri) : undefined;
}

function activePreviewUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputCustom && input.viewType === IMAGE_PREVIEW ? input.uri : undefined;
}

async function askEditPrompt(edit: EditContext): Promise<string | undefined> {
  const names = edit.images.map((image) => image.path);
  const prompt = await inputBox({
    title: names.length === 1 ? vscode.l10n.t('Segmind: Edit {0}', names[0] ?? '') : vscode.l10n.t('Segmind: Edit {0} images', names.length),
    prompt: vscode.l10n.t('Describe the change, e.g. "make the background transparent" or "put the logo on a mug"'),
    placeHolder: vscode.l10n.t('What should change?'),
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Describe the edit.')),
  });
  return prompt?.trim() || undefined;
}

/** The models that edit this many images; with only one of them there is nothing to choose. */
async function askEditModel(imageCount: number, customs: readonly ModelSpec[]): Promise<string | undefined> {
  const models = editSpecs(customs)
    .filter((spec) => spec.maxEditImages >= imageCount)
    .sort((a, b) => Number(b.slug === DEFAULT_EDIT_MODEL) - Number(a.slug === DEFAULT_EDIT_MODEL));
  if (models.length <= 1) return models[0]?.slug ?? DEFAULT_EDIT_MODEL;
  const items = models.map(modelItem);
  const choice = await pickOne(items, {
    title: vscode.l10n.t('Segmind: Edit Image — model'),
    placeHolder: vscode.l10n.t('Model'),
    ignoreFocusOut: true,
  });
  return choice?.slug;
}

/** `null` for no mask, undefined when the user backed out. */
async function askMask(edit: EditContext): Promise<vscode.Uri | null | undefined> {
  const none = { icon: 'circle-slash', label: vscode.l10n.t('No mask'), detail: vscode.l10n.t('The model decides what to change from the prompt.') };
  const choose = {
    icon: 'file-media',
    label: vscode.l10n.t('Choose a mask PNG…'),
    detail: vscode.l10n.t('A PNG of the same size whose transparent pixels mark where to edit.'),
  };
  const choice = await pickOne([none, choose], {
    title: vscode.l10n.t('Segmind: Edit Image — mask'),
    placeHolder: vscode.l10n.t('Mask'),
    ignoreFocusOut: true,
  });
  if (choice === undefined) return undefined;
  if (choice === none) return null;
  const [first] = edit.images;
  const picked = await vscode.window.showOpenDialog({
    title: vscode.l10n.t('Choose a mask PNG'),
    openLabel: vscode.l10n.t('Use as Mask'),
    canSelectMany: false,
    filters: { 'PNG image': ['png', 'PNG'] },
    ...(first ? { defaultUri: vscode.Uri.joinPath(first.uri, '..') } : {}),
  });
  return picked?.[0];
}

/** A model in a picker: a catalog model by its slug, a custom one by its label ("my-model (like gpt-image-2)"). */
function modelItem(spec: ModelSpec): { label: string; description: string; detail: string; slug: string } {
  return spec.custom
    ? { label: spec.label, description: spec.slug, detail: spec.description, slug: spec.slug }
    : { label: spec.slug, description: spec.label, detail: spec.description, slug: spec.slug };
}
