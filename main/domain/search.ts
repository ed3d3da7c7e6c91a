// The card browser's search: filters and sorts cards with their notes, in plain memory. Pure: the
// time is passed in. At 100,000 cards one search is a pass over the cards plus one numeric sort;
// `npx tsx tests/bench/search.ts` measures it.
import { isLearning, isNew, type Card, type Note } from './card.ts';
import { cardStatus, isBuried } from './queue.ts';

export type CardStateFilter = 'new' | 'learning' | 'due' | 'suspended' | 'buried';
export type SearchSort = 'due' | 'interval' | 'difficulty' | 'added';

export interface CardSearch {
  /** Words that must all occur (case-insensitively) in the front, back, cloze text or extra. */
  query: string;
  /** Only cards of these decks; every deck when absent. */
  deckIds?: ReadonlySet<string> | null;
  tag?: string | null;
  state?: CardStateFilter | null;
  sort: SearchSort;
  descending: boolean;
}

export interface SearchContext {
  now: number;
  rolloverHour: number;
  noteOf(card: Card): Note | undefined;
}

/** Lower-cased searchable text per note. Notes are replaced, never mutated, so a note object's text never changes. */
const haystacks = new WeakMap<Note, string>();
function haystackOf(note: Note): string {
  let text = haystacks.get(note);
  if (text === undefined) {
    text = `${note.front}\n${note.back}\n${note.text}\n${note.extra ?? ''}`.toLocaleLowerCase();
    haystacks.set(note, text);
  }
  return text;
}

export const wordsOf = (query: string): string[] => query.toLocaleLowerCase().split(/\s+/).filter(Boolean);

export function matchesState(card: Card, state: CardStateFilter, now: number, rolloverHour: number): boolean {
  switch (state) {
    case 'suspended':
      return card.suspended;
    case 'buried':
      return !card.suspended && isBuried(card, now);
    case 'new':
      return isNew(card);
    case 'learning':
      return isLearning(card);
    case 'due':
      return !isNew(card) && cardStatus(card, now, rolloverHour) === 'due';
  }
}

/** The matching cards, sorted; ties keep a stable order by deck, then note position, then card id. */
export function searchCards(cards: Iterable<Card>, search: CardSearch, context: SearchContext): Card[] {
  const words = wordsOf(search.query);
  const tag = search.tag?.toLocaleLowerCase() || null;
  const out: Card[] = [];
  for (const card of cards) {
    if (search.deckIds && !search.deckIds.has(card.deckId)) continue;
    if (search.state && !matchesState(card, search.state, context.now, context.rolloverHour)) continue;
    if (words.length || tag) {
      const note = context.noteOf(card);
      if (!note) continue;
      if (tag && !note.tags.some((t) => t.toLocaleLowerCase() === tag)) continue;
      if (words.length) {
        const text = haystackOf(note);
        if (!words.every((w) => text.includes(w))) continue;
      }
    } else if (!context.noteOf(card)) continue;
    out.push(card);
  }
  const key = sortKey(search.sort);
  const sign = search.descending ? -1 : 1;
  return out.sort((a, b) => sign * (key(a) - key(b)) || tieBreak(a, b));
}

function sortKey(sort: SearchSort): (card: Card) => number {
  switch (sort) {
    case 'due':
      return (c) => c.memory.due;
    case 'interval':
      return (c) => c.memory.scheduledDays;
    case 'difficulty':
      return (c) => c.memory.difficulty;
    case 'added':
      return (c) => c.addedAt;
  }
}

function tieBreak(a: Card, b: Card): number {
  if (a.deckId !== b.deckId) return a.deckId < b.deckId ? -1 : 1;
  if (a.position !== b.position) return a.position - b.position;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
