/** The output folder of a workspace folder: confined (confinement.ts) before it is created, and again after. */
import * as vscode from 'vscode';
import { ConfigurationError } from '../domain/errors/errors';
import { outputFolderSegments } from '../domain/safety/workspacePath';
import { refusalOf } from '../shared/wording';
import { confinementOf } from './confinement';

/** The output folder's Uri, checked but not created (nothing is written while a run is only being prepared). */
export async function checkedOutputFolder(workspaceFolder: vscode.Uri, setting: string): Promise<vscode.Uri> {
  const folder = vscode.Uri.joinPath(workspaceFolder, ...outputFolderSegments(setting));
  await assertConfined(workspaceFolder, folder, setting);
  return folder;
}

/** The output folder, created; a link swapped in while it was created is noticed. */
export async function resolveOutputFolder(workspaceFolder: vscode.Uri, setting: string): Promise<vscode.Uri> {
  const folder = await checkedOutputFolder(workspaceFolder, setting);
  await vscode.workspace.fs.createDirectory(folder);
  await assertConfined(workspaceFolder, folder, setting);
  return folder;
}

async function assertConfined(workspaceFolder: vscode.Uri, folder: vscode.Uri, setting: string): Promise<void> {
  const confinement = await confinementOf(workspaceFolder, folder, 'folder');
  if (!confinement.ok)
    throw new ConfigurationError('segmind.outputFolder', vscode.l10n.t('The output folder "{0}" {1}', setting.trim(), refusalOf(confinement)));
}

/** The output folder of each workspace folder (not created; a setting that leaves the folder is skipped). */
export function outputFolders(outputFolderOf: (workspaceFolder: vscode.Uri) => string): vscode.Uri[] {
  const folders: vscode.Uri[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    try {
      folders.push(vscode.Uri.joinPath(folder.uri, ...outputFolderSegments(outputFolderOf(folder.uri))));
    } catch {
      // refused setting: generating says why; the gallery just has nothing from this folder
    }
  }
  return folders;
}
