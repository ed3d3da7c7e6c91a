// The one NLP pass: wink-nlp's English model finds sentences, parts of speech, lemmas, stems and
// entities (dates, numbers, money, percentages). The model takes ~75 ms to load, so it loads on
// the first draft, not when the module is imported.
import winkNLP, { type Document, type ItsFunction, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Sentence, Word } from './sentence.ts';

let nlp: WinkMethods | null = null;
const engine = (): WinkMethods => (nlp ??= winkNLP(model));

let lexicon: Document | null = null;

/** In the model's English vocabulary (which holds common names too: "china", "washington"). */
export const isEnglishWord = (word: string): boolean => (lexicon ??= engine().readDoc('')).isLexeme(word) !== null;

/** Token types that are words a reader counts (wink also types punctuation, spaces, emoji…). */
const COUNTED = new Set(['word', 'number', 'ordinal', 'time', 'currency', 'hashtag', 'email', 'url', 'mention']);

export interface AnalysedParagraph {
  sentences: Sentence[];
  words: number;
}

interface RawTokens {
  value: string[];
  spaces: string[];
  pos: string[];
  lemma: string[];
  stem: string[];
  stop: boolean[];
  type: string[];
  entity: (string | null)[];
  entityId: number[];
}

function readTokens(paragraph: string): { tokens: RawTokens; spans: [number, number][] } {
  const { its, readDoc } = engine();
  const doc = readDoc(paragraph);
  const all = doc.tokens();
  const value = all.out(its.value) as string[];
  const entity: (string | null)[] = value.map(() => null);
  const entityId: number[] = value.map(() => -1);
  const entities = doc.entities();
  const kinds = entities.out(its.type) as string[];
  (entities.out(its.span) as unknown as [number, number][]).forEach(([from, to], e) => {
    for (let i = from; i <= to; i++) {
      entity[i] = kinds[e]!;
      entityId[i] = e;
    }
  });
  const tokens: RawTokens = {
    value,
    spaces: all.out(its.precedingSpaces) as string[],
    pos: all.out(its.pos) as string[],
    // wink's types give lemma and stem the signature of a token helper with add-ons; `out` takes them all the same.
    lemma: all.out(its.lemma as unknown as ItsFunction<string>) as string[],
    stem: all.out(its.stem as unknown as ItsFunction<string>) as string[],
    stop: all.out(its.stopWordFlag) as unknown as boolean[],
    type: all.out(its.type) as string[],
    entity,
    entityId,
  };
  return { tokens, spans: doc.sentences().out(its.span) as unknown as [number, number][] };
}

/** Where each token starts in the paragraph: wink keeps every token's preceding whitespace, so the text rebuilds exactly. */
function tokenOffsets(t: RawTokens): number[] {
  const starts: number[] = [];
  let at = 0;
  for (let i = 0; i < t.value.length; i++) {
    at += t.spaces[i]!.length;
    starts.push(at);
    at += t.value[i]!.length;
  }
  return starts;
}

// A hyphen with no space on either side joins its neighbours into one word, so an answer never
// ends in the middle of "Jong-un" or "state-owned".
const joinsNext = (t: RawTokens, i: number): boolean => i + 1 < t.value.length && t.spaces[i + 1] === '' && (t.value[i + 1] === '-' || t.value[i] === '-');

function sentenceWords(t: RawTokens, starts: number[], from: number, to: number, base: number): Word[] {
  const words: Word[] = [];
  for (let i = from; i <= to; i++) {
    if (t.pos[i] === 'SPACE' || t.type[i] === 'tabCRLF') continue;
    let j = i;
    while (j < to && joinsNext(t, j)) j++;
    const parts = Array.from({ length: j - i + 1 }, (_, k) => i + k);
    const last = parts.at(-1)!;
    const anyProper = parts.some((k) => t.pos[k] === 'PROPN');
    words.push({
      text: parts.map((k) => t.value[k]).join(''),
      start: starts[i]! - base,
      end: starts[last]! + t.value[last]!.length - base,
      pos: anyProper ? 'PROPN' : t.pos[last]!,
      lemma: parts.map((k) => t.lemma[k]!.toLowerCase()).join(''),
      stem: parts.map((k) => t.stem[k]!.toLowerCase()).join(''),
      // "US" is the stop word "us" to the model; a name is never a stop word.
      stop: parts.length === 1 && t.stop[i]! && !anyProper,
      entity: t.entity[i]!,
      entityId: t.entityId[i]!,
    });
    i = j;
  }
  return releaseNamesFromDates(words);
}

/** "Jan Ingenhousz", "May Smith": a month-like first name the model takes for a date. */
function releaseNamesFromDates(words: Word[]): Word[] {
  words.forEach((w, k) => {
    const next = words[k + 1];
    const alone = words[k - 1]?.entityId !== w.entityId && next?.entityId !== w.entityId;
    if (w.entity === 'DATE' && alone && !/\d/.test(w.text) && next?.pos === 'PROPN' && !next.entity) {
      w.entity = null;
      w.entityId = -1;
      w.pos = 'PROPN';
    }
  });
  return words;
}

/**
 * One paragraph (one line of the article) into sentences whose text is the paragraph's own slice,
 * so every quote is found verbatim by `articleContains` and highlighted by `segmentArticle`.
 */
export function analyseParagraph(paragraph: string, paragraphIndex: number, firstSentenceIndex: number): AnalysedParagraph {
  const { tokens, spans } = readTokens(paragraph);
  const starts = tokenOffsets(tokens);
  const sentences: Sentence[] = [];
  for (const [from, to] of spans) {
    let a = from;
    let b = to;
    while (a <= b && tokens.value[a]!.trim() === '') a++;
    while (b >= a && tokens.value[b]!.trim() === '') b--;
    if (a > b) continue;
    const start = starts[a]!;
    const text = paragraph.slice(start, starts[b]! + tokens.value[b]!.length);
    sentences.push({ index: firstSentenceIndex + sentences.length, paragraph: paragraphIndex, firstInParagraph: sentences.length === 0, text, words: sentenceWords(tokens, starts, a, b, start) });
  }
  return { sentences, words: tokens.type.filter((type) => COUNTED.has(type)).length };
}
