// The collection the power-cut and crash sessions build, shared by the child that builds it and
// the test that checks what survived.
import type { StagedChanges } from '../../main/collection/collection.ts';
import { MemoryState, type Card, type Note } from '../../main/domain/card.ts';
import type { Deck } from '../../main/domain/deck.ts';

export const SESSION_CLOCK_START = Date.UTC(2026, 2, 2, 9);
export const IMPORTED_NOTES = 20;

/** The picture the import brings: a PNG signature and bytes enough to span several pages. */
export const MEDIA = { name: 'power-cut.png', bytes: new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(20_000, 7)])) };

export const deckRecord = (id: string, title: string): Deck => ({ id, title, description: '', version: 0, source: null, article: null });

/** The note added to each deck after the backup that is then restored. */
export const EXTRA_NOTE = 99;

export const note = (deckId: string, i: number): Note => ({ id: `${deckId}/n${i}`, deckId, kind: 'fact', type: 'basic', front: `Question ${i} of ${deckId}`, back: `Answer ${i}`, text: '', extra: null, tags: [], quote: null, position: i });

export const newCard = (n: Note, position: number, at: number): Card => ({
  id: n.id,
  noteId: n.id,
  deckId: n.deckId,
  template: 'front',
  position,
  addedAt: at,
  introducedAt: null,
  updatedAt: at,
  suspended: false,
  buriedUntil: null,
  memory: { due: at, stability: 0, difficulty: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: MemoryState.New, lastReview: null },
});

/** The card after one more answer at `at`. */
export const answeredCard = (before: Card, at: number): Card => {
  const reps = before.memory.reps + 1;
  return { ...before, introducedAt: before.introducedAt ?? at, updatedAt: at, memory: { due: at + reps * 60_000, stability: reps, difficulty: 5, scheduledDays: 0, learningSteps: 1, reps, lapses: 0, state: MemoryState.Learning, lastReview: at } };
};

/** A new deck as an import stages it: its notes, its cards, and one answer of history each. */
export function importedDeck(deckId: string, at: number): StagedChanges {
  const notes = Array.from({ length: IMPORTED_NOTES }, (_, i) => ({ ...note(deckId, i), back: `Answer ${i} ![](power-cut.png)` }));
  const cards = notes.map((n, i) => answeredCard(newCard(n, i, at - 86_400_000), at - 3_600_000));
  const log = cards.map((card) => ({ cardId: card.id, rating: 3 as const, reviewedAt: at - 3_600_000, durationMs: 2000, card }));
  return { decks: [deckRecord(deckId, `Imported ${deckId}`)], notes, cards, log };
}
