/** The searchable prompt history: a click puts an entry's settings back into the form. */
import * as l10n from '@vscode/l10n';
import type { HistoryEntryView } from '../../src/protocol/studioProtocol';
import { filterHistory } from '../../src/shared/promptHistory';
import { byId, element } from './dom';

export class PromptHistoryList {
  readonly #filter = byId<HTMLInputElement>('history-filter');
  readonly #list = byId<HTMLUListElement>('history');
  readonly #empty = byId<HTMLParagraphElement>('history-empty');
  #entries: readonly HistoryEntryView[] = [];

  readonly #pick: (entry: HistoryEntryView) => void;

  constructor(pick: (entry: HistoryEntryView) => void) {
    this.#pick = pick;
    this.#filter.addEventListener('input', () => this.#render());
  }

  show(entries: readonly HistoryEntryView[]): void {
    this.#entries = entries;
    this.#render();
  }

  #render(): void {
    const shown = filterHistory(this.#entries, this.#filter.value);
    this.#empty.hidden = shown.length > 0;
    this.#empty.textContent =
      this.#entries.length === 0 ? l10n.t('Prompts you run from the Studio are kept here.') : l10n.t('No prompt in the history matches.');
    this.#list.replaceChildren(
      ...shown.map((entry) => {
        const item = element('li');
        const button = element('button', 'history-entry');
        button.type = 'button';
        button.title = l10n.t('Put these settings into the form');
        const variants = entry.variants > 1 ? ` · ${entry.variants} variants` : '';
        button.append(
          element('span', 'history-prompt', entry.prompt),
          element(
            'span',
            'history-details',
            `${entry.model} · ${entry.parameters.size} · ${entry.parameters.quality}${variants} · ${new Date(entry.at).toLocaleString()}`,
          ),
        );
        button.addEventListener('click', () => this.#pick(entry));
        item.append(button);
        return item;
      }),
    );
  }
}
