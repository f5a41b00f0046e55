/**
 * The image references of a document, by its language id (the README's list, "Missing images in the code"). One finder per
 * language family; each is pure (text in, references out), so each is tested on fixtures alone.
 * Vue and Svelte files are markup whose `<script>` and `<style>` are read by their own finders.
 * They run in the parser worker (src/parsing/), never on the extension host's main thread; what the
 * host needs itself is in ./languages.ts.
 */
import type { ImageReference } from '../domain/references/imageReference';
import { mayNameAnImage, type ReferenceLanguage } from './languages';
import { cssReferences } from './css';
import { htmlReferences } from './html';
import { manifestReferences } from './manifest';
import { markdownReferences } from './markdown';
import { scriptReferences } from './script';

export { languageOfFile, type ReferenceLanguage } from './languages';

/** Ordered by position. Throws when a finder fails on a text (the worker reports it, and the document has no references). */
export function findReferences(languageId: ReferenceLanguage, text: string): ImageReference[] {
  if (!mayNameAnImage(text)) return [];
  return byLanguage(languageId, text).sort((a, b) => a.start - b.start);
}

function byLanguage(languageId: ReferenceLanguage, text: string): ImageReference[] {
  switch (languageId) {
    case 'html':
      return htmlReferences(text, 'document');
    case 'vue':
    case 'svelte':
      return htmlReferences(text, 'fragment');
    case 'markdown':
      return markdownReferences(text);
    case 'css':
      return cssReferences(text, 'css');
    case 'scss':
    case 'less':
      return cssReferences(text, 'scss');
    case 'javascript':
    case 'javascriptreact':
      return scriptReferences(text, 'jsx');
    case 'typescript':
      return scriptReferences(text, 'ts');
    case 'typescriptreact':
      return scriptReferences(text, 'tsx');
    case 'webmanifest':
      return manifestReferences(text);
  }
}
