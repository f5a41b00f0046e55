/**
 * Export Icon Set: one workspace image becomes the web's icon files, written into a folder of the
 * workspace. Local only (no request, no key). If any of the files exists already, nothing is
 * written and the refusal names them; otherwise each is written atomically, never over a file.
 */
import * as vscode from 'vscode';
import { InvalidParametersError } from '../domain/errors/errors';
import { ICON_SET_FILES, renderIconSet } from '../pixels/iconSet';
import { readEditInputs, resolveEditInputs } from '../workspace/editInputReader';
import { exists, writeConfined } from '../workspace/imageWriter';
import { resolveOutputFolder } from '../workspace/outputFolder';
import { confinedTarget } from '../workspace/targets';

export interface IconSetRequest {
  /** The image: a workspace-relative path or a Uri. */
  readonly image: unknown;
  /** Where the files go; default `<output folder>/<image name>-icons/`. */
  readonly folder?: unknown;
}

export interface WrittenIconSet {
  readonly folder: vscode.Uri;
  readonly files: readonly vscode.Uri[];
}

export async function exportIconSet(request: IconSetRequest, outputFolderOf: (workspaceFolder: vscode.Uri) => string): Promise<WrittenIconSet> {
  const located = await resolveEditInputs([request.image]);
  const [image] = (await readEditInputs(located.images)).images;
  const [ref] = located.images;
  if (!image || !ref) throw new InvalidParametersError([{ parameter: 'image', message: vscode.l10n.t('Choose an image for the icon set.') }]);

  const stem = ref.uri.path.slice(ref.uri.path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
  const { uri: folder, workspaceFolder } =
    request.folder === undefined || request.folder === null
      ? {
          uri: vscode.Uri.joinPath(await resolveOutputFolder(located.workspaceFolder, outputFolderOf(located.workspaceFolder)), `${stem}-icons`),
          workspaceFolder: located.workspaceFolder,
        }
      : await confinedTarget(request.folder, 'folder', 'folder', located.workspaceFolder);
  const targets = ICON_SET_FILES.map((name) => vscode.Uri.joinPath(folder, name));
  const taken = (await Promise.all(targets.map(async (uri) => ((await exists(uri)) ? uri : undefined)))).filter((uri) => uri !== undefined);
  if (taken.length > 0) {
    throw new InvalidParametersError([
      {
        parameter: 'folder',
        message:
          taken.length === 1
            ? vscode.l10n.t('Nothing was written: {0} exists already.', vscode.workspace.asRelativePath(taken[0] as vscode.Uri))
            : vscode.l10n.t('Nothing was written: {0} exist already.', taken.map((uri) => vscode.workspace.asRelativePath(uri)).join(', ')),
      },
    ]);
  }

  const appName = vscode.workspace.getWorkspaceFolder(ref.uri)?.name ?? stem;
  const files = await renderIconSet(image.bytes, appName);
  await vscode.workspace.fs.createDirectory(folder);
  const written: vscode.Uri[] = [];
  for (const file of files) {
    const target = vscode.Uri.joinPath(folder, file.name);
    if (!(await writeConfined(workspaceFolder, target, file.bytes))) {
      throw new InvalidParametersError([
        {
          parameter: 'folder',
          message: vscode.l10n.t('{0} appeared while the icon set was written; it was left as it is.', vscode.workspace.asRelativePath(target)),
        },
      ]);
    }
    written.push(target);
  }
  return { folder, files: written };
}

/** The `<link>` tags to paste into a page's `<head>`, for a set served from the site's root. */
export const ICON_LINK_TAGS = [
  '<link rel="icon" href="/favicon.ico" sizes="48x48">',
  '<link rel="icon" type="image/png" sizes="32x32" href="/favicon-32x32.png">',
  '<link rel="icon" type="image/png" sizes="16x16" href="/favicon-16x16.png">',
  '<link rel="apple-touch-icon" sizes="180x180" href="/apple-touch-icon.png">',
  '<link rel="manifest" href="/site.webmanifest">',
].join('\n');
