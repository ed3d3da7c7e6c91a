// Export times at a given size: .apkg with and without scheduling, and CSV. Synthetic notes (Markdown,
// so each field goes through markdown-it), one review card each with ten log entries.
//   npx tsx tests/bench/export.ts [--notes 10000]
import { parseArgs } from 'node:util';
import { MemoryState, type Card, type Note } from '../../main/domain/card.ts';
import type { ExportInput, ExportReview } from '../../main/formats/bundle.ts';
import { writeApkg } from '../../main/formats/export/apkg.ts';
import { writeCsv } from '../../main/formats/export/csv.ts';

const { values } = parseArgs({ options: { notes: { type: 'string', default: '10000' } } });
const size = Number(values.notes);
const NOW = Date.UTC(2026, 2, 2, 9);
const DAY = 86_400_000;

const notes: Note[] = [];
const cards: Card[] = [];
const reviews: ExportReview[] = [];
for (let i = 0; i < size; i++) {
  const deckId = `d${i % 10}`;
  const id = `${deckId}/n${i}`;
  notes.push({ id, deckId, kind: 'fact', type: 'basic', front: `Question **${i}** of the day`, back: `Answer *${i}*`, text: '', extra: null, tags: ['bench'], quote: null, position: i });
  cards.push({ id, noteId: id, deckId, template: 'front', position: i, addedAt: NOW - 30 * DAY, introducedAt: NOW - 20 * DAY, updatedAt: NOW, suspended: false, buriedUntil: null, memory: { due: NOW + 5 * DAY, stability: 10.5, difficulty: 5.2, scheduledDays: 5, learningSteps: 0, reps: 10, lapses: 0, state: MemoryState.Review, lastReview: NOW } });
  for (let r = 0; r < 10; r++) reviews.push({ id: `dev-${i}-${r}`, cardId: id, rating: 3, reviewedAt: NOW - (20 - r) * DAY + i, durationMs: 4000, after: { scheduledDays: r, state: r < 2 ? MemoryState.Learning : MemoryState.Review, stability: 1 + r, difficulty: 5, due: NOW } });
}
reviews.sort((a, b) => a.reviewedAt - b.reviewedAt);
const input: ExportInput = { decks: Array.from({ length: 10 }, (_, i) => ({ id: `d${i}`, title: `Bench::${i}`, description: '' })), notes, cards, reviews, media: [], now: NOW };

const time = async (label: string, run: () => Promise<number> | number) => {
  const start = performance.now();
  const bytes = await run();
  console.log(`${label}: ${(performance.now() - start).toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} KiB, heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB`);
};
await time(`apkg, ${size} notes, ${reviews.length} reviews, with scheduling`, async () => (await writeApkg(input, { scheduling: true })).length);
await time(`apkg, ${size} notes, without scheduling`, async () => (await writeApkg(input, { scheduling: false })).length);
await time(`csv, ${size} notes`, () => writeCsv(input).length);
