// The first word of a sentence is capitalised whatever it is, and the tagger often calls it a
// name ("Photosynthesis is…", "Researchers hope…"). It is taken for a common word, not to be
// clozed as a name nor to keep its capital inside a question, when the article also writes it in
// lower case, or when it is an English word that the article never capitalises mid-sentence
// ("China" and "Washington" are, so they stay names). A name met only at the start of sentences
// that is also an English word ("Rose") is the price of the second rule.
import { isEnglishWord } from './nlp.ts';
import type { Sentence } from './sentence.ts';
import { StepBudget, type Steps } from './steps.ts';

/** Words looked at between two pauses: a few milliseconds here (tests/bench/drafter.ts). */
const WORDS_PER_STEP = 5_000;

export function* demoteInitialCapitals(sentences: readonly Sentence[]): Steps<Sentence[]> {
  const budget = new StepBudget(WORDS_PER_STEP);
  const lower = new Set<string>();
  const capitalisedInside = new Set<string>();
  for (const s of sentences) {
    s.words.forEach((w, k) => {
      if (/^\p{Ll}/u.test(w.text)) lower.add(w.text);
      else if (k > 0 && /^\p{Lu}/u.test(w.text)) capitalisedInside.add(w.text);
    });
    if (budget.add(s.words.length)) yield;
  }
  const demoted: Sentence[] = [];
  for (const s of sentences) {
    demoted.push(demoteFirstWord(s, lower, capitalisedInside));
    if (budget.add(s.words.length)) yield;
  }
  return demoted;
}

function demoteFirstWord(s: Sentence, lower: ReadonlySet<string>, capitalisedInside: ReadonlySet<string>): Sentence {
  const [first, ...rest] = s.words;
  if (first?.pos !== 'PROPN' || rest[0]?.pos === 'PROPN') return s;
  const common = lower.has(first.text.toLowerCase()) || (!capitalisedInside.has(first.text) && isEnglishWord(first.text.toLowerCase()));
  return common ? { ...s, words: [{ ...first, pos: 'NOUN' }, ...rest] } : s;
}
