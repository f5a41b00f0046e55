/**
 * The edit inputs: the images chosen (Add Images…, dropped from the Explorer, or "use as edit input"
 * in the gallery), each with a thumbnail and a remove button. The host checks every image before it
 * arrives here; this list only keeps them in order, at most `maxInputs`.
 */
import * as l10n from '@vscode/l10n';
import type { InputView } from '../../src/protocol/studioProtocol';
import { byId, element, iconButton } from './dom';

/**
 * `onChange(firstChanged)` runs after the list changed; `onPick` asks the host's file picker;
 * `onDrop` gets the Uris dropped (an empty list when nothing usable was).
 */
interface EditInputEvents {
  readonly onChange: (firstChanged: boolean) => void;
  readonly onPick: () => void;
  readonly onDrop: (uris: string[]) => void;
}

export class EditInputs {
  readonly #list = byId<HTMLUListElement>('input-list');
  readonly #dropZone = byId<HTMLDivElement>('drop-zone');
  readonly #addButton = byId<HTMLButtonElement>('add-inputs');
  readonly #generate = byId<HTMLButtonElement>('generate');
  readonly #events: EditInputEvents;
  #inputs: InputView[] = [];
  #maxInputs = 16;

  constructor(events: EditInputEvents) {
    this.#events = events;
    this.#addButton.addEventListener('click', () => events.onPick());
    document.addEventListener('dragover', (event) => {
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      this.#dropZone.classList.add('dragging');
    });
    document.addEventListener('dragleave', (event) => {
      if (event.relatedTarget === null) this.#dropZone.classList.remove('dragging');
    });
    document.addEventListener('drop', (event) => {
      event.preventDefault();
      this.#dropZone.classList.remove('dragging');
      events.onDrop(event.dataTransfer ? this.#droppedUris(event.dataTransfer) : []);
    });
    this.#render();
  }

  setLimit(maxInputs: number): void {
    this.#maxInputs = maxInputs;
  }

  get all(): readonly InputView[] {
    return this.#inputs;
  }

  get first(): InputView | undefined {
    return this.#inputs[0];
  }

  add(added: readonly InputView[]): void {
    const firstBefore = this.#inputs[0]?.uri;
    for (const input of added) if (!this.#inputs.some((known) => known.uri === input.uri)) this.#inputs.push(input);
    this.#inputs = this.#inputs.slice(0, this.#maxInputs);
    this.#changed(firstBefore);
  }

  #remove(uri: string): void {
    const firstBefore = this.#inputs[0]?.uri;
    this.#inputs = this.#inputs.filter((input) => input.uri !== uri);
    this.#changed(firstBefore);
    (this.#inputs.length > 0 ? this.#list.querySelector<HTMLButtonElement>('button') : this.#addButton)?.focus();
  }

  #changed(firstBefore: string | undefined): void {
    this.#render();
    this.#events.onChange(this.#inputs[0]?.uri !== firstBefore);
  }

  #render(): void {
    const count = this.#inputs.length;
    this.#list.replaceChildren(
      ...this.#inputs.map((input, index) => {
        const item = element('li', 'input-item');
        if (input.src) {
          const image = element('img', 'input-thumb');
          image.src = input.src;
          image.alt = input.path;
          item.append(image);
        } else {
          item.append(element('div', 'input-thumb input-thumb-missing', l10n.t('no preview')));
        }
        const caption = element('span', 'input-caption', index === 0 && count > 1 ? l10n.t('1st: {0}', input.path) : input.path);
        caption.title = input.width && input.height ? `${input.path} (${input.width}×${input.height})` : input.path;
        item.append(
          caption,
          iconButton('close', l10n.t('Remove {0}', input.path), () => this.#remove(input.uri)),
        );
        return item;
      }),
    );
    this.#dropZone.classList.toggle('has-inputs', count > 0);
    this.#generate.title =
      count === 0
        ? l10n.t('Generate a new image from the prompt')
        : count === 1
          ? l10n.t('Edit the image with the prompt')
          : l10n.t('Edit the {0} images with the prompt', count);
  }

  /** The Explorer drops `text/uri-list` or its own JSON list of Uris. */
  #droppedUris(transfer: DataTransfer): string[] {
    const uris: string[] = [];
    for (const list of [transfer.getData('text/uri-list'), transfer.getData('application/vnd.code.uri-list')]) {
      if (!list) continue;
      let lines: string[];
      try {
        const parsed: unknown = JSON.parse(list);
        lines = Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : list.split(/\r?\n/);
      } catch {
        lines = list.split(/\r?\n/);
      }
      for (const line of lines.map((entry) => entry.trim())) if (line && !line.startsWith('#') && !uris.includes(line)) uris.push(line);
    }
    return uris.slice(0, this.#maxInputs);
  }
}
