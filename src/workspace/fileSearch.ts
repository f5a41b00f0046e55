/**
 * Files of a folder, listed as VS Code's search lists them (exclusions relative to the workspace
 * folder, excluded folders never entered) but without following links to folders: a repository's
 * links can point anywhere, and one to `/` made a scan walk the whole disk (13 s, then a failure).
 * Walked here with tinyglobby (fdir + picomatch) rather than through `workspace.findFiles`, which
 * starts a ripgrep process per call: for 5,000 files 0.5 s in a warm window and 1.6 s in a new one,
 * against 40 ms. Folders of other file systems still go through findFiles.
 */
import * as vscode from 'vscode';
import { escapePath, glob } from 'tinyglobby';
import { pathInFolder } from '../domain/safety/workspacePath';

export interface FileSearch {
  /** Patterns relative to the workspace folder, as in `files.exclude`. */
  readonly exclude: readonly string[];
  /** At most this many files (the first, sorted). */
  readonly limit?: number;
  /** Folders (and other entries) that match are listed too, as `.git` is a folder or a file (folders on disk only). */
  readonly anyType?: boolean;
  /** Patterns match without case (`.PNG` is a `.png`; folders on disk only). */
  readonly anyCase?: boolean;
  readonly token?: vscode.CancellationToken;
}

/** The files under `root` matching any of `include` (patterns relative to `root`), sorted by path. */
export async function findFiles(root: vscode.Uri, include: readonly string[], search: FileSearch): Promise<vscode.Uri[]> {
  const { exclude, limit, token } = search;
  const found = root.scheme === 'file' ? await walk(root, include, search) : await searched(root, include, exclude, token);
  const sorted = found.sort((a, b) => (a.toString() < b.toString() ? -1 : a.toString() > b.toString() ? 1 : 0));
  return limit === undefined ? sorted : sorted.slice(0, limit);
}

async function walk(root: vscode.Uri, include: readonly string[], { exclude, token, anyType, anyCase }: FileSearch): Promise<vscode.Uri[]> {
  const folder = vscode.workspace.getWorkspaceFolder(root)?.uri ?? root;
  const under = pathInFolder(folder, root);
  const stop = new AbortController();
  const cancelled = token?.onCancellationRequested(() => stop.abort());
  try {
    const found = await glob(
      include.map((pattern) => (under ? `${escapePath(under)}/${pattern}` : pattern)),
      {
        cwd: folder.fsPath,
        // `x/**` and `x` alike: a folder that matches is not entered.
        ignore: [...new Set(exclude.flatMap((pattern) => [pattern, `${pattern.replace(/\/\*\*$/, '')}/**`]))],
        dot: true,
        expandDirectories: false,
        followSymbolicLinks: false,
        onlyFiles: anyType !== true,
        caseSensitiveMatch: anyCase !== true,
        signal: stop.signal,
      },
    );
    // A folder is listed as `name/`: its Uri has no trailing slash.
    return found.map((relative) => vscode.Uri.joinPath(folder, ...relative.replace(/\/$/, '').split('/')));
  } catch (error) {
    if (stop.signal.aborted) return [];
    throw error;
  } finally {
    cancelled?.dispose();
  }
}

async function searched(root: vscode.Uri, include: readonly string[], exclude: readonly string[], token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const lists = await Promise.all(
    include.map((pattern) => vscode.workspace.findFiles(new vscode.RelativePattern(root, pattern), `{${exclude.join(',')}}`, undefined, token)),
  );
  return [...new Map(lists.flat().map((uri) => [uri.toString(), uri])).values()];
}

/** Never searched, whatever the settings say: a repository's history and its installed packages. */
export const ALWAYS_SKIPPED: readonly string[] = ['**/.git/**', '**/node_modules/**'];

/** `.git`, `node_modules`, and the patterns `files.exclude` and `search.exclude` turn on (what a search of VS Code's leaves out). */
export function searchExclusions(scope: vscode.Uri | undefined): string[] {
  const patterns = new Set(ALWAYS_SKIPPED);
  for (const section of ['files', 'search']) {
    const excluded = vscode.workspace.getConfiguration(section, scope).get<Record<string, unknown>>('exclude') ?? {};
    for (const [pattern, on] of Object.entries(excluded)) if (on === true) patterns.add(pattern);
  }
  return [...patterns];
}
