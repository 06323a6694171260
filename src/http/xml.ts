// A reader for the XML that AWS query APIs answer (STS): elements, attributes (read and ignored), text,
// the five predefined entities and character references, comments and CDATA. Nothing else: a DOCTYPE (and
// with it any entity definition), a processing instruction after the declaration, an unknown entity,
// a mismatched tag or content after the root element make the document unreadable, never half-read.

export interface XmlElement {
  /** The local name, without any namespace prefix. */
  name: string;
  children: XmlElement[];
  /** The element's own text (CDATA included), entities decoded; children's text is theirs. */
  text: string;
}

/** Why a document was refused; the caller turns it into its own error, naming the service. */
export class XmlError extends Error {
  override readonly name = 'XmlError';
}

const NAME = /[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/y;
const ATTRIBUTE = /\s+[A-Za-z_][\w.:-]*\s*=\s*("[^"<]*"|'[^'<]*')/y;
const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const MAX_DEPTH = 32;

/**
 * The root element of `text`, or an XmlError saying what was not understood.
 *
 * @example parseXml('<A><B>x &amp; y</B></A>').children[0]?.text // "x & y"
 */
export function parseXml(text: string): XmlElement {
  const reader = new Reader(text.replace(/^\uFEFF/, ''));
  reader.skipProlog();
  const root = reader.element(0);
  reader.skipMisc();
  if (!reader.done()) throw new XmlError('content after the root element');
  return root;
}

/** The first child of `element` with this local name, following each name in turn. */
export function childAt(element: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let at = element;
  for (const name of names) at = at?.children.find((child) => child.name === name);
  return at;
}

class Reader {
  #at = 0;

  constructor(private readonly text: string) {}

  done(): boolean {
    return this.#at >= this.text.length;
  }

  skipProlog(): void {
    if (this.text.startsWith('<?xml', this.#at)) this.#skipPast('?>', 'an unterminated XML declaration');
    this.skipMisc();
    if (this.text.startsWith('<!DOCTYPE', this.#at)) throw new XmlError('a DOCTYPE, which AWS never sends');
  }

  /** Whitespace and comments between elements. */
  skipMisc(): void {
    for (;;) {
      while (/\s/.test(this.text[this.#at] ?? '')) this.#at++;
      if (!this.text.startsWith('<!--', this.#at)) return;
      this.#skipPast('-->', 'an unterminated comment');
    }
  }

  element(depth: number): XmlElement {
    if (depth > MAX_DEPTH) throw new XmlError(`elements nested deeper than ${MAX_DEPTH}`);
    if (this.text[this.#at] !== '<') throw new XmlError('text where an element was expected');
    this.#at++;
    const qualified = this.#name();
    while (this.#match(ATTRIBUTE) !== undefined);
    while (/\s/.test(this.text[this.#at] ?? '')) this.#at++;
    const element: XmlElement = { name: qualified.replace(/^[^:]*:/, ''), children: [], text: '' };
    if (this.text.startsWith('/>', this.#at)) {
      this.#at += 2;
      return element;
    }
    if (this.text[this.#at] !== '>') throw new XmlError(`a malformed start tag <${qualified}>`);
    this.#at++;
    this.#content(element, depth);
    if (this.#name() !== qualified) throw new XmlError(`</…> does not close <${qualified}>`);
    while (/\s/.test(this.text[this.#at] ?? '')) this.#at++;
    if (this.text[this.#at] !== '>') throw new XmlError(`a malformed end tag </${qualified}>`);
    this.#at++;
    return element;
  }

  /** Text, CDATA, comments and child elements, up to and including the `</` of the end tag. */
  #content(element: XmlElement, depth: number): void {
    for (;;) {
      const next = this.text.indexOf('<', this.#at);
      if (next < 0) throw new XmlError(`<${element.name}> is never closed`);
      element.text += decode(this.text.slice(this.#at, next));
      this.#at = next;
      if (this.text.startsWith('</', this.#at)) {
        this.#at += 2;
        return;
      }
      if (this.text.startsWith('<![CDATA[', this.#at)) {
        const end = this.text.indexOf(']]>', this.#at);
        if (end < 0) throw new XmlError('an unterminated CDATA section');
        element.text += this.text.slice(this.#at + 9, end);
        this.#at = end + 3;
      } else if (this.text.startsWith('<!--', this.#at)) {
        this.#skipPast('-->', 'an unterminated comment');
      } else if (this.text.startsWith('<?', this.#at) || this.text.startsWith('<!', this.#at)) {
        throw new XmlError('a processing instruction or declaration inside the document');
      } else {
        element.children.push(this.element(depth + 1));
      }
    }
  }

  #name(): string {
    const name = this.#match(NAME);
    if (name === undefined) throw new XmlError('a tag without a valid name');
    return name;
  }

  #match(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.#at;
    const found = pattern.exec(this.text);
    if (found === null) return undefined;
    this.#at = pattern.lastIndex;
    return found[0];
  }

  #skipPast(end: string, problem: string): void {
    const at = this.text.indexOf(end, this.#at);
    if (at < 0) throw new XmlError(problem);
    this.#at = at + end.length;
  }
}

function decode(text: string): string {
  return text.replace(/&([^;&\s]{0,10});?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new XmlError('a bare & in text');
    const named = ENTITIES[name];
    if (named !== undefined) return named;
    const code = /^#x([0-9a-f]{1,6})$/i.exec(name)?.[1] ?? /^#(\d{1,7})$/.exec(name)?.[1];
    const point = code === undefined ? Number.NaN : Number.parseInt(code, name.startsWith('#x') || name.startsWith('#X') ? 16 : 10);
    if (!Number.isInteger(point) || point < 1 || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) {
      throw new XmlError('an entity that is neither predefined nor a character reference');
    }
    return String.fromCodePoint(point);
  });
}
