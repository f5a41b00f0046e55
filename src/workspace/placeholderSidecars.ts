/** Our placeholders in the workspace: images whose sidecar says `"placeholder": true` (the context key and the palette's list both read them). */
import * as vscode from 'vscode';
import { readPlaceholderSidecar } from '../domain/images/placeholder';
import { ALWAYS_SKIPPED, findFiles } from './fileSearch';

export const PLACEHOLDER_SIDECARS = '**/*.{png,jpg,jpeg,webp,PNG,JPG,JPEG,WEBP}.json';
const MAX_SIDECARS = 5_000;

export const imageOfSidecar = (sidecar: vscode.Uri): vscode.Uri => sidecar.with({ path: sidecar.path.replace(/\.json$/, '') });

/** True when the sidecar is one of our placeholders' (unreadable or other JSON: false). */
export async function isPlaceholderSidecar(sidecar: vscode.Uri): Promise<boolean> {
  const text = await vscode.workspace.fs.readFile(sidecar).then(
    (bytes) => new TextDecoder().decode(bytes),
    () => '',
  );
  return readPlaceholderSidecar(text) !== undefined;
}

/** Every placeholder image of the workspace. */
export async function findPlaceholderImages(): Promise<vscode.Uri[]> {
  const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri);
  const sidecars = (await Promise.all(folders.map((folder) => findFiles(folder, [PLACEHOLDER_SIDECARS], { exclude: ALWAYS_SKIPPED, limit: MAX_SIDECARS }))))
    .flat()
    .slice(0, MAX_SIDECARS);
  const found = await Promise.all(sidecars.map(async (sidecar) => ((await isPlaceholderSidecar(sidecar)) ? imageOfSidecar(sidecar) : undefined)));
  return found.filter((image): image is vscode.Uri => image !== undefined);
}
