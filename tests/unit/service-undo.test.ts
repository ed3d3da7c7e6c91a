// One undo history for answers, buries, suspensions and deletions, ended by whatever replaces the
// collection: a restored backup, a full JSON backup, an import. And the browser's next page after a
// change shows the change.
import { describe, expect, it } from 'vitest';
import { createService, type DeckhandService } from '../../main/service.ts';
import { openCollectionStore } from '../../main/store/collection-store.ts';
import { shippedDeck, wordsBundle } from './service-fixtures.ts';
import { closeWhenDone, tempDir as tmp } from './temp-dir.ts';

const START = new Date(2026, 2, 2, 9).getTime();

async function open(dataDir: string, decksDir: string, start = START): Promise<DeckhandService> {
  let now = start;
  const clock = () => ++now;
  const service = createService({ store: await openCollectionStore(dataDir, { now: clock }), clock, decksDir, scheduler: { fuzz: false } });
  return closeWhenDone(service);
}

const shape = (s: DeckhandService) => ({ decks: s.listDecks().map((d) => [d.title, d.cardCount]), tags: s.listTags(), cards: s.searchCards({ query: '', sort: 'due', descending: false, offset: 0, limit: 500 }).total });

describe('the undo history', () => {
  it('ends with a restored backup: "undo delete" afterwards finds nothing and changes nothing', async () => {
    const dataDir = tmp('deckhand-data-');
    const decks = shippedDeck(3);
    const first = await open(dataDir, decks);
    const card = first.nextCard({ deckId: 'd' }).card!;
    first.answer({ cardId: card.id, rating: 3, shownAt: card.shownAt, durationMs: 2000 });
    first.close();

    const service = await open(dataDir, decks, START + 3_600_000);
    const [backup] = service.listBackups();
    expect(backup).toBeDefined();
    service.deleteNotes({ noteIds: ['d/c1'] });
    service.restoreBackup({ id: backup!.id });
    const restored = shape(service);
    expect(restored.cards).toBe(3);
    expect(() => service.undoDelete()).toThrow('There is no deletion to undo.');
    expect(shape(service)).toEqual(restored);
  });

  it('ends with an import: neither the answer nor the deletion before it can be undone', async () => {
    const service = await open(tmp('deckhand-data-'), shippedDeck(3));
    service.deleteNotes({ noteIds: ['d/c2'] });
    const card = service.nextCard({ deckId: 'd' }).card!;
    service.answer({ cardId: card.id, rating: 3, shownAt: card.shownAt, durationMs: 2000 });
    await service.importBundle(wordsBundle());
    expect(() => service.undo()).toThrow('There is nothing to undo.');
    expect(() => service.undoDelete()).toThrow('There is no deletion to undo.');
  });

  it('takes back answers and deletions from one stack, each by its own command, newest first', async () => {
    const service = await open(tmp('deckhand-data-'), shippedDeck(3));
    const first = service.nextCard({ deckId: 'd' }).card!;
    service.answer({ cardId: first.id, rating: 3, shownAt: first.shownAt, durationMs: 2000 });
    service.deleteNotes({ noteIds: ['d/c2'] });
    const second = service.nextCard({ deckId: 'd' }).card!;
    service.bury({ cardId: second.id });
    expect(service.undoDelete().message).toBe('Restored 1 note, 1 card.');
    expect(service.undo()).toMatchObject({ cardId: second.id, undone: 'bury' });
    expect(service.undo()).toMatchObject({ cardId: first.id, undone: 'answer' });
    expect(() => service.undo()).toThrow('There is nothing to undo.');
  });

  it('will not bring back a deleted deck whose title another deck has taken since', async () => {
    const service = await open(tmp('deckhand-data-'), shippedDeck(1));
    const spanish = service.createDeck({ title: 'Spanish' });
    service.deleteDeck({ deckId: spanish.id });
    service.createDeck({ title: 'Spanish' });
    expect(() => service.undoDelete()).toThrow('A deck called "Spanish" was made since the deletion; rename it first to bring the deleted one back.');
    expect(service.listDecks().filter((d) => d.title === 'Spanish')).toHaveLength(1);
  });
});

describe("the browser's pages", () => {
  it('show a change made between one page and the next', async () => {
    const service = await open(tmp('deckhand-data-'), shippedDeck(6));
    const search = { query: 'Question', sort: 'added', descending: false, limit: 3 } as const;
    const page1 = service.searchCards({ ...search, offset: 0 });
    expect(page1.total).toBe(6);
    service.updateCards({ cardIds: ['d/c4'], action: 'addTag', tag: 'later' });
    service.deleteNotes({ noteIds: ['d/c5'] });
    const page2 = service.searchCards({ ...search, offset: 3 });
    expect(page2.total).toBe(5);
    expect(page2.rows.map((r) => [r.cardId, r.tags])).toEqual([
      ['d/c3', []],
      ['d/c4', ['later']],
    ]);
  });
});
