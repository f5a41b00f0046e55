/**
 * Missing images of the code: the references of a document (read off the main thread by the parser
 * worker, src/parsing/), resolved to workspace files as the document's site serves them (src/sites/)
 * and, when nothing is there, judged by the evidence rule (domain/references/evidence.ts): missing
 * when no file of the document's repository could be the one meant, else found elsewhere. The scan
 * of a folder or the workspace is ./missingImageScan.ts.
 */
import * as vscode from 'vscode';
import * as fs from 'node:fs/promises';
import { foundElsewhere, referenceTail, repositoryOf, type RepositoryFiles } from '../domain/references/evidence';
import { imagePathOf, suggestedPrompt, type ImageReference } from '../domain/references/imageReference';
import { foldersUp, WEB_ROOT_NAMES } from '../domain/references/webRoot';
import { resolveInSite } from '../sites/servedPaths';
import { within } from '../sites/sites';
import type { SiteIndex } from './siteIndex';
import { referenceLanguageOf } from '../references/languages';
import type { DocumentReading, ReferenceReader } from '../parsing/referenceReader';
import { pathInFolder } from '../domain/safety/workspacePath';

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
  /** Where it was looked for, as its site serves it ("website/static (Docusaurus)"); none under the web root rule. */
  readonly lookedIn?: string;
}

/**
 * A reference that resolves to nothing while files with its path exist in its repository: served
 * from there in a way the rules do not know, or pointing at the wrong place. Never an image to make.
 */
export interface ElsewhereImage extends MissingImage {
  /** The files it could mean, workspace-relative, nearest first. */
  readonly candidates: readonly string[];
  /** The folders the document's site serves at `/` (workspace-relative): how *Point to* writes a root-absolute value. */
  readonly servedAtRoot: readonly string[];
}

/** What a document's references come to: the images to make, and those found elsewhere. */
export interface Findings {
  readonly missing: MissingImage[];
  readonly elsewhere: ElsewhereImage[];
  /** Why the document could not be read (too large, too slow): what it refers to is unknown, not "nothing missing". */
  readonly unread?: string;
}

export interface ReferencingDocument {
  readonly uri: vscode.Uri;
  readonly languageId: string;
  getText(): string;
  positionAt(offset: number): vscode.Position;
}

/** What reads references (the parser worker): a document's text, or a file on disk, in; its references out. */
export type References = Pick<ReferenceReader, 'readDocument' | 'readFile' | 'tooLarge' | 'sizeLimit'>;

/** What finding the missing images of a document needs: the reader, the sites, the repository's files, and the web root setting of a folder. */
export interface MissingImageReading {
  readonly references: References;
  readonly sites: Pick<SiteIndex, 'of' | 'revalidate'>;
  readonly evidence: { filesOf(workspaceFolder: vscode.Uri): Promise<RepositoryFiles> };
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
export function rememberingExists(): Exists {
  const known = new Map<string, Promise<boolean>>();
  return (uri) => {
    const key = uri.toString();
    let there = known.get(key);
    if (!there) known.set(key, (there = existsNow(uri)));
    return there;
  };
}

/**
 * The web root of a document: the setting (workspace-relative), else the nearest public/ or static/
 * up to its repository's root, else that root (the workspace folder when it is one repository).
 */
export async function webRootOf(
  document: vscode.Uri,
  workspaceFolder: vscode.Uri,
  setting: string,
  exists: Exists = existsNow,
  repository = '',
): Promise<string> {
  const configured = setting.trim().replace(/^[/\\]+|[/\\]+$/g, '');
  if (configured) return configured;
  const relative = pathInFolder(workspaceFolder, document);
  for (const folder of foldersUp(relative)) {
    if (!within(folder, repository)) break;
    for (const name of WEB_ROOT_NAMES) {
      const candidate = folder ? `${folder}/${name}` : name;
      if (await exists(vscode.Uri.joinPath(workspaceFolder, candidate))) return candidate;
    }
  }
  return repository;
}

/** The folder of the nearest index.html at or above the document (up to its repository's root), or undefined. */
async function htmlRootOf(document: string, workspaceFolder: vscode.Uri, exists: Exists, repository: string): Promise<string | undefined> {
  for (const folder of foldersUp(document)) {
    if (!within(folder, repository)) break;
    if (await exists(vscode.Uri.joinPath(workspaceFolder, ...(folder ? folder.split('/') : []), 'index.html'))) return folder;
  }
  return undefined;
}

/**
 * The references of a document that point at nothing (inside its workspace folder, never `.git`):
 * resolved as its site serves them (src/sites/), missing only when no place the site would serve
 * them from has the file.
 */
export async function missingImagesOf(document: ReferencingDocument, reading: MissingImageReading, exists: Exists = rememberingExists()): Promise<Findings> {
  const language = referenceLanguageOf(document);
  const folder = language && vscode.workspace.getWorkspaceFolder(document.uri);
  if (!language || !folder) return { missing: [], elsewhere: [] };
  const read = await reading.references.readDocument(language, document.getText(), vscode.workspace.asRelativePath(document.uri));
  return missingIn(document.uri, folder.uri, { ...read, lineOf: (reference) => document.positionAt(reference.start).line }, reading, exists);
}

/** A document's references as read, with the line of each (from its editor, or counted by the worker). */
export interface ReadReferences extends DocumentReading {
  readonly lineOf: (reference: ImageReference, index: number) => number;
}

export async function missingIn(
  uri: vscode.Uri,
  workspaceFolder: vscode.Uri,
  { references, page, lineOf, unread }: ReadReferences,
  reading: MissingImageReading,
  exists: Exists,
): Promise<Findings> {
  const missing: MissingImage[] = [];
  const elsewhere: ElsewhereImage[] = [];
  if (unread !== undefined) return { missing, elsewhere, unread };
  if (references.length === 0) return { missing, elsewhere };
  const relativeDocument = pathInFolder(workspaceFolder, uri);
  const { site, aliases } = await reading.sites.of(uri, workspaceFolder);
  const setting = reading
    .webRootSetting(workspaceFolder)
    .trim()
    .replace(/^[/\\]+|[/\\]+$/g, '');
  // The setting wins; without a site, the web root rule (the nearest public/ or static/) and the nearest
  // index.html's folder, found only when a value needs them.
  let webRoot: string | undefined = setting || undefined;
  let htmlRoot: string | undefined;
  let files: RepositoryFiles | undefined;
  for (const [index, reference] of references.entries()) {
    // Thousands of references (a generated or hostile file) are resolved a slice at a time: the host never stalls on them.
    if (index > 0 && index % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    if (!site && !setting && webRoot === undefined && imagePathOf(reference.value)?.startsWith('/')) {
      // A checkout is served (and its README read) from its own root, not the workspace folder's.
      files ??= await reading.evidence.filesOf(workspaceFolder);
      const repository = repositoryOf(relativeDocument, files.repositories);
      webRoot = await webRootOf(uri, workspaceFolder, '', exists, repository);
      htmlRoot = await htmlRootOf(relativeDocument, workspaceFolder, exists, repository);
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
    const image: MissingImage = {
      document: uri,
      reference,
      line: lineOf(reference, index),
      target,
      workspaceFolder,
      prompt: suggestedPrompt(reference, resolution.candidates[0] ?? ''),
      ...(resolution.lookedIn ? { lookedIn: resolution.lookedIn } : {}),
    };
    // The evidence rule: a file of the repository with the reference's path means it is not an image to make.
    const tail = referenceTail(resolution.path);
    files ??= await reading.evidence.filesOf(workspaceFolder);
    const indexed = tail === undefined ? [] : foundElsewhere(tail, relativeDocument, files);
    // The index follows the watcher, which tells a moment late: a file deleted since is no evidence.
    const there = await Promise.all(indexed.map((candidate) => exists(vscode.Uri.joinPath(workspaceFolder, ...candidate.split('/')))));
    const candidates = indexed.filter((_candidate, at) => there[at]);
    if (candidates.length === 0) {
      missing.push(image);
      continue;
    }
    if (!site && webRoot === undefined) webRoot = await webRootOf(uri, workspaceFolder, '', exists, repositoryOf(relativeDocument, files.repositories));
    const output = site?.outputFolders.find((folder) => within(relativeDocument, folder));
    const servedAtRoot = site ? (output !== undefined ? [output] : site.publicFolders) : [webRoot ?? ''];
    elsewhere.push({ ...image, candidates, servedAtRoot });
  }
  return { missing, elsewhere };
}

/** References resolved between two turns of the event loop. */
const YIELD_EVERY = 200;
