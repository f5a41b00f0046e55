/**
 * `segmind.showJobs` (the status bar's click): running and recent jobs, and for the chosen one what
 * can be done with it — open or reveal the image, cancel, copy the request id, read the error.
 */
import * as vscode from 'vscode';
import type { Clock } from '../domain/clock';
import { COMMAND_IDS } from '../base/commandIds';
import { formatDuration } from '../domain/format';
import { JOB_STATES, themeIconOf } from '../domain/jobStates';
import type { JobTracker } from '../jobs/jobTracker';
import { isRunning, type JobSnapshot } from '../jobs/jobSnapshot';
import { failureWords } from '../ui/errorMessages';
import { MAY_STILL_CHARGE } from '../domain/wording';

type JobItem = vscode.QuickPickItem & { readonly job?: JobSnapshot; readonly command?: string };
type ActionItem = vscode.QuickPickItem & { readonly run: () => Promise<unknown> };

export function showJobsCommand(tracker: JobTracker, clock: Clock): () => Promise<void> {
  return async () => {
    const choice = await vscode.window.showQuickPick(jobItems(tracker.snapshots(), clock.now()), {
      title: 'Segmind: Jobs',
      placeHolder: 'Pick a job to open, reveal, cancel or copy its request id',
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
    label: `${themeIconOf(job.state)} ${job.prompt.replace(/\s+/g, ' ')}`,
    description: `${job.model} · ${job.state === 'failed' ? `failed: ${failureWords(job.failure)}` : JOB_STATES[job.state].label} · ${formatDuration((job.finishedAt ?? now) - job.startedAt)}`,
    detail: [
      job.requestId ? `request ${job.requestId}` : 'not yet accepted',
      job.savedUri ? vscode.workspace.asRelativePath(vscode.Uri.parse(job.savedUri)) : '',
      job.resumed ? 'resumed after reload' : '',
    ]
      .filter(Boolean)
      .join(' · '),
    job,
  });
  const items: JobItem[] = [];
  if (running.length > 0) items.push({ label: 'Running', kind: vscode.QuickPickItemKind.Separator }, ...running.map(item));
  if (finished.length > 0) items.push({ label: 'Recent', kind: vscode.QuickPickItemKind.Separator }, ...finished.map(item));
  if (jobs.length === 0) items.push({ label: '$(info) No jobs in this session yet', description: 'Generate Image… starts one' });
  items.push(
    { label: 'Segmind', kind: vscode.QuickPickItemKind.Separator },
    { label: '$(sparkle) Generate Image…', command: COMMAND_IDS.generateImage },
    { label: '$(window) Open Image Studio', command: COMMAND_IDS.openStudio },
    { label: '$(credit-card) Check Credits', command: COMMAND_IDS.checkCredits },
    { label: '$(output) Show Log', command: COMMAND_IDS.showLog },
  );
  return items;
}

async function chooseAction(tracker: JobTracker, job: JobSnapshot): Promise<void> {
  const actions: ActionItem[] = [];
  const saved = job.savedUri ? vscode.Uri.parse(job.savedUri) : undefined;
  if (saved) {
    actions.push(
      { label: '$(file-media) Open Image', run: () => Promise.resolve(vscode.commands.executeCommand('vscode.openWith', saved, 'imagePreview.previewEditor')) },
      { label: '$(files) Reveal in Explorer', run: () => Promise.resolve(vscode.commands.executeCommand('revealInExplorer', saved)) },
    );
  }
  if (isRunning(job)) actions.push({ label: '$(circle-slash) Cancel', description: 'stop waiting for it', run: () => confirmCancel(tracker, job) });
  if (job.requestId) {
    const requestId = job.requestId;
    actions.push({ label: '$(copy) Copy Request Id', description: requestId, run: () => Promise.resolve(vscode.env.clipboard.writeText(requestId)) });
  }
  if (job.failure !== undefined) {
    const error = failureWords(job.failure);
    actions.push({
      label: '$(error) Show Error',
      run: () =>
        Promise.resolve(vscode.window.showErrorMessage(error, 'Show Log')).then((answer) => answer && vscode.commands.executeCommand(COMMAND_IDS.showLog)),
    });
  }
  const action = await vscode.window.showQuickPick(actions, { title: `Segmind: ${job.prompt.slice(0, 60)}`, placeHolder: 'What to do with this job' });
  await action?.run();
}

async function confirmCancel(tracker: JobTracker, job: JobSnapshot): Promise<void> {
  const stop = 'Stop Waiting';
  const answer = await vscode.window.showWarningMessage(
    `Stop waiting for this job? Segmind has no way to cancel a job: ${MAY_STILL_CHARGE.replace('Segmind may', 'it may')}.`,
    { modal: true },
    stop,
  );
  if (answer === stop) tracker.cancel(job.id);
}
