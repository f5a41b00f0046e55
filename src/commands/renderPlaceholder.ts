/**
 * `segmind.renderPlaceholder` — Render Placeholder with AI…: a real image, made with the
 * placeholder's prompt (or the one given), replaces our own placeholder in place: same path, same
 * format, same pixel size. Sidecars come from anyone's repository, so before anything is sent the
 * file must be a plain file inside the workspace (not a link), and its bytes must match the sidecar
 * in every way it can be checked: format, pixel size and sha256 (a real 512×512 logo with a forged
 * sidecar is refused). Checked again just before the replace (workspace/), and the bytes replaced
 * go to the trash. Waits for a trusted workspace. Scripted `{ image, prompt?, model?, quality? }` →
 * the image's Uri.
 */
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../base/pure/commandIds';
import { InvalidParametersError } from '../domain/errors/errors';
import { isCommandOptions, parseCommandOptions, type CommandOptions } from '../domain/generation/options';
import { readPlaceholderSidecar, type PlaceholderSidecar } from '../domain/images/placeholder';
import type { GenerationFlow } from '../flow/generationFlow';
import { ScriptedAsker } from '../flow/scriptedAsker';
import type { Logger } from '../log/logger';
import type { Notifier } from '../ui/notifier';
import { ProgressNotification } from '../ui/progressNotification';
import { offerSavedImageActions, showSaveWarnings } from '../ui/savedImageNotice';
import { sha256Of } from '../workspace/imageWriter';
import { findPlaceholderImages } from '../workspace/placeholderSidecars';
import { uriOfFileArgument } from '../workspace/fileArguments';
import { confinementOf } from '../workspace/confinement';
import { readPixelSize, sniffImageFormat } from '../domain/images/imageFormat';
import { refusalOf } from '../shared/wording';
import { requireTrust } from '../flow/trust';
import { IMAGE_PREVIEW, type PaletteAsker } from './paletteAsker';
import { scriptedRejection } from './scripted';
import { inputBox, pickOne, showInformation } from '../ui/show';
import { pathInFolder } from '../domain/safety/workspacePath';

export interface RenderPlaceholderDependencies {
  readonly flow: GenerationFlow;
  readonly asker: PaletteAsker;
  readonly notifier: Notifier;
  readonly logger: Logger;
}

/** A paid run whose prompt comes from the placeholder's sidecar: it waits for a trusted workspace. */
const RENDER = 'Render Placeholder with AI';

interface Placeholder {
  readonly uri: vscode.Uri;
  readonly workspaceFolder: vscode.Uri;
  readonly sidecar: PlaceholderSidecar;
}

const refuse = (message: string): never => {
  throw new InvalidParametersError([{ parameter: 'image', message }]);
};

/** The placeholder at `reference`, unchanged since it was drawn, or a refusal that says why. */
async function unchangedPlaceholder(reference: unknown): Promise<Placeholder> {
  const uri = uriOfFileArgument(reference);
  const workspaceFolder = uri && vscode.workspace.getWorkspaceFolder(uri);
  if (!uri || !workspaceFolder) return refuse(vscode.l10n.t('The image {0} is not a file of the workspace.', JSON.stringify(reference) ?? String(reference)));
  const name = vscode.workspace.asRelativePath(uri);
  const read = (file: vscode.Uri): Thenable<Uint8Array | undefined> =>
    vscode.workspace.fs.readFile(file).then(
      (bytes) => bytes,
      () => undefined,
    );
  const kind = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
  if (!kind) return refuse(vscode.l10n.t('{0} does not exist.', name));
  if (kind.type & vscode.FileType.SymbolicLink || !(kind.type & vscode.FileType.File))
    return refuse(vscode.l10n.t('{0} is a link, not a file: only a placeholder file itself is replaced.', name));
  const confinement = await confinementOf(workspaceFolder.uri, uri, 'file');
  if (!confinement.ok) return refuse(`${name} ${refusalOf(confinement)}`);
  const [bytes, sidecarBytes] = await Promise.all([read(uri), read(uri.with({ path: `${uri.path}.json` }))]);
  if (!bytes) return refuse(vscode.l10n.t('{0} does not exist.', name));
  const sidecar = sidecarBytes && readPlaceholderSidecar(new TextDecoder().decode(sidecarBytes));
  if (!sidecar) return refuse(vscode.l10n.t('{0} is not a placeholder made by Segmind Image Studio (its sidecar does not say "placeholder": true).', name));
  if (sidecar.format === 'svg')
    return refuse(vscode.l10n.t('{0} is an SVG placeholder: the models make PNG, JPEG or WebP, so it cannot be rendered in place.', name));
  if (sha256Of(bytes) !== sidecar.sha256) return refuse(vscode.l10n.t('{0} was changed since it was made as a placeholder, so it is not replaced.', name));
  // A sidecar is the repository's word: a real image with a forged one (its real sha256, another size) is not ours either.
  const [format, size] = [sniffImageFormat(bytes), readPixelSize(bytes)];
  if (format !== sidecar.format || size?.width !== sidecar.width || size.height !== sidecar.height)
    return refuse(
      vscode.l10n.t(
        '{0} is not the placeholder its sidecar describes ({1}×{2} {3}; the file is {4}), so it is not replaced.',
        name,
        sidecar.width,
        sidecar.height,
        sidecar.format,
        size && format ? `${size.width}×${size.height} ${format}` : vscode.l10n.t('not an image this extension reads'),
      ),
    );
  return { uri, workspaceFolder: workspaceFolder.uri, sidecar };
}

function renderOptions(placeholder: Placeholder, choices: { prompt?: unknown; model?: unknown; quality?: unknown }): CommandOptions {
  const { sidecar } = placeholder;
  const prompt = typeof choices.prompt === 'string' && choices.prompt.trim() ? choices.prompt : sidecar.prompt;
  if (!prompt?.trim()) refuse(vscode.l10n.t('{0} has no prompt in its sidecar: give one.', vscode.workspace.asRelativePath(placeholder.uri)));
  // A script's model and quality are whatever it passed: parsed here, at the edge, like any options object.
  return parseCommandOptions({
    prompt,
    path: pathInFolder(placeholder.workspaceFolder, placeholder.uri),
    outputFormat: sidecar.format,
    resize: `${sidecar.width}x${sidecar.height}`,
    fit: 'cover',
    ...(choices.model !== undefined ? { model: choices.model } : {}),
    ...(choices.quality !== undefined ? { quality: choices.quality } : {}),
  });
}

export function renderPlaceholderCommand(deps: RenderPlaceholderDependencies): (arg?: unknown) => Promise<vscode.Uri | undefined> {
  return async (arg?: unknown) => {
    if (isCommandOptions(arg)) {
      try {
        requireTrust(RENDER);
        const placeholder = await unchangedPlaceholder(arg['image']);
        const result = await deps.flow.run(
          { options: renderOptions(placeholder, arg), origin: placeholder.uri, replaces: { sha256: placeholder.sidecar.sha256 } },
          new ScriptedAsker(deps.logger, `${COMMAND_IDS.renderPlaceholder} (scripted)`),
        );
        const saved = result.ran ? result.outcome.saved[0] : undefined;
        const failure: unknown = result.ran ? result.outcome.failures[0] : undefined;
        if (!saved) throw failure instanceof Error ? failure : new Error(vscode.l10n.t('No image was saved.'));
        return saved.uri;
      } catch (error) {
        throw await scriptedRejection(COMMAND_IDS.renderPlaceholder, error, deps.notifier, deps.logger);
      }
    }
    try {
      requireTrust(RENDER);
      const image = arg instanceof vscode.Uri ? arg : await pickPlaceholder();
      if (!image) return undefined;
      const placeholder = await unchangedPlaceholder(image);
      const prompt = await inputBox({
        title: vscode.l10n.t('Segmind: Render {0} with AI', vscode.workspace.asRelativePath(image)),
        prompt: vscode.l10n.t('What the image shows (it replaces the placeholder, same size and format)'),
        value: placeholder.sidecar.prompt ?? '',
        ignoreFocusOut: true,
        validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Write what the image shows.')),
      });
      if (prompt === undefined) return undefined;
      const presenter = new ProgressNotification(async (run) => {
        const [failure] = run.outcome.failures;
        if (failure !== undefined) void deps.notifier.showError(failure);
        showSaveWarnings(run.outcome.saved);
        for (const saved of run.outcome.saved) await vscode.commands.executeCommand('vscode.openWith', saved.uri, IMAGE_PREVIEW, { preview: false });
        if (run.outcome.saved.length > 0)
          void offerSavedImageActions(
            run.outcome.saved.map((saved) => saved.uri),
            run.plan.prompt,
          );
      });
      const result = await deps.flow.run(
        { options: renderOptions(placeholder, { prompt }), origin: image, replaces: { sha256: placeholder.sidecar.sha256 }, signal: presenter.signal },
        deps.asker,
        presenter,
      );
      return result.ran ? result.outcome.saved[0]?.uri : undefined;
    } catch (error) {
      void deps.notifier.showError(error);
      return undefined;
    }
  };
}

/** The palette's way: the images whose sidecar says they are placeholders. */
async function pickPlaceholder(): Promise<vscode.Uri | undefined> {
  const placeholders = await findPlaceholderImages();
  if (placeholders.length === 0) {
    void showInformation(vscode.l10n.t('No placeholders made by Segmind Image Studio were found in the workspace.'));
    return undefined;
  }
  const picked = await pickOne(
    placeholders.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    {
      title: vscode.l10n.t('Segmind: Render Placeholder with AI'),
      placeHolder: vscode.l10n.t('The placeholder to replace with a generated image'),
    },
  );
  return picked?.uri;
}
