/**
 * The bytes Render Placeholder with AI replaced, kept where the user can get them back: moved to the
 * trash when the file system has one (desktop VS Code), else kept in the extension's storage. The
 * sentence returned names where they went.
 */
import * as vscode from 'vscode';
import { localTimestamp } from '../domain/images/fileNaming';

export type KeepReplaced = (fileName: string, bytes: Uint8Array) => Promise<string>;

export function replacedFilesIn(storage: vscode.Uri, now: () => Date = () => new Date()): KeepReplaced {
  return async (fileName, bytes) => {
    // A folder of its own per replace: the trash and the backup both keep the file's own name.
    const folder = vscode.Uri.joinPath(storage, 'replaced-placeholders', `${localTimestamp(now())}-${Math.random().toString(36).slice(2, 8)}`);
    const file = vscode.Uri.joinPath(folder, fileName);
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(file, bytes);
    try {
      await vscode.workspace.fs.delete(file, { useTrash: true });
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false }).then(undefined, () => undefined);
      return vscode.l10n.t('The placeholder it replaced is in the trash.');
    } catch {
      return vscode.l10n.t('The placeholder it replaced was kept at {0} (there is no trash here).', file.scheme === 'file' ? file.fsPath : file.toString());
    }
  };
}
