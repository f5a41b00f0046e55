/** The gallery of this workspace's results: open, reveal, copy a Markdown link, use as edit input, run again. */
import type { GalleryAction, GalleryItemView } from '../../src/protocol/studioProtocol';
import { byId, element, iconButton } from './dom';

export class Gallery {
  readonly #list = byId<HTMLUListElement>('gallery');
  readonly #empty = byId<HTMLParagraphElement>('gallery-empty');

  constructor(private readonly act: (action: GalleryAction, uri: string) => void) {}

  show(items: readonly GalleryItemView[], folder: string): void {
    this.#empty.hidden = items.length > 0;
    this.#empty.textContent = `Images you generate in this workspace appear here${folder ? ` (from ${folder}/)` : ''}.`;
    this.#list.replaceChildren(...items.map((item) => this.#card(item)));
  }

  #card(item: GalleryItemView): HTMLLIElement {
    const act = (action: GalleryAction) => (): void => this.act(action, item.uri);
    const card = element('li', 'gallery-item');
    const open = element('button', 'thumb-button');
    open.type = 'button';
    open.setAttribute('aria-label', `Open ${item.path}`);
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
      iconButton('go-to-file', `Open ${item.name}`, act('open')),
      iconButton('files', `Reveal ${item.name} in the Explorer`, act('reveal')),
      iconButton('link', `Copy a Markdown link to ${item.name}`, act('copyLink')),
      iconButton('edit', `Use ${item.name} as an edit input`, act('useAsInput')),
      iconButton('refresh', `Run again with the settings of ${item.name}`, act('regenerate')),
    );
    card.append(open, meta, actions);
    return card;
  }
}
