// The card browser's search at 100,000 cards (issue 5 asks for under 100 ms). Builds synthetic
// notes and cards in memory, no store involved, and prints the median time of a few searches.
//   npx tsx tests/bench/search.ts [--cards 100000] [--runs 15]
import { parseArgs } from 'node:util';
import { MemoryState, type Card, type Note } from '../../main/domain/card.ts';
import { searchCards, type CardSearch } from '../../main/domain/search.ts';

const { values } = parseArgs({ options: { cards: { type: 'string', default: '100000' }, runs: { type: 'string', default: '15' } } });
const size = Number(values.cards);
const runs = Number(values.runs);
const NOW = Date.UTC(2026, 2, 2, 9);
const DAY = 86_400_000;
const WORDS = ['capital', 'river', 'treaty', 'summit', 'missile', 'border', 'trade', 'empire', 'sanction', 'alliance', 'reform', 'harvest'];

const notes = new Map<string, Note>();
const cards: Card[] = [];
for (let i = 0; i < size; i++) {
  const deckId = `deck${i % 40}`;
  const id = `${deckId}/n${i}`;
  const w = (k: number) => WORDS[(i * 7 + k * 13) % WORDS.length]!;
  const note: Note = { id, deckId, kind: 'fact', type: 'basic', front: `Which ${w(1)} followed the ${w(2)} of ${1900 + (i % 120)}?`, back: `The ${w(3)} of ${w(4)} (${i})`, text: '', extra: null, tags: [`tag-${i % 25}`], quote: null, position: i };
  notes.set(id, note);
  const state = (i % 4) as MemoryState;
  cards.push({
    id,
    noteId: id,
    deckId,
    template: 'front',
    position: i,
    memory: { due: NOW + ((i * 31) % 400) * DAY - 30 * DAY, stability: i % 90, difficulty: (i % 100) / 10, scheduledDays: i % 365, learningSteps: 0, reps: state ? 3 : 0, lapses: 0, state, lastReview: state ? NOW - DAY : null },
    introducedAt: null,
    updatedAt: NOW,
    suspended: i % 50 === 0,
    buriedUntil: null,
    addedAt: 0,
  });
}

const context = { now: NOW, rolloverHour: 4, noteOf: (c: Card) => notes.get(c.noteId) };
const searches: [string, CardSearch][] = [
  ['everything, by due date', { query: '', sort: 'due', descending: false }],
  ['two words, by difficulty', { query: 'treaty summit', sort: 'difficulty', descending: true }],
  ['a tag and due cards, by interval', { query: '', tag: 'tag-7', state: 'due', sort: 'interval', descending: false }],
  ['a word in one deck, by added', { query: 'river', deckIds: new Set(['deck3']), sort: 'added', descending: true }],
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`${size.toLocaleString('en')} cards, ${runs} runs each (after one warm-up run):`);
const all: number[] = [];
for (const [name, search] of searches) {
  searchCards(cards, search, context);
  const times: number[] = [];
  let total = 0;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    total = searchCards(cards, search, context).length;
    times.push(performance.now() - start);
  }
  all.push(...times);
  console.log(`  ${name.padEnd(34)} median ${median(times).toFixed(1).padStart(6)} ms  (${total.toLocaleString('en')} found)`);
}
console.log(`median over all searches: ${median(all).toFixed(1)} ms`);
