/**
 * The Studio's prompt history: the settings of each run, newest first, capped, one entry per
 * prompt and model. Kept in the workspace's state (prompts belong to the project they were written
 * for). Pure: the store is any get/update pair, such as `context.workspaceState`.
 */
import type { HistoryEntryView, StudioSettings } from '../protocol/studioProtocol';

export const HISTORY_KEY = 'segmind.studioHistory';
export const MAX_HISTORY = 50;

/** The part of `vscode.Memento` this needs. */
export interface HistoryStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

/** The list with `settings` first; an older entry with the same prompt and model goes. */
export function addToHistory(entries: readonly HistoryEntryView[], settings: StudioSettings, at: Date, cap = MAX_HISTORY): HistoryEntryView[] {
  const entry: HistoryEntryView = { ...settings, parameters: { ...settings.parameters }, at: at.toISOString() };
  return [entry, ...entries.filter((old) => !(old.prompt === settings.prompt && old.model === settings.model))].slice(0, cap);
}

function isEntry(value: unknown): value is HistoryEntryView {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry['prompt'] === 'string' &&
    typeof entry['model'] === 'string' &&
    typeof entry['at'] === 'string' &&
    typeof entry['variants'] === 'number' &&
    typeof entry['parameters'] === 'object' &&
    entry['parameters'] !== null
  );
}

export class PromptHistory {
  constructor(private readonly store: HistoryStore) {}

  entries(): HistoryEntryView[] {
    const stored = this.store.get<unknown>(HISTORY_KEY);
    return Array.isArray(stored) ? stored.filter(isEntry).slice(0, MAX_HISTORY) : [];
  }

  async add(settings: StudioSettings, at = new Date()): Promise<HistoryEntryView[]> {
    const next = addToHistory(this.entries(), settings, at);
    await this.store.update(HISTORY_KEY, next);
    return next;
  }
}
