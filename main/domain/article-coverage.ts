// How much of an article its cards cover: the sentences some card quotes, of all its sentences.
import { normaliseWhitespace, paragraphsOf } from './article.ts';

// Intl.Segmenter is ICU's sentence breaking (abbreviations, quotes, decimals), built into Node and
// Chromium: counting sentences needs nothing more, and no model has to load for it.
const SENTENCES = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The article's sentences, paragraph by paragraph, whitespace collapsed. */
export function articleSentences(article: string): string[] {
  return paragraphsOf(article).flatMap((p) => [...SENTENCES.segment(p)].map((s) => normaliseWhitespace(s.segment)).filter((s) => /\p{L}/u.test(s)));
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
