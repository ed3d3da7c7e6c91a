// The Collection's named changes: after each one, what is derived from the collection (a deck's
// cards in study order, deck lookups by title, the version the browser's last search is kept
// under) is fresh, without anyone resetting a cache by hand; and the changes that replace the
// collection end the undo history.
import { describe, expect, it } from 'vitest';
import { Collection } from '../../../main/collection/collection.ts';
import type { Card, Note } from '../../../main/domain/card.ts';
import { cardIdFor, templatesOf } from '../../../main/domain/notes.ts';
import { newMemory } from '../../../main/domain/scheduler.ts';
import { DEFAULT_SETTINGS } from '../../../main/domain/settings.ts';
import { openCollectionStore } from '../../../main/store/collection-store.ts';
import { closeWhenDone, tempDir } from '../temp-dir.ts';

const START = new Date(2026, 2, 2, 9).getTime();
const folderOf = new WeakMap<Collection, string>();
async function collection(): Promise<Collection> {
  const dir = tempDir('deckhand-collection-');
  let now = START;
  const clock = () => ++now;
  const store = closeWhenDone(await openCollectionStore(dir, { now: clock }));
  const col = new Collection(store, clock);
  folderOf.set(col, dir);
  col.putDeck({ id: 'a', title: 'A', description: '', version: 1, source: null, article: null });
  col.putDeck({ id: 'b', title: 'B', description: '', version: 1, source: null, article: null });
  return col;
}

function note(deckId: string, local: string, position: number, type: Note['type'] = 'basic'): Note {
  return { id: `${deckId}/${local}`, deckId, kind: 'fact', type, front: `Q ${local}`, back: `A ${local}`, text: '', extra: null, tags: [], quote: null, position };
}

function cardsFor(n: Note): Card[] {
  return templatesOf(n).map((template) => ({ id: cardIdFor(n.id, template), noteId: n.id, deckId: n.deckId, template, position: n.position, memory: newMemory(START), introducedAt: null, updatedAt: START, suspended: false, buriedUntil: null, addedAt: START }));
}

/** Adds notes with their cards, as the editor does. */
function addNotes(col: Collection, ...notes: Note[]): void {
  for (const n of notes) col.putNotes(n.deckId, [n]);
  col.setCards(notes.flatMap(cardsFor));
}

const order = (col: Collection, deckId: string) => col.studyOrder(deckId).map((c) => c.id);

describe('a deck in study order', () => {
  it('follows putNotes and setCards: new notes join, in position order, a reversed note with both sides', async () => {
    const col = await collection();
    addNotes(col, note('a', 'two', 2), note('a', 'one', 1));
    expect(order(col, 'a')).toEqual(['a/one', 'a/two']);
    addNotes(col, note('a', 'zero', 0, 'reversed'));
    expect(order(col, 'a')).toEqual(['a/zero', 'a/zero:reverse', 'a/one', 'a/two']);
  });

  it('follows putNotes that removes a note: its cards, still stored, are no longer studied', async () => {
    const col = await collection();
    addNotes(col, note('a', 'one', 1), note('a', 'two', 2));
    expect(order(col, 'a')).toEqual(['a/one', 'a/two']);
    col.putNotes('a', [], new Set(['a/one']));
    expect(order(col, 'a')).toEqual(['a/two']);
    expect(col.card('a/one')).toBeDefined();
  });

  it('follows setCards that moves a card in the order', async () => {
    const col = await collection();
    addNotes(col, note('a', 'one', 1), note('a', 'two', 2));
    expect(order(col, 'a')).toEqual(['a/one', 'a/two']);
    col.setCards([{ ...col.card('a/one')!, position: 3 }]);
    expect(order(col, 'a')).toEqual(['a/two', 'a/one']);
  });

  it('follows removeCards and removeNotes, which hand back what they removed with its memory', async () => {
    const col = await collection();
    addNotes(col, note('a', 'one', 1), note('a', 'two', 2, 'reversed'), note('a', 'three', 3));
    expect(order(col, 'a')).toHaveLength(4);
    col.removeCards(['a/one']);
    expect(order(col, 'a')).toEqual(['a/two', 'a/two:reverse', 'a/three']);
    const removed = col.removeNotes([col.note('a/two')!]);
    expect(removed.cards.map((c) => c.id)).toEqual(['a/two', 'a/two:reverse']);
    expect(removed.cards[0]!.memory).toEqual(newMemory(START));
    expect(order(col, 'a')).toEqual(['a/three']);
  });

  it('follows logChanges that moves a card to another deck, in both decks', async () => {
    const col = await collection();
    addNotes(col, note('a', 'one', 1));
    expect(order(col, 'a')).toEqual(['a/one']);
    expect(order(col, 'b')).toEqual([]);
    const moved = note('b', 'one', 0);
    col.removeCards(['a/one']);
    col.putNotes('a', [], new Set(['a/one']));
    col.putNotes('b', [moved]);
    const [card] = cardsFor(moved);
    col.logChanges([{ cardId: card!.id, rating: 0, reviewedAt: START + 1, durationMs: 0, card: card!, kind: 'edit' }]);
    expect(order(col, 'a')).toEqual([]);
    expect(order(col, 'b')).toEqual(['b/one']);
  });

  it('keeps its order across answers, but each card as answered', async () => {
    const col = await collection();
    addNotes(col, note('a', 'one', 1), note('a', 'two', 2));
    order(col, 'a');
    const deckVersion = col.deckVersion('a');
    const answered = { ...col.card('a/two')!, updatedAt: START + 5, introducedAt: START + 5 };
    col.logChange({ cardId: answered.id, rating: 3, reviewedAt: START + 5, durationMs: 1000, card: answered });
    expect(col.deckVersion('a')).toBe(deckVersion);
    expect(col.studyOrder('a')[1]).toEqual(answered);
  });
});

describe('versions', () => {
  it('move on with every named change, so a cache kept under a version is known to be stale', async () => {
    const col = await collection();
    addNotes(col, note('a', 'one', 1));
    const changes: [string, () => void][] = [
      ['putNotes', () => col.putNotes('a', [{ ...col.note('a/one')!, tags: ['x'] }])],
      ['setDeckNotes', () => col.setDeckNotes('a', [...col.notesOf('a').values()])],
      ['setCards', () => col.setCards([{ ...col.card('a/one')!, suspended: true }])],
      ['logChange', () => col.logChange({ cardId: 'a/one', rating: 3, reviewedAt: START + 9, durationMs: 0, card: { ...col.card('a/one')!, updatedAt: START + 9 } })],
      ['putDeck', () => col.putDeck({ ...col.deck('b')!, title: 'B2' })],
      ['addDeck', () => col.addDeck('C')],
      ['removeDecks', () => col.removeDecks([col.deckWithTitle('C')!.id])],
      ['setSettings', () => col.setSettings({ ...structuredClone(DEFAULT_SETTINGS), rolloverHour: 5 })],
      ['removeCards', () => col.removeCards(['a/one'])],
    ];
    for (const [name, change] of changes) {
      const before = col.version;
      change();
      expect(col.version, name).toBeGreaterThan(before);
    }
    expect(col.deckWithTitle('B2')?.id).toBe('b');
    expect(col.deckWithTitle('C')).toBeUndefined();
    expect(col.settings.rolloverHour).toBe(5);
  });

  it('subtree and deckWithTitle follow a deck renamed under another', async () => {
    const col = await collection();
    expect(col.subtree('a')).toEqual(['a']);
    col.putDeck({ ...col.deck('b')!, title: 'A::B' });
    expect(col.subtree('a')).toEqual(['a', 'b']);
    expect(col.deckWithTitle('a::b')?.id).toBe('b');
  });
});

describe('changes that replace the collection', () => {
  const step = (col: Collection) => col.undo.push({ kind: 'delete', notes: [], cards: [], decks: [] });

  it('applyImport adds decks, notes and cards at once, every deck fresh, and ends the undo history', async () => {
    const col = await collection();
    step(col);
    const n = note('c', 'one', 0);
    col.applyImport({ decks: [{ id: 'c', title: 'C', description: '', version: 0, source: null, article: null }], notes: [n], cards: cardsFor(n), log: [] });
    expect(order(col, 'c')).toEqual(['c/one']);
    expect(col.undo.size).toBe(0);
  });

  it('replaceAll leaves only what it was given, every deck fresh, and ends the undo history', async () => {
    const col = await collection();
    addNotes(col, note('a', 'one', 1));
    expect(order(col, 'a')).toEqual(['a/one']);
    step(col);
    const n = note('a', 'other', 0);
    col.replaceAll({ decks: [{ id: 'a', title: 'A', description: '', version: 1, source: null, article: null }], settings: structuredClone(DEFAULT_SETTINGS), notes: [n], cards: cardsFor(n), history: [] });
    expect(order(col, 'a')).toEqual(['a/other']);
    expect(col.deck('b')).toBeUndefined();
    expect(col.undo.size).toBe(0);
  });

  it('restoreBackup puts back the backed-up decks, every deck fresh, and ends the undo history', async () => {
    const col = await collection();
    addNotes(col, note('a', 'one', 1));
    // A backup is taken when the collection closes; reopen over the same folder to restore it.
    col.close();
    const reopened = closeWhenDone(await openCollectionStore(folderOf.get(col)!, { now: () => START + 60_000 }));
    const again = new Collection(reopened, () => START + 60_000);
    const backup = again.backups()[0]!;
    addNotes(again, note('a', 'two', 2));
    expect(order(again, 'a')).toEqual(['a/one', 'a/two']);
    step(again);
    again.restoreBackup(backup.name);
    expect(order(again, 'a')).toEqual(['a/one']);
    expect(again.undo.size).toBe(0);
  });
});
