/**
 * Persists running v2 jobs in the workspace's extension storage (jobs save into this workspace, so
 * they resume in this workspace). Writes are chained so concurrent jobs never lose each other's
 * records.
 */
import type * as vscode from 'vscode';
import type { JobRecord } from './pure/jobRecord';

const KEY = 'segmind.runningJobs';

export class JobStore {
  private pending: Promise<unknown> = Promise.resolve();

  constructor(private readonly memento: vscode.Memento) {}

  /** Whatever is stored; validated by the caller (sortStoredJobs). */
  read(): unknown {
    return this.memento.get<unknown>(KEY, []);
  }

  add(record: JobRecord): Promise<void> {
    return this.change((records) => [...records.filter((r) => r.id !== record.id), record]);
  }

  /** Drops every record but these (unreadable ones included). */
  keepOnly(ids: readonly string[]): Promise<void> {
    return this.change((records) => records.filter((r) => ids.includes(r.id)));
  }

  remove(...ids: readonly string[]): Promise<void> {
    return this.change((records) => records.filter((r) => !ids.includes(r.id)));
  }

  private change(update: (records: readonly JobRecord[]) => JobRecord[]): Promise<void> {
    const next = this.pending.then(async () => {
      const current = this.read();
      const records = (Array.isArray(current) ? current : []) as JobRecord[];
      await this.memento.update(KEY, update(records));
    });
    this.pending = next.catch(() => undefined);
    return next;
  }
}
