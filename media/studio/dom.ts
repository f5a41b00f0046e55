/** Building the Studio's DOM with textContent and attributes, never with HTML strings, so prompts and file names stay text. */

export function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The Studio page has no #${id}.`);
  return found as T;
}

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className) created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}

export function icon(name: string): HTMLSpanElement {
  const span = element('span', `codicon codicon-${name}`);
  span.setAttribute('aria-hidden', 'true');
  return span;
}

/** A button with a codicon: labelled by `text` when given, else by an aria-label. */
export function iconButton(name: string, label: string, onClick: () => void, text?: string): HTMLButtonElement {
  const button = element('button', text ? 'secondary' : 'icon-button');
  button.type = 'button';
  button.append(icon(name));
  if (text) button.append(` ${text}`);
  else button.setAttribute('aria-label', label);
  button.title = label;
  button.addEventListener('click', onClick);
  return button;
}

/** Replaces a select's options, keeping its value when it is still offered. */
export function fillSelect(select: HTMLSelectElement, values: readonly string[], labels?: (value: string) => string): void {
  const current = select.value;
  select.replaceChildren(
    ...values.map((value) => {
      const option = element('option', undefined, labels ? labels(value) : value);
      option.value = value;
      return option;
    }),
  );
  if (values.includes(current)) select.value = current;
}
