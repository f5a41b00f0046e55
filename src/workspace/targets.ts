/**
 * Where a caller may have files written: a path of the options object (`path`, an icon set's
 * `folder`) made into a Uri inside a workspace folder, refused when it leaves it (`..`, absolute,
 * through a symbolic link) or enters `.git` (confinement.ts). Checked before any request or write;
 * the file name actually written is checked again just before the write (imageWriter.ts).
 */
import * as vscode from 'vscode';
import { InvalidParametersError } from '../domain/errors/errors';
import { forbiddenName, relativeSegments } from '../domain/safety/workspacePath';
import { fileNameProblem } from '../domain/images/fileNaming';
import { leadsOutside, refusalOf } from '../shared/wording';
import { confinementOf } from './confinement';
import { shownFileArgument, uriOfFileArgument } from './fileArguments';

export interface ConfinedTarget {
  readonly uri: vscode.Uri;
  readonly workspaceFolder: vscode.Uri;
}

/**
 * `base` is the workspace folder a relative path starts from (else the one its first segment names,
 * else the first). A `file` is checked through its folder, and its name as written, which must be
 * one this platform writes exactly (the name saved keeps it; only the extension of the format made,
 * or `-2` when it is taken, may differ), and is checked again when it is written. A `folder` is
 * checked whole, links included.
 */
export async function confinedTarget(argument: unknown, parameter: string, kind: 'file' | 'folder', base?: vscode.Uri): Promise<ConfinedTarget> {
  const refuse = (why: string): never => {
    throw new InvalidParametersError([{ parameter, message: vscode.l10n.t('The {0} {1} {2}', parameter, shownFileArgument(argument), why) }]);
  };
  if (typeof argument === 'string' && !relativeSegments(argument).ok) refuse(vscode.l10n.t('must be relative to the workspace folder and stay inside it.'));
  const uri = uriOfFileArgument(argument, base);
  if (!uri) return refuse(vscode.l10n.t('is not a workspace-relative path (like public/og.png) or a Uri.'));
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return refuse(leadsOutside());
  const checked = kind === 'folder' ? uri : vscode.Uri.joinPath(uri, '..');
  const confinement = await confinementOf(folder.uri, checked, 'folder');
  if (!confinement.ok) return refuse(refusalOf(confinement));
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const named = kind === 'file' ? forbiddenName(name) : undefined;
  if (named) refuse(refusalOf({ reason: named }));
  const unwritable = kind === 'file' ? fileNameProblem(name, process.platform) : undefined;
  if (unwritable) refuse(unwritable);
  return { uri, workspaceFolder: folder.uri };
}

/**
 * `public/og.jpeg` → `jpeg`: kept when the format made is the one it names (a reference in code names
 * exactly that file); `avif`, `gif` and `ico`, which no model makes, are converted to.
 */
export function extensionOfPath(uri: vscode.Uri): string | undefined {
  const match = /\.(png|jpe?g|webp|avif|gif|ico)$/i.exec(uri.path);
  return match?.[1];
}

/**
 * `public/og.png` → `og`, exactly as written (confinedTarget checked that this platform writes it):
 * the writer adds the extension of the format made (`og.webp`) and `-2` when taken.
 */
export function baseNameOfPath(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1).replace(/\.(png|jpe?g|webp|avif|gif|ico)$/i, '');
}

/** Creates a target's folder (and its parents), then checks it again: a link swapped in meanwhile is noticed. */
export async function createConfined(workspaceFolder: vscode.Uri, folder: vscode.Uri): Promise<vscode.Uri> {
  await vscode.workspace.fs.createDirectory(folder);
  const confinement = await confinementOf(workspaceFolder, folder, 'folder');
  if (!confinement.ok) {
    throw new InvalidParametersError([
      { parameter: 'path', message: vscode.l10n.t('The folder {0} {1}', vscode.workspace.asRelativePath(folder), refusalOf(confinement)) },
    ]);
  }
  return folder;
}
