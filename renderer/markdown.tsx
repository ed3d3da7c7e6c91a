// Card text is Markdown with raw HTML off, and the output still goes through DOMPurify: a deck
// is untrusted input and nothing in it may run script or load anything.
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';
import { useLayoutEffect, useRef } from 'preact/hooks';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

const PURIFY = {
  RETURN_DOM_FRAGMENT: true as const,
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe', 'object', 'embed'],
  FORBID_ATTR: ['style', 'srcset'],
  ALLOW_DATA_ATTR: false,
};

export function renderMarkdown(source: string, inline = false): DocumentFragment {
  const html = inline ? md.renderInline(source) : md.render(source);
  return DOMPurify.sanitize(html, PURIFY);
}

interface Props {
  source: string;
  inline?: boolean;
  class?: string;
}

/** Renders sanitised Markdown; links inside cards do not navigate the app away. */
export function Markdown({ source, inline = false, class: className }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el) el.replaceChildren(renderMarkdown(source, inline));
  }, [source, inline]);
  const Tag = inline ? 'span' : 'div';
  return <Tag ref={ref as never} class={className} onClick={(e) => (e.target as Element).closest('a') && e.preventDefault()} />;
}
