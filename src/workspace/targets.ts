/**
 * Where a caller may have files written: a path of the options object (`path`, an icon set's
 * `folder`) made into a Uri inside a workspace folder, refused when it leaves it (`..`, absolute,
 * through a symbolic link) or enters `.git`. Checked before any request or write.
 */
import * as vscode from 'vscode';
import { InvalidParametersError } from '../domain/errors';
import { relativeSegments } from '../domain/workspacePath';
import { staysInside } from './confinement';
import { shownReference, uriOfReference } from './workspaceRefs';

export interface ConfinedTarget {
  readonly uri: vscode.Uri;
  readonly workspaceFolder: vscode.Uri;
}

/** `base` is the workspace folder a relative path starts from (else the one its first segment names, else the first). */
export async function confinedTarget(reference: unknown, parameter: string, base?: vscode.Uri): Promise<ConfinedTarget> {
  const refuse = (why: string): never => {
    throw new InvalidParametersError([{ parameter, message: `The ${parameter} ${shownReference(reference)} ${why}` }]);
  };
  if (typeof reference === 'string' && !relativeSegments(reference).ok) refuse('must be relative to the workspace folder and stay inside it.');
  const uri = uriOfReference(reference, base);
  if (!uri) return refuse('is not a workspace-relative path (like public/og.png) or a Uri.');
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder || !(await staysInside(folder.uri, uri))) return refuse('leads outside the workspace folder.');
  const inside = uri.path.slice(folder.uri.path.replace(/\/+$/, '').length).split('/');
  if (inside.some((segment) => segment.toLowerCase() === '.git')) refuse('is inside .git, which belongs to git.');
  return { uri, workspaceFolder: folder.uri };
}
