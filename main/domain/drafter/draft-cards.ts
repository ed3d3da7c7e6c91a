// "Bring any article, get cited draft cards": the article's sentences ranked by how central they
// are, the best turned into questions and clozes, each quoting its sentence verbatim. Pure and
// deterministic; English only.
//
// Cost, measured at 10,000 words once the model has loaded (~0.2 s, on the first call): ~0.15 s
// in all, a third to a half of it the NLP pass and the rest ranking, proposing and selecting.
// `draftCardsStepwise` hands control back every few milliseconds of that work, all of it: the NLP
// pass a slice of paragraphs at a time, then ranking, proposing and selecting in steps of their
// own, so a caller on the main process can let answers go between (an answer should never wait
// more than 50 ms). Only sorting the candidates is one piece (n log n, ~0.2 ms at 10,000 words);
// at book length the total time, not any one step, is what calls for a worker.
import type { DraftOptions, DraftResult } from './draft.ts';
import { demoteInitialCapitals } from './initial-capitals.ts';
import { analyseParagraph } from './nlp.ts';
import { proposeAllDrafts } from './propose.ts';
import { selectDrafts } from './select-drafts.ts';
import { rankSentences } from './sentence-rank.ts';
import type { Sentence } from './sentence.ts';
import { finish, type Steps } from './steps.ts';
import { vocabularyOf } from './vocabulary.ts';

/** The cap from the issue: at most 5 drafts per 100 words, so a reader reviews, not wades. */
export const DRAFTS_PER_100_WORDS = 5;
/** Characters of article analysed between two yields: ~600 words, ~4 ms here (tests/bench/drafter.ts). */
const SLICE_CHARS = 4_000;

export interface DraftProgress {
  /** Reading the article (the NLP pass), then drafting from its sentences (ranking, proposing, selecting). */
  stage: 'reading' | 'drafting';
  /** Characters of the article analysed so far, of `total`. */
  done: number;
  total: number;
}

export function draftLimit(words: number, options: DraftOptions = {}): number {
  const cap = Math.floor((words * DRAFTS_PER_100_WORDS) / 100);
  return options.max === undefined ? cap : Math.max(0, Math.min(cap, Math.floor(options.max)));
}

/** Drafts from sentences already analysed: ranking, proposals and selection, a step at a time. */
function* draftAnalysed(analysed: readonly Sentence[], words: number, options: DraftOptions): Steps<DraftResult> {
  const limit = draftLimit(words, options);
  if (limit === 0 || analysed.length === 0) return { sentences: analysed.length, words, drafts: [] };
  const sentences = yield* demoteInitialCapitals(analysed);
  const ranked = yield* rankSentences(sentences);
  const vocabulary = yield* vocabularyOf(sentences);
  const candidates = yield* proposeAllDrafts(ranked, vocabulary);
  return { sentences: sentences.length, words, drafts: yield* selectDrafts(candidates, limit) };
}

/** Drafts from sentences already analysed, all in one go. */
export function draftFromSentences(analysed: readonly Sentence[], words: number, options: DraftOptions = {}): DraftResult {
  return finish(draftAnalysed(analysed, words, options));
}

/** The same as `draftCards`, yielding its progress every few milliseconds of work. */
export function* draftCardsStepwise(articleText: string, options: DraftOptions = {}): Generator<DraftProgress, DraftResult> {
  const sentences: Sentence[] = [];
  let words = 0;
  let sliceStart = 0;
  // One line is one paragraph, as `main/domain/article.ts` reads the article: a sentence never
  // spans two, so every quote can be highlighted within its paragraph.
  const lines = articleText.split(/\r?\n/);
  let offset = 0;
  for (const [p, line] of lines.entries()) {
    if (line.trim() !== '') {
      const analysed = analyseParagraph(line, p, sentences.length);
      sentences.push(...analysed.sentences);
      words += analysed.words;
    }
    offset += line.length + 1;
    if (offset - sliceStart >= SLICE_CHARS) {
      sliceStart = offset;
      yield { stage: 'reading', done: Math.min(offset, articleText.length), total: articleText.length };
    }
  }
  const drafting = draftAnalysed(sentences, words, options);
  for (;;) {
    const step = drafting.next();
    if (step.done) return step.value;
    yield { stage: 'drafting', done: articleText.length, total: articleText.length };
  }
}

export function draftCards(articleText: string, options: DraftOptions = {}): DraftResult {
  return finish(draftCardsStepwise(articleText, options));
}
