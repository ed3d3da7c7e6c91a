// What in a sentence a learner should recall: a number or a date, a name, or a key term. Never a
// pronoun, a determiner or a stop word, and one to six words, so one card asks one thing.
import { isContent, isPunct, type Sentence, type Word } from './sentence.ts';
import { commonness, type Vocabulary } from './vocabulary.ts';

export type AnswerKind = 'number' | 'date' | 'name' | 'term';

export interface ClozeAnswer {
  /** Word indices, end exclusive. */
  from: number;
  to: number;
  kind: AnswerKind;
  /** In [0, 1]: how worth recalling, before the sentence's own score. */
  quality: number;
}

const MAX_WORDS = 6;
const DATE_ENTITIES = new Set(['DATE', 'TIME', 'DURATION']);
const NUMBER_ENTITIES = new Set(['CARDINAL', 'MONEY', 'PERCENT', 'ORDINAL']);
// A relative date ("this year", "last week") means nothing once the card leaves the article.
const DEICTIC = new Set(['this', 'that', 'these', 'those', 'last', 'next', 'today', 'yesterday', 'tomorrow', 'now', 'recent', 'recently', 'current']);
// Nouns so general that a blank in their place is filled by grammar alone.
const GENERIC_NOUNS = new Set(['thing', 'things', 'way', 'ways', 'time', 'times', 'part', 'fact', 'lot', 'kind', 'sort', 'type', 'number', 'case', 'example', 'point', 'people', 'one', 'something', 'anything', 'everything', 'nothing', 'someone', 'situation', 'issue', 'aspect', 'term', 'manner', 'moment', 'place', 'area', 'side', 'end', 'use', 'result', 'idea']);
// Words that may join two parts of one name ("Embassy of Japan"); not "and", which makes two names of one answer.
const NAME_JOINERS = new Set(['of', 'for', 'the', 'de', 'von', 'van', 'la', 'du']);
const TERM_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);

function entityAnswers(words: readonly Word[]): ClozeAnswer[] {
  const found: ClozeAnswer[] = [];
  for (let i = 0; i < words.length; ) {
    const w = words[i]!;
    if (!w.entity) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < words.length && words[j]!.entityId === w.entityId) j++;
    const [start, end] = [i, j];
    // "about 1,000": the hedge is not part of the number to recall.
    while (i < j - 1 && words[i]!.stop) i++;
    while (j > i + 1 && words[j - 1]!.stop) j--;
    const span = words.slice(i, j);
    // "(1)", "(2)": the markers of an enumeration, not numbers to learn.
    const enumerator = words[i - 1]?.text === '(' && words[j]?.text === ')' && /^\d$/.test(w.text);
    const ordinalWord = w.entity === 'ORDINAL' && !/\d/.test(w.text);
    const deictic = words.slice(start, end).some((x) => DEICTIC.has(x.text.toLowerCase()));
    if (!enumerator && !ordinalWord && !deictic && span.length <= MAX_WORDS) {
      if (DATE_ENTITIES.has(w.entity)) found.push({ from: i, to: j, kind: 'date', quality: 1 });
      else if (NUMBER_ENTITIES.has(w.entity)) found.push({ from: i, to: j, kind: 'number', quality: w.entity === 'ORDINAL' ? 0.8 : /\d/.test(span.map((x) => x.text).join('')) ? 0.95 : 0.7 });
    }
    i = end;
  }
  return found;
}

// A capitalised word inside a sentence is part of a name even where the tagger saw an adverb or
// an adjective ("Northeast Asia").
const isNamePart = (words: readonly Word[], k: number): boolean => {
  const w = words[k]!;
  if (w.entity) return false;
  if (w.pos === 'PROPN') return true;
  return k > 0 && !w.stop && /^\p{Lu}/u.test(w.text) && ['ADJ', 'ADV', 'NOUN'].includes(w.pos) && !isPunct(words[k - 1]!);
};

function nameAnswers(words: readonly Word[], vocabulary: Vocabulary): ClozeAnswer[] {
  const found: ClozeAnswer[] = [];
  for (let i = 0; i < words.length; ) {
    if (!isNamePart(words, i) || (words[i]!.pos !== 'PROPN' && !words.slice(i + 1, i + 3).some((w) => w.pos === 'PROPN'))) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      if (j < words.length && isNamePart(words, j)) j++;
      else if (j + 1 < words.length && NAME_JOINERS.has(words[j]!.text) && words[j + 1]!.pos === 'PROPN' && !words[j + 1]!.entity) j += 2;
      else break;
    }
    // A name that modifies a noun ("Chinese actions", "the Japanese government") is half a
    // term; the term itself is proposed too and asks better.
    const modifier = words[j]?.pos === 'NOUN' ? 0.4 : 1;
    if (j - i <= MAX_WORDS) found.push({ from: i, to: j, kind: 'name', quality: 0.9 * modifier * (1 - commonness(words.slice(i, j), vocabulary)) });
    i = j;
  }
  return found;
}

function termAnswers(words: readonly Word[], vocabulary: Vocabulary): ClozeAnswer[] {
  const found: ClozeAnswer[] = [];
  for (let i = 0; i < words.length; ) {
    if (!TERM_POS.has(words[i]!.pos) || words[i]!.stop || words[i]!.entity) {
      i++;
      continue;
    }
    let j = i;
    // A name after a common noun starts something else ("leader Kim Jong-un").
    while (j < words.length && TERM_POS.has(words[j]!.pos) && !words[j]!.stop && !words[j]!.entity && !(j > i && words[j]!.pos === 'PROPN' && words[j - 1]!.pos !== 'PROPN')) j++;
    // A term ends in its head noun: "geographical proximity", not "geographical".
    let end = j;
    while (end > i && words[end - 1]!.pos !== 'NOUN') end--;
    const span = words.slice(i, end);
    const allNames = span.every((w) => w.pos === 'PROPN');
    const generic = span.length === 1 && GENERIC_NOUNS.has(span[0]!.lemma);
    if (span.length > 0 && span.length <= MAX_WORDS && !allNames && !generic) {
      const size = Math.min(span.length - 1, 2);
      found.push({ from: i, to: end, kind: 'term', quality: (0.55 + 0.12 * size) * (1 - 0.8 * commonness(span, vocabulary)) });
    }
    i = Math.max(j, i + 1);
  }
  return found;
}

/** What a claim says its subject is: "experts are {{cynical}} about …", "China is {{eager}} to …". */
function predicateAdjectives(words: readonly Word[]): ClozeAnswer[] {
  const found: ClozeAnswer[] = [];
  words.forEach((w, k) => {
    if (w.lemma !== 'be') return;
    let a = k + 1;
    if (words[a]?.pos === 'ADV') a++;
    const adjective = words[a];
    if (adjective?.pos === 'ADJ' && !adjective.stop && !adjective.entity && words[a + 1]?.pos !== 'NOUN' && words[a + 1]?.pos !== 'ADJ') found.push({ from: a, to: a + 1, kind: 'term', quality: 0.5 });
  });
  return found;
}

/** Too much of the sentence, or said again elsewhere in it: the blank would answer itself or leave nothing to go on. */
function isFair(sentence: Sentence, a: ClozeAnswer): boolean {
  const span = sentence.words.slice(a.from, a.to);
  if (!span.some((w) => /[\p{L}\p{N}]/u.test(w.text)) || span.every((w) => w.stop)) return false;
  const answer = sentence.text.slice(span[0]!.start, span.at(-1)!.end);
  // Whole words only: the tokenizer splits "2d" into "2" and "d", and "{{c1::2}}d" asks nothing.
  const glued = /[\p{L}\p{N}]/u;
  if (glued.test(sentence.text.charAt(span[0]!.start - 1)) || glued.test(sentence.text.charAt(span.at(-1)!.end))) return false;
  if (answer.includes('}}') || answer.includes('::')) return false;
  const rest = sentence.text.slice(0, span[0]!.start) + ' ' + sentence.text.slice(span.at(-1)!.end);
  if (rest.toLowerCase().includes(answer.toLowerCase())) return false;
  const words = sentence.words.filter((w) => !isPunct(w)).length;
  return a.to - a.from <= Math.max(1, Math.floor(words * 0.5)) && sentence.words.some((w, k) => (k < a.from || k >= a.to) && isContent(w));
}

/** The sentence's answers worth a cloze, best first. */
export function clozeAnswers(sentence: Sentence, vocabulary: Vocabulary): ClozeAnswer[] {
  const { words } = sentence;
  const all = [...entityAnswers(words), ...nameAnswers(words, vocabulary), ...termAnswers(words, vocabulary), ...predicateAdjectives(words)];
  return all.filter((a) => a.quality > 0.05 && isFair(sentence, a)).sort((x, y) => y.quality - x.quality || x.from - y.from);
}

/** The answer's text, verbatim from the sentence. */
export const answerText = (sentence: Sentence, a: { from: number; to: number }): string => sentence.text.slice(sentence.words[a.from]!.start, sentence.words[a.to - 1]!.end);
