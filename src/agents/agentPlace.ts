/**
 * Where an agent works, and so where its call runs: the workspace folder that holds the agent's
 * working directory (never the active editor's) gives the settings, the output folder and the
 * default scope; its relative paths (`path`, `scope`, `images`, `mask`) resolve against that
 * directory, still confined to the folder; and the paths of its answer are written relative to it,
 * so an agent in packages/site/ asking for public/og.png gets packages/site/public/og.png, named
 * public/og.png. A call without a directory (Copilot's tools) keeps workspace-relative paths.
 */
import * as vscode from 'vscode';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InvalidParametersError } from '../domain/errors/errors';
import { uriOfFileArgument } from '../workspace/fileArguments';

export interface AgentPlace {
  /** The workspace folder that holds the agent's directory. */
  readonly folder: vscode.WorkspaceFolder;
  /** The agent's working directory, as a Uri of that folder (links resolved the way the folder is written). */
  readonly cwd: vscode.Uri;
}

const realPath = (file: string): string => {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
};

const inside = (parent: string, child: string): string | undefined => {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative)) ? relative : undefined;
};

/** The place of a directory (a real path, as the MCP server sends it): the deepest workspace folder that holds it. */
export function agentPlace(directory: string | undefined): AgentPlace | undefined {
  if (!directory) return undefined;
  let best: { folder: vscode.WorkspaceFolder; relative: string; depth: number } | undefined;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme !== 'file') continue;
    const real = realPath(folder.uri.fsPath);
    const relative = inside(real, directory) ?? inside(folder.uri.fsPath, directory);
    if (relative !== undefined && (!best || real.length > best.depth)) best = { folder, relative, depth: real.length };
  }
  if (!best) return undefined;
  const segments = best.relative.split(path.sep).filter(Boolean);
  return { folder: best.folder, cwd: vscode.Uri.joinPath(best.folder.uri, ...segments) };
}

const refuse = (parameter: string, value: string, why: string): never => {
  throw new InvalidParametersError([{ parameter, message: `The ${parameter} ${JSON.stringify(value)} ${why}` }]);
};

/** An agent's relative path as a Uri, resolved against its directory and confined (by its segments) to the workspace folder. */
export function resolveAgentPath(place: AgentPlace, value: string, parameter: string): vscode.Uri {
  if (/^([a-zA-Z]:)?[\\/]/.test(value)) refuse(parameter, value, 'must be relative to your working directory, not absolute.');
  const resolved = vscode.Uri.joinPath(place.cwd, ...value.split(/[\\/]/).filter(Boolean));
  if (inside(place.folder.uri.path, resolved.path) === undefined) {
    refuse(parameter, value, `leads out of the workspace folder "${place.folder.name}": keep it inside the folder you work in.`);
  }
  return resolved;
}

/** The same path relative to the workspace folder (what `path` options are), `/`-separated. */
export function folderRelative(place: AgentPlace, uri: vscode.Uri): string {
  return path.posix.relative(place.folder.uri.path, uri.path) || '.';
}

/** A path as the agent's answer names it: relative to its directory, else workspace-relative. */
export function shownPath(place: AgentPlace | undefined, uri: vscode.Uri): string {
  return place ? path.posix.relative(place.cwd.path, uri.path) || '.' : vscode.workspace.asRelativePath(uri);
}

/** A workspace-relative path (as the fill's entries give them) as the agent's answer names it. */
export function shownWorkspacePath(place: AgentPlace | undefined, workspaceRelative: string): string {
  if (!place) return workspaceRelative;
  const uri = uriOfFileArgument(workspaceRelative, place.folder.uri);
  return uri ? shownPath(place, uri) : workspaceRelative;
}
