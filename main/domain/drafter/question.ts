// What the question patterns share: a proposed question with its one answer, and turning a
// clause of the sentence into a question by moving or adding its auxiliary ("Beijing looks to
// Washington" → "does Beijing look to Washington").
import type { DraftKind } from './draft.ts';
import { isContent, isPunct, type Sentence, type Word } from './sentence.ts';

export interface Question {
  front: string;
  back: string;
  kind: DraftKind;
  /** In [0, 1], before the sentence's own score. */
  quality: number;
}

const SUBJECT_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON', 'PART', 'ADP', 'CCONJ', 'ADV']);
const QUANTIFIERS = new Set(['many', 'most', 'some', 'all', 'each', 'several', 'few', 'both', 'any', 'no', 'every', 'such']);

/** The sentence's text from word `from` to word `to` (exclusive), verbatim. */
export const textOf = (s: Sentence, from: number, to: number): string => (to > from ? s.text.slice(s.words[from]!.start, s.words[to - 1]!.end) : '');

/** Word indices of a clause without its leading and trailing punctuation. */
export function trimClause(words: readonly Word[], from: number, to: number): [number, number] {
  while (from < to && (isPunct(words[from]!) || words[from]!.pos === 'CCONJ')) from++;
  while (to > from && isPunct(words[to - 1]!)) to--;
  return [from, to];
}

/** Skips an opening adverbial ("In light of its own experience,", "However,") that has no verb. */
export function skipOpener(words: readonly Word[], from: number, to: number): number {
  for (let k = from; k < Math.min(to, from + 7); k++) {
    const w = words[k]!;
    if (w.pos === 'VERB' || w.pos === 'AUX') return from;
    if (w.text === ',') return k + 1;
  }
  return from;
}

/** Lower-cases the first letter of a subject that opened the sentence, unless it is a name or an acronym. */
export function subjectText(s: Sentence, from: number, to: number): string {
  const text = textOf(s, from, to);
  const first = s.words[from]!;
  if (first.pos === 'PROPN' || first.text === 'I' || /^[A-Z]{2,}/.test(first.text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The subject before the first verb, if it reads as one (a noun phrase of at most ten words). */
export function subjectBefore(s: Sentence, from: number, to: number): { verb: number; subject: [number, number] } | null {
  const { words } = s;
  let v = from;
  while (v < to && words[v]!.pos !== 'VERB' && words[v]!.pos !== 'AUX') v++;
  if (v === from || v >= to || v - from > 10) return null;
  const subject = words.slice(from, v);
  if (!subject.every((w) => SUBJECT_POS.has(w.pos))) return null;
  if (!subject.some((w) => w.pos === 'NOUN' || w.pos === 'PROPN' || w.pos === 'PRON')) return null;
  if (subject.some((w) => w.text === ',' || w.lemma === 'which' || w.lemma === 'who' || w.lemma === 'that')) return null;
  return { verb: v, subject: [from, v] };
}

export const startsWithQuantifier = (words: readonly Word[], from: number): boolean => QUANTIFIERS.has(words[from]!.text.toLowerCase());

/** The auxiliary a question needs for a verb without one: "looks" → does, "looked" → did, "look" → do. */
function doSupport(verb: Word): string {
  const text = verb.text.toLowerCase();
  if (text === verb.lemma) return 'do';
  if (text.endsWith('s') && !text.endsWith('ss')) return 'does';
  return 'did';
}

/**
 * "Why" put to a clause: "Beijing looks to Washington when …" → "Why does Beijing look to
 * Washington when …?"; "it is important for …" → "Why is it important for …?". Null when the
 * clause has no subject that reads cleanly on its own (a bare "he", "they", "this").
 */
/**
 * "Why is it that …?" around a whole clause: grammatical whatever the clause, for when the
 * tagger's parts of speech do not show its subject and verb ("Leaves/VERB look/VERB green").
 */
export function whyIsItThat(s: Sentence, clauseFrom: number, clauseTo: number): string | null {
  const [from, to] = trimClause(s.words, skipOpener(s.words, clauseFrom, clauseTo), clauseTo);
  if (to - from < 3 || s.words.slice(from, to).filter(isContent).length < 2) return null;
  return `Why is it that ${subjectText(s, from, to)}?`;
}

export function whyQuestion(s: Sentence, clauseFrom: number, clauseTo: number): string | null {
  const [from, to] = trimClause(s.words, skipOpener(s.words, clauseFrom, clauseTo), clauseTo);
  const found = subjectBefore(s, from, to);
  if (!found) return null;
  const { verb, subject } = found;
  const subjectWords = s.words.slice(subject[0], subject[1]);
  const verbWord = s.words[verb]!;
  const onlyPronoun = subjectWords.length === 1 && (subjectWords[0]!.pos === 'PRON' || subjectWords[0]!.pos === 'DET');
  // "It is important to …" reads as a question; "It wants …" does not say what "it" is.
  if (onlyPronoun && !(subjectWords[0]!.lemma === 'it' && verbWord.pos === 'AUX')) return null;
  const who = subjectText(s, subject[0], subject[1]);
  const rest = textOf(s, verb + 1, to);
  if (verbWord.pos === 'AUX') return `Why ${verbWord.text.toLowerCase()} ${who}${rest ? ` ${rest}` : ''}?`;
  return `Why ${doSupport(verbWord)} ${who} ${verbWord.lemma}${rest ? ` ${rest}` : ''}?`;
}

/** A clause as a card's answer: its first letter capitalised, its closing punctuation dropped. */
export function asAnswer(text: string): string {
  const t = text.trim().replace(/[\s,;:.]+$/u, '');
  return t.charAt(0).toUpperCase() + t.slice(1);
}
