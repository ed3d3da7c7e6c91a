// A Markdown file as an article: markdown-it turns it into HTML (inline HTML included, since that
// is part of what the author wrote), and the same walk as a web page's reads its text, so
// headings, emphasis and links come out as their words, and a script or an image as nothing.
import MarkdownIt from 'markdown-it';
import { isoDate } from './article-date.ts';
import type { ArticleParts } from './article.ts';
import { cleanParagraph } from './article-text.ts';
import { paragraphsOfDom, type DomNode } from './dom-text.ts';
import { readFrontMatter } from './front-matter.ts';
import { parseHtmlDocument } from './html-document.ts';

interface Heading extends DomNode {
  textContent: string | null;
  remove(): void;
}

let markdown: InstanceType<typeof MarkdownIt> | undefined;

export function readMarkdownArticle(text: string): ArticleParts {
  const front = readFrontMatter(text);
  markdown ??= new MarkdownIt({ html: true, linkify: false, typographer: false });
  const document = parseHtmlDocument(`<!doctype html><html><body>${markdown.render(front.body)}</body></html>`);
  const h1 = document.querySelector('h1') as Heading | null;
  const heading = cleanParagraph(h1?.textContent ?? '') || null;
  // The first `# heading` is the title, so it is not also the first paragraph.
  if (h1 && (!front.title || heading === front.title)) h1.remove();
  return {
    title: front.title ?? heading,
    author: front.author,
    date: isoDate(front.date),
    paragraphs: paragraphsOfDom(document.body as DomNode),
  };
}
