/**
 * `segmind.makePlaceholder` — Make Placeholder Image…: the palette asks for a size (presets or
 * custom) and an optional label; a scripted call `{ path?, size, label?, background?, prompt? }`
 * asks nothing and resolves to the written Uri. Drawn locally: no key, no request, no credits.
 */
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../base/pure/commandIds';
import { parseResize, SIZE_PRESETS } from '../domain/generation/exactSize';
import { isCommandOptions } from '../domain/generation/options';
import { defaultLabel, DEFAULT_PLACEHOLDER_SIZE, parsePlaceholderOptions } from '../domain/images/placeholder';
import type { PlaceholderMaker } from '../flow/placeholders';
import type { Logger } from '../log/logger';
import type { Notifier } from '../ui/notifier';
import { IMAGE_PREVIEW } from './paletteAsker';
import { scriptedRejection } from './scripted';
import { inputBox, pickOne, showInformation } from '../ui/show';

export interface MakePlaceholderDependencies {
  readonly placeholders: PlaceholderMaker;
  readonly notifier: Notifier;
  readonly logger: Logger;
}

export function makePlaceholderCommand(deps: MakePlaceholderDependencies): (arg?: unknown) => Promise<vscode.Uri | undefined> {
  return async (arg?: unknown) => {
    if (isCommandOptions(arg)) {
      try {
        return (await deps.placeholders.make(parsePlaceholderOptions(arg))).uri;
      } catch (error) {
        throw await scriptedRejection(COMMAND_IDS.makePlaceholder, error, deps.notifier, deps.logger);
      }
    }
    try {
      const size = await askSize();
      if (!size) return undefined;
      const label = await inputBox({
        title: vscode.l10n.t('Segmind: Make Placeholder Image (2/2)'),
        prompt: vscode.l10n.t('The label drawn on it (empty for none is not possible: leave it for the size)'),
        value: defaultLabel(parseResize(size, 'size')),
        ignoreFocusOut: true,
      });
      if (label === undefined) return undefined;
      const made = await deps.placeholders.make({ size, ...(label.trim() ? { label } : {}) }, vscode.window.activeTextEditor?.document.uri);
      await vscode.commands.executeCommand('vscode.openWith', made.uri, IMAGE_PREVIEW, { preview: false });
      void showInformation(vscode.l10n.t('Saved {0}: a free placeholder, drawn locally (nothing was sent).', vscode.workspace.asRelativePath(made.uri)));
      return made.uri;
    } catch (error) {
      void deps.notifier.showError(error);
      return undefined;
    }
  };
}

/** A preset, or a custom `WxH` checked as it is typed. */
async function askSize(): Promise<string | undefined> {
  const custom = vscode.l10n.t('Custom size…');
  const square = `${DEFAULT_PLACEHOLDER_SIZE.width}x${DEFAULT_PLACEHOLDER_SIZE.height}`;
  const picked = await pickOne(
    [...SIZE_PRESETS, { size: square, label: vscode.l10n.t('Square') }]
      .map((preset) => ({ label: preset.size, description: preset.label }))
      .concat([{ label: custom, description: vscode.l10n.t('Any WxH, 1–4096 px a side') }]),
    {
      title: vscode.l10n.t('Segmind: Make Placeholder Image (1/2)'),
      placeHolder: vscode.l10n.t('The size of the placeholder, in pixels'),
      ignoreFocusOut: true,
    },
  );
  if (!picked) return undefined;
  if (picked.label !== custom) return picked.label;
  return inputBox({
    title: vscode.l10n.t('Segmind: Make Placeholder Image — custom size'),
    prompt: vscode.l10n.t('Width x height in pixels, e.g. 1200x630'),
    ignoreFocusOut: true,
    validateInput: (value) => {
      try {
        parseResize(value, 'size');
        return undefined;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  });
}
