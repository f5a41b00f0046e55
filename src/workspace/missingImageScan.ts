/**
 * The scan that Fill Missing Images…, the scripted command and the agents' tools run: every file of
 * a file, a folder or the workspace that may refer to images (listed by ./fileSearch.ts as VS Code's
 * search would list them), read by the parser worker from disk — or from the editor when open — and
 * judged as ./documentFindings.ts judges a document. Files over the reader's size limit are not even read.
 */
import * as vscode from 'vscode';
import { InvalidParametersError } from '../domain/errors/errors';
import { confinementOf } from './confinement';
import { findFiles, searchExclusions } from './fileSearch';
import { languageOfFile, REFERENCE_FILE_EXTENSIONS, type ReferenceLanguage } from '../references/languages';
import type { FileReading } from '../parsing/referenceReader';
import { linesAt } from '../references/lineNumbers';
import {
  missingImagesOf,
  missingIn,
  rememberingExists,
  type ElsewhereImage,
  type Exists,
  type Findings,
  type MissingImage,
  type MissingImageReading,
  type References,
} from './documentFindings';

/** Glob of the files that may refer to images. */
export const REFERENCING_FILES = `**/*.{${REFERENCE_FILE_EXTENSIONS.join(',')}}`;

/** Files read at once by a scan. */
const SCAN_CONCURRENCY = 16;

export interface ScanResult {
  readonly missing: MissingImage[];
  /** References that resolve to nothing while files with their path exist: never filled. */
  readonly elsewhere: ElsewhereImage[];
  /** Files that could not be read, and why: an answer never says they have nothing missing. */
  readonly unread: readonly { readonly file: vscode.Uri; readonly reason: string }[];
  /** How many files were read, and how long it took (the log says so). */
  readonly files: number;
  readonly ms: number;
  /** Of `ms`, the part spent listing the files. */
  readonly listMs: number;
}

export interface ScanProgress {
  (done: number, total: number): void;
}

/**
 * Every missing image under `scope` (a file or folder; default: every workspace folder), in file then
 * line order. Skips `.git`, `node_modules` and what `files.exclude` and `search.exclude` exclude.
 */
export async function scanForMissingImages(
  scope: vscode.Uri | undefined,
  reading: MissingImageReading,
  progress?: ScanProgress,
  token?: vscode.CancellationToken,
): Promise<ScanResult> {
  const started = performance.now();
  // A site configuration the watcher did not tell of is read now, not after something else changes.
  const inScope = scope ? vscode.workspace.getWorkspaceFolder(scope) : undefined;
  const folders = scope ? (inScope ? [inScope.uri] : []) : (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri);
  await Promise.all(folders.map((folder) => reading.sites.revalidate(folder)));
  const files = await filesIn(scope, token);
  const listMs = performance.now() - started;
  const exists = rememberingExists();
  const open = new Map(vscode.workspace.textDocuments.map((document) => [document.uri.toString(), document]));
  // Several files at a time (reading waits on the disk); results kept in file order.
  const perFile: Findings[] = new Array<Findings>(files.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length && !token?.isCancellationRequested) {
      const index = next++;
      const file = files[index] as vscode.Uri;
      perFile[index] = await findingsInFile(file, open.get(file.toString()), reading, exists);
      progress?.(++done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(SCAN_CONCURRENCY, files.length) }, worker));
  const found = perFile.filter((findings): findings is Findings => findings !== undefined);
  return {
    missing: found.flatMap((findings) => findings.missing),
    elsewhere: found.flatMap((findings) => findings.elsewhere),
    unread: perFile.flatMap((findings, index) => (findings?.unread === undefined ? [] : [{ file: files[index] as vscode.Uri, reason: findings.unread }])),
    files: files.length,
    ms: performance.now() - started,
    listMs,
  };
}

/**
 * The files of `scope` (default: every workspace folder) that may refer to images, sorted. A scope is
 * confined like a path (./confinement.ts): one outside every workspace folder, or that leads outside
 * its folder as the file system resolves it (a link to `/` read the whole disk), is refused, and so is
 * one that is neither a file nor a folder (a FIFO would block the reader). Every scan's caller
 * (the command, a script, the agents) relies on this one check.
 */
async function filesIn(scope: vscode.Uri | undefined, token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  if (scope) {
    const folder = vscode.workspace.getWorkspaceFolder(scope);
    const confined = folder ? await confinementOf(folder.uri, scope) : { ok: false as const };
    const type = confined.ok
      ? await Promise.resolve(vscode.workspace.fs.stat(scope)).then(
          (stat) => stat.type,
          () => vscode.FileType.Unknown,
        )
      : undefined;
    if (!confined.ok || type === undefined || (type & (vscode.FileType.File | vscode.FileType.Directory)) === 0) {
      const shown = JSON.stringify(vscode.workspace.asRelativePath(scope));
      throw new InvalidParametersError([
        {
          parameter: 'scope',
          message:
            folder && !confined.ok
              ? vscode.l10n.t('The scope {0} leads outside its workspace folder (through a link): pick a file or folder inside it.', shown)
              : vscode.l10n.t('The scope {0} is not a file or folder of the workspace.', shown),
        },
      ]);
    }
    if (type & vscode.FileType.File) return [scope];
  }
  const roots = scope ? [scope] : (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri);
  let files: vscode.Uri[] = [];
  for (const root of roots) {
    if (token?.isCancellationRequested) break;
    // concat, not push(...): a spread of a very large list overflows the call stack.
    files = files.concat(await findFiles(root, [REFERENCING_FILES], { exclude: searchExclusions(root), ...(token ? { token } : {}) }));
  }
  return files;
}

const NOTHING: Findings = { missing: [], elsewhere: [] };

/**
 * What one file of a scan comes to: an open editor's text when there is one (it may not be saved),
 * else the file as the parser worker reads it from disk; other file systems through VS Code.
 */
async function findingsInFile(file: vscode.Uri, open: vscode.TextDocument | undefined, reading: MissingImageReading, exists: Exists): Promise<Findings> {
  if (open) return missingImagesOf(open, reading, exists);
  const languageId = languageOfFile(file.path);
  const folder = languageId && vscode.workspace.getWorkspaceFolder(file);
  if (!languageId || !folder) return NOTHING;
  const name = vscode.workspace.asRelativePath(file);
  const read =
    file.scheme === 'file'
      ? await reading.references.readFile(languageId, file.fsPath, name)
      : await readThroughVsCode(file, languageId, name, reading.references);
  return missingIn(file, folder.uri, { ...read, lineOf: (_reference, index) => read.lines[index] ?? 0 }, reading, exists);
}

/** A file of another file system, read through VS Code and parsed in the worker; nothing when it is too large or cannot be read. */
async function readThroughVsCode(uri: vscode.Uri, languageId: ReferenceLanguage, name: string, reader: References): Promise<FileReading> {
  let text: string;
  try {
    const { size } = await vscode.workspace.fs.stat(uri);
    if (size > reader.sizeLimit) {
      reader.tooLarge(name, size);
      return { references: [], lines: [] };
    }
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return { references: [], lines: [] };
  }
  const read = await reader.readDocument(languageId, text, name);
  return {
    ...read,
    lines: linesAt(
      text,
      read.references.map((reference) => reference.start),
    ),
  };
}
