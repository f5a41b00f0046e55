/**
 * `segmind.generateImage`. Three ways in:
 * - the palette: asks for a prompt (recent ones offered) and a model (the last one first), then runs;
 * - the editor context menu of Markdown/HTML/CSS/JSX: the same, then inserts a link at the cursor;
 * - a scripted call with the options object: asks nothing and resolves to the saved files' Uris.
 */
import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import { readSettings } from '../config/settings';
import { estimateCostUsd, isCommandOptions, parseCommandOptions, planGeneration, type CommandOptions } from '../domain/plan';
import type { GenerationOutcome, ImageGenerator } from '../flow/runVariants';
import type { Logger } from '../base/logger';
import { altText, imageLink, linkLanguageFor, relativeImagePath } from '../domain/links';
import { MODELS, TEXT_TO_IMAGE_MODELS, type TextToImageModel } from '../domain/catalog';
import { NoWorkspaceError } from '../domain/errors';
import type { Notifier } from '../ui/notifier';
import { COMMAND_IDS } from '../base/commandIds';
import { ensureApiKey, savedUrisOrThrow, scriptedRejection, withJobProgress } from './commandFlow';
import { offerSavedImageActions } from '../ui/savedImageNotice';

const RECENT_PROMPTS_KEY = 'segmind.recentPrompts';
const LAST_MODEL_KEY = 'segmind.lastModel';
const MAX_RECENT_PROMPTS = 20;

export interface GenerateImageDependencies {
  readonly generator: ImageGenerator;
  readonly notifier: Notifier;
  readonly logger: Logger;
  readonly keys: ApiKeyStore;
  readonly memento: vscode.Memento;
}

export function generateImageCommand(deps: GenerateImageDependencies): (arg?: unknown) => Promise<vscode.Uri[] | undefined> {
  return async (arg?: unknown) => (isCommandOptions(arg) ? runScripted(deps, arg) : runInteractive(deps, arg instanceof vscode.Uri ? arg : undefined));
}

/** A scripted call is its own consent: nothing is asked, the log says what a user would have been told. */
async function runScripted(deps: GenerateImageDependencies, arg: unknown): Promise<vscode.Uri[]> {
  if (hasInputImages(arg)) {
    // The options object is shared with segmind.editImage (product.md): input images make it an edit.
    deps.logger.info('segmind.generateImage got input images: running it as segmind.editImage.');
    return (await vscode.commands.executeCommand<vscode.Uri[]>(COMMAND_IDS.editImage, arg)) ?? [];
  }
  try {
    const options = parseCommandOptions(arg);
    const workspaceFolder = chooseWorkspaceFolder();
    const settings = readSettings(workspaceFolder);
    const plan = planGeneration(options, settings);
    if (plan.variants > 1) {
      deps.logger.info(`Scripted run of ${plan.variants} variants with ${plan.model}: estimated cost about $${estimateCostUsd(plan.model, plan.variants)} (not asked: a scripted call is the consent).`);
    }
    const outcome = await withJobProgress(`Segmind: generating with ${plan.model}`, (signal, { onProgress }) =>
      deps.generator.generate({ plan, settings, workspaceFolder, signal, onProgress }),
    );
    return savedUrisOrThrow(outcome);
  } catch (error) {
    throw await scriptedRejection(COMMAND_IDS.generateImage, error, deps.notifier, deps.logger);
  }
}

async function runInteractive(deps: GenerateImageDependencies, target: vscode.Uri | undefined): Promise<vscode.Uri[] | undefined> {
  try {
    if (!(await ensureApiKey(deps.keys, 'generate images'))) return undefined;
    const prompt = await askPrompt(deps.memento);
    if (prompt === undefined) return undefined;
    const model = await askModel(deps.memento, readSettings().defaultModel);
    if (model === undefined) return undefined;
    await remember(deps.memento, prompt, model);

    const options: CommandOptions = { prompt, model };
    const workspaceFolder = chooseWorkspaceFolder(target);
    const settings = readSettings(workspaceFolder);
    const plan = planGeneration(options, settings);
    const outcome = await withJobProgress(`Segmind: generating with ${plan.model}`, (signal, { onProgress }) =>
      deps.generator.generate({ plan, settings, workspaceFolder, signal, onProgress }),
    );
    await presentOutcome(deps, outcome, prompt, target);
    return outcome.saved.map((image) => image.uri);
  } catch (error) {
    void deps.notifier.showError(error);
    return undefined;
  }
}

function hasInputImages(arg: unknown): boolean {
  const images = (arg as { images?: unknown }).images;
  return Array.isArray(images) && images.length > 0;
}

function chooseWorkspaceFolder(target?: vscode.Uri): vscode.Uri {
  const candidates = [target, vscode.window.activeTextEditor?.document.uri];
  for (const uri of candidates) {
    const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
    if (folder) return folder.uri;
  }
  const first = vscode.workspace.workspaceFolders?.[0];
  if (!first) throw new NoWorkspaceError();
  return first.uri;
}

async function presentOutcome(deps: GenerateImageDependencies, outcome: GenerationOutcome, prompt: string, target: vscode.Uri | undefined): Promise<void> {
  const [failure] = outcome.failures;
  if (failure !== undefined) void deps.notifier.showError(failure);
  const [first] = outcome.saved;
  if (!first) return;

  const editor = target && vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === target.toString());
  const language = editor && linkLanguageFor(editor.document.languageId);
  if (editor && language) {
    const links = outcome.saved.map((image) => imageLink(language, relativeImagePath(editor.document.uri.path, image.uri.path), altText(prompt)));
    await editor.edit((edit) => edit.replace(editor.selection, links.join('\n')));
  }

  // Beside the document being written, when there is one; otherwise where the user is looking
  // (Beside with no editor open would leave an empty group on the left).
  const previewColumn = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
  for (const image of outcome.saved) {
    await vscode.commands.executeCommand('vscode.openWith', image.uri, 'imagePreview.previewEditor', { preview: false, viewColumn: previewColumn });
  }
  void offerSavedImageActions(outcome.saved.map((image) => image.uri), prompt);
}

async function askPrompt(memento: vscode.Memento): Promise<string | undefined> {
  const recent = memento.get<string[]>(RECENT_PROMPTS_KEY, []);
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem>();
  pick.title = 'Segmind: Generate Image (1/2)';
  pick.placeholder = 'Describe the image, e.g. "a flat illustration of a rocket, pastel colours"';
  pick.ignoreFocusOut = true;
  pick.matchOnDetail = true;
  const recentItems = recent.map((prompt) => ({ label: prompt, description: 'recent' }));
  pick.items = recentItems;
  // Typing shows the typed prompt first, so Enter always takes what was typed.
  const typed = pick.onDidChangeValue((value) => {
    pick.items = value.trim() ? [{ label: value, description: 'new prompt', alwaysShow: true }, ...recentItems] : recentItems;
  });
  try {
    return await new Promise<string | undefined>((resolve) => {
      pick.onDidAccept(() => {
        const chosen = pick.selectedItems[0]?.label ?? pick.value;
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

async function askModel(memento: vscode.Memento, defaultModel: TextToImageModel): Promise<TextToImageModel | undefined> {
  const last = memento.get<TextToImageModel>(LAST_MODEL_KEY, defaultModel);
  const ordered = [...TEXT_TO_IMAGE_MODELS].sort((a, b) => Number(b === last) - Number(a === last));
  const items = ordered.map((slug) => ({ label: slug, description: MODELS[slug].label, detail: MODELS[slug].description, slug }));
  const choice = await vscode.window.showQuickPick(items, { title: 'Segmind: Generate Image (2/2)', placeHolder: 'Model', ignoreFocusOut: true });
  return choice?.slug;
}

async function remember(memento: vscode.Memento, prompt: string, model: TextToImageModel): Promise<void> {
  const recent = memento.get<string[]>(RECENT_PROMPTS_KEY, []).filter((entry) => entry !== prompt);
  await memento.update(RECENT_PROMPTS_KEY, [prompt, ...recent].slice(0, MAX_RECENT_PROMPTS));
  await memento.update(LAST_MODEL_KEY, model);
}
