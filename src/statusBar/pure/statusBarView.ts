/**
 * What the one status-bar item shows, computed from the jobs, the balance and the key. Pure, so every
 * state's text and tooltip is unit-tested; the host item only copies the result.
 */
import * as l10n from '@vscode/l10n';
import { formatCredits, formatDuration, formatUsd } from '../../shared/format';
import type { DaySpend, SpendLimits } from '../../domain/spending/spending';
import { escapeMarkdown } from '../../domain/safety/markdown';
import { JOB_STATES, themeIconOf } from '../../shared/jobStates';
import { isRunning, type JobSnapshot } from '../../jobs/pure/jobSnapshot';
import { actionLabel, failureWords } from '../../ui/pure/errorMessages';
import { retention } from '../../shared/wording';
import { COMMAND_IDS } from '../../base/pure/commandIds';

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
  readonly command: typeof COMMAND_IDS.showJobs | typeof COMMAND_IDS.setApiKey;
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
    const count = running.length === 1 ? l10n.t('1 job') : l10n.t('{0} jobs', running.length);
    const elapsed = formatDuration(input.now - oldest);
    return {
      text: `$(sync~spin) ${count} · ${elapsed}`,
      tooltip,
      command: COMMAND_IDS.showJobs,
      warning: false,
      accessibilityLabel: l10n.t('Segmind: {0} running, {1}', count, elapsed),
    };
  }
  if (input.key === 'none') {
    return {
      text: `$(key) ${actionLabel('setApiKey')}`,
      tooltip,
      command: COMMAND_IDS.setApiKey,
      warning: false,
      accessibilityLabel: l10n.t('Segmind: no API key set'),
    };
  }
  if (input.credits) {
    const amount = formatCredits(input.credits.credits);
    const low = input.credits.credits < input.lowCreditWarning;
    return {
      text: `$(credit-card) ${amount}`,
      tooltip,
      command: COMMAND_IDS.showJobs,
      warning: low,
      accessibilityLabel: low ? l10n.t('Segmind: {0} credits, low', amount) : l10n.t('Segmind: {0} credits', amount),
    };
  }
  const unknown = input.creditsProblem ? l10n.t('Segmind: credits unknown ({0})', input.creditsProblem) : l10n.t('Segmind: credits unknown');
  return { text: '$(credit-card) Segmind', tooltip, command: COMMAND_IDS.showJobs, warning: false, accessibilityLabel: unknown };
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
      return `${state()} ${age} · ${where}${job.resumed ? ` · ${l10n.t('resumed')}` : ''}`;
    case 'processing':
    case 'downloading':
      return `${state()} ${age} · ${where}`;
    case 'rate-limited': {
      const wait = job.retryAt === undefined ? '' : l10n.t(', retrying in {0} s', Math.max(0, Math.ceil((job.retryAt - now) / 1000)));
      return `${state(wait)} · ${where}`;
    }
    case 'saved':
      return `${state()} ${l10n.t('in {0}', age)} · ${where}`;
    case 'failed':
      return `${state()}: ${escapeMarkdown(job.failure === undefined ? l10n.t('unknown reason') : failureWords(job.failure))} · ${where}`;
    case 'cancelled':
      return `${state()} · ${where}`;
    case 'expired':
      return `${state()} ${l10n.t('(kept {0})', retention())} · ${where}`;
  }
}

function tooltipMarkdown(input: StatusBarInput, running: readonly JobSnapshot[], recent: readonly JobSnapshot[]): string {
  const lines: string[] = ['**Segmind Image Studio**', ''];
  if (running.length > 0) lines.push(...running.map((job) => `- ${jobLine(job, input.now)}`), '');
  if (recent.length > 0) lines.push(l10n.t('Recent:'), '', ...recent.map((job) => `- ${jobLine(job, input.now)}`), '');
  if (input.key === 'none') {
    lines.push(`${l10n.t('No API key set.')} [${actionLabel('setApiKey')}](command:segmind.setApiKey)`);
  } else {
    if (input.credits) {
      const free = input.credits.freeCredits === undefined ? '' : ` · ${l10n.t('free credits: {0}', formatCredits(input.credits.freeCredits))}`;
      const low = input.credits.credits < input.lowCreditWarning ? ` · $(warning) ${l10n.t('below {0}', input.lowCreditWarning)}` : '';
      lines.push(`${l10n.t('Credits: {0}', `**${formatCredits(input.credits.credits)}**`)}${free}${low}`);
    } else {
      lines.push(input.creditsProblem ? l10n.t('Credits: unknown ({0})', input.creditsProblem) : l10n.t('Credits: unknown'));
    }
    if (input.spend) lines.push('', spendLine(input.spend.today, input.spend.limits));
    if (input.key === 'environment') lines.push('', l10n.t('Using the key from the SEGMIND_API_KEY environment variable.'));
  }
  lines.push(
    '',
    `[${l10n.t('Show Jobs')}](command:segmind.showJobs) · [${actionLabel('checkCredits')}](command:segmind.checkCredits) · [${actionLabel('showLog')}](command:segmind.showLog)`,
  );
  return lines.join('\n');
}

/** `Spent today: $0.12 of $5.00 · by the agent: $0.04 of $2.00` (estimates; limits only when set). */
export function spendLine(today: DaySpend, limits: SpendLimits): string {
  const amount = (spent: number, limit: number): string => (limit > 0 ? l10n.t('{0} of {1}', formatUsd(spent), formatUsd(limit)) : formatUsd(spent));
  const agent = today.agentUsd > 0 || limits.agentDailyUsd > 0 ? ` · ${l10n.t('by the agent: {0}', amount(today.agentUsd, limits.agentDailyUsd))}` : '';
  return `${l10n.t('Spent today (estimated): {0}', amount(today.totalUsd, limits.dailyUsd))}${agent}`;
}

function shorten(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
