// The XML inside .docx and .epub files (core properties, the EPUB container and package), read
// with linkedom's XML parser. It does not expand DTD entities, so a "billion laughs" file stays
// small, and it never loads an external DTD.
import { DOMParser } from 'linkedom';
import { cleanParagraph } from './article-text.ts';

export interface XmlElement {
  /** Without its namespace prefix: `title` for `<dc:title>`. */
  name: string;
  text: string;
  attribute(name: string): string | null;
}

interface LinkedomElement {
  localName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
}

/** Every element of the document, in document order. */
export function xmlElements(xml: string): XmlElement[] {
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as { querySelectorAll(s: string): Iterable<LinkedomElement> };
  return [...doc.querySelectorAll('*')].map((el) => ({
    name: el.localName.replace(/^.*:/, ''),
    text: cleanParagraph(el.textContent ?? ''),
    attribute: (name: string) => el.getAttribute(name),
  }));
}

/** The text of the first element named `name` that has any. */
export function firstText(elements: readonly XmlElement[], name: string): string | null {
  return elements.find((el) => el.name === name && el.text)?.text ?? null;
}
