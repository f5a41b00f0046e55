/**
 * Spending that stays in bounds: today's spend is the estimated cost of every job submitted since
 * local midnight, in any window, finished or not (Segmind may charge either way); the agent's spend
 * is the part of it the agent tool submitted. A run whose estimate would take a spend past its
 * limit is refused before any request. Pure: the ledger that keeps the day lives in src/spending/.
 */
import { SpendLimitError, type Spender } from './errors';

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

/** Sums of float prices (0.04 × 3) must not refuse a run that exactly reaches a limit. */
const EPSILON = 1e-9;

/** The local calendar day of `date`: the day starts at the user's midnight, not UTC's. */
export function localDay(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/** What was stored for `day`, or nothing spent yet (another day's record, or anything unreadable). */
export function spendOn(stored: unknown, day: string): DaySpend {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const amount = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0);
  return record['day'] === day ? { day, totalUsd: amount(record['totalUsd']), agentUsd: amount(record['agentUsd']) } : { day, totalUsd: 0, agentUsd: 0 };
}

export function withSpend(spend: DaySpend, amountUsd: number, spender: Spender): DaySpend {
  return { day: spend.day, totalUsd: spend.totalUsd + amountUsd, agentUsd: spend.agentUsd + (spender === 'agent' ? amountUsd : 0) };
}

/**
 * The refusal when `estimateUsd` more would take a spend past a limit, else undefined. The daily
 * limit counts every way in; the agent's limit counts only what the agent spent. The daily limit is
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
