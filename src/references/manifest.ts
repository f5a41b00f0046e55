/**
 * Image references in a web app manifest (`manifest.json`, `*.webmanifest`): each `icons[].src`
 * and `screenshots[].src`, sized by its `sizes` (`"192x192"`; the first of several), read with
 * jsonc-parser's syntax tree so that every value keeps its offsets (for diagnostics and quick fixes)
 * and a manifest with a trailing comma or a comment still reads. Each entry is one subject.
 */
import { parseTree, findNodeAtLocation, type Node } from 'jsonc-parser';
import { imagePathOf, type ImageReference } from '../domain/references/imageReference';

const LISTS = ['icons', 'screenshots'] as const;

export function manifestReferences(text: string): ImageReference[] {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (root?.type !== 'object') return [];
  const found: ImageReference[] = [];
  for (const list of LISTS) {
    const entries = findNodeAtLocation(root, [list]);
    if (entries?.type !== 'array') continue;
    for (const entry of entries.children ?? []) {
      if (entry.type !== 'object') continue;
      const src = findNodeAtLocation(entry, ['src']);
      if (src?.type !== 'string' || typeof src.value !== 'string') continue;
      // The value as written, inside its quotes: an escaped character (`\/`) makes the written text differ from the value.
      const written = text.slice(src.offset + 1, src.offset + src.length - 1);
      if (imagePathOf(src.value) === undefined || written !== src.value) continue;
      const size = sizeFromSizes(stringAt(entry, 'sizes'));
      const label = stringAt(entry, 'label'); // a screenshot's description
      found.push({
        value: written,
        start: src.offset + 1,
        end: src.offset + src.length - 1,
        ...(size ? { size, intrinsic: true as const } : {}),
        ...(label ? { title: label } : {}),
        group: entry.offset,
      });
    }
  }
  return found;
}

function stringAt(entry: Node, key: string): string | undefined {
  const node = findNodeAtLocation(entry, [key]);
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

/** `"192x192"`, `"48x48 96x96"` (the first), `"any"` (none). */
export function sizeFromSizes(sizes: string | undefined): ImageReference['size'] {
  const match = /^\s*(\d{1,5})[xX](\d{1,5})(?:\s|$)/.exec(sizes ?? '');
  const [width, height] = [Number(match?.[1]), Number(match?.[2])];
  return width > 0 && height > 0 ? { width, height } : undefined;
}
