/**
 * Which documents are read for image references (the README's list, "Missing images in the code"), by language id or file
 * extension. Apart from the finders (./index.ts, a lazily loaded bundle) so that the host can
 * register and filter without loading a parser.
 */
export const REFERENCE_LANGUAGES = [
  'html',
  'markdown',
  'css',
  'scss',
  'less',
  'javascript',
  'javascriptreact',
  'typescript',
  'typescriptreact',
  'vue',
  'svelte',
  'webmanifest',
] as const;
export type ReferenceLanguage = (typeof REFERENCE_LANGUAGES)[number];

/** The language of a file by its extension, for files no editor has opened (the workspace scan). */
const BY_EXTENSION: Record<string, ReferenceLanguage> = {
  html: 'html',
  htm: 'html',
  md: 'markdown',
  markdown: 'markdown',
  css: 'css',
  scss: 'scss',
  less: 'less',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascriptreact',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'typescriptreact',
  vue: 'vue',
  svelte: 'svelte',
};

/** The extensions of files that may refer to images (the scan's glob; of `.json` files only `manifest.json` is read). */
export const REFERENCE_FILE_EXTENSIONS: readonly string[] = [...Object.keys(BY_EXTENSION), 'webmanifest', 'json'];

export function isReferenceLanguage(languageId: string): languageId is ReferenceLanguage {
  return (REFERENCE_LANGUAGES as readonly string[]).includes(languageId);
}

/** `manifest.json`, `manifest.webmanifest`, `*.webmanifest`: web app manifests (no language of VS Code's own; JSON to the editor). */
export const WEB_MANIFEST_FILES = '{manifest.json,*.webmanifest}';

export function isWebManifest(fileName: string): boolean {
  const name = fileName.slice(fileName.lastIndexOf('/') + 1).toLowerCase();
  return name === 'manifest.json' || name.endsWith('.webmanifest');
}

export function languageOfFile(fileName: string): ReferenceLanguage | undefined {
  if (isWebManifest(fileName)) return 'webmanifest';
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : BY_EXTENSION[fileName.slice(dot + 1).toLowerCase()];
}

/**
 * The language a document is read as: its own, or `webmanifest` for a manifest the editor calls
 * JSON; undefined for documents that are not read.
 */
export function referenceLanguageOf(document: { readonly languageId: string; readonly uri: { readonly path: string } }): ReferenceLanguage | undefined {
  if (isReferenceLanguage(document.languageId)) return document.languageId;
  return isWebManifest(document.uri.path) ? 'webmanifest' : undefined;
}

const MAY_NAME_AN_IMAGE = /\.(?:png|jpe?g|webp|avif|gif|ico|svg)|%2e/i;

/**
 * Every value that counts ends in an image extension (or spells one percent-encoded): a text
 * without one has no references and is not parsed at all (most files of a workspace scan).
 */
export function mayNameAnImage(text: string): boolean {
  return MAY_NAME_AN_IMAGE.test(text);
}
