/**
 * Just enough XML for checking the manifest offline: elements, attributes, text; comments, the
 * declaration and CDATA-free content only. Throws on mismatched tags, so a broken manifest fails.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    const value = ENTITIES[name];
    if (value === undefined) throw new Error(`unknown entity ${whole}`);
    return value;
  });
}

export function parseXml(source: string): XmlElement {
  const body = source.replace(/^\uFEFF/, '').replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const token = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = token.exec(body))) {
    if (match.index !== consumed) throw new Error(`unexpected markup at ${consumed}: ${body.slice(consumed, consumed + 40)}`);
    consumed = token.lastIndex;
    const [, closing, name, attributeText, selfClosing, text] = match;
    const top = stack[stack.length - 1] as XmlElement;
    if (text !== undefined) {
      top.text += decode(text);
      continue;
    }
    if (closing) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const attribute of (attributeText ?? '').matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attributes[attribute[1] as string] = decode(attribute[2] ?? '');
    const element: XmlElement = { name: name as string, attributes, children: [], text: '' };
    top.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (consumed !== body.length) throw new Error('trailing content');
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]?.name}> is not closed`);
  const [document] = root.children;
  if (!document || root.children.length !== 1) throw new Error('one root element expected');
  return document;
}

/** Every element below (and including) `element`, depth first. */
export function descendants(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(descendants)];
}

/** Direct children by tag name, then the next level, … («Hosts/Host»). */
export function at(element: XmlElement, path: string): XmlElement[] {
  return path.split('/').reduce<XmlElement[]>((found, name) => found.flatMap((e) => e.children.filter((c) => c.name === name)), [element]);
}
