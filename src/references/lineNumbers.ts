/** Line numbers of offsets in a text: what an editor's `positionAt` gives, for text no editor holds. */

/** The 0-based line of each offset (in any order), counted once over the text. */
export function linesAt(text: string, offsets: readonly number[]): number[] {
  if (offsets.length === 0) return [];
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  return offsets.map((offset) => {
    let [low, high] = [0, lineStarts.length - 1];
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  });
}
