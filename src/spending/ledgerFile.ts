/**
 * The spend ledger of the machine as a file (in the extension's global storage, which every window
 * shares), changed only under a lock: an exclusive create of a lock file beside it, so two windows
 * never read the same spend and both pass a limit. The file is replaced whole by a rename, so a
 * reader never sees half of it. A lock left by a window that died is taken over once it is old, by
 * one window only (./staleLock.ts).
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { SpendLedgerBusyError } from '../domain/errors/errors';
import { ledgerOn, localDay, readLedger, type Ledger } from '../domain/spending/spending';
import { staleLock, takeOver } from './staleLock';

export const LEDGER_FILE = 'spend-ledger.json';
const LOCK_FILE = 'spend-ledger.lock';

export interface LedgerFileOptions {
  readonly now?: () => Date;
  /** This window's process (the owner of its holds). */
  readonly owner?: number;
  /** Whether a window's process still runs: its holds go with it. */
  readonly isLive?: (owner: number) => boolean;
  /** How long to wait for another window's change before giving up (the run is then refused). */
  readonly lockTimeoutMs?: number;
  /** A lock older than this was left by a window that died mid-change (a change takes milliseconds). */
  readonly staleLockMs?: number;
  /** Where a lock taken over or removed is said (the extension's log). */
  readonly log?: (line: string) => void;
}

/** A process that exists (signal 0 only asks); one we may not signal exists too. */
export function processIsLive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class LedgerFile {
  readonly file: string;
  private readonly lock: string;
  private readonly now: () => Date;
  readonly owner: number;
  private readonly isLive: (owner: number) => boolean;
  /** This window's changes one after another (the lock file serialises windows). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly folder: string,
    private readonly options: LedgerFileOptions = {},
  ) {
    this.file = path.join(folder, LEDGER_FILE);
    this.lock = path.join(folder, LOCK_FILE);
    this.now = options.now ?? ((): Date => new Date());
    this.owner = options.owner ?? process.pid;
    this.isLive = options.isLive ?? processIsLive;
  }

  /** The ledger as of now, without the lock (for showing; every decision is taken in `update`). */
  async read(): Promise<Ledger> {
    return ledgerOn(await this.readRaw(), localDay(this.now()), this.isLive);
  }

  /** Reads, changes and writes the ledger under the lock; what `change` throws refuses the change (nothing is written). */
  update<T>(change: (ledger: Ledger) => { readonly ledger: Ledger; readonly result: T }): Promise<T> {
    const next = this.queue.then(async () => {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await this.acquire();
      try {
        const { ledger, result } = change(await this.read());
        await this.write(ledger);
        return result;
      } finally {
        await fs.rm(this.lock, { force: true });
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async readRaw(): Promise<Ledger> {
    const today = localDay(this.now());
    try {
      return readLedger(JSON.parse(await fs.readFile(this.file, 'utf8')), today);
    } catch {
      return readLedger(undefined, today);
    }
  }

  private async write(ledger: Ledger): Promise<void> {
    const temporary = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    await fs.writeFile(temporary, `${JSON.stringify({ version: 2, ...ledger })}\n`, { flag: 'wx' });
    await fs.rename(temporary, this.file);
  }

  private async acquire(): Promise<void> {
    const deadline = Date.now() + (this.options.lockTimeoutMs ?? 5_000);
    for (let wait = 5; ; wait = Math.min(wait * 2, 50)) {
      try {
        // The owner, and a token no other lock has: a taker recognises the very lock it judged stale.
        await fs.writeFile(this.lock, `${this.owner} ${randomBytes(8).toString('hex')}\n`, { flag: 'wx' });
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const stale = await staleLock(this.lock, this.owner, this.options.staleLockMs ?? 10_000, this.isLive);
      if (stale && (await takeOver(this.lock, stale, this.options.log))) continue;
      if (Date.now() > deadline) throw new SpendLedgerBusyError(this.file);
      await sleep(wait);
    }
  }
}
