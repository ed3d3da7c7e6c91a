// A small collection to export, built the way the app builds one: notes of each type (Markdown and
// HTML), nested decks, cards answered through the real scheduler with every rating, an answer taken
// back by an undo, a reset, suspended and buried cards, and two media files.
import type { ExportInput, ExportReview } from '../../../main/formats/bundle.ts';
import { MemoryState, type Card, type Note } from '../../../main/domain/card.ts';
import { cardIdFor, templatesOf } from '../../../main/domain/notes.ts';
import { createScheduler, newMemory } from '../../../main/domain/scheduler.ts';
import type { Rating } from '../../../main/contract.ts';
import type { LogKind } from '../../../main/domain/review-entry.ts';

export const T0 = Date.parse('2026-03-02T10:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;

function note(deckId: string, id: string, fields: Partial<Note> & Pick<Note, 'type'>, position: number): Note {
  return { id: `${deckId}/${id}`, deckId, kind: 'fact', front: '', back: '', text: '', extra: null, tags: [], quote: null, position, ...fields };
}

export const NOTES = {
  mito: note('bio', 'mito', { type: 'basic', front: 'What is the **mitochondrion**?', back: 'The *powerhouse* of the cell', tags: ['cells', 'world war'] }, 0),
  hello: note('bio', 'hello', { type: 'basic', format: 'html', origin: 'anki:Ab#c1!x', front: '<b>Hello</b>&nbsp;world &amp; <img src="cat.jpg">', back: '<i>Bonjour</i>' }, 1),
  thaad: note('jp', 'thaad', { type: 'reversed', front: 'THAAD', back: 'A missile\tdefence "system"\nsecond line', tags: ['terms'] }, 0),
  five: note('jp', 'five', { type: 'cloze', text: '{{c1::Stability}} before {{c2::denuclearization}}', extra: 'From the article' }, 1),
  paris: note('jp', 'paris', { type: 'cloze', format: 'html', text: '<i>{{c1::Paris}}</i> is the capital', extra: null }, 2),
  edge: note('jp', 'edge', { type: 'basic', format: 'html', front: '#1 starts with a hash', back: ' padded ' }, 3),
} satisfies Record<string, Note>;

export interface Built {
  input: ExportInput;
  /** Per answer kept in the export (not undone), in order: the card, rating, Anki revlog type expected, duration. */
  answers: { cardId: string; at: number; rating: number; typeBefore: number; durationMs: number }[];
  undoneAnswerAt: number;
  resetAt: number;
}

export function buildExport(): Built {
  const scheduler = createScheduler({ fuzz: false });
  const notes = Object.values(NOTES);
  const cards = new Map<string, Card>();
  for (const n of notes) {
    for (const template of templatesOf(n)) {
      const id = cardIdFor(n.id, template);
      cards.set(id, { id, noteId: n.id, deckId: n.deckId, template, position: n.position, addedAt: T0, memory: newMemory(T0), introducedAt: null, updatedAt: T0, suspended: false, buriedUntil: null });
    }
  }
  const reviews: ExportReview[] = [];
  const answers: Built['answers'] = [];
  let seq = 0;
  const log = (card: Card, at: number, rating: number, durationMs: number, kind?: LogKind, undoes?: string): string => {
    const id = `dev-${++seq}`;
    const m = card.memory;
    reviews.push({ id, cardId: card.id, rating, reviewedAt: at, durationMs, ...(kind ? { kind } : {}), ...(undoes ? { undoes } : {}), after: { scheduledDays: m.scheduledDays, state: m.state, stability: m.stability, difficulty: m.difficulty, due: m.due } });
    return id;
  };
  const typeOf = (state: number) => (state === MemoryState.Review ? 1 : state === MemoryState.Relearning ? 2 : 0);
  const answer = (cardId: string, rating: Rating, at: number, durationMs = 5000, kept = true): string => {
    const before = cards.get(cardId)!;
    const after: Card = { ...before, memory: scheduler.answer(before.memory, rating, at), updatedAt: at, introducedAt: before.introducedAt ?? at };
    cards.set(cardId, after);
    if (kept) answers.push({ cardId, at, rating, typeBefore: typeOf(before.memory.state), durationMs });
    return log(after, at, rating, durationMs);
  };
  const change = (cardId: string, kind: LogKind, at: number, update: (c: Card) => Card, undoes?: string): void => {
    const after = { ...update(cards.get(cardId)!), updatedAt: at };
    cards.set(cardId, after);
    log(after, at, 0, 0, kind, undoes);
  };

  const mito = cardIdFor(NOTES.mito.id, 'front');
  const hello = cardIdFor(NOTES.hello.id, 'front');
  const thaad = cardIdFor(NOTES.thaad.id, 'front');
  const thaadRev = cardIdFor(NOTES.thaad.id, 'reverse');
  const c1 = cardIdFor(NOTES.five.id, 'c1');
  const c2 = cardIdFor(NOTES.five.id, 'c2');
  const paris = cardIdFor(NOTES.paris.id, 'c1');

  // mito: Again, Good, Good → in review; a two-minute answer is recorded as Anki's one-minute cap.
  answer(mito, 1, T0 + MIN);
  answer(mito, 3, T0 + 3 * MIN, 120_000);
  answer(mito, 3, T0 + 15 * MIN);
  // thaad: Easy straight to review; then an Again taken back by an undo.
  answer(thaad, 4, T0 + MIN);
  const before = cards.get(thaad)!;
  const undone = answer(thaad, 1, T0 + 2 * DAY + MIN, 5000, false);
  const undoneAt = T0 + 2 * DAY + MIN;
  change(thaad, 'undo', T0 + 2 * DAY + 2 * MIN, () => before, undone);
  // thaad reverse: Hard, still learning. Shares a millisecond with thaad's first answer.
  answer(thaadRev, 2, T0 + MIN);
  // c1: learned, then reset to new.
  answer(c1, 3, T0 + 5 * MIN);
  answer(c1, 4, T0 + 16 * MIN);
  change(c1, 'reset', T0 + DAY, (c) => ({ ...c, memory: newMemory(T0 + DAY) }));
  // c2: never studied, suspended.
  change(c2, 'suspend', T0 + 20 * MIN, (c) => ({ ...c, suspended: true }));
  // paris: learned, suspended.
  answer(paris, 4, T0 + 6 * MIN);
  change(paris, 'suspend', T0 + 30 * MIN, (c) => ({ ...c, suspended: true }));
  // hello: learned, forgotten → relearning, then buried past the export.
  answer(hello, 4, T0 + 7 * MIN);
  answer(hello, 1, T0 + 10 * DAY);
  change(hello, 'bury', T0 + 10 * DAY + MIN, (c) => ({ ...c, buriedUntil: T0 + 11 * DAY }));
  change(hello, 'edit', T0 + 10 * DAY + 2 * MIN, (c) => c);

  // The log is oldest first; answers on two cards were given out of that order above.
  reviews.sort((a, b) => a.reviewedAt - b.reviewedAt);
  answers.sort((a, b) => a.at - b.at);
  const now = T0 + 10 * DAY + 5 * MIN;
  return {
    input: {
      decks: [
        { id: 'bio', title: 'Biology', description: 'Cells' },
        { id: 'jp', title: 'Languages::Japanese', description: '' },
      ],
      notes,
      cards: [...cards.values()],
      reviews,
      media: [
        { name: 'cat.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]) },
        { name: 'say hi.mp3', bytes: new Uint8Array([0x49, 0x44, 0x33, 9]) },
      ],
      now,
    },
    answers,
    undoneAnswerAt: undoneAt,
    resetAt: T0 + DAY,
  };
}
