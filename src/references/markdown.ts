/**
 * Image references in Markdown: `![alt](path "title")`, `![alt][ref]` (and `![ref]`) with its
 * `[ref]: path` definition, and inline HTML (read by the markup finder), from the syntax tree of
 * @lezer/markdown (CommonMark, with the exact source range of every node: CodeMirror's own parser),
 * configured to stay linear (./linearMarkdown.ts). Code spans and fences are nodes of their own
 * whose insides are never read.
 */
import type { SyntaxNode } from '@lezer/common';
import { imagePathOf, type ImageReference } from '../domain/references/imageReference';
import { htmlReferences } from './html';
import { linearMarkdown } from './linearMarkdown';

interface Definition {
  readonly url: SyntaxNode;
  readonly title?: string;
}

/** CommonMark's label matching: case-insensitive, inner whitespace collapsed. */
const labelKey = (label: string): string =>
  label
    .replace(/^\[|\]$/g, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();

export function markdownReferences(text: string): ImageReference[] {
  const tree = linearMarkdown.parse(text);
  const definitions = new Map<string, Definition>();
  const images: SyntaxNode[] = [];
  const html: SyntaxNode[] = [];
  tree.iterate({
    enter: (ref) => {
      switch (ref.name) {
        case 'LinkReference': {
          const node = ref.node;
          const label = node.getChild('LinkLabel');
          const url = node.getChild('URL');
          const title = node.getChild('LinkTitle');
          if (label && url) {
            const key = labelKey(text.slice(label.from, label.to));
            if (!definitions.has(key)) definitions.set(key, { url, ...(title ? { title: unquote(text.slice(title.from, title.to)) } : {}) }); // the first wins
          }
          return false;
        }
        case 'Image':
          images.push(ref.node);
          return false;
        case 'HTMLBlock':
        case 'HTMLTag':
          html.push(ref.node);
          return false;
        case 'InlineCode':
        case 'FencedCode':
        case 'CodeBlock':
        case 'Comment':
        case 'CommentBlock':
          return false;
        default:
          return undefined;
      }
    },
  });

  const found: ImageReference[] = [];
  const reported = new Set<SyntaxNode>();
  for (const image of images) {
    const alt = altOf(text, image);
    const url = image.getChild('URL');
    const title = image.getChild('LinkTitle');
    if (url) {
      push(found, text, url, alt, title ? unquote(text.slice(title.from, title.to)) : undefined);
      continue;
    }
    const label = image.getChild('LinkLabel');
    const definition = definitions.get(labelKey(label ? text.slice(label.from, label.to) : (alt ?? '')));
    if (definition && !reported.has(definition.url)) {
      // one report per definition: it is where the path is written
      reported.add(definition.url);
      push(found, text, definition.url, alt, definition.title);
    }
  }
  for (const node of html) found.push(...htmlReferences(text.slice(node.from, node.to), 'fragment', node.from));
  return found.sort((a, b) => a.start - b.start);
}

/** The raw text between `![` and `]`, its inline markup marks dropped. */
function altOf(text: string, image: SyntaxNode): string | undefined {
  const marks = image.getChildren('LinkMark');
  const [open, close] = [marks[0], marks[1]];
  if (!open || !close) return undefined;
  const alt = text
    .slice(open.to, close.from)
    .replace(/[*_`\\]/g, '')
    .trim();
  return alt || undefined;
}

const unquote = (title: string): string => title.replace(/^["'(]|["')]$/g, '');

function push(found: ImageReference[], text: string, url: SyntaxNode, alt?: string, title?: string): void {
  const angled = text[url.from] === '<' && text[url.to - 1] === '>';
  const [start, end] = angled ? [url.from + 1, url.to - 1] : [url.from, url.to];
  const value = text.slice(start, end);
  if (imagePathOf(value) === undefined) return;
  found.push({ value, start, end, ...(alt ? { alt } : {}), ...(title ? { title } : {}) });
}
