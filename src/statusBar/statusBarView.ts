/**
 * What the one status-bar item shows, computed from the jobs, the balance and the key. Pure, so every
 * state's text and tooltip is unit-tested; the host item only copies the result.
 */
import { formatCredits, formatDuration, formatUsd } from '../domain/format';
import type { DaySpend, SpendLimits } from '../domain/spending';
import { escapeMarkdown } from '../domain/markdown';
import { JOB_STATES, themeIconOf } from '../domain/jobStates';
import { isRunning, type JobSnapshot } from '../jobs/jobSnapshot';
import { failureWords } from '../ui/errorMessages';
import { RETENTION } from '../domain/wording';

export type KeyState = 'none' | 'stored' | 'environment';

export interface StatusBarInput {
  readonly jobs: readonly JobSnapshot[];
  readonly credits?: { readonly credits: number; readonly freeCredits?: number };
  readonly creditsProblem?: string;
  readonly key: KeyState;
  readonly lowCreditWarning: number;
  readonly now: number;
  /** Today's estimated spend on this machine and the limits set (0: none). */
  readonly spend?: { readonly today: DaySpend; readonly limits: SpendLimits };
}

export interface StatusBarView {
  readonly text: string;
  /** Markdown with theme icons and command links. */
  readonly tooltip: string;
  readonly command: 'segmind.showJobs' | 'segmind.setApiKey';
  readonly warning: boolean;
  readonly accessibilityLabel: string;
}

const RECENT_IN_TOOLTIP = 5;

export function statusBarView(input: StatusBarInput): StatusBarView {
  const running = input.jobs.filter(isRunning);
  const recent = input.jobs.filter((job) => !isRunning(job)).slice(0, RECENT_IN_TOOLTIP);
  const tooltip = tooltipMarkdown(input, running, recent);

  if (running.length > 0) {
    const oldest = Math.min(...running.map((job) => job.startedAt));
    const count = `${running.length} ${running.length === 1 ? 'job' : 'jobs'}`;
    const elapsed = formatDuration(input.now - oldest);
    return {
      text: `$(sync~spin) ${count} · ${elapsed}`,
      tooltip,
      command: 'segmind.showJobs',
      warning: false,
      accessibilityLabel: `Segmind: ${count} running, ${elapsed}`,
    };
  }
  if (input.key === 'none') {
    return { text: '$(key) Set API Key', tooltip, command: 'segmind.setApiKey', warning: false, accessibilityLabel: 'Segmind: no API key set' };
  }
  if (input.credits) {
    const amount = formatCredits(input.credits.credits);
    const low = input.credits.credits < input.lowCreditWarning;
    return {
      text: `$(credit-card) ${amount}`,
      tooltip,
      command: 'segmind.showJobs',
      warning: low,
      accessibilityLabel: `Segmind: ${amount} credits${low ? ', low' : ''}`,
    };
  }
  const problem = input.creditsProblem ? ` (${input.creditsProblem})` : '';
  return { text: '$(credit-card) Segmind', tooltip, command: 'segmind.showJobs', warning: false, accessibilityLabel: `Segmind: credits unknown${problem}` };
}

/** One line per job: state (with the reason or the wait), age, model and prompt. */
export function jobLine(job: JobSnapshot, now: number): string {
  const prompt = escapeMarkdown(shorten(job.prompt, 60));
  const age = formatDuration((job.finishedAt ?? now) - job.startedAt);
  const where = `${job.model} · “${prompt}”`;
  const state = (extra = ''): string => `${themeIconOf(job.state)} **${JOB_STATES[job.state].label}${extra}**`;
  switch (job.state) {
    case 'submitting':
      return `${state()} · ${where}`;
    case 'queued':
      return `${state()} ${age} · ${where}${job.resumed ? ' · resumed' : ''}`;
    case 'processing':
    case 'downloading':
      return `${state()} ${age} · ${where}`;
    case 'rate-limited': {
      const wait = job.retryAt === undefined ? '' : `, retrying in ${Math.max(0, Math.ceil((job.retryAt - now) / 1000))} s`;
      return `${state(wait)} · ${where}`;
    }
    case 'saved':
      return `${state()} in ${age} · ${where}`;
    case 'failed':
      return `${state()}: ${escapeMarkdown(job.failure === undefined ? 'unknown reason' : failureWords(job.failure))} · ${where}`;
    case 'cancelled':
      return `${state()} · ${where}`;
    case 'expired':
      return `${state()} (kept ${RETENTION}) · ${where}`;
  }
}

function tooltipMarkdown(input: StatusBarInput, running: readonly JobSnapshot[], recent: readonly JobSnapshot[]): string {
  const lines: string[] = ['**Segmind Image Studio**', ''];
  if (running.length > 0) lines.push(...running.map((job) => `- ${jobLine(job, input.now)}`), '');
  if (recent.length > 0) lines.push('Recent:', '', ...recent.map((job) => `- ${jobLine(job, input.now)}`), '');
  if (input.key === 'none') {
    lines.push('No API key set. [Set API Key](command:segmind.setApiKey)');
  } else {
    if (input.credits) {
      const free = input.credits.freeCredits === undefined ? '' : ` · free credits: ${formatCredits(input.credits.freeCredits)}`;
      const low = input.credits.credits < input.lowCreditWarning ? ` · $(warning) below ${input.lowCreditWarning}` : '';
      lines.push(`Credits: **${formatCredits(input.credits.credits)}**${free}${low}`);
    } else {
      lines.push(`Credits: unknown${input.creditsProblem ? ` (${input.creditsProblem})` : ''}`);
    }
    if (input.spend) lines.push('', spendLine(input.spend.today, input.spend.limits));
    if (input.key === 'environment') lines.push('', 'Using the key from the SEGMIND_API_KEY environment variable.');
  }
  lines.push('', '[Show Jobs](command:segmind.showJobs) · [Check Credits](command:segmind.checkCredits) · [Show Log](command:segmind.showLog)');
  return lines.join('\n');
}

/** `Spent today: $0.12 of $5.00 · by the agent: $0.04 of $2.00` (estimates; limits only when set). */
export function spendLine(today: DaySpend, limits: SpendLimits): string {
  const of = (limit: number): string => (limit > 0 ? ` of ${formatUsd(limit)}` : '');
  const agent = today.agentUsd > 0 || limits.agentDailyUsd > 0 ? ` · by the agent: ${formatUsd(today.agentUsd)}${of(limits.agentDailyUsd)}` : '';
  return `Spent today (estimated): ${formatUsd(today.totalUsd)}${of(limits.dailyUsd)}${agent}`;
}

function shorten(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
