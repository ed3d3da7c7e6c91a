// Reading an article a person brings, from a file or the clipboard, into plain text with its
// title, author and date. The file's extension picks the reader; each reader checks the bytes are
// what the extension says. Every refusal is an ArticleError naming the file with what to do, and
// nothing is fetched, run or written: the readers are pure, bytes in and text out. The readers
// that need a large library load it on first use, so the app starts without them.
import path from 'node:path';
import { ArticleError } from './article-error.ts';
import { ARTICLE_LIMITS } from './article-limits.ts';
import type { ArticleFormat, ArticleParts, ReadArticle } from './article.ts';
import { cleanParagraph, countWords, joinParagraphs } from './article-text.ts';
import { decodeText } from './decode-text.ts';
import { readPlainText } from './plain-text.ts';

export type { ArticleFormat, ReadArticle } from './article.ts';
export { ArticleError } from './article-error.ts';
export { ARTICLE_LIMITS } from './article-limits.ts';
export { isLikelyEnglish } from './english.ts';

/** The extensions read, each with its format, in the order the refusal of another lists them. */
export const ARTICLE_EXTENSIONS: Readonly<Record<string, Exclude<ArticleFormat, 'paste'>>> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.epub': 'epub',
};

export const OFFLINE_LINK_MESSAGE = 'Deckhand works offline: save the page from your browser (Ctrl+S) and open the file';

const MB = 1024 * 1024;

/** A paste without a title is named by its first words, as many as a deck list shows at a glance. */
const PASTE_TITLE_WORDS = 9;

function readParts(file: string, format: Exclude<ArticleFormat, 'paste'>, bytes: Uint8Array): Promise<ArticleParts> | ArticleParts {
  switch (format) {
    case 'txt':
      return readPlainText(decodeText(file, bytes));
    case 'md':
      return import('./markdown-article.ts').then((m) => m.readMarkdownArticle(decodeText(file, bytes)));
    case 'html':
      return import('./html-article.ts').then((m) => m.readHtmlArticle(file, bytes));
    case 'pdf':
      return import('./pdf-article.ts').then((m) => m.readPdfArticle(file, bytes));
    case 'docx':
      return import('./docx-article.ts').then((m) => m.readDocxArticle(file, bytes));
    case 'epub':
      return import('./epub-article.ts').then((m) => m.readEpubArticle(file, bytes));
  }
}

/** The parts as the article: the fallback title, the title's repeat dropped from the text, the length checked. */
function finish(source: string, parts: ArticleParts, format: ArticleFormat, fallbackTitle: string): ReadArticle {
  const stated = cleanParagraph(parts.title ?? '');
  const title = stated || fallbackTitle;
  const repeatsTitle = stated !== '' && cleanParagraph(parts.paragraphs[0] ?? '').toLowerCase() === stated.toLowerCase();
  const paragraphs = repeatsTitle ? parts.paragraphs.slice(1) : parts.paragraphs;
  const text = joinParagraphs(paragraphs);
  const words = countWords(text);
  if (words < ARTICLE_LIMITS.minWords) {
    const found = words === 0 ? 'it has no text' : `it has ${words} word${words === 1 ? '' : 's'}`;
    throw new ArticleError(source, `${found}, too short to be an article (at least ${ARTICLE_LIMITS.minWords} words are needed)`);
  }
  return { title, author: cleanParagraph(parts.author ?? '') || null, date: parts.date, text, words, format };
}

/** Reads an article file; `name` is the file's name or path, used for its format and in messages. */
export async function readArticleFile(name: string, bytes: Uint8Array): Promise<ReadArticle> {
  const file = path.basename(name);
  const ext = path.extname(file).toLowerCase();
  const format = ARTICLE_EXTENSIONS[ext];
  if (format === undefined) {
    const known = Object.keys(ARTICLE_EXTENSIONS);
    throw new ArticleError(file, `Deckhand cannot read this kind of file as an article; it reads ${known.slice(0, -1).join(', ')} and ${known.at(-1)} files`);
  }
  if (bytes.length > ARTICLE_LIMITS.maxFileBytes) {
    throw new ArticleError(file, `it is ${Math.round(bytes.length / MB)} MB, and articles over ${ARTICLE_LIMITS.maxFileBytes / MB} MB are not read; save a part of it as its own file`);
  }
  if (bytes.length === 0) throw new ArticleError(file, 'the file is empty');
  const parts = await readParts(file, format, bytes);
  return finish(file, parts, format, path.basename(file, path.extname(file)));
}

/** Reads text pasted into the app; `title`, when given, is the article's title. */
export function readPastedArticle(text: string, title?: string): ReadArticle {
  if (/^\s*https?:\/\/\S+\s*$/i.test(text)) throw new ArticleError(null, OFFLINE_LINK_MESSAGE);
  if (text.length > ARTICLE_LIMITS.maxFileBytes) {
    throw new ArticleError('pasted text', `it is over ${ARTICLE_LIMITS.maxFileBytes / MB} MB, more than an article may be; paste a part of it`);
  }
  const parts = readPlainText(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const given = cleanParagraph(title ?? '');
  // A heading line the text opens with stays in it when the title given is another.
  const paragraphs = given && parts.title && parts.title !== given ? [parts.title, ...parts.paragraphs] : parts.paragraphs;
  const words = paragraphs[0]?.split(' ') ?? [];
  const fallback = words.length === 0 ? 'Pasted text' : words.length > PASTE_TITLE_WORDS ? `${words.slice(0, PASTE_TITLE_WORDS).join(' ')}…` : words.join(' ');
  return finish('pasted text', { ...parts, title: given || parts.title, paragraphs }, 'paste', fallback);
}
