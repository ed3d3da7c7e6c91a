// A draft before selection: what it asks and answers, normalised, so that no two drafts ask the
// same thing.
import type { Draft } from './draft.ts';

export interface Candidate {
  draft: Draft;
  sentence: number;
  /** The answer, normalised: no two drafts share one. */
  answerKey: string;
  /** The question (or cloze), normalised. */
  questionKey: string;
}

const LEADING_ARTICLE = /^(the|a|an)\s+/u;

/** Lower case, no punctuation, no leading article, single spaces: "The  U.S.’s" and "the US's" meet. */
export function normaliseAnswer(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[’‘`]/gu, "'")
    .replace(/[^\p{L}\p{N}'\s-]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(LEADING_ARTICLE, '');
}
