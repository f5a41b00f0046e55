/** The notice line under the form (errors and results, with the commands the host offers) and the busy text beside Generate. */
import type { NoticeView, StudioCommand } from '../../src/protocol/studioProtocol';
import * as l10n from '@vscode/l10n';
import { actionLabel } from '../../src/shared/wording';
import { byId, element, icon, iconButton } from './dom';

const ICONS: Readonly<Record<StudioCommand, string>> = {
  setApiKey: 'key',
  showLog: 'output',
  checkCredits: 'credit-card',
  manageTrust: 'shield',
  openSettings: 'settings-gear',
};

export class Notices {
  readonly #notice = byId<HTMLDivElement>('notice');
  readonly #busy = byId<HTMLSpanElement>('busy');

  readonly #runCommand: (command: StudioCommand, setting?: string) => void;

  constructor(runCommand: (command: StudioCommand, setting?: string) => void) {
    this.#runCommand = runCommand;
  }

  show(notice: NoticeView): void {
    this.#notice.hidden = false;
    this.#notice.className = `notice notice-${notice.severity}`;
    const iconName = notice.severity === 'error' ? 'error' : notice.severity === 'warning' ? 'warning' : 'info';
    const actions = notice.actions.map((command) =>
      iconButton(ICONS[command], actionLabel(command), () => this.#runCommand(command, notice.setting), actionLabel(command)),
    );
    const dismiss = iconButton('close', l10n.t('Dismiss'), () => this.hide());
    this.#notice.replaceChildren(icon(iconName), element('span', 'notice-text', notice.text), ...actions, dismiss);
  }

  warn(text: string): void {
    this.show({ severity: 'warning', text, actions: [] });
  }

  hide(): void {
    this.#notice.hidden = true;
  }

  setBusy(text: string | null): void {
    this.#busy.textContent = text ?? '';
    this.#busy.classList.toggle('active', text !== null);
  }
}
