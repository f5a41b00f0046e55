/**
 * What the Studio offers besides its form: the models it lists (the catalog's, then
 * segmind.customModels'), and what a notice's button runs: our commands, VS Code's Manage Workspace
 * Trust, and the settings opened at the one a failure names (segmind.defaultModel for a retired model).
 */
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../base/pure/commandIds';
import type { ModelView, StudioCommand } from '../protocol/studioProtocol';
import { MODEL_SLUGS } from '../domain/generation/catalog';
import { catalogSpec, type ModelSpec } from '../domain/generation/customModels';
import { modelView } from './pure/studioViews';

export async function runStudioCommand(command: StudioCommand, setting: string | undefined): Promise<void> {
  if (command === 'openSettings') await vscode.commands.executeCommand('workbench.action.openSettings', setting ?? 'segmind');
  else await vscode.commands.executeCommand(command === 'manageTrust' ? 'workbench.trust.manage' : COMMAND_IDS[command]);
}

/** The models of the form's list, sent in its `init` message: a custom model by its label, with its like's sizes and prices. */
export function studioModels(customModels: readonly ModelSpec[]): ModelView[] {
  return [...MODEL_SLUGS.map(catalogSpec), ...customModels].map(modelView);
}
