/**
 * Spending that stays in bounds, as rules over the spend ledger of the machine. Today's spend is
 * what every job submitted since local midnight costs, in any window, finished or not (Segmind may
 * charge either way): its hold (src/domain/spending/pricing.ts, never below what it can cost) until Segmind
 * reports the real cost. Runs that are being prepared hold their whole price before anything is
 * sent, so parallel runs, in one window or several, cannot pass a limit together. Pure: the ledger's
 * file and its lock are src/spending/'s.
 */
import { SpendLimitError, type Spender } from '../errors/errors';

/** What one machine spent on one day, in US dollars (the unit of Segmind credits). */
export interface DaySpend {
  /** Local date, `YYYY-MM-DD`. */
  readonly day: string;
  readonly totalUsd: number;
  readonly agentUsd: number;
}

/** `segmind.dailySpendLimit` and `segmind.agentDailySpendLimit`; 0 is no limit. */
export interface SpendLimits {
  readonly dailyUsd: number;
  readonly agentDailyUsd: number;
}

/**
 * One line of the ledger: a run's hold on what it has not submitted yet (`held`), a submitted job's
 * hold (`submitted`), or a job whose cost Segmind reported (`reported`).
 */
export interface LedgerEntry {
  readonly id: string;
  readonly spender: Spender;
  readonly usd: number;
  readonly state: 'held' | 'submitted' | 'reported';
  /** The process of the window that holds it: a run's hold goes with its window. */
  readonly owner: number;
  /** When it was written (ms since the epoch). */
  readonly at: number;
}

export interface Ledger {
  /**
   * The local day its entries are counted for. A clock set back keeps them and takes the day back with
   * it, so its next midnight starts a new day (a day kept at the latest date ever seen never ended
   * after a clock that once jumped ahead).
   */
  readonly day: string;
  readonly entries: readonly LedgerEntry[];
}

/** Sums of float prices (0.04 × 3) must not refuse a run that exactly reaches a limit. */
const EPSILON = 1e-9;

/** The local calendar day of `date`: the day starts at the user's midnight, not UTC's. */
export function localDay(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

const amount = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0);
const STATES: readonly string[] = ['held', 'submitted', 'reported'];

/** The ledger as stored, read tolerantly: what cannot be read is not there (a broken file starts the day afresh, and says so in the log). */
export function readLedger(stored: unknown, today: string): Ledger {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const day = typeof record['day'] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(record['day']) ? record['day'] : today;
  const entries = (Array.isArray(record['entries']) ? (record['entries'] as unknown[]) : []).flatMap((raw): LedgerEntry[] => {
    const entry = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const { id, spender, state, owner, at } = entry;
    if (typeof id !== 'string' || (spender !== 'user' && spender !== 'agent') || typeof state !== 'string' || !STATES.includes(state)) return [];
    return [{ id, spender, usd: amount(entry['usd']), state: state as LedgerEntry['state'], owner: Number(owner) || 0, at: Number(at) || 0 }];
  });
  return { day, entries };
}

/**
 * The ledger as of `today`: a new day keeps only the holds of runs still being prepared; a clock set
 * back (an earlier `today`) forgets nothing and counts on under its day; holds of windows that are
 * gone are dropped.
 */
export function ledgerOn(ledger: Ledger, today: string, isLive: (owner: number) => boolean): Ledger {
  const newDay = today > ledger.day;
  const entries = ledger.entries.filter((entry) => (entry.state === 'held' ? isLive(entry.owner) : !newDay));
  return { day: today, entries };
}

/** What was spent: every submitted job, at its reported cost or its hold. */
export function spendOf(ledger: Ledger): DaySpend {
  return sum(ledger, (entry) => entry.state !== 'held');
}

/** What the limits are checked against: the spend and every hold of a run still being prepared. */
export function committedSpend(ledger: Ledger): DaySpend {
  return sum(ledger, () => true);
}

function sum(ledger: Ledger, counts: (entry: LedgerEntry) => boolean): DaySpend {
  let totalUsd = 0;
  let agentUsd = 0;
  for (const entry of ledger.entries) {
    if (!counts(entry)) continue;
    totalUsd += entry.usd;
    if (entry.spender === 'agent') agentUsd += entry.usd;
  }
  return { day: ledger.day, totalUsd, agentUsd };
}

export function withSpend(spend: DaySpend, amountUsd: number, spender: Spender): DaySpend {
  return { day: spend.day, totalUsd: spend.totalUsd + amountUsd, agentUsd: spend.agentUsd + (spender === 'agent' ? amountUsd : 0) };
}

/**
 * The refusal when `estimateUsd` more would take a spend past a limit, else undefined. The daily
 * limit counts every entry point; the agent's limit counts only what the agent spent. The daily limit is
 * named first when both are passed: raising the agent's alone would not help.
 */
export function limitRefusal(spend: DaySpend, estimateUsd: number, spender: Spender, limits: SpendLimits): SpendLimitError | undefined {
  if (limits.dailyUsd > 0 && spend.totalUsd + estimateUsd > limits.dailyUsd + EPSILON) {
    return new SpendLimitError('segmind.dailySpendLimit', limits.dailyUsd, spend.totalUsd, estimateUsd);
  }
  if (spender === 'agent' && limits.agentDailyUsd > 0 && spend.agentUsd + estimateUsd > limits.agentDailyUsd + EPSILON) {
    return new SpendLimitError('segmind.agentDailySpendLimit', limits.agentDailyUsd, spend.agentUsd, estimateUsd);
  }
  return undefined;
}

/** A run's hold is taken: refused (nothing held) when it would pass a limit. */
export function takeHold(
  ledger: Ledger,
  hold: { readonly id: string; readonly usd: number; readonly spender: Spender; readonly owner: number; readonly at: number },
  limits: SpendLimits,
): Ledger {
  const refusal = limitRefusal(committedSpend(ledger), hold.usd, hold.spender, limits);
  if (refusal) throw refusal;
  return { ...ledger, entries: [...ledger.entries, { ...hold, state: 'held' }] };
}

/** One job of a run is submitted: its price moves from the run's hold to a line of its own. */
export function submitFromHold(ledger: Ledger, holdId: string, job: { readonly id: string; readonly usd: number; readonly at: number }): Ledger {
  const hold = ledger.entries.find((entry) => entry.id === holdId && entry.state === 'held');
  const spender = hold?.spender ?? 'user';
  const entries = ledger.entries.map((entry) => (entry === hold ? { ...entry, usd: Math.max(0, entry.usd - job.usd) } : entry));
  return { ...ledger, entries: [...entries, { id: job.id, spender, usd: job.usd, state: 'submitted', owner: hold?.owner ?? 0, at: job.at }] };
}

/** The run is over: what it held and did not submit is free again. */
export function releaseHold(ledger: Ledger, holdId: string): Ledger {
  return { ...ledger, entries: ledger.entries.filter((entry) => !(entry.id === holdId && entry.state === 'held')) };
}

/** Segmind reported what a job cost: that figure replaces its hold (a job of an earlier day is gone already). */
export function reportCost(ledger: Ledger, jobId: string, usd: number): Ledger {
  return {
    ...ledger,
    entries: ledger.entries.map((entry) => (entry.id === jobId && entry.state !== 'held' ? { ...entry, usd: amount(usd), state: 'reported' } : entry)),
  };
}
