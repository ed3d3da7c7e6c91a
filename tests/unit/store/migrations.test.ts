import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from '../../../main/store/migrations.ts';
import { DEFAULT_SETTINGS } from '../../../main/domain/settings.ts';
import { fromNoteRow, type NoteRow } from '../../../main/domain/note-row.ts';
import { cardAt, SCHEMA_VERSION, type CardColumns } from '../../../main/store/stored.ts';

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
    const v3 = MIGRATIONS[1]!.up(MIGRATIONS[0]!.up(v1())) as { schemaVersion: number; cards: Record<string, unknown[]>; legacyNotes: NoteRow[] };
    expect(v3.schemaVersion).toBe(3);
    expect(v3.cards).toEqual({
      note: ['d/n'], template: ['reverse'], position: [3], due: [10], stability: [1.5], difficulty: [5.25], scheduledDays: [2], learningSteps: [0],
      reps: [4], lapses: [1], state: [2], lastReview: [9], introducedAt: [1], updatedAt: [9],
    });
    expect(v3.legacyNotes.map(fromNoteRow)).toEqual(v1().notes);
  });

  it('3 → 4: cards start neither suspended nor buried, and the collection gets default settings', () => {
    const v4 = MIGRATIONS[2]!.up(MIGRATIONS[1]!.up(MIGRATIONS[0]!.up(v1()))) as { schemaVersion: number; logSeq: number; settings: unknown; cards: CardColumns };
    expect(v4.schemaVersion).toBe(4);
    expect(v4.logSeq).toBe(7);
    expect(v4.settings).toEqual(DEFAULT_SETTINGS);
    const { memory, ...card } = cardAt(v4.cards, 0);
    const { due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview, ...fields } = v1().cards[0]!;
    expect(card).toEqual({ ...fields, position: 3, suspended: false, buriedUntil: null, addedAt: 1 });
    expect(memory).toEqual({ due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview });
  });

  it('4 → 5: cards leave the snapshot, to be written one file a deck', () => {
    const v5 = MIGRATIONS[3]!.up(MIGRATIONS[2]!.up(MIGRATIONS[1]!.up(MIGRATIONS[0]!.up(v1())))) as { schemaVersion: number; legacyCards?: CardColumns };
    expect(v5.schemaVersion).toBe(5);
    expect('cards' in v5).toBe(false);
    expect(v5.legacyCards?.note).toEqual(['d/n']);
    expect(v5.legacyCards?.suspended).toEqual([0]);
  });

  it('5 → 6: a stored card is taken as added when it was first answered', () => {
    const v6 = migrate(MIGRATIONS[3]!.up(MIGRATIONS[2]!.up(MIGRATIONS[1]!.up(MIGRATIONS[0]!.up(v1())))), 'collection.json');
    expect(v6.schemaVersion).toBe(6);
    expect(v6.legacyCards?.addedAt).toEqual([1]);
    expect(cardAt(v6.legacyCards!, 0).addedAt).toBe(1);
    // A card file of version 5, read as it is: never answered, so its last change stands in.
    const { addedAt: _none, ...v5File } = v6.legacyCards!;
    expect(cardAt({ ...v5File, introducedAt: [null] }, 0).addedAt).toBe(9);
  });

  it('reads a file without a version as version 1', () => {
    expect(migrate({ deviceId: '', logSeq: 0, decks: [], notes: [], cards: [] }, 'f').schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('rejects a file that is not a collection', () => {
    expect(() => migrate([1, 2], 'f')).toThrow(SyntaxError);
    expect(() => migrate({ schemaVersion: 5, logSeq: 0, settings: {} }, 'f')).toThrow(/lacks its decks or log position/);
    expect(() => migrate({ schemaVersion: 4, decks: [], logSeq: 0, settings: {}, cards: { note: ['d/a'], due: [] } }, 'f')).toThrow(/column "due" does not match/);
  });
});
