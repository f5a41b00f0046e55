/**
 * Which documents are read for image references (product.md's list), by language id or file
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

/** The extensions of files that may refer to images (the scan's glob). */
export const REFERENCE_FILE_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

export function isReferenceLanguage(languageId: string): languageId is ReferenceLanguage {
  return (REFERENCE_LANGUAGES as readonly string[]).includes(languageId);
}

export function languageOfFile(fileName: string): ReferenceLanguage | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : BY_EXTENSION[fileName.slice(dot + 1).toLowerCase()];
}

const MAY_NAME_AN_IMAGE = /\.(?:png|jpe?g|webp|svg)|%2e/i;

/**
 * Every value that counts ends in an image extension (or spells one percent-encoded): a text
 * without one has no references and is not parsed at all (most files of a workspace scan).
 */
export function mayNameAnImage(text: string): boolean {
  return MAY_NAME_AN_IMAGE.test(text);
}
