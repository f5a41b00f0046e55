/**
 * The states a job goes through, with the one label and icon each is shown with everywhere: the
 * status bar's tooltip, Show Jobs and the Studio's job cards. Pure, and free of dependencies but @vscode/l10n (the Studio
 * webview bundles it). Labels are looked up when shown, in the display language's bundle.
 */
import * as l10n from '@vscode/l10n';
import { withLabel } from './wording';

export const JOB_STATE_NAMES = ['submitting', 'queued', 'processing', 'rate-limited', 'downloading', 'saved', 'failed', 'cancelled', 'expired'] as const;
export type JobStateName = (typeof JOB_STATE_NAMES)[number];

export interface JobStateLook {
  /** A codicon name (without `codicon-` or `$(…)`). */
  readonly icon: string;
  /** The icon turns while the job is in this state. */
  readonly spins: boolean;
  readonly label: string;
  readonly running: boolean;
}

export const JOB_STATES: Readonly<Record<JobStateName, JobStateLook>> = {
  submitting: withLabel({ icon: 'cloud-upload', spins: false, running: true }, () => l10n.t('submitting')),
  queued: withLabel({ icon: 'clock', spins: false, running: true }, () => l10n.t('queued')),
  processing: withLabel({ icon: 'sync', spins: true, running: true }, () => l10n.t('processing')),
  'rate-limited': withLabel({ icon: 'watch', spins: false, running: true }, () => l10n.t('rate-limited')),
  downloading: withLabel({ icon: 'cloud-download', spins: false, running: true }, () => l10n.t('downloading')),
  saved: withLabel({ icon: 'check', spins: false, running: false }, () => l10n.t('saved')),
  failed: withLabel({ icon: 'error', spins: false, running: false }, () => l10n.t('failed')),
  cancelled: withLabel({ icon: 'circle-slash', spins: false, running: false }, () => l10n.t('cancelled')),
  expired: withLabel({ icon: 'history', spins: false, running: false }, () => l10n.t('expired')),
};

export function isRunningState(state: JobStateName): boolean {
  return JOB_STATES[state].running;
}

/** The state's codicon name, turning where it should (`sync~spin`). */
export function iconNameOf(state: JobStateName): string {
  const look = JOB_STATES[state];
  return `${look.icon}${look.spins ? '~spin' : ''}`;
}

/** The state's icon in VS Code's `$(name)` syntax (the status bar), turning where it should. */
export function themeIconOf(state: JobStateName): string {
  return `$(${iconNameOf(state)})`;
}
