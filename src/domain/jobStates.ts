/**
 * The states a job goes through, with the one label and icon each is shown with everywhere: the
 * status bar's tooltip, Show Jobs and the Studio's job cards. Pure and dependency-free (the Studio
 * webview bundles it).
 */
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
  submitting: { icon: 'cloud-upload', spins: false, label: 'submitting', running: true },
  queued: { icon: 'clock', spins: false, label: 'queued', running: true },
  processing: { icon: 'sync', spins: true, label: 'processing', running: true },
  'rate-limited': { icon: 'watch', spins: false, label: 'rate-limited', running: true },
  downloading: { icon: 'cloud-download', spins: false, label: 'downloading', running: true },
  saved: { icon: 'check', spins: false, label: 'saved', running: false },
  failed: { icon: 'error', spins: false, label: 'failed', running: false },
  cancelled: { icon: 'circle-slash', spins: false, label: 'cancelled', running: false },
  expired: { icon: 'history', spins: false, label: 'expired', running: false },
};

export function isRunningState(state: JobStateName): boolean {
  return JOB_STATES[state].running;
}

/** The state's icon in VS Code's `$(name)` syntax (status bar, quick picks), turning where it should. */
export function themeIconOf(state: JobStateName): string {
  const look = JOB_STATES[state];
  return `$(${look.icon}${look.spins ? '~spin' : ''})`;
}
