// The text a person reads in a parsed HTML or XHTML tree, as paragraphs. Nothing here runs or
// loads: linkedom builds the tree without a browser (no script engine, no network, no layout), and
// this walk reads only text nodes, so attributes (event handlers, URLs, styles) never reach the
// output. The walk keeps its own stack because saved pages nest deep enough (10,000 divs in the
// hostile corpus) to overflow the call stack of a recursive one.
import { cleanParagraph } from './article-text.ts';

/** The parts of a DOM node this walk reads; linkedom's nodes have them (the project has no DOM lib types). */
export interface DomNode {
  nodeType: number;
  localName?: string;
  data?: string;
  childNodes: ArrayLike<DomNode>;
  hasAttribute?(name: string): boolean;
  getAttribute?(name: string): string | null;
}

const TEXT = 3;
const CDATA = 4;
const ELEMENT = 1;

/**
 * Elements whose content is not article text: code and styles, embedded documents and media,
 * form controls, and the page's head. SVG and MathML go too: their text is labels and formulas
 * without their drawing, and the corpus uses both to smuggle markup.
 */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'svg', 'math', 'canvas', 'img', 'picture', 'video', 'audio', 'source', 'track', 'map',
  'input', 'select', 'textarea', 'button', 'option', 'datalist', 'output',
  'head', 'title', 'meta', 'link', 'base',
]);

/** Elements that start and end a paragraph; everything else flows inline. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

/** Table cells and list terms sit side by side on the page; a space keeps their words apart. */
const SPACED = new Set(['td', 'th']);

const END_OF_BLOCK = Symbol('end of block');

const hidden = (el: DomNode) => el.hasAttribute?.('hidden') === true || el.getAttribute?.('aria-hidden') === 'true';

/** The paragraphs of `root`'s readable text, in document order, empty ones left out. */
export function paragraphsOfDom(root: DomNode, skip: ReadonlySet<string> = SKIPPED): string[] {
  const out: string[] = [];
  let current = '';
  const flush = () => {
    const p = cleanParagraph(current);
    if (p) out.push(p);
    current = '';
  };
  const stack: (DomNode | typeof END_OF_BLOCK)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === END_OF_BLOCK) {
      flush();
      continue;
    }
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      current += node.data ?? '';
      continue;
    }
    const name = node.nodeType === ELEMENT ? (node.localName ?? '').toLowerCase() : '';
    if (name && (skip.has(name) || hidden(node))) continue;
    if (name === 'br') {
      flush();
      continue;
    }
    if (BLOCKS.has(name)) {
      flush();
      stack.push(END_OF_BLOCK);
    } else if (SPACED.has(name)) current += ' ';
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  flush();
  return out;
}

/** How deep the tree nests, counted without recursion. */
export function domDepth(root: DomNode): number {
  let deepest = 0;
  const stack: [DomNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) if (children[i]!.nodeType === ELEMENT) stack.push([children[i]!, depth + 1]);
  }
  return deepest;
}

export { SKIPPED as SKIPPED_ELEMENTS };
