// A web page saved from a browser (Ctrl+S, "Web page, HTML only" or "complete"). Readability, the
// library behind Firefox's Reader View, picks the article out of the page and drops navigation,
// ads, comments and sidebars; linkedom gives it a DOM without a browser. Neither runs a script
// nor loads a URL, and only text nodes are read from what Readability keeps, so no markup, handler
// or link survives into the text.
import { Readability } from '@mozilla/readability';
import { isoDate } from './article-date.ts';
import type { ArticleParts } from './article.ts';
import { cleanParagraph } from './article-text.ts';
import { decodeText } from './decode-text.ts';
import { parseHtmlDocument } from './html-document.ts';
import { domDepth, paragraphsOfDom, SKIPPED_ELEMENTS, type DomNode } from './dom-text.ts';

/**
 * Readability walks the tree recursively and overflows the stack on very deep pages (the corpus's
 * 10,000 nested divs). Chromium's HTML parser stops nesting at 512 levels, so no page a browser
 * shows honestly goes deeper; past it the page is read without Readability.
 */
const MAX_READABLE_DEPTH = 512;

/** Without Readability, the page's chrome is left out by its elements' names. */
const PAGE_CHROME = new Set([...SKIPPED_ELEMENTS, 'nav', 'header', 'footer', 'aside', 'form', 'dialog']);

interface PageDocument extends DomNode {
  body: DomNode | null;
  querySelector(selector: string): (DomNode & { textContent: string | null }) | null;
}

/** The encoding a page declares in its first kilobytes, as browsers look for it (HTML §13.2.3.2). */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
}

function meta(doc: PageDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const value = cleanParagraph(el?.getAttribute?.('content') ?? '');
    if (value) return value;
  }
  return null;
}

/** A byline as a name: "By Jane Doe" is Jane Doe; a profile URL or a sentence-long byline is not a name. */
function authorName(byline: string | null | undefined): string | null {
  const name = cleanParagraph(byline ?? '').replace(/^by[:\s]+/i, '');
  return name && name.length <= 100 && !/^https?:/i.test(name) ? name : null;
}

function textOf(doc: PageDocument, selector: string): string | null {
  return cleanParagraph(doc.querySelector(selector)?.textContent ?? '') || null;
}

export function readHtmlArticle(file: string, bytes: Uint8Array): ArticleParts {
  const html = decodeText(file, bytes, declaredCharset(bytes));
  const doc = parseHtmlDocument(html) as unknown as PageDocument;
  // Read before Readability, which takes the page apart as it works.
  const stated = {
    title: meta(doc, 'og:title', 'twitter:title', 'dc.title') ?? textOf(doc, 'title') ?? textOf(doc, 'h1'),
    author: authorName(meta(doc, 'author', 'article:author', 'dc.creator', 'byl', 'parsely-author')),
    date: isoDate(meta(doc, 'article:published_time', 'datePublished', 'date', 'dc.date', 'dc.date.issued', 'citation_publication_date', 'parsely-pub-date')),
  };
  const article = domDepth(doc) <= MAX_READABLE_DEPTH ? new Readability(doc as never, { serializer: (el) => el }).parse() : null;
  const paragraphs = article?.content ? paragraphsOfDom(article.content as unknown as DomNode) : [];
  return {
    title: cleanParagraph(article?.title ?? '') || stated.title,
    author: authorName(article?.byline) ?? stated.author,
    date: isoDate(article?.publishedTime) ?? stated.date,
    paragraphs: paragraphs.length > 0 ? paragraphs : paragraphsOfDom(doc.body ?? doc, PAGE_CHROME),
  };
}
