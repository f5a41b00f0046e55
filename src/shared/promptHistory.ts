/** The Studio's history search, run by the webview as you type. Pure and dependency-free (the webview bundles it). */

/** Entries whose prompt (or model) contains every word of the query, case-insensitively. */
export function filterHistory<T extends { readonly prompt: string; readonly model: string }>(entries: readonly T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const text = `${entry.prompt} ${entry.model}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
