/**
 * @lezer/markdown, configured to stay linear in its input. Its inline parser scans to the end of a
 * paragraph in a few places: the destination and title after every `](` (195 KiB of `![a](` took
 * 11 s), the end of every `<!--`, `<?` and `<![CDATA[`, and back to the nearest `[` for every `]`.
 * Each is bounded here through the parser's own extension points, by inline parsers that run first
 * and decide in a bounded number of steps; what they cannot decide cheaply is plain text, as
 * CommonMark's reference implementation does with over-long destinations. Nothing a real page
 * writes changes: an image's alt text, destination or title over 4 KiB was never a reference.
 *
 * Emphasis and links are switched off: neither ever holds an image reference (images bind tighter
 * than emphasis; brackets still pair), making each link walked every earlier bracket of its
 * paragraph, and nested emphasis was another way to exhaust the stack.
 */
import { parser as commonMark, type InlineContext, type InlineParser } from '@lezer/markdown';

/** The longest alt text and destination read (in characters). */
const WINDOW = 4096;
/** The longest title read: titles are a few words. */
const TITLE_WINDOW = 1024;
/** More nested parentheses than this are not a destination (CommonMark's reference implementation, cmark, stops at 32). */
const MAX_PAREN_DEPTH = 32;

/** An open `[` (plain text here: links are not parsed) or `![` (an image the built-in parser opened), by position. */
interface Opener {
  readonly at: number;
  readonly image: boolean;
}

/** Per paragraph: the open brackets, and where the next end marks were found. */
interface SectionState {
  readonly openers: Opener[];
  readonly nextAt: Map<string, number>;
}

const states = new WeakMap<InlineContext, SectionState>();

function stateOf(cx: InlineContext): SectionState {
  let state = states.get(cx);
  if (!state) states.set(cx, (state = { openers: [], nextAt: new Map() }));
  return state;
}

/**
 * The position of the next `needle` at or after `from` (document-relative), or -1. Positions asked
 * only grow within a paragraph, so remembering the last answer makes every search together linear.
 */
function nextIndexOf(cx: InlineContext, needle: string, from: number): number {
  const { nextAt } = stateOf(cx);
  const known = nextAt.get(needle);
  if (known !== undefined && (known < 0 || known >= from)) return known;
  const found = cx.text.indexOf(needle, from - cx.offset);
  const at = found < 0 ? -1 : found + cx.offset;
  nextAt.set(needle, at);
  return at;
}

const isSpace = (ch: number): boolean => ch === 32 || ch === 9 || ch === 10 || ch === 13;

/**
 * In place of the built-in Link parser: a `[` is kept only to pair with its `]` (so that
 * `![a [b] c](d.png)` still reads as one image), and a `![` is noted before the built-in Image
 * parser opens it. Links themselves never hold an image reference, and making each one walks every
 * earlier bracket of the paragraph.
 */
const brackets: InlineParser = {
  name: 'Brackets',
  before: 'Image',
  parse(cx, next, start) {
    if (next === 91 /* [ */) {
      stateOf(cx).openers.push({ at: start, image: false });
      return start + 1;
    }
    if (next === 33 /* ! */ && cx.char(start + 1) === 91) stateOf(cx).openers.push({ at: start, image: true });
    return -1;
  },
};

/**
 * Before the built-in LinkEnd: a `]` closes the nearest open bracket. A plain `[` pairs as text; an
 * image opener farther away than the window, or followed by a `(` whose destination or title does
 * not end within reach, leaves the `]` as text. Otherwise LinkEnd makes the image from that opener.
 */
const boundedLinkEnd: InlineParser = {
  name: 'BoundedLinkEnd',
  before: 'LinkEnd',
  parse(cx, next, start) {
    if (next !== 93 /* ] */) return -1;
    const { openers } = stateOf(cx);
    const nearest = openers[openers.length - 1];
    if (!nearest || !nearest.image) {
      openers.pop();
      return start + 1;
    }
    if (start - nearest.at > WINDOW) return start + 1;
    if (cx.char(start + 1) === 40 /* ( */ && !resourceEndsWithinReach(cx, start + 2)) return start + 1;
    openers.pop();
    return -1;
  },
};

/** Whether `(destination "title")` from `from` ends within reach, read as the built-in parser reads it. */
function resourceEndsWithinReach(cx: InlineContext, from: number): boolean {
  const limit = Math.min(cx.end, from + WINDOW);
  let pos = from;
  while (pos < limit && isSpace(cx.char(pos))) pos++;
  if (cx.char(pos) === 60 /* < */) {
    for (pos++; pos < limit; pos++) {
      const ch = cx.char(pos);
      if (ch === 62 /* > */) break;
      if (ch === 60 || ch === 10) return true; // not a destination: the built-in gives up here as quickly
      if (ch === 92 /* \ */) pos++;
    }
    if (pos >= limit) return false;
    pos++;
  } else {
    for (let depth = 0; pos < limit; pos++) {
      const ch = cx.char(pos);
      if (isSpace(ch)) break;
      if (ch === 92) pos++;
      else if (ch === 40) {
        if (++depth > MAX_PAREN_DEPTH) return false;
      } else if (ch === 41) {
        if (depth === 0) break;
        depth--;
      }
    }
    if (pos >= limit) return false;
  }
  while (pos < limit && isSpace(cx.char(pos))) pos++;
  const quote = cx.char(pos);
  if (quote !== 34 && quote !== 39 && quote !== 40) return pos < limit;
  const close = quote === 40 ? 41 : quote;
  const titleLimit = Math.min(cx.end, pos + TITLE_WINDOW);
  for (pos++; pos < titleLimit; pos++) {
    const ch = cx.char(pos);
    if (ch === 92) pos++;
    else if (ch === close) return true;
  }
  return false;
}

/** Inline HTML whose end is a fixed mark: found once per paragraph, never by a scan from every `<`. */
const MARKED_HTML: readonly { readonly open: string; readonly close: string; readonly node: string }[] = [
  { open: '<!--', close: '-->', node: 'Comment' },
  { open: '<?', close: '?>', node: 'ProcessingInstruction' },
  { open: '<![CDATA[', close: ']]>', node: 'HTMLTag' },
];

/** Before the built-in HTMLTag: comments, processing instructions, CDATA and declarations. */
const markedHtml: InlineParser = {
  name: 'MarkedHTML',
  before: 'HTMLTag',
  parse(cx, next, start) {
    if (next !== 60 /* < */) return -1;
    const ahead = cx.slice(start, Math.min(cx.end, start + 9));
    if (ahead.startsWith('<!-->')) return cx.addElement(cx.elt('Comment', start, start + 5));
    if (ahead.startsWith('<!--->')) return cx.addElement(cx.elt('Comment', start, start + 6));
    for (const { open, close, node } of MARKED_HTML) {
      if (!ahead.startsWith(open)) continue;
      const end = nextIndexOf(cx, close, start + open.length);
      return end < 0 ? start + 1 : cx.addElement(cx.elt(node, start, end + close.length));
    }
    if (/^<![A-Z]/.test(ahead)) {
      const end = nextIndexOf(cx, '>', start + 2);
      return end < 0 ? start + 1 : cx.addElement(cx.elt('HTMLTag', start, end + 1));
    }
    return -1;
  },
};

export const linearMarkdown = commonMark.configure({ remove: ['Emphasis', 'Link'], parseInline: [brackets, boundedLinkEnd, markedHtml] });
