/**
 * Taking over the spend ledger's lock when the window that held it is gone (or the lock is not a
 * lock at all: a folder, a link), by one window only. Two windows that find the same stale lock
 * both judged it so; if each removed "the lock", the second would remove the one the first had just
 * made, and both would hold it. So a taker first claims that very lock (an exclusive create of a
 * name made from its identity: one winner), moves it aside by a rename, and checks that what it
 * moved is what it judged; anything else is put back.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';

/** A lock judged stale: who it is (inode, modification time, text) and why it may go. */
export interface StaleLock {
  readonly identity: string;
  readonly why: string;
}

/** Claims and moved-aside locks older than this are left-overs of a taker that died: removed. */
const LEFT_OVER_MS = 60_000;

async function identityOf(file: string): Promise<{ identity: string; kind: string; text?: string; mtimeMs: number } | undefined> {
  try {
    const stat = await fs.lstat(file);
    const kind = stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : stat.isSymbolicLink() ? 'link' : 'special file';
    const text = kind === 'file' ? await fs.readFile(file, 'utf8') : undefined;
    return { identity: `${stat.ino}:${stat.mtimeMs}:${kind}:${text ?? ''}`, kind, ...(text === undefined ? {} : { text }), mtimeMs: stat.mtimeMs };
  } catch {
    return undefined; // gone meanwhile: the next try takes it
  }
}

/** The lock when it may be taken over: not a lock file at all, older than `staleMs`, or held by a process that is gone. */
export async function staleLock(lock: string, owner: number, staleMs: number, isLive: (pid: number) => boolean): Promise<StaleLock | undefined> {
  const found = await identityOf(lock);
  if (!found) return undefined;
  if (found.text === undefined) return { identity: found.identity, why: `was not a lock file (a ${found.kind})` };
  const holder = Number.parseInt(found.text, 10);
  if (Date.now() - found.mtimeMs > staleMs) return { identity: found.identity, why: 'was left for longer than a change takes' };
  if (Number.isInteger(holder) && holder !== owner && !isLive(holder)) return { identity: found.identity, why: `was held by process ${holder}, which is gone` };
  return undefined;
}

/**
 * Removes `stale` if it is still the lock and no other window is taking it over; true when the lock
 * may be tried again at once (taken over, or gone meanwhile), false when another window is at it.
 */
export async function takeOver(lock: string, stale: StaleLock, log?: (line: string) => void): Promise<boolean> {
  await removeLeftOvers(lock);
  const tag = createHash('sha256').update(stale.identity).digest('hex').slice(0, 16);
  try {
    await fs.writeFile(`${lock}.${tag}.takeover`, `${process.pid}\n`, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false; // another window claimed this very lock
    throw error;
  }
  const aside = `${lock}.${randomBytes(6).toString('hex')}.aside`;
  try {
    await fs.rename(lock, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  if ((await identityOf(aside))?.identity === stale.identity) {
    await fs.rm(aside, { recursive: true, force: true });
    log?.(`The spend ledger's lock ${path.basename(lock)} ${stale.why}: removed.`);
    return true;
  }
  // Not the lock judged stale (its holder let it go, and another window took it meanwhile): it goes back, unless a newer one is there.
  await fs.link(aside, lock).catch(() => undefined);
  await fs.rm(aside, { recursive: true, force: true });
  return false;
}

/** Claims and moved-aside locks of takers that died before they finished. */
async function removeLeftOvers(lock: string): Promise<void> {
  const folder = path.dirname(lock);
  const prefix = `${path.basename(lock)}.`;
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !(name.endsWith('.takeover') || name.endsWith('.aside'))) continue;
    const file = path.join(folder, name);
    const stat = await fs.lstat(file).catch(() => undefined);
    if (stat && Date.now() - stat.mtimeMs > LEFT_OVER_MS) await fs.rm(file, { recursive: true, force: true });
  }
}
