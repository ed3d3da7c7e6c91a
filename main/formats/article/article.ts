// What reading an article gives: the text and what the file says about it.

export type ArticleFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx' | 'epub' | 'paste';

export interface ReadArticle {
  /** The file's own title, or its name without the extension when it states none. */
  title: string;
  author: string | null;
  /** ISO `yyyy-mm-dd`, when the file states a day. */
  date: string | null;
  /** Plain text, no markup: paragraphs with no line breaks inside, one blank line between them. */
  text: string;
  words: number;
  format: ArticleFormat;
}

/** What one format's reader found, before the title falls back and the length is checked. */
export interface ArticleParts {
  title: string | null;
  author: string | null;
  date: string | null;
  paragraphs: string[];
}
