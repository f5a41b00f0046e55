/** The gallery of this workspace's results: open, reveal, copy a Markdown link, use as edit input, run again. */
import * as l10n from '@vscode/l10n';
import type { GalleryAction, GalleryItemView } from '../../src/protocol/studioProtocol';
import { byId, element, iconButton } from './dom';

export class Gallery {
  readonly #list = byId<HTMLUListElement>('gallery');
  readonly #empty = byId<HTMLParagraphElement>('gallery-empty');

  constructor(private readonly act: (action: GalleryAction, uri: string) => void) {}

  show(items: readonly GalleryItemView[], folder: string): void {
    this.#empty.hidden = items.length > 0;
    this.#empty.textContent = folder
      ? l10n.t('Images you generate in this workspace appear here (from {0}/).', folder)
      : l10n.t('Images you generate in this workspace appear here.');
    this.#list.replaceChildren(...items.map((item) => this.#card(item)));
  }

  #card(item: GalleryItemView): HTMLLIElement {
    const act = (action: GalleryAction) => (): void => this.act(action, item.uri);
    const card = element('li', 'gallery-item');
    const open = element('button', 'thumb-button');
    open.type = 'button';
    open.setAttribute('aria-label', l10n.t('Open {0}', item.path));
    open.title = `${item.path}\n${item.prompt}`;
    const image = element('img', 'thumb');
    image.src = item.src;
    image.alt = '';
    image.loading = 'lazy';
    open.append(image);
    open.addEventListener('click', act('open'));
    const meta = element('div', 'gallery-meta');
    const size = item.width && item.height ? `${item.width}×${item.height}` : '';
    meta.append(
      element('span', 'gallery-name', item.name),
      element('span', 'gallery-prompt', item.prompt),
      element('span', 'gallery-details', [item.model, size, new Date(item.savedAt).toLocaleString()].filter(Boolean).join(' · ')),
    );
    const actions = element('div', 'gallery-actions');
    actions.append(
      iconButton('go-to-file', l10n.t('Open {0}', item.name), act('open')),
      iconButton('files', l10n.t('Reveal {0} in the Explorer', item.name), act('reveal')),
      iconButton('link', l10n.t('Copy a Markdown link to {0}', item.name), act('copyLink')),
      iconButton('edit', l10n.t('Use {0} as an edit input', item.name), act('useAsInput')),
      iconButton('refresh', l10n.t('Run again with the settings of {0}', item.name), act('regenerate')),
    );
    card.append(open, meta, actions);
    return card;
  }
}
