/**
 * The live job cards: state, elapsed time, cancel, the saved file. Elapsed times tick once a second
 * while a job runs, and the ticker stops when none does.
 */
import * as l10n from '@vscode/l10n';
import type { JobView } from '../../src/protocol/studioProtocol';
import { formatDuration } from '../../src/shared/format';
import { JOB_STATES } from '../../src/shared/jobStates';
import { byId, element, icon, iconButton } from './dom';

interface ReceivedJob {
  readonly view: JobView;
  readonly receivedAt: number;
}

export class JobCards {
  readonly #list = byId<HTMLUListElement>('job-list');
  readonly #empty = byId<HTMLParagraphElement>('jobs-empty');
  #jobs: ReceivedJob[] = [];
  #ticker: ReturnType<typeof setInterval> | undefined;

  readonly #actions: { readonly cancel: (jobId: string) => void; readonly open: (jobId: string) => void };

  constructor(actions: { readonly cancel: (jobId: string) => void; readonly open: (jobId: string) => void }) {
    this.#actions = actions;
  }

  show(views: readonly JobView[]): void {
    const now = Date.now();
    this.#jobs = views.map((view) => ({ view, receivedAt: now }));
    this.#render();
    const running = this.#jobs.some((job) => job.view.running);
    if (running && !this.#ticker) this.#ticker = setInterval(() => this.#tick(), 1000);
    if (!running && this.#ticker) {
      clearInterval(this.#ticker);
      this.#ticker = undefined;
    }
  }

  #elapsed(job: ReceivedJob): string {
    return formatDuration(job.view.elapsedMs + (job.view.running ? Date.now() - job.receivedAt : 0));
  }

  #tick(): void {
    for (const job of this.#jobs) {
      if (!job.view.running) continue;
      const elapsed = this.#list.querySelector(`[data-job-id="${CSS.escape(job.view.id)}"] .job-elapsed`);
      if (elapsed) elapsed.textContent = this.#elapsed(job);
    }
  }

  #render(): void {
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset['focusKey'] : undefined;
    this.#empty.hidden = this.#jobs.length > 0;
    this.#list.replaceChildren(...this.#jobs.map((job) => this.#card(job)));
    // A re-render must not steal the keyboard from whoever was on a card's button.
    if (focused) this.#list.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focused)}"]`)?.focus();
  }

  #card(job: ReceivedJob): HTMLLIElement {
    const { view } = job;
    const look = JOB_STATES[view.state];
    const item = element('li', `job job-${view.state}`);
    item.dataset['jobId'] = view.id;
    const head = element('div', 'job-head');
    const stateIcon = icon(look.icon);
    if (look.spins) stateIcon.classList.add('codicon-modifier-spin');
    head.append(
      stateIcon,
      element('span', 'job-state', look.label),
      element('span', 'job-dot', '·'),
      element('span', 'job-elapsed', this.#elapsed(job)),
      element('span', 'job-model', view.model),
    );
    item.append(head, element('div', 'job-prompt', view.prompt));
    if (view.running) {
      const cancel = iconButton('circle-slash', l10n.t('Cancel'), () => this.#actions.cancel(view.id), l10n.t('Cancel'));
      cancel.dataset['focusKey'] = `cancel-${view.id}`;
      cancel.title = l10n.t('Stop waiting for this job here. Segmind cannot cancel it: it may still finish and charge for it.');
      const row = element('div', 'job-actions');
      row.append(cancel, element('span', 'hint', l10n.t('Segmind may still charge for a cancelled job.')));
      item.append(row);
    }
    if (view.error) {
      const error = element('div', 'job-error', view.error);
      error.setAttribute('role', 'status');
      item.append(error);
    }
    if (view.savedPath) {
      const open = iconButton('go-to-file', l10n.t('Open {0}', view.savedPath), () => this.#actions.open(view.id), view.savedPath);
      open.dataset['focusKey'] = `open-${view.id}`;
      const row = element('div', 'job-actions');
      row.append(open);
      item.append(row);
    }
    return item;
  }
}
