/**
 * The only way the panel builds DOM. Text always goes in as text nodes and attributes through
 * setAttribute, so a district called `<img src=x onerror=alert(1)>` stays a district name:
 * nothing here ever parses a string as HTML.
 */

/** Attributes the panel uses; event handlers are attached with `on`, never as attributes. */
export interface Attributes {
  readonly class?: string;
  readonly id?: string;
  readonly for?: string;
  readonly type?: string;
  readonly value?: string;
  readonly title?: string;
  readonly role?: string;
  readonly name?: string;
  readonly inputmode?: string;
  readonly placeholder?: string;
  readonly tabindex?: string;
  readonly 'aria-live'?: string;
  readonly 'aria-describedby'?: string;
  readonly 'aria-labelledby'?: string;
  readonly 'aria-invalid'?: string;
  readonly 'aria-required'?: string;
  readonly 'aria-hidden'?: string;
  readonly 'data-action'?: string;
  readonly 'data-key'?: string;
}

export type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, children: readonly Child[] = []): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(name, value);
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** An <option> whose label is text, whatever characters it holds. */
export function option(value: string, label: string, selected = false): HTMLOptionElement {
  const item = document.createElement('option');
  item.value = value;
  item.textContent = label;
  item.selected = selected;
  return item;
}

/** Replaces an element's content with text (or hides it when empty). */
export function setText(element: HTMLElement, text: string | null): void {
  element.textContent = text ?? '';
  element.hidden = !text;
}

/**
 * Replaces a live region's text without hiding it: screen readers announce a change inside a
 * region they already know, not reliably a region that appears together with its text. An empty
 * region takes no room (see panel.css).
 */
export function say(region: HTMLElement, text: string | null): void {
  region.textContent = text ?? '';
}
