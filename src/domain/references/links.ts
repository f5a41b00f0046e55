/** Links to a saved image in the syntax of the document they go into. */
import { posix } from 'node:path';

export type LinkLanguage = 'markdown' | 'html' | 'css' | 'jsx';

/** The editor languages whose context menu offers Generate Image… (and that get a link inserted). */
export const LINK_LANGUAGES: Readonly<Record<string, LinkLanguage>> = {
  markdown: 'markdown',
  mdx: 'markdown',
  html: 'html',
  vue: 'html',
  svelte: 'html',
  css: 'css',
  scss: 'css',
  less: 'css',
  javascriptreact: 'jsx',
  typescriptreact: 'jsx',
};

export function linkLanguageFor(languageId: string): LinkLanguage | undefined {
  return LINK_LANGUAGES[languageId];
}

/** Short alt text from the prompt, safe inside `[...]` and `"..."`. */
export function altText(prompt: string, maxLength = 100): string {
  const oneLine = prompt.replace(/\s+/g, ' ').trim();
  const short = oneLine.length > maxLength ? `${oneLine.slice(0, maxLength - 1)}…` : oneLine;
  return short.replace(/[[\]"<>\\]/g, '');
}

/** `path` is relative, with forward slashes. */
export function imageLink(language: LinkLanguage, path: string, alt: string): string {
  // encodeURI leaves `#` and `?`, which would turn the rest of a file name into a fragment or query.
  const encoded = encodeURI(path).replace(/[#?]/g, (c) => encodeURIComponent(c));
  switch (language) {
    case 'markdown':
      return `![${alt}](${encoded})`;
    case 'html':
      return `<img src="${encoded}" alt="${alt}">`;
    case 'css':
      return `url("${encoded}")`;
    case 'jsx':
      return `<img src="${encoded}" alt="${alt}" />`;
  }
}

/** The image's path as seen from the folder of the document that links to it. */
export function relativeImagePath(fromDocumentPath: string, imagePath: string): string {
  const relative = posix.relative(posix.dirname(fromDocumentPath), imagePath);
  return relative.startsWith('.') ? relative : `./${relative}`;
}
