// An HTML string as a linkedom document, mended where linkedom's parser (htmlparser2) builds a
// different tree than a browser's would, so that what is read is what a person saw.
import { parseHTML } from 'linkedom';

/**
 * A browser with scripts on (Firefox's Reader View reads such a page) takes everything after
 * `<noscript>` up to the first `</noscript>` as raw text and never shows it; htmlparser2 parses it
 * as markup, so an end tag hidden in an attribute (`<noscript><p title="</noscript>…">`, a
 * mutation-XSS trick) leaves the element open and swallows the rest of the article. Dropping that
 * span as the browser's tokenizer delimits it gives the browser's tree.
 */
const RAW_TEXT_WHEN_SCRIPTING = /<(noscript|noembed|noframes)\b[^>]*>[\s\S]*?(?:<\/\1[\s/>]|$)/gi;

/**
 * linkedom builds the tree as written, without the HTML parser's implied elements: a page without
 * a `<body>` tag (a fragment, or a hand-written page) would get its head and body nested inside
 * its first element. Such a page is given the two, as a browser would.
 */
function withBody(html: string): string {
  if (/<body[\s>]/i.test(html)) return html;
  const headEnd = /<\/head\s*>/i.exec(html);
  const head = headEnd ? html.slice(0, headEnd.index).replace(/^[\s\S]*?<head[^>]*>/i, '') : '';
  const body = (headEnd ? html.slice(headEnd.index + headEnd[0].length) : html).replace(/<!doctype[^>]*>|<\/?html[^>]*>/gi, '');
  return `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
}

export function parseHtmlDocument(html: string) {
  return parseHTML(withBody(html.replace(RAW_TEXT_WHEN_SCRIPTING, ''))).document;
}
