/**
 * Accessibility checks of the shared panel as a browser shows it, for the browser tests of both
 * hosts (the Excel task pane and the Google Sheets sidebar). Names and roles come from Chromium's
 * own accessibility tree (DevTools protocol), not from reading attributes, so a label that does
 * not reach its control, or a hidden live region, shows up as the screen reader would meet it.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface AxNode {
  readonly role: string;
  readonly name: string;
  readonly description: string;
  readonly ignored: boolean;
  readonly properties: Readonly<Record<string, unknown>>;
}

interface RawAxNode {
  ignored?: boolean;
  role?: { value?: unknown };
  name?: { value?: unknown };
  description?: { value?: unknown };
  properties?: { name: string; value?: { value?: unknown } }[];
  backendDOMNodeId?: number;
}

function toAx(raw: RawAxNode): AxNode {
  const properties: Record<string, unknown> = {};
  for (const property of raw.properties ?? []) properties[property.name] = property.value?.value;
  return {
    role: String(raw.role?.value ?? ''),
    name: String(raw.name?.value ?? ''),
    description: String(raw.description?.value ?? ''),
    ignored: raw.ignored === true,
    properties,
  };
}

const sessions = new WeakMap<Page, CDPSession>();

async function session(page: Page): Promise<CDPSession> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('Accessibility.enable');
    sessions.set(page, cdp);
  }
  return cdp;
}

/** The accessibility node of the first element matching `selector`, as Chromium computes it. */
export async function axNode(page: Page, selector: string): Promise<AxNode> {
  const cdp = await session(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  if (!nodeId) throw new Error(`no element matches ${selector}`);
  const { node } = await cdp.send('DOM.describeNode', { nodeId });
  const { nodes } = (await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false })) as { nodes: RawAxNode[] };
  const own = nodes.find((n) => n.backendDOMNodeId === node.backendNodeId) ?? nodes[0];
  if (!own) throw new Error(`no accessibility node for ${selector}`);
  return toAx(own);
}

const CONTROL_ROLES = new Set(['button', 'textbox', 'combobox', 'listbox', 'checkbox', 'radio', 'spinbutton', 'slider', 'link', 'DisclosureTriangle']);

/** Every control in the accessibility tree that has no accessible name (should be none). */
export async function unnamedControls(page: Page): Promise<string[]> {
  const cdp = await session(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: RawAxNode[] };
  return nodes
    .map(toAx)
    .filter((n) => !n.ignored && CONTROL_ROLES.has(n.role) && n.name.trim() === '')
    .map((n) => n.role);
}

/** The roles and names of the live regions the accessibility tree holds now. */
export async function liveRegions(page: Page): Promise<{ role: string; live: string; name: string }[]> {
  const cdp = await session(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: RawAxNode[] };
  return nodes
    .map(toAx)
    .filter((n) => !n.ignored && typeof n.properties.live === 'string' && n.properties.live !== 'off' && (n.role === 'status' || n.role === 'alert'))
    .map((n) => ({ role: n.role, live: String(n.properties.live), name: n.name }));
}

/** What has focus: its id, or its tag and text when it has none. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'body';
    return active.id ? `#${active.id}` : `${active.tagName.toLowerCase()}:${(active.textContent ?? '').trim().slice(0, 60)}`;
  });
}

export interface ContrastProblem {
  readonly text: string;
  readonly ratio: number;
  readonly needed: number;
  readonly color: string;
  readonly background: string;
}

/**
 * Text whose colour against its (opaque) background is below WCAG AA: 4.5:1, or 3:1 for large
 * text (24 px, or 18,66 px bold). Disabled controls are exempt, as in WCAG.
 */
export function contrastProblems(page: Page): Promise<ContrastProblem[]> {
  return page.evaluate(() => {
    const parse = (css: string): number[] => (css.match(/[\d.]+/g) ?? []).map(Number);
    const channel = (v: number): number => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const luminance = ([r = 0, g = 0, b = 0]: number[]): number => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    const background = (start: Element): string => {
      for (let node: Element | null = start; node; node = node.parentElement) {
        const bg = getComputedStyle(node).backgroundColor;
        const [, , , alpha = 1] = parse(bg);
        if (bg !== 'transparent' && alpha > 0) return bg;
      }
      return 'rgb(255, 255, 255)';
    };
    const problems: ContrastProblem[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const owner = text.parentElement;
      if (!owner || seen.has(owner) || !(text.textContent ?? '').trim()) continue;
      seen.add(owner);
      if (owner.closest('option, script, style, noscript')) continue;
      if (!owner.checkVisibility?.() || owner.getClientRects().length === 0) continue;
      if ((owner.closest('button, input, select') as HTMLButtonElement | null)?.disabled) continue;
      const style = getComputedStyle(owner);
      const fg = parse(style.color);
      const bg = background(owner);
      const [l1, l2] = [luminance(fg), luminance(parse(bg))].sort((a, b) => b - a) as [number, number];
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const needed = large ? 3 : 4.5;
      if (ratio < needed) problems.push({ text: (text.textContent ?? '').trim().slice(0, 50), ratio: Math.round(ratio * 100) / 100, needed, color: style.color, background: bg });
    }
    return problems;
  });
}

/**
 * Whether the page scrolls sideways, and which visible elements stick out past the viewport or
 * cut their own text (content wider than the box with overflow hidden).
 */
export function overflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    const describe = (node: Element): string => `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${node.className && typeof node.className === 'string' ? `.${node.className.split(' ')[0]}` : ''} «${(node.textContent ?? '').trim().slice(0, 30)}»`;
    for (const node of Array.from(document.querySelectorAll('body *'))) {
      if (node.closest('option, script, style, head') || node.getClientRects().length === 0) continue;
      const box = node.getBoundingClientRect();
      if (box.right > width + 0.5) problems.push(`${describe(node)} ends at ${Math.round(box.right)} px`);
      const style = getComputedStyle(node);
      const clips = style.overflowX !== 'visible' && !(node instanceof HTMLSelectElement) && !(node instanceof HTMLInputElement);
      if (clips && node.scrollWidth > node.clientWidth + 1) problems.push(`${describe(node)} cuts its text: ${node.scrollWidth} > ${node.clientWidth}`);
    }
    return problems;
  });
}

/**
 * Whether the focused element shows a focus indicator a sighted keyboard user can see: an
 * outline of at least 2 px whose colour has 3:1 against what it is drawn on (the element's own
 * background when drawn inside it, the surrounding background when drawn outside).
 */
export function focusIndicator(page: Page): Promise<{ element: string; ok: boolean; why: string }> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    if (!active || active === document.body) return { element: 'body', ok: false, why: 'nothing focused' };
    const parse = (css: string): number[] => (css.match(/[\d.]+/g) ?? []).map(Number);
    const channel = (v: number): number => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const luminance = ([r = 0, g = 0, b = 0]: number[]): number => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    const background = (start: Element | null): string => {
      for (let node: Element | null = start; node; node = node.parentElement) {
        const bg = getComputedStyle(node).backgroundColor;
        const [, , , alpha = 1] = parse(bg);
        if (bg !== 'transparent' && alpha > 0) return bg;
      }
      return 'rgb(255, 255, 255)';
    };
    const element = active.id ? `#${active.id}` : `${active.tagName.toLowerCase()}:${(active.textContent ?? '').trim().slice(0, 60)}`;
    const style = getComputedStyle(active);
    const width = parseFloat(style.outlineWidth);
    if (style.outlineStyle === 'none' || width < 2) return { element, ok: false, why: `outline ${style.outlineStyle} ${style.outlineWidth}` };
    const inside = parseFloat(style.outlineOffset) < 0;
    const bg = inside ? background(active) : background(active.parentElement);
    const [l1, l2] = [luminance(parse(style.outlineColor)), luminance(parse(bg))].sort((a, b) => b - a) as [number, number];
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    return { element, ok: ratio >= 3, why: `outline ${style.outlineColor} on ${bg}: ${ratio.toFixed(2)}:1` };
  });
}
