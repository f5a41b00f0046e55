/**
 * An image reference found in code (README, "Missing images in the code"): the value as
 * written, where its path string is, and what the code says of the image. The finders of
 * src/references/ make them; this module holds the rules every language shares: which values
 * count, and the prompt the code suggests.
 */
import * as z from '../generation/schema';

export interface ImageReference {
  /** The value as written, quotes aside. */
  readonly value: string;
  /** Offsets of the path string in the document (end exclusive). */
  readonly start: number;
  readonly end: number;
  /**
   * The size this file is shown at, when the code says: the element's `width` and `height` (both or
   * neither), times a `srcset` candidate's density (`2x`), or a width descriptor's (`480w`).
   */
  readonly size?: { readonly width: number; readonly height: number };
  /** The size is the file's own (a `480w` descriptor, a manifest's `sizes`), not only the size it is shown at: it wins over another reference's. */
  readonly intrinsic?: true;
  readonly alt?: string;
  readonly title?: string;
  /**
   * Where the element that holds it starts (an `<img>` with its `srcset`, a `<picture>` with its
   * sources, one `image-set()`, one manifest entry): the references of one element are one
   * subject, made from one render.
   */
  readonly group?: number;
}

/**
 * One missing reference as Fill Missing Images answers it (the scripted command, the agents' tools):
 * a MissingImage (workspace/documentFindings.ts) in words a caller can hold, with what became of it.
 * One declaration: the type is the schema's, and the agents' output schemas are built from it.
 */
export const missingImageEntrySchema = z.once(() =>
  z.object({
    /** Workspace-relative (or, for an agent, relative to its folder): the document, and the file a fix writes. */
    file: z.string(),
    line: z.number(),
    reference: z.string(),
    target: z.string(),
    size: z.optional(z.string()),
    prompt: z.string(),
    /** True for the target made by this call (on its first reference); false when it was not made. */
    saved: z.optional(z.boolean()),
    /** Why the target was not made. */
    error: z.optional(z.string()),
  }),
);
export type MissingImageEntry = z.infer<ReturnType<typeof missingImageEntrySchema>>;

/** What Fill Missing Images does with what it finds: the modes that make files, and `list`, which makes none (its default). One declaration for the command and the agents' tool. */
export const MAKING_FILL_MODES = ['placeholder', 'generate'] as const;
export const FILL_MODES = ['list', ...MAKING_FILL_MODES] as const;
export type FillMode = (typeof FILL_MODES)[number];

/** Diagnostics read a document again this long after the last keystroke: not on every key, and still live. */
export const REFERENCES_DEBOUNCE_MS = 250;

export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.webp', '.avif', '.gif', '.ico', '.svg'] as const;

/** Template expressions of the languages read (`{{ }}`, `${ }`, `<% %>`, Svelte and JSX braces, Sass `#{ }`, Less `@{ }`). */
const TEMPLATE = /\{\{|\$\{|<%|#\{|@\{|^\{/;
/** A scheme (`https:`, `data:`, `blob:`, `C:` too: never a web path) or a host (`//cdn…`). */
const SCHEME_OR_HOST = /^(?:[a-z][a-z0-9+.-]*:|\/\/|\\\\)/i;

/**
 * The path a value refers to — query and hash dropped, percent-decoded — or undefined when it does
 * not count: not an image extension, a scheme or host, an alias (`~`, `@/`), a template expression.
 */
export function imagePathOf(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '' || TEMPLATE.test(trimmed) || SCHEME_OR_HOST.test(trimmed) || trimmed.startsWith('~') || trimmed.startsWith('@')) return undefined;
  const bare = trimmed.replace(/[?#].*$/s, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    return undefined; // a malformed escape: not a path anyone can have meant
  }
  const lower = decoded.toLowerCase();
  return IMAGE_EXTENSIONS.some((extension) => lower.endsWith(extension) && lower.length > extension.length) ? decoded : undefined;
}

/** `1200`, `"1200"`, `1200px` → 1200; anything else (`50%`, `auto`, 0) → undefined. */
export function pixelsOf(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*(\d{1,5})\s*(?:px)?\s*$/i.exec(String(value));
  const pixels = match ? Number(match[1]) : NaN;
  return pixels > 0 ? pixels : undefined;
}

/** The size only when both sides are given. */
export function sizeOf(width: string | number | undefined, height: string | number | undefined): ImageReference['size'] {
  const [w, h] = [pixelsOf(width), pixelsOf(height)];
  return w !== undefined && h !== undefined ? { width: w, height: h } : undefined;
}

/** The alt text, else the title, else the words of the file name (`hero-mountain_sunrise.png` → `hero mountain sunrise`). */
export function suggestedPrompt(reference: Pick<ImageReference, 'alt' | 'title'>, path: string): string {
  const said = [reference.alt, reference.title].map((text) => text?.replace(/\s+/g, ' ').trim()).find((text) => text);
  if (said) return said;
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
  const words = name
    .replace(/[-_.+]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim();
  return words || name;
}

/** A `srcset` candidate: the range of its URL, and its descriptor as written (`2x`, `480w`; none for 1x). */
export interface SrcsetCandidate {
  readonly start: number;
  readonly end: number;
  readonly descriptor?: string;
}

/** The range of each candidate URL in a `srcset` value: the text up to its first space, between commas (the HTML standard's rule). */
export function srcsetCandidates(srcset: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  const space = (at: number): boolean => /\s/.test(srcset[at] ?? '');
  let at = 0;
  while (at < srcset.length) {
    while (at < srcset.length && (space(at) || srcset[at] === ',')) at++;
    const from = at;
    while (at < srcset.length && !space(at)) at++;
    let to = at;
    while (to > from && srcset[to - 1] === ',') to--; // "a.png," ends at the comma
    if (to <= from) continue;
    if (to < at) {
      candidates.push({ start: from, end: to }); // the comma ended this candidate: no descriptor
      continue;
    }
    const descriptorFrom = at;
    while (at < srcset.length && srcset[at] !== ',') at++; // the descriptor (2x, 640w)
    const descriptor = srcset.slice(descriptorFrom, at).trim();
    candidates.push({ start: from, end: to, ...(descriptor ? { descriptor } : {}) });
  }
  return candidates;
}

type Size = NonNullable<ImageReference['size']>;

/** `480w`: the candidate's file is that many pixels wide (a density is only how it is shown). */
export const isWidthDescriptor = (descriptor: string | undefined): boolean => /^\s*\d+(?:\.\d+)?\s*w\s*$/i.test(descriptor ?? '');

/**
 * The size of a `srcset` candidate: `Nx` is the element's size times N (none, or `1x`: the size
 * itself); `Nw` is N pixels wide, as tall as the element's ratio makes it, else square. Undefined
 * when the code does not say (a density without an element size, a descriptor not understood).
 */
export function candidateSize(element: Size | undefined, descriptor: string | undefined): Size | undefined {
  if (descriptor === undefined) return element;
  const match = /^(\d+(?:\.\d+)?|\.\d+)\s*([xw])$/i.exec(descriptor.trim());
  const amount = match ? Number(match[1]) : NaN;
  if (!match || !(amount > 0)) return element;
  if (match[2]?.toLowerCase() === 'x') {
    return element && { width: Math.round(element.width * amount), height: Math.round(element.height * amount) };
  }
  const width = Math.round(amount);
  return { width, height: element ? Math.max(1, Math.round((width * element.height) / element.width)) : width };
}
