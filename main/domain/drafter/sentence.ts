// An article's sentences as the drafter reads them: each word with what the NLP pass said of it,
// and its place inside the sentence's verbatim text, so drafts cut answers out of the quote itself.

export interface Word {
  /** Verbatim; a hyphenated compound ("Kim Jong-un"'s "Jong-un", "state-owned") is one word. */
  text: string;
  /** Offsets into the sentence's text. */
  start: number;
  end: number;
  /** Universal part of speech (NOUN, PROPN, VERB, AUX, PUNCT, …). */
  pos: string;
  /** Lower-case lemma. */
  lemma: string;
  /** Porter stem of the lower-cased word: what sentences are compared on. */
  stem: string;
  stop: boolean;
  /** The entity the word belongs to (DATE, CARDINAL, MONEY, PERCENT, …), or null. */
  entity: string | null;
  /** Index of that entity within the sentence, so adjacent entities of one type stay apart. */
  entityId: number;
}

export interface Sentence {
  /** Position in the article, from 0. */
  index: number;
  paragraph: number;
  firstInParagraph: boolean;
  /** Verbatim: a slice of the article, trimmed. */
  text: string;
  words: Word[];
}

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM']);

export const isContent = (w: Word): boolean => CONTENT_POS.has(w.pos) && !w.stop && /\p{L}|\p{N}/u.test(w.text);

export const isPunct = (w: Word): boolean => w.pos === 'PUNCT' || w.pos === 'SYM';
