/**
 * Image references in markup (HTML, inline HTML in Markdown, Vue and Svelte templates), read with
 * parse5, the HTML standard's own tolerant parser: comments, script text and bound attributes
 * (`:src`, `{expr}`) are never taken for paths. `<style>` and `<script>` bodies are handed to the
 * CSS and script finders. Names are as parse5 gives them: lower case (`<Image>` is `image`).
 */
import { parse, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import {
  candidateSize,
  imagePathOf,
  isWidthDescriptor,
  sizeOf,
  srcsetCandidates,
  type ImageReference,
  type SrcsetCandidate,
} from '../domain/references/imageReference';
import { cssReferences } from './css';
import { scriptReferences, type ScriptDialect } from './script';

type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document | DefaultTreeAdapterTypes.DocumentFragment;

/** `document` for a whole HTML page; `fragment` for markup inside something else (Markdown, a single-file component). */
export function htmlReferences(text: string, kind: 'document' | 'fragment' = 'document', offset = 0): ImageReference[] {
  // Scripting off: the markup inside <noscript> is parsed as markup (with scripting on, parse5 keeps it as text).
  const options = { sourceCodeLocationInfo: true, scriptingEnabled: false };
  const root = kind === 'document' ? parse(text, options) : parseFragment(text, options);
  const found: ImageReference[] = [];
  walk(root, (element) => found.push(...elementReferences(element, text, offset)));
  return found;
}

/** Every element in document order, with a stack of its own: a page nested 50,000 deep must not exhaust the call stack. */
function walk(root: Node, visit: (element: Element) => void): void {
  const stack: Node[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if ('tagName' in node) visit(node);
    const children = 'childNodes' in node ? node.childNodes : [];
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as Node);
    const content = (node as { content?: DefaultTreeAdapterTypes.DocumentFragment }).content; // <template>
    if (content) stack.push(content);
  }
}

const attribute = (element: Element, name: string): string | undefined => element.attrs.find((attr) => attr.name === name)?.value;

/** Which attributes of an element name an image (the README's list). */
function imageAttributes(element: Element): readonly ('src' | 'srcset' | 'poster' | 'href' | 'content')[] {
  switch (element.tagName) {
    case 'img':
      return ['src', 'srcset'];
    case 'source':
      return ['src', 'srcset'];
    case 'image':
      return ['src']; // the component <Image>; SVG's <image> uses href, not src
    case 'video':
      return ['poster'];
    case 'link':
      return /^(icon|shortcut icon|apple-touch-icon)$/i.test((attribute(element, 'rel') ?? '').trim()) ? ['href'] : [];
    case 'meta':
      return /^(og:image|twitter:image)$/i.test(attribute(element, 'property') ?? attribute(element, 'name') ?? '') ? ['content'] : [];
    default:
      return [];
  }
}

function elementReferences(element: Element, text: string, offset: number): ImageReference[] {
  const location = element.sourceCodeLocation;
  if (!location) return [];
  if (element.tagName === 'style' || element.tagName === 'script') return embedded(element, text, offset);
  const found: ImageReference[] = [];
  const { holder, size, alt, title } = subjectOf(element);
  const group = offset + (holder.sourceCodeLocation?.startOffset ?? location.startOffset);
  for (const name of imageAttributes(element)) {
    const at = location.attrs?.[name];
    const value = at && valueRange(text, at.startOffset, at.endOffset);
    if (!value) continue;
    const candidates: SrcsetCandidate[] =
      name === 'srcset'
        ? srcsetCandidates(text.slice(value.start, value.end)).map((c) => ({ ...c, start: value.start + c.start, end: value.start + c.end }))
        : [value];
    for (const candidate of candidates) {
      const written = text.slice(candidate.start, candidate.end);
      if (imagePathOf(written) === undefined) continue;
      const shown = candidateSize(size, candidate.descriptor);
      found.push({
        value: written,
        start: offset + candidate.start,
        end: offset + candidate.end,
        ...(shown ? { size: shown } : {}),
        ...(shown && isWidthDescriptor(candidate.descriptor) ? { intrinsic: true as const } : {}),
        ...(alt ? { alt } : {}),
        ...(title ? { title } : {}),
        group,
      });
    }
  }
  return found;
}

/**
 * What an element's images show, and the element they belong to: a `<source>` or `<img>` inside a
 * `<picture>` is the picture's, and takes its `<img>`'s size and alt text (a `<source>` with its own
 * `width` and `height` keeps them); any other element is its own.
 */
function subjectOf(element: Element): { holder: Element; size?: ImageReference['size']; alt?: string; title?: string } {
  const parent = element.parentNode;
  const picture =
    parent && 'tagName' in parent && parent.tagName === 'picture' && (element.tagName === 'source' || element.tagName === 'img') ? parent : undefined;
  const img = picture?.childNodes.find((child): child is Element => 'tagName' in child && child.tagName === 'img') ?? element;
  const size = sizeOf(attribute(element, 'width'), attribute(element, 'height')) ?? sizeOf(attribute(img, 'width'), attribute(img, 'height'));
  const alt = attribute(element, 'alt') ?? attribute(img, 'alt');
  const title = attribute(element, 'title') ?? attribute(img, 'title');
  return { holder: picture ?? element, ...(size ? { size } : {}), ...(alt !== undefined ? { alt } : {}), ...(title !== undefined ? { title } : {}) };
}

/** The value's range inside `name="value"` as written: quoted (without the quotes) or bare. */
function valueRange(text: string, start: number, end: number): { start: number; end: number } | undefined {
  const raw = text.slice(start, end);
  const equals = raw.indexOf('=');
  if (equals < 0) return undefined;
  let at = start + equals + 1;
  while (at < end && /\s/.test(text[at] ?? '')) at++;
  const quote = text[at];
  if (quote === '"' || quote === "'") return text[end - 1] === quote && end - 1 > at ? { start: at + 1, end: end - 1 } : undefined;
  return at < end ? { start: at, end } : undefined;
}

function embedded(element: Element, text: string, offset: number): ImageReference[] {
  const location = element.sourceCodeLocation;
  const [from, to] = [location?.startTag?.endOffset, location?.endTag?.startOffset ?? location?.endOffset];
  if (from === undefined || to === undefined || to <= from) return [];
  const body = text.slice(from, to);
  const lang = (attribute(element, 'lang') ?? '').toLowerCase();
  if (element.tagName === 'style') return cssReferences(body, lang === 'scss' || lang === 'sass' || lang === 'less' ? 'scss' : 'css', offset + from);
  const type = (attribute(element, 'type') ?? '').toLowerCase();
  if (type && !/^(module|text\/javascript|application\/javascript|text\/babel)$/.test(type)) return []; // JSON, templates
  const dialect: ScriptDialect = lang === 'ts' ? 'ts' : lang === 'tsx' ? 'tsx' : 'jsx';
  return scriptReferences(body, dialect, offset + from);
}
