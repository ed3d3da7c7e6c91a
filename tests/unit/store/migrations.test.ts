import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from '../../../main/store/migrations.ts';
import { fromCardRow, fromNoteRow, SCHEMA_VERSION } from '../../../main/store/stored.ts';

describe('snapshot migrations', () => {
  it('are ordered and end at the current version', () => {
    expect(MIGRATIONS.map((m) => m.to)).toEqual(Array.from({ length: MIGRATIONS.length }, (_, i) => i + 2));
    expect(MIGRATIONS.at(-1)?.to).toBe(SCHEMA_VERSION);
  });

  it('1 → 2: turns note and card objects into rows without losing a field', () => {
    const v1 = {
      schemaVersion: 1,
      deviceId: 'dev',
      logSeq: 7,
      decks: [{ id: 'd', title: 'D', description: '', version: 1, source: null, article: null }],
      notes: [{ id: 'd/n', deckId: 'd', kind: 'fact', type: 'reversed', front: 'F', back: 'B', text: '', extra: 'x', tags: ['t'], quote: 'q', position: 3 }],
      cards: [
        { id: 'd/n:reverse', noteId: 'd/n', deckId: 'd', template: 'reverse', due: 10, stability: 1.5, difficulty: 5.25, scheduledDays: 2, learningSteps: 0, reps: 4, lapses: 1, state: 2, lastReview: 9, introducedAt: 1, updatedAt: 9 },
      ],
    };
    const v2 = migrate(v1, 'collection.json');
    expect(v2.schemaVersion).toBe(2);
    expect(v2.logSeq).toBe(7);
    expect(fromNoteRow(v2.notes[0]!)).toEqual(v1.notes[0]);
    const { memory, ...rest } = fromCardRow(v2.cards[0]!);
    const { due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview, ...cardFields } = v1.cards[0]!;
    expect(rest).toEqual(cardFields);
    expect(memory).toEqual({ due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview });
  });

  it('reads a file without a version as version 1', () => {
    expect(migrate({ deviceId: '', logSeq: 0, decks: [], notes: [], cards: [] }, 'f').schemaVersion).toBe(2);
  });

  it('rejects a file that is not a collection', () => {
    expect(() => migrate([1, 2], 'f')).toThrow(SyntaxError);
    expect(() => migrate({ schemaVersion: 2, cards: [] }, 'f')).toThrow(/lacks its decks, notes, cards or log position/);
  });
});
