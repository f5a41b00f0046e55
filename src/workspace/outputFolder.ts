/** The output folder of a workspace folder: created, and checked to stay inside it (also through symlinks). */
import * as vscode from 'vscode';
import { ConfigurationError } from '../domain/errors';
import { outputFolderSegments } from '../domain/workspacePath';
import { staysInside } from './confinement';

export async function resolveOutputFolder(workspaceFolder: vscode.Uri, setting: string): Promise<vscode.Uri> {
  const folder = vscode.Uri.joinPath(workspaceFolder, ...outputFolderSegments(setting));
  await vscode.workspace.fs.createDirectory(folder);
  if (!(await staysInside(workspaceFolder, folder))) {
    throw new ConfigurationError('segmind.outputFolder', `The output folder "${setting}" leads outside the workspace folder (through a link).`);
  }
  return folder;
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
