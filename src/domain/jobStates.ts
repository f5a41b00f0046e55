/**
 * The states a job goes through, with the one label and icon each is shown with everywhere: the
 * status bar's tooltip, Show Jobs and the Studio's job cards. Pure, and free of dependencies but @vscode/l10n (the Studio
 * webview bundles it). Labels are looked up when shown, in the display language's bundle.
 */
import * as l10n from '@vscode/l10n';

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
  submitting: {
    icon: 'cloud-upload',
    spins: false,
    get label() {
      return l10n.t('submitting');
    },
    running: true,
  },
  queued: {
    icon: 'clock',
    spins: false,
    get label() {
      return l10n.t('queued');
    },
    running: true,
  },
  processing: {
    icon: 'sync',
    spins: true,
    get label() {
      return l10n.t('processing');
    },
    running: true,
  },
  'rate-limited': {
    icon: 'watch',
    spins: false,
    get label() {
      return l10n.t('rate-limited');
    },
    running: true,
  },
  downloading: {
    icon: 'cloud-download',
    spins: false,
    get label() {
      return l10n.t('downloading');
    },
    running: true,
  },
  saved: {
    icon: 'check',
    spins: false,
    get label() {
      return l10n.t('saved');
    },
    running: false,
  },
  failed: {
    icon: 'error',
    spins: false,
    get label() {
      return l10n.t('failed');
    },
    running: false,
  },
  cancelled: {
    icon: 'circle-slash',
    spins: false,
    get label() {
      return l10n.t('cancelled');
    },
    running: false,
  },
  expired: {
    icon: 'history',
    spins: false,
    get label() {
      return l10n.t('expired');
    },
    running: false,
  },
};

export function isRunningState(state: JobStateName): boolean {
  return JOB_STATES[state].running;
}

/** The state's icon in VS Code's `$(name)` syntax (status bar, quick picks), turning where it should. */
export function themeIconOf(state: JobStateName): string {
  const look = JOB_STATES[state];
  return `$(${look.icon}${look.spins ? '~spin' : ''})`;
}
