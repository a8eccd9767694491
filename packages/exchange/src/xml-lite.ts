/**
 * A small element tree for messages that libxml2 has already validated: local names only (the
 * namespace is fixed by the message type), text content, children in order. Reading a validated
 * message this way is far cheaper than walking libxml2's DOM through the WASM boundary, which is
 * what keeps a million prestaties per run affordable.
 */
export interface XNode {
  name: string;
  /** In the basisschema namespace (the CDT parts such as Begindatum, Bedrag) rather than the message's. */
  base: boolean;
  text: string;
  children: XNode[];
}

const entity: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** A character reference's character; the reference itself when it names no character (libxml2 refuses such a document before we read it). */
function charRef(digits: string, radix: number, raw: string): string {
  const n = parseInt(digits, radix);
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : raw;
}
/** Resolves the predefined entities and character references of XML text. */
export function decode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) =>
    e.startsWith('#x') ? charRef(e.slice(2), 16, m) : e.startsWith('#') ? charRef(e.slice(1), 10, m) : (entity[e] ?? m),
  );
}

// Start or end tag | processing instruction | comment | CDATA section (its text verbatim) | text.
// Text is decoded piece by piece as it is met, so a CDATA section's `&amp;` stays literal and a
// comment splits nothing: `<V>1<!-- c -->2</V>` reads "12", `<V><![CDATA[8]]></V>` reads "8".
const tagRe = /<(\/?)(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)((?:\s[^>]*?)?)(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|([^<]+)/g;

/** The prefixes a start tag (or a prelude) binds to a basisschema namespace. */
export function declaredBasePrefixes(xml: string): Set<string> {
  const out = new Set<string>();
  for (const d of xml.matchAll(/xmlns(?::([\w.-]+))?\s*=\s*["']([^"']*)["']/g)) {
    if (d[2]?.endsWith('/basisschema/schema')) out.add(d[1] ?? '');
  }
  return out;
}

/**
 * Parses a validated document (or one element of it) into an XNode tree. `inherited`: the base
 * prefixes declared outside the fragment (the root of the message a Client was cut from).
 */
export function parseTree(xml: string, inherited?: ReadonlySet<string>): XNode {
  const root: XNode = { name: '#document', base: false, text: '', children: [] };
  const stack: XNode[] = [root];
  const basePrefixes = new Set<string>(inherited);
  tagRe.lastIndex = 0;
  for (let m = tagRe.exec(xml); m; m = tagRe.exec(xml)) {
    const top = stack[stack.length - 1] as XNode;
    if (m[7] !== undefined) {
      top.text += decode(m[7]);
    } else if (m[6] !== undefined) {
      top.text += m[6];
    } else if (m[3] !== undefined) {
      if (m[1] === '/') {
        const done = stack.pop() as XNode;
        done.text = done.text.trim();
      } else {
        if (m[4]) for (const b of declaredBasePrefixes(m[4])) basePrefixes.add(b);
        const node: XNode = { name: m[3], base: basePrefixes.has(m[2] ?? ''), text: '', children: [] };
        top.children.push(node);
        if (m[5] !== '/') stack.push(node);
      }
    }
  }
  const first = root.children[0];
  if (!first) throw new Error('empty document');
  return first;
}

export function child(node: XNode, name: string): XNode | undefined {
  return node.children.find((c) => c.name === name);
}
export function childText(node: XNode, name: string): string | undefined {
  return child(node, name)?.text;
}
export function req(node: XNode, name: string): string {
  const v = child(node, name)?.text;
  if (v === undefined) throw new Error(`${node.name}/${name} missing`);
  return v;
}
export function children(node: XNode, name: string): XNode[] {
  return node.children.filter((c) => c.name === name);
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An element to write: text or children. */
export interface XOut {
  n: string;
  /** In the basisschema namespace. */
  b?: boolean;
  t?: string;
  c?: XOut[];
}

export function writeTree(node: XOut, prefixes: { msg: string; base: string }, indent = '', out: string[] = []): string[] {
  const tag = `${node.b ? prefixes.base : prefixes.msg}:${node.n}`;
  if (node.c) {
    out.push(`${indent}<${tag}>\n`);
    for (const c of node.c) writeTree(c, prefixes, indent + '\t', out);
    out.push(`${indent}</${tag}>\n`);
  } else {
    out.push(`${indent}<${tag}>${escapeText(node.t ?? '')}</${tag}>\n`);
  }
  return out;
}

/** XNode (parsed) back to XOut (to write), e.g. to answer with the received content. */
export function toOut(node: XNode): XOut {
  const out: XOut = node.children.length > 0 ? { n: node.name, c: node.children.map(toOut) } : { n: node.name, t: node.text };
  if (node.base) out.b = true;
  return out;
}
