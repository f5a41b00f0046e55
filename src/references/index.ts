/**
 * The image references of a document, by its language id (product.md's list). One finder per
 * language family; each is pure (text in, references out), so each is tested on fixtures alone.
 * Vue and Svelte files are markup whose `<script>` and `<style>` are read by their own finders.
 */
import type { ImageReference } from '../domain/imageReference';
import { cssReferences } from './css';
import { htmlReferences } from './html';
import { markdownReferences } from './markdown';
import { scriptReferences } from './script';

export const REFERENCE_LANGUAGES = [
  'html', 'markdown', 'css', 'scss', 'less', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'vue', 'svelte',
] as const;
export type ReferenceLanguage = (typeof REFERENCE_LANGUAGES)[number];

/** The language of a file by its extension, for files no editor has opened (the workspace scan). */
const BY_EXTENSION: Record<string, ReferenceLanguage> = {
  html: 'html', htm: 'html', md: 'markdown', markdown: 'markdown', css: 'css', scss: 'scss', less: 'less',
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascriptreact', ts: 'typescript', mts: 'typescript', cts: 'typescript',
  tsx: 'typescriptreact', vue: 'vue', svelte: 'svelte',
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

/** Ordered by position. A finder that fails on a text reports nothing for it: a guess would be a false report. */
export function findReferences(languageId: ReferenceLanguage, text: string): ImageReference[] {
  try {
    return byLanguage(languageId, text).sort((a, b) => a.start - b.start);
  } catch {
    return [];
  }
}

function byLanguage(languageId: ReferenceLanguage, text: string): ImageReference[] {
  switch (languageId) {
    case 'html': return htmlReferences(text, 'document');
    case 'vue':
    case 'svelte': return htmlReferences(text, 'fragment');
    case 'markdown': return markdownReferences(text);
    case 'css': return cssReferences(text, 'css');
    case 'scss':
    case 'less': return cssReferences(text, 'scss');
    case 'javascript':
    case 'javascriptreact': return scriptReferences(text, 'jsx');
    case 'typescript': return scriptReferences(text, 'ts');
    case 'typescriptreact': return scriptReferences(text, 'tsx');
  }
}
