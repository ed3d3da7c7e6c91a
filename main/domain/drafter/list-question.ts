// Lists the article enumerates: numbered items ("are: (1) …; (2) …") or a series of three or
// more ("the United States, Japan, and South Korea"; two after "such as" or "including"). The
// whole list is the card's one answer.
import type { Sentence, Word } from './sentence.ts';
import { asAnswer, subjectText, textOf, trimClause, type Question } from './question.ts';

const ITEM_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART']);
const MAX_ITEM_WORDS = 6;
const INTRODUCERS = new Set(['such as', 'including', 'include', 'includes', 'namely']);

/** The "(1)", "(2)", … markers, as the index of each "(", if they count up from 1. */
function numberedMarkers(words: readonly Word[]): number[] {
  const marks: number[] = [];
  for (let i = 0; i + 2 < words.length; i++) {
    if (words[i]!.text === '(' && words[i + 2]!.text === ')' && words[i + 1]!.text === String(marks.length + 1)) marks.push(i);
  }
  return marks;
}

function numberedList(s: Sentence, cue: number): Question | null {
  const { words } = s;
  const marks = numberedMarkers(words);
  if (marks.length < 2) return null;
  const items = marks.map((m, k) => {
    const [a, b] = trimClause(words, m + 3, marks[k + 1] ?? words.length);
    return textOf(s, a, b).replace(/[;,]?\s*(and|or)$/u, '');
  });
  const [from, to] = trimClause(words, 0, marks[0]!);
  if (to - from < 2) return null;
  // "Beijing's main concerns are: (1) …" asks "What are Beijing's main concerns?".
  const verb = words[to - 1]!;
  const lead = verb.lemma === 'be' && to - from > 2 ? textOf(s, from, to - 1) : '';
  const front = lead ? `What ${verb.text.toLowerCase()} ${subjectText(s, from, to - 1)}? (${items.length})` : `Complete the list of ${items.length}: “${textOf(s, from, to)} …”`;
  return { front, back: items.map((item, k) => `(${k + 1}) ${item}`).join('; '), kind: cue >= 0.5 ? 'argument' : 'fact', quality: 0.9 };
}

const ARTICLES = new Set(['a', 'an', 'the']);

/**
 * A noun phrase that names something, or one word (commas around it make it an item even where
 * the tagger saw an adjective: "light, water, and carbon dioxide"). "This backdrop" points back;
 * it is not an item.
 */
const isItem = (item: readonly Word[]): boolean =>
  (item.some((w) => w.pos === 'NOUN' || w.pos === 'PROPN') || (item.length === 1 && !item[0]!.stop)) && item.every((w) => w.pos !== 'DET' || ARTICLES.has(w.text.toLowerCase()));

/** A noun-phrase item ending just before `end` (exclusive), as its first word's index, or -1. */
function itemBefore(words: readonly Word[], end: number): number {
  let k = end;
  while (k > 0 && end - k < MAX_ITEM_WORDS && ITEM_POS.has(words[k - 1]!.pos)) k--;
  return isItem(words.slice(k, end)) ? k : -1;
}

/** A noun-phrase item starting at `from`, as the index after it, or -1. */
function itemAfter(words: readonly Word[], from: number): number {
  let k = from;
  while (k < words.length && k - from < MAX_ITEM_WORDS && ITEM_POS.has(words[k]!.pos)) k++;
  return isItem(words.slice(from, k)) ? k : -1;
}

function series(s: Sentence, cue: number): Question | null {
  const { words } = s;
  for (let c = 1; c < words.length - 1; c++) {
    if (words[c]!.lemma !== 'and' && words[c]!.lemma !== 'or') continue;
    const lastEnd = itemAfter(words, c + 1);
    if (lastEnd < 0) continue;
    const items: [number, number][] = [[c + 1, lastEnd]];
    let end = words[c - 1]!.text === ',' ? c - 1 : c;
    for (;;) {
      const start = itemBefore(words, end);
      if (start < 0) break;
      items.unshift([start, end]);
      if (start === 0 || words[start - 1]!.text !== ',') break;
      end = start - 1;
    }
    const first = items[0]![0];
    const before = words.slice(Math.max(0, first - 2), first).map((w) => w.text.toLowerCase());
    const introduced = INTRODUCERS.has(before.join(' ')) || INTRODUCERS.has(before.at(-1) ?? '');
    if (items.length < 3 && !(introduced && items.length === 2)) continue;
    const blanked = `${s.text.slice(0, words[first]!.start)}[…]${s.text.slice(words[lastEnd - 1]!.end)}`;
    const back = items.map(([a, b]) => asAnswer(textOf(s, a, b))).join('; ');
    return { front: `Name the ${items.length} in: “${blanked}”`, back, kind: cue >= 0.5 ? 'argument' : 'fact', quality: 0.8 };
  }
  return null;
}

export function listQuestion(s: Sentence, cue: number): Question | null {
  return numberedList(s, cue) ?? series(s, cue);
}
