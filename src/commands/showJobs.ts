/**
 * `segmind.showJobs` (the status bar's click): running and recent jobs, and for the chosen one what
 * can be done with it — open or reveal the image, cancel, copy the request id, read the error.
 */
import * as vscode from 'vscode';
import { executeCommand } from '../ui/contributions';
import type { Clock } from '../domain/jobs/clock';
import { COMMAND_IDS } from '../base/pure/commandIds';
import { formatDuration } from '../shared/format';
import { JOB_STATES, iconNameOf } from '../shared/jobStates';
import type { JobTracker } from '../jobs/jobTracker';
import { isRunning, type JobSnapshot } from '../jobs/pure/jobSnapshot';
import { actionLabel, failureWords } from '../ui/pure/errorMessages';
import { pickOne, showError, showWarning, type PickItem } from '../ui/show';

type JobItem = PickItem & { readonly job?: JobSnapshot; readonly command?: string };
type ActionItem = PickItem & { readonly run: () => Promise<unknown> };

export function showJobsCommand(tracker: JobTracker, clock: Clock): () => Promise<void> {
  return async () => {
    const choice = await pickOne(jobItems(tracker.snapshots(), clock.now()), {
      title: vscode.l10n.t('Segmind: Jobs'),
      placeHolder: vscode.l10n.t('Pick a job to open, reveal, cancel or copy its request id'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (choice?.command) await vscode.commands.executeCommand(choice.command);
    else if (choice?.job) await chooseAction(tracker, choice.job);
  };
}

function jobItems(jobs: readonly JobSnapshot[], now: number): JobItem[] {
  const running = jobs.filter(isRunning);
  const finished = jobs.filter((job) => !isRunning(job));
  const item = (job: JobSnapshot): JobItem => ({
    icon: iconNameOf(job.state),
    label: job.prompt.replace(/\s+/g, ' '),
    description: `${job.model} · ${job.state === 'failed' ? `${JOB_STATES.failed.label}: ${failureWords(job.failure)}` : JOB_STATES[job.state].label} · ${formatDuration((job.finishedAt ?? now) - job.startedAt)}`,
    detail: [
      job.requestId ? vscode.l10n.t('request {0}', job.requestId) : vscode.l10n.t('not yet accepted'),
      job.savedUri ? vscode.workspace.asRelativePath(vscode.Uri.parse(job.savedUri)) : '',
      job.resumed ? vscode.l10n.t('resumed after reload') : '',
    ]
      .filter(Boolean)
      .join(' · '),
    job,
  });
  const items: JobItem[] = [];
  if (running.length > 0) items.push({ label: vscode.l10n.t('Running'), kind: vscode.QuickPickItemKind.Separator }, ...running.map(item));
  if (finished.length > 0) items.push({ label: vscode.l10n.t('Recent'), kind: vscode.QuickPickItemKind.Separator }, ...finished.map(item));
  if (jobs.length === 0)
    items.push({ icon: 'info', label: vscode.l10n.t('No jobs in this session yet'), description: vscode.l10n.t('Generate Image… starts one') });
  items.push(
    { label: 'Segmind', kind: vscode.QuickPickItemKind.Separator },
    { icon: 'sparkle', label: vscode.l10n.t('Generate Image…'), command: COMMAND_IDS.generateImage },
    { icon: 'window', label: vscode.l10n.t('Open Image Studio'), command: COMMAND_IDS.openStudio },
    { icon: 'credit-card', label: actionLabel('checkCredits'), command: COMMAND_IDS.checkCredits },
    { icon: 'output', label: actionLabel('showLog'), command: COMMAND_IDS.showLog },
  );
  return items;
}

async function chooseAction(tracker: JobTracker, job: JobSnapshot): Promise<void> {
  const actions: ActionItem[] = [];
  const saved = job.savedUri ? vscode.Uri.parse(job.savedUri) : undefined;
  if (saved) {
    actions.push(
      {
        icon: 'file-media',
        label: vscode.l10n.t('Open Image'),
        run: () => Promise.resolve(vscode.commands.executeCommand('vscode.openWith', saved, 'imagePreview.previewEditor')),
      },
      { icon: 'files', label: vscode.l10n.t('Reveal in Explorer'), run: () => Promise.resolve(vscode.commands.executeCommand('revealInExplorer', saved)) },
    );
  }
  if (isRunning(job))
    actions.push({
      icon: 'circle-slash',
      label: vscode.l10n.t('Cancel'),
      description: vscode.l10n.t('stop waiting for it'),
      run: () => confirmCancel(tracker, job),
    });
  if (job.requestId) {
    const requestId = job.requestId;
    actions.push({
      icon: 'copy',
      label: vscode.l10n.t('Copy Request Id'),
      description: requestId,
      run: () => Promise.resolve(vscode.env.clipboard.writeText(requestId)),
    });
  }
  if (job.failure !== undefined) {
    const error = failureWords(job.failure);
    actions.push({
      icon: 'error',
      label: vscode.l10n.t('Show Error'),
      run: () =>
        Promise.resolve(showError(error, actionLabel('showLog'))).then(async (answer) => {
          if (answer) await executeCommand(COMMAND_IDS.showLog);
        }),
    });
  }
  const action = await pickOne(actions, {
    title: `Segmind: ${job.prompt.slice(0, 60)}`,
    placeHolder: vscode.l10n.t('What to do with this job'),
  });
  await action?.run();
}

async function confirmCancel(tracker: JobTracker, job: JobSnapshot): Promise<void> {
  const stop = vscode.l10n.t('Stop Waiting');
  const answer = await showWarning(
    vscode.l10n.t('Stop waiting for this job? Segmind has no way to cancel a job: it may still finish the job and charge for it.'),
    { modal: true },
    stop,
  );
  if (answer === stop) tracker.cancel(job.id);
}
