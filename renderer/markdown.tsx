// Card text is Markdown with raw HTML off, and the output still goes through DOMPurify: a deck
// is untrusted input and nothing in it may run script or load anything.
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';
import { useLayoutEffect, useRef } from 'preact/hooks';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

const PURIFY = {
  RETURN_DOM_FRAGMENT: true as const,
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe', 'object', 'embed', 'base', 'meta', 'link', 'svg', 'math'],
  FORBID_ATTR: ['style', 'srcset', 'name', 'id', 'formaction', 'xlink:href'],
  ALLOW_DATA_ATTR: false,
};

const EXTERNAL_LINK = /^https?:\/\//i;

// Links open outside the app or not at all: a new window is what the Electron shell intercepts (it
// asks before handing an http(s) link to the browser), and the window itself never navigates.
// Media load only from the collection's own folder (media/<name>), so a card cannot make a request
// anywhere else, even one the CSP would block.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href') ?? '';
    if (EXTERNAL_LINK.test(href)) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    } else node.removeAttribute('href');
  }
  for (const attribute of ['src', 'poster']) {
    const value = node.getAttribute(attribute);
    if (value !== null && !/^media\/[^/?#\\]+$/.test(value)) node.removeAttribute(attribute);
  }
});

// markdown-it silently drops whatever sits deeper than its nesting limit (100), so a card of 300
// nested quotes would show nothing. Quote markers past a readable depth are kept as text instead.
const MAX_QUOTE_DEPTH = 8;
const DEEP_QUOTE = new RegExp(`^((?: {0,3}>[ \\t]?){${MAX_QUOTE_DEPTH}})((?: {0,3}>[ \\t]?)+)`, 'gm');
const boundQuoteDepth = (source: string) => source.replace(DEEP_QUOTE, (_all, kept: string, rest: string) => kept + rest.replace(/>/g, '\\>'));

export function renderMarkdown(source: string, inline = false): DocumentFragment {
  const bounded = boundQuoteDepth(source);
  const html = inline ? md.renderInline(bounded) : md.render(bounded);
  return DOMPurify.sanitize(html, PURIFY);
}

interface Props {
  source: string;
  inline?: boolean;
  class?: string;
}

/** Renders sanitised Markdown; only an http(s) link does anything when clicked, and never in this window. */
export function Markdown({ source, inline = false, class: className }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el) el.replaceChildren(renderMarkdown(source, inline));
  }, [source, inline]);
  const Tag = inline ? 'span' : 'div';
  return <Tag ref={ref as never} class={className} onClick={onLinkClick} />;
}

function onLinkClick(event: MouseEvent): void {
  const link = (event.target as Element).closest('a');
  if (link && !(link.getAttribute('target') === '_blank' && EXTERNAL_LINK.test(link.getAttribute('href') ?? ''))) event.preventDefault();
}
