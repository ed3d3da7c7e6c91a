// Makes a collection that looks like a year or more of real use: ~20 decks of basic notes, every
// card answered 10 times by our own scheduler, so the FSRS states and the share due today are what
// the app would really hold.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { MemoryState, type Card, type Memory, type Note } from '../../main/domain/card.ts';
import { nextDayStart } from '../../main/domain/day.ts';
import { createScheduler, newMemory } from '../../main/domain/scheduler.ts';
import type { DeckRecord } from '../../main/store/collection-store.ts';
import { cardsFile, DATASET_FORMAT, LineWriter, metaFile, reviewsFile, type DatasetMeta, type DatasetReview } from './dataset.ts';
import { drawDurationMs, drawRating, mulberry32 } from './random.ts';

export const DECKS = 20;
export const REVIEWS_PER_CARD = 10;
/** The session's start, in local time like a real morning session: 2 March 2026, 09:00. */
export const SESSION_START = new Date(2026, 2, 2, 9, 0).getTime();

const DAY = 86_400_000;
const MINUTE = 60_000;
// Cards whose last interval is longer than this still had their last review within it: a collection
// whose every card is 10 reviews old is a year or two of study, not decades.
const LAST_REVIEW_WITHIN = 365 * DAY;

const WORDS = (
  'which river what year who wrote the treaty of how many bones does enzyme catalyse capital city ' +
  'mountain range atomic number element discovered first law of motion poem opens with line painter ' +
  'signed verb conjugates in past tense protein folds into speed light sound planet orbit moon tide ' +
  'empire fell after battle near coast island kingdom language family root word meaning'
).split(' ');

function text(random: () => number, ending: string): string {
  // 40–80 characters: the length of a typical basic card side in shared decks.
  const target = 40 + Math.floor(random() * 41);
  let s = WORDS[Math.floor(random() * WORDS.length)]!;
  while (s.length < target) {
    const word = WORDS[Math.floor(random() * WORDS.length)]!;
    if (s.length + 1 + word.length + ending.length > 80) break;
    s += ` ${word}`;
  }
  return s[0]!.toUpperCase() + s.slice(1) + ending;
}

const deckId = (d: number) => `deck-${String(d + 1).padStart(2, '0')}`;

export function generateDataset(cardCount: number, dir: string, log: (line: string) => void): DatasetMeta {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const random = mulberry32(0xdec4 + cardCount);
  const scheduler = createScheduler({ fuzz: false });
  const now = SESSION_START;
  const tomorrow = nextDayStart(now);
  const decks: DeckRecord[] = Array.from({ length: DECKS }, (_, d) => ({
    id: deckId(d),
    title: `Deck ${String(d + 1).padStart(2, '0')}`,
    description: `Generated deck ${d + 1} of ${DECKS} for the storage benchmark.`,
    version: 1,
    source: null,
    article: null,
  }));

  const cardsOut = new LineWriter(cardsFile(dir));
  const reviewsOut = new LineWriter(reviewsFile(dir));
  let seq = 0;
  let dueToday = 0;
  let made = 0;
  for (let d = 0; d < DECKS; d++) {
    const perDeck = Math.floor(cardCount / DECKS) + (d < cardCount % DECKS ? 1 : 0);
    for (let position = 0; position < perDeck; position++) {
      const id = `${deckId(d)}/n${String(position + 1).padStart(6, '0')}`;
      const history = simulateHistory(scheduler, random);
      const last = history.at(-1)!;
      const shift = placeBeforeNow(last.memory, now, random);
      const shifted = history.map((h) => ({ ...h, at: h.at + shift, memory: shiftMemory(h.memory, shift) }));
      const memory = shifted.at(-1)!.memory;
      if (memory.due < tomorrow) dueToday++;
      const note: Note = { id, deckId: deckId(d), kind: 'fact', type: 'basic', front: text(random, '?'), back: text(random, '.'), text: '', extra: null, tags: [], quote: null, position };
      const card: Card = { id, noteId: id, deckId: deckId(d), template: 'front', position, memory, introducedAt: shifted[0]!.at, updatedAt: shifted.at(-1)!.at, suspended: false, buriedUntil: null, addedAt: shifted[0]!.at };
      cardsOut.write({ note, card });
      for (const h of shifted) {
        const review: DatasetReview = { id: `bench-${++seq}`, cardId: id, rating: h.rating, reviewedAt: h.at, durationMs: h.durationMs, memory: h.memory };
        reviewsOut.write(review);
      }
      if (++made % Math.max(1, Math.floor(cardCount / 10)) === 0) log(`  generated ${made.toLocaleString('en')} / ${cardCount.toLocaleString('en')} cards`);
    }
  }
  cardsOut.close();
  reviewsOut.close();

  const meta: DatasetMeta = { format: DATASET_FORMAT, cards: cardCount, reviews: seq, now, decks, dueToday };
  // meta.json last, through a rename: its presence is what marks the dataset as complete.
  writeFileSync(`${metaFile(dir)}.tmp`, JSON.stringify(meta));
  renameSync(`${metaFile(dir)}.tmp`, metaFile(dir));
  return meta;
}

interface Answer {
  rating: DatasetReview['rating'];
  at: number;
  durationMs: number;
  memory: Memory;
}

/** Ten answers from a fixed start, each at the card's due time or somewhat later, as learners do. */
function simulateHistory(scheduler: ReturnType<typeof createScheduler>, random: () => number): Answer[] {
  // Start at 08:00–22:00 UTC on some day; the whole history is moved to its place afterwards.
  const start = Date.UTC(2020, 0, 1, 8) + Math.floor(random() * 14 * 60) * MINUTE;
  let memory = newMemory(start);
  let at = start;
  const history: Answer[] = [];
  for (let i = 0; i < REVIEWS_PER_CARD; i++) {
    if (i > 0) {
      const interval = memory.due - at;
      const late = interval < DAY ? random() * 10 * MINUTE : random() ** 2 * Math.min(0.2 * interval, 5 * DAY);
      at = memory.due + Math.round(late);
    }
    let rating = drawRating(random);
    let after = scheduler.answer(memory, rating, at);
    // A collection opened in the morning has next to no cards mid-(re)learning from the day
    // before; without this ~15% of all cards would sit in relearning, due at once.
    if (i === REVIEWS_PER_CARD - 1 && after.state !== MemoryState.Review) {
      rating = 4;
      after = scheduler.answer(memory, rating, at);
    }
    history.push({ rating, at, durationMs: drawDurationMs(random), memory: after });
    memory = after;
  }
  return history;
}

/**
 * How far to move a history so that its last review falls before `now`, at a random point of the
 * card's last interval (a little beyond, for the backlog every learner has). That puts about as
 * many cards due today as a daily learner sees. Whole days only: ts-fsrs counts elapsed time in
 * calendar days, so a whole-day shift leaves every state exactly as the scheduler computed it.
 */
function placeBeforeNow(last: Memory, now: number, random: () => number): number {
  const interval = last.due - last.lastReview!;
  const lastReviewAt = now - random() * Math.min(1.05 * interval, LAST_REVIEW_WITHIN);
  let shift = Math.round((lastReviewAt - last.lastReview!) / DAY) * DAY;
  while (last.lastReview! + shift >= now) shift -= DAY;
  return shift;
}

function shiftMemory(m: Memory, shift: number): Memory {
  return { ...m, due: m.due + shift, lastReview: m.lastReview === null ? null : m.lastReview + shift };
}
