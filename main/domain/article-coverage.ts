// How much of an article its cards cover: the sentences some card quotes, of all its sentences.
import { normaliseWhitespace, paragraphsOf } from './article.ts';

// Intl.Segmenter is ICU's sentence breaking (abbreviations, quotes, decimals), built into Node and
// Chromium: counting sentences needs nothing more, and no model has to load for it.
const SENTENCES = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * V8's sentence segmenter slows with the square of what it is given (one paragraph of 20,000
 * sentences took 16 s), so a long paragraph is segmented a window at a time, each cut after a
 * full stop and a space near this many characters.
 */
const WINDOW = 4000;

/** The article's sentences, paragraph by paragraph, whitespace collapsed. */
export function articleSentences(article: string): string[] {
  return paragraphsOf(article).flatMap((p) => windowsOf(p).flatMap((w) => [...SENTENCES.segment(w)].map((s) => normaliseWhitespace(s.segment)).filter((s) => /\p{L}/u.test(s))));
}

function windowsOf(paragraph: string): string[] {
  const windows: string[] = [];
  let start = 0;
  while (paragraph.length - start > WINDOW) {
    const cut = paragraph.lastIndexOf('. ', start + WINDOW);
    const end = cut > start ? cut + 2 : start + WINDOW;
    windows.push(paragraph.slice(start, end));
    start = end;
  }
  windows.push(paragraph.slice(start));
  return windows;
}

/**
 * A sentence counts as quoted when a quote holds it whole, or it holds a quote (a card may quote
 * part of a sentence, or two sentences together).
 */
export function coverageOf(sentences: readonly string[], quotes: readonly string[]): { quoted: number; sentences: number } {
  const normalised = quotes.map(normaliseWhitespace).filter(Boolean);
  const quoted = sentences.filter((s) => normalised.some((q) => q.includes(s) || s.includes(q))).length;
  return { quoted, sentences: sentences.length };
}
