/**
 * Host side of edit inputs: turns what a menu or an options object names (Uris, workspace-relative
 * paths) into files inside the workspace, and reads them through `workspace.fs`. Whether the bytes
 * are an image that may be edited is decided by the pure checks in editInputs.ts.
 */
import * as vscode from 'vscode';
import { refusalOf } from '../shared/wording';
import { confinementOf } from './confinement';
import { shownFileArgument, uriOfFileArgument } from './fileArguments';
import { InvalidParametersError, NoWorkspaceError, type ParameterProblem } from '../domain/errors/errors';
import {
  checkEditInputs,
  checkImageCount,
  chooseAnImage,
  inputName,
  sizeProblem,
  type CheckedEditInputs,
  type EditInputFile,
  type EditInputRole,
} from '../domain/generation/editInputs';

/** One input, located. */
export interface EditInputRef {
  readonly uri: vscode.Uri;
  /** Workspace-relative (with the folder's name first in a multi-root workspace), for messages and the sidecar. */
  readonly path: string;
}

export interface ResolvedEditInputs {
  /** The first image's workspace folder: the result is saved in its output folder. */
  readonly workspaceFolder: vscode.Uri;
  readonly images: readonly EditInputRef[];
  readonly mask?: EditInputRef;
}

/**
 * Locates every input, refusing (all problems at once) anything that is not a path or Uri inside an
 * open workspace folder, also through symbolic links. The same image named twice is used once.
 */
export async function resolveEditInputs(images: readonly unknown[], mask?: unknown): Promise<ResolvedEditInputs> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) throw new NoWorkspaceError();
  checkImageCount(images.length);

  const problems: ParameterProblem[] = [];
  const located: EditInputRef[] = [];
  for (const argument of images) {
    const ref = await locate(argument, 'images', problems);
    if (ref && !located.some((known) => known.uri.toString() === ref.uri.toString())) located.push(ref);
  }
  const maskRef = mask === undefined || mask === null ? undefined : await locate(mask, 'mask', problems);
  if (problems.length > 0) throw new InvalidParametersError(problems);

  const [first] = located;
  const folder = first && vscode.workspace.getWorkspaceFolder(first.uri);
  if (!first || !folder) throw new InvalidParametersError([{ parameter: 'images', message: chooseAnImage() }]);
  return { workspaceFolder: folder.uri, images: located, ...(maskRef ? { mask: maskRef } : {}) };
}

/**
 * Reads the files (a size that is refused anyway is never loaded) and checks their bytes. Every
 * problem of every file is reported at once. A mask that is no file (painted in the Studio) comes
 * with its bytes and gets the same checks.
 */
export async function readEditInputs(images: readonly EditInputRef[], mask?: EditInputRef | EditInputFile): Promise<CheckedEditInputs> {
  const problems: ParameterProblem[] = [];
  const imageFiles = await Promise.all(images.map((ref) => readOne(ref, 'images', problems)));
  const maskFile = mask && ('bytes' in mask ? mask : await readOne(mask, 'mask', problems));
  if (problems.length > 0) throw new InvalidParametersError(problems);
  return checkEditInputs(
    imageFiles.filter((file): file is EditInputFile => file !== undefined),
    maskFile,
  );
}

/** Inputs already read and checked, with a mask chosen afterwards: only the mask is read, and all are checked together. */
export async function withMask(inputs: CheckedEditInputs, mask: EditInputRef): Promise<CheckedEditInputs> {
  const problems: ParameterProblem[] = [];
  const maskFile = await readOne(mask, 'mask', problems);
  if (problems.length > 0) throw new InvalidParametersError(problems);
  return checkEditInputs(inputs.images, maskFile);
}

async function readOne(ref: EditInputRef, role: EditInputRole, problems: ParameterProblem[]): Promise<EditInputFile | undefined> {
  const what = inputName(ref.path, role);
  try {
    const stat = await vscode.workspace.fs.stat(ref.uri);
    if (stat.type & vscode.FileType.Directory) {
      problems.push({ parameter: role, message: vscode.l10n.t('{0} is a folder, not an image.', what) });
      return undefined;
    }
    const tooBigOrEmpty = sizeProblem(ref.path, stat.size, role);
    if (tooBigOrEmpty) {
      problems.push(tooBigOrEmpty);
      return undefined;
    }
    return { path: ref.path, bytes: await vscode.workspace.fs.readFile(ref.uri) };
  } catch (error) {
    const missing = error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
    problems.push({
      parameter: role,
      message: missing
        ? vscode.l10n.t('{0} does not exist.', what)
        : vscode.l10n.t('{0} could not be read: {1}', what, error instanceof Error ? error.message : String(error)),
    });
    return undefined;
  }
}

async function locate(argument: unknown, role: EditInputRole, problems: ParameterProblem[]): Promise<EditInputRef | undefined> {
  const label = role === 'mask' ? inputName(shownFileArgument(argument), role) : vscode.l10n.t('Image {0}', shownFileArgument(argument));
  const uri = uriOfFileArgument(argument);
  if (!uri) {
    problems.push({ parameter: role, message: vscode.l10n.t('{0}: give a workspace-relative path (like images/logo.png) or a Uri.', label) });
    return undefined;
  }
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const confinement = folder ? await confinementOf(folder.uri, uri) : undefined;
  if (!folder || !confinement?.ok) {
    const why =
      confinement && !confinement.ok && confinement.reason !== 'outside'
        ? refusalOf(confinement)
        : vscode.l10n.t('is outside the workspace; only files in an open folder can be edited.');
    problems.push({ parameter: role, message: `${label} ${why}` });
    return undefined;
  }
  return { uri, path: vscode.workspace.asRelativePath(uri) };
}
