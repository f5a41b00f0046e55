/** The Studio's history search, shared by the webview (which filters as you type) and the tests. Pure. */
import type { HistoryEntryView } from '../protocol/studioProtocol';

/** Entries whose prompt (or model) contains every word of the query, case-insensitively. */
export function filterHistory(entries: readonly HistoryEntryView[], query: string): HistoryEntryView[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const text = `${entry.prompt} ${entry.model}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
