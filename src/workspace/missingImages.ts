/**
 * Missing images of the code: the references of a document (read off the main thread by the parser
 * worker, src/parsing/), resolved to workspace files (domain/references/referenceResolution.ts) and kept when
 * nothing is there. Also the scan of a file, a folder or the workspace that Fill Missing Images…
 * runs: files over the reader's size limit are not even read.
 */
import * as vscode from 'vscode';
import * as fs from 'node:fs/promises';
import { imagePathOf, suggestedPrompt, type ImageReference } from '../domain/references/imageReference';
import { foldersUp, WEB_ROOT_NAMES } from '../domain/references/referenceResolution';
import { resolveInSite } from '../sites/resolution';
import type { SiteIndex } from './siteIndex';
import { findFiles, searchExclusions } from './fileSearch';
import { languageOfFile, referenceLanguageOf, REFERENCE_FILE_EXTENSIONS, type ReferenceLanguage } from '../references/languages';
import type { DocumentReading, FileReading, ReferenceReader } from '../parsing/referenceReader';
import { linesAt } from '../references/lineNumbers';

export interface MissingImage {
  /** The document that refers to it. */
  readonly document: vscode.Uri;
  readonly reference: ImageReference;
  /** 0-based line of the reference (for ranges and the list). */
  readonly line: number;
  /** Where a fix writes it: the first place it was looked for. */
  readonly target: vscode.Uri;
  readonly workspaceFolder: vscode.Uri;
  readonly prompt: string;
  /** Where it was looked for, as its site serves it ("website/static (Docusaurus)"); none under 0.3's rule. */
  readonly lookedIn?: string;
}

export interface ReferencingDocument {
  readonly uri: vscode.Uri;
  readonly languageId: string;
  getText(): string;
  positionAt(offset: number): vscode.Position;
}

/** What reads references (the parser worker): a document's text, or a file on disk, in; its references out. */
export type References = Pick<ReferenceReader, 'readDocument' | 'readFile' | 'tooLarge' | 'sizeLimit'>;

/** What finding the missing images of a document needs: the reader, the sites, and the web root setting of a folder. */
export interface MissingImageReading {
  readonly references: References;
  readonly sites: Pick<SiteIndex, 'of'>;
  readonly webRootSetting: (workspaceFolder: vscode.Uri) => string;
}

/** Whether a file is there. Files on disk are asked of the disk directly: a scan asks thousands of times. */
export type Exists = (uri: vscode.Uri) => Promise<boolean>;

const existsNow: Exists = (uri) =>
  uri.scheme === 'file'
    ? fs.access(uri.fsPath).then(
        () => true,
        () => false,
      )
    : Promise.resolve(
        vscode.workspace.fs.stat(uri).then(
          () => true,
          () => false,
        ),
      );

/** The answers of one scan, remembered: many documents name the same images and the same web roots. */
function rememberingExists(): Exists {
  const known = new Map<string, Promise<boolean>>();
  return (uri) => {
    const key = uri.toString();
    let there = known.get(key);
    if (!there) known.set(key, (there = existsNow(uri)));
    return there;
  };
}

/** The web root of a document: the setting (workspace-relative), else the nearest public/ or static/ up to its folder, else the folder. */
export async function webRootOf(document: vscode.Uri, workspaceFolder: vscode.Uri, setting: string, exists: Exists = existsNow): Promise<string> {
  const configured = setting.trim().replace(/^[/\\]+|[/\\]+$/g, '');
  if (configured) return configured;
  const relative = document.path.slice(workspaceFolder.path.replace(/\/$/, '').length + 1);
  for (const folder of foldersUp(relative)) {
    for (const name of WEB_ROOT_NAMES) {
      const candidate = folder ? `${folder}/${name}` : name;
      if (await exists(vscode.Uri.joinPath(workspaceFolder, candidate))) return candidate;
    }
  }
  return '';
}

/** The folder of the nearest index.html at or above the document (up to its workspace folder), or undefined. */
async function htmlRootOf(document: string, workspaceFolder: vscode.Uri, exists: Exists): Promise<string | undefined> {
  for (const folder of foldersUp(document)) {
    if (await exists(vscode.Uri.joinPath(workspaceFolder, ...(folder ? folder.split('/') : []), 'index.html'))) return folder;
  }
  return undefined;
}

/**
 * The references of a document that point at nothing (inside its workspace folder, never `.git`):
 * resolved as its site serves them (src/sites/), missing only when no place the site would serve
 * them from has the file.
 */
export async function missingImagesOf(
  document: ReferencingDocument,
  reading: MissingImageReading,
  exists: Exists = rememberingExists(),
): Promise<MissingImage[]> {
  const language = referenceLanguageOf(document);
  if (!language) return [];
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  if (!folder) return [];
  const read = await reading.references.readDocument(language, document.getText(), vscode.workspace.asRelativePath(document.uri));
  return missingIn(document.uri, folder.uri, { ...read, lineOf: (reference) => document.positionAt(reference.start).line }, reading, exists);
}

/** A document's references as read, with the line of each (from its editor, or counted by the worker). */
interface ReadReferences extends DocumentReading {
  readonly lineOf: (reference: ImageReference, index: number) => number;
}

async function missingIn(
  uri: vscode.Uri,
  workspaceFolder: vscode.Uri,
  { references, page, lineOf }: ReadReferences,
  reading: MissingImageReading,
  exists: Exists,
): Promise<MissingImage[]> {
  if (references.length === 0) return [];
  const relativeDocument = uri.path.slice(workspaceFolder.path.replace(/\/$/, '').length + 1);
  const { site, aliases } = await reading.sites.of(uri, workspaceFolder);
  const setting = reading
    .webRootSetting(workspaceFolder)
    .trim()
    .replace(/^[/\\]+|[/\\]+$/g, '');
  // The setting wins; without a site, 0.3's rule (the nearest public/ or static/) and the nearest
  // index.html's folder, found only when a value needs them.
  let webRoot: string | undefined = setting || undefined;
  let htmlRoot: string | undefined;
  const missing: MissingImage[] = [];
  for (const [index, reference] of references.entries()) {
    // Thousands of references (a generated or hostile file) are resolved a slice at a time: the host never stalls on them.
    if (index > 0 && index % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    if (!site && !setting && webRoot === undefined && imagePathOf(reference.value)?.startsWith('/')) {
      webRoot = await webRootOf(uri, workspaceFolder, '', exists);
      htmlRoot = await htmlRootOf(relativeDocument, workspaceFolder, exists);
    }
    const resolution = resolveInSite(reference.value, {
      document: relativeDocument,
      aliases,
      ...(site ? { site } : {}),
      ...(page ? { page } : {}),
      ...(webRoot !== undefined ? { webRoot } : {}),
      ...(htmlRoot !== undefined ? { htmlRoot } : {}),
    });
    if (!resolution) continue;
    const places = resolution.candidates.map((candidate) => vscode.Uri.joinPath(workspaceFolder, ...candidate.split('/')));
    if ((await Promise.all(places.map(exists))).some(Boolean)) continue;
    const [target] = places;
    if (!target) continue;
    missing.push({
      document: uri,
      reference,
      line: lineOf(reference, index),
      target,
      workspaceFolder,
      prompt: suggestedPrompt(reference, resolution.candidates[0] ?? ''),
      ...(resolution.lookedIn ? { lookedIn: resolution.lookedIn } : {}),
    });
  }
  return missing;
}

/** References resolved between two turns of the event loop. */
const YIELD_EVERY = 200;

/** Glob of the files that may refer to images. */
export const REFERENCING_FILES = `**/*.{${REFERENCE_FILE_EXTENSIONS.join(',')}}`;

/** Files read at once by a scan. */
const SCAN_CONCURRENCY = 16;

export interface ScanResult {
  readonly missing: MissingImage[];
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
  const files = await filesIn(scope, token);
  const listMs = performance.now() - started;
  const exists = rememberingExists();
  const open = new Map(vscode.workspace.textDocuments.map((document) => [document.uri.toString(), document]));
  // Several files at a time (reading waits on the disk); results kept in file order.
  const perFile: MissingImage[][] = new Array<MissingImage[]>(files.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length && !token?.isCancellationRequested) {
      const index = next++;
      const file = files[index] as vscode.Uri;
      perFile[index] = await missingInFile(file, open.get(file.toString()), reading, exists);
      progress?.(++done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(SCAN_CONCURRENCY, files.length) }, worker));
  const found = perFile.flatMap((entries) => entries ?? []);
  return { missing: found, files: files.length, ms: performance.now() - started, listMs };
}

/** The files of `scope` (default: every workspace folder) that may refer to images, sorted. */
async function filesIn(scope: vscode.Uri | undefined, token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  if (scope && (await vscode.workspace.fs.stat(scope)).type & vscode.FileType.File) return [scope];
  const roots = scope ? [scope] : (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri);
  let files: vscode.Uri[] = [];
  for (const root of roots) {
    if (token?.isCancellationRequested) break;
    // concat, not push(...): a spread of a very large list overflows the call stack.
    files = files.concat(await findFiles(root, [REFERENCING_FILES], { exclude: searchExclusions(root), ...(token ? { token } : {}) }));
  }
  return files;
}

/**
 * The missing images of one file of a scan: an open editor's text when there is one (it may not be
 * saved), else the file as the parser worker reads it from disk; other file systems through VS Code.
 */
async function missingInFile(file: vscode.Uri, open: vscode.TextDocument | undefined, reading: MissingImageReading, exists: Exists): Promise<MissingImage[]> {
  if (open) return missingImagesOf(open, reading, exists);
  const languageId = languageOfFile(file.path);
  const folder = languageId && vscode.workspace.getWorkspaceFolder(file);
  if (!languageId || !folder) return [];
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
