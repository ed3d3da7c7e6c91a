import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from '../../../main/store/migrations.ts';
import { cardAt, fromNoteRow, SCHEMA_VERSION } from '../../../main/store/stored.ts';

const v1 = () => ({
  schemaVersion: 1,
  deviceId: 'dev',
  logSeq: 7,
  decks: [{ id: 'd', title: 'D', description: '', version: 1, source: null, article: null }],
  notes: [{ id: 'd/n', deckId: 'd', kind: 'fact', type: 'reversed', front: 'F', back: 'B', text: '', extra: 'x', tags: ['t'], quote: 'q', position: 3 }],
  cards: [
    { id: 'd/n:reverse', noteId: 'd/n', deckId: 'd', template: 'reverse', due: 10, stability: 1.5, difficulty: 5.25, scheduledDays: 2, learningSteps: 0, reps: 4, lapses: 1, state: 2, lastReview: 9, introducedAt: 1, updatedAt: 9 },
  ],
});

describe('snapshot migrations', () => {
  it('are ordered and end at the current version', () => {
    expect(MIGRATIONS.map((m) => m.to)).toEqual(Array.from({ length: MIGRATIONS.length }, (_, i) => i + 2));
    expect(MIGRATIONS.at(-1)?.to).toBe(SCHEMA_VERSION);
  });

  it('1 → 2: turns note and card objects into rows without losing a field', () => {
    const v2 = MIGRATIONS[0]!.up(v1()) as { schemaVersion: number; notes: unknown[][]; cards: unknown[][] };
    expect(v2.schemaVersion).toBe(2);
    expect(v2.notes).toEqual([['d/n', 'fact', 'reversed', 'F', 'B', '', 'x', ['t'], 'q', 3]]);
    expect(v2.cards).toEqual([['d/n', 'reverse', 10, 1.5, 5.25, 2, 0, 4, 1, 2, 9, 1, 9]]);
  });

  it('2 → 3: turns card rows into columns with their note’s position, and sets the notes aside to move', () => {
    const v2 = MIGRATIONS[0]!.up(v1());
    const v3 = migrate(v2, 'collection.json');
    expect(v3.schemaVersion).toBe(3);
    expect(v3.logSeq).toBe(7);
    const { memory, ...card } = cardAt(v3.cards, 0);
    const { due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview, ...fields } = v1().cards[0]!;
    expect(card).toEqual({ ...fields, position: 3 });
    expect(memory).toEqual({ due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview });
    expect(v3.legacyNotes?.map(fromNoteRow)).toEqual(v1().notes);
  });

  it('reads a file without a version as version 1', () => {
    expect(migrate({ deviceId: '', logSeq: 0, decks: [], notes: [], cards: [] }, 'f').schemaVersion).toBe(3);
  });

  it('rejects a file that is not a collection', () => {
    expect(() => migrate([1, 2], 'f')).toThrow(SyntaxError);
    expect(() => migrate({ schemaVersion: 3, decks: [], logSeq: 0, cards: [] }, 'f')).toThrow(/lacks its decks, cards or log position/);
    expect(() => migrate({ schemaVersion: 3, decks: [], logSeq: 0, cards: { note: ['d/a'], due: [] } }, 'f')).toThrow(/column "due" does not match/);
  });
});
