/**
 * The image references of a document, by its language id (product.md's list). One finder per
 * language family; each is pure (text in, references out), so each is tested on fixtures alone.
 * Vue and Svelte files are markup whose `<script>` and `<style>` are read by their own finders.
 * This is the entry of the lazily loaded bundle dist/references.js (esbuild.mjs): import it with
 * `import()` from the host; what the host needs at once is in ./languages.ts.
 */
import type { ImageReference } from '../domain/imageReference';
import type { ReferenceLanguage } from './languages';
import { cssReferences } from './css';
import { htmlReferences } from './html';
import { markdownReferences } from './markdown';
import { scriptReferences } from './script';

export { languageOfFile, type ReferenceLanguage } from './languages';

const MAY_NAME_AN_IMAGE = /\.(?:png|jpe?g|webp|svg)|%2e/i;

/** Ordered by position. A finder that fails on a text reports nothing for it: a guess would be a false report. */
export function findReferences(languageId: ReferenceLanguage, text: string): ImageReference[] {
  // Every value that counts ends in an image extension (or spells one percent-encoded): a text
  // without one has no references, and is not parsed at all (most files of a workspace scan).
  if (!MAY_NAME_AN_IMAGE.test(text)) return [];
  try {
    return byLanguage(languageId, text).sort((a, b) => a.start - b.start);
  } catch {
    return [];
  }
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
  }
}
