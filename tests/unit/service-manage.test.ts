// Managing cards through the service: editing keeps memory, deleting can be undone, shipped decks
// keep local edits until a newer version, nested decks, and the browser's search and bulk changes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/ipc.ts';
import { createService } from '../../main/service.ts';
import { openCollectionStore } from '../../main/store/collection-store.ts';
import { reviewLogFiles } from '../../main/store/log-segments.ts';
import { closeWhenDone, tempDir } from './temp-dir.ts';

const START = new Date(2026, 2, 2, 9).getTime();
const DAY = 86_400_000;

function writeDeck(dir: string, version: number, cards: object[]) {
  mkdirSync(path.join(dir, 'd'), { recursive: true });
  writeFileSync(path.join(dir, 'd/deck.json'), JSON.stringify({ id: 'd', version, title: 'D', cards }));
}
function decksWith(cards: object[]) {
  const dir = tempDir('deckhand-decks-');
  writeDeck(dir, 1, cards);
  return dir;
}
const basic = (id: string, front = `Q ${id}`) => ({ id, kind: 'fact', type: 'basic', front, back: `A ${id}` });
const cloze = (id: string, text: string) => ({ id, kind: 'fact', type: 'cloze', text });

async function open(dataDir: string, decksDir: string, start = START) {
  let now = start;
  const clock = () => ++now;
  const store = closeWhenDone(await openCollectionStore(dataDir, { now: clock }));
  return { service: createService({ store, clock, decksDir, scheduler: { fuzz: false } }), advance: (ms: number) => (now += ms) };
}
type Service = Awaited<ReturnType<typeof open>>['service'];

function studyFirst(s: Service, deckId = 'd', rating: 1 | 2 | 3 | 4 = 3) {
  const card = s.nextCard({ deckId }).card!;
  s.answer({ cardId: card.id, rating, shownAt: card.shownAt, durationMs: 1000 });
  return card;
}
const memoryOf = (s: Service, cardId: string) => s.searchCards({ query: '', sort: 'due', descending: false, offset: 0, limit: 500 }).rows.find((r) => r.cardId === cardId);
const logKinds = (dir: string) => reviewLogFiles(dir).flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean)).map((l) => JSON.parse(l).kind ?? 'answer');

describe('editing notes', () => {
  it('keeps a card’s memory when its text changes, and shows the new text', async () => {
    const { service } = await open(tempDir('deckhand-data-'), decksWith([basic('a'), basic('b')]));
    const studied = studyFirst(service);
    const before = memoryOf(service, studied.id)!;
    const note = service.getNote({ noteId: 'd/a' });
    expect(note).toMatchObject({ id: 'd/a', type: 'basic', front: 'Q a', cardIds: ['d/a'] });
    service.saveNote({ noteId: 'd/a', deckId: 'd', type: 'basic', front: 'A better question', back: 'A a', tags: ['edited'] });
    const after = memoryOf(service, studied.id)!;
    expect(after).toMatchObject({ front: 'A better question', status: before.status, due: before.due, intervalDays: before.intervalDays, tags: ['edited'] });
    service.close();
  });

  it('adds one card when a cloze goes from 2 to 3 deletions, keeping the others', async () => {
    const { service } = await open(tempDir('deckhand-data-'), decksWith([cloze('c', 'Rome {{c1::753}} BC, Gaul {{c2::52}} BC')]));
    studyFirst(service, 'd', 4);
    const c1 = memoryOf(service, 'd/c:c1')!;
    expect(c1.status).not.toBe('new');
    const saved = service.saveNote({ noteId: 'd/c', deckId: 'd', type: 'cloze', text: 'Rome {{c1::753}} BC, Gaul {{c2::52}} BC, Actium {{c3::31}} BC', tags: [] });
    expect(saved.cardIds).toEqual(['d/c:c1', 'd/c:c2', 'd/c:c3']);
    expect(memoryOf(service, 'd/c:c1')).toMatchObject({ due: c1.due, intervalDays: c1.intervalDays });
    expect(memoryOf(service, 'd/c:c3')).toMatchObject({ status: 'new' });
    // Back to one deletion: the extra cards go.
    service.saveNote({ noteId: 'd/c', deckId: 'd', type: 'cloze', text: 'Rome {{c1::753}} BC', tags: [] });
    expect(service.searchCards({ query: '', sort: 'due', descending: false, offset: 0, limit: 10 }).rows.map((r) => r.cardId)).toEqual(['d/c:c1']);
    service.close();
  });

  it('adds notes with stable unique ids, a card per side, and keeps them after reopening', async () => {
    const dataDir = tempDir('deckhand-data-');
    const decks = decksWith([basic('a')]);
    const first = await open(dataDir, decks);
    const deck = first.service.createDeck({ title: 'Spanish' });
    const one = first.service.saveNote({ deckId: deck.id, type: 'reversed', front: 'perro', back: 'dog', tags: ['animals'] });
    const two = first.service.saveNote({ deckId: deck.id, type: 'basic', front: 'gato', back: 'cat', tags: [] });
    expect(one.id).not.toBe(two.id);
    expect(one.id.startsWith(`${deck.id}/n.`)).toBe(true);
    expect(one.cardIds).toEqual([one.id, `${one.id}:reverse`]);
    expect(first.service.listDecks().find((d) => d.id === deck.id)!.counts.new).toBe(2);
    first.service.close();
    const second = await open(dataDir, decks);
    expect(second.service.getNote({ noteId: one.id })).toMatchObject({ front: 'perro', tags: ['animals'], deckTitle: 'Spanish' });
    expect(second.service.nextCard({ deckId: deck.id }).card?.front).toBe('perro');
    second.service.close();
  });

  it('says which field is wrong', async () => {
    const { service } = await open(tempDir('deckhand-data-'), decksWith([basic('a')]));
    expect(() => service.saveNote({ deckId: 'd', type: 'basic', front: ' ', back: 'x', tags: [] })).toThrow('"front" is empty');
    expect(() => service.saveNote({ deckId: 'd', type: 'cloze', text: 'no deletion here', tags: [] })).toThrow(/"text" has no cloze deletion/);
    const bad = await dispatch(service, 'saveNote', { deckId: 'd', type: 'basic', front: 'x'.repeat(5000), back: 'b', tags: [] });
    expect(bad).toEqual({ ok: false, error: { code: 'bad-request', message: 'saveNote: "front" is longer than 4000 characters' } });
    const tag = await dispatch(service, 'saveNote', { deckId: 'd', type: 'basic', front: 'f', back: 'b', tags: ['two words'] });
    expect(tag).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^saveNote: "tags" must be one word/) } });
    service.close();
  });
});

describe('deleting', () => {
  it('deletes notes and brings them back with their memory on undo', async () => {
    const { service } = await open(tempDir('deckhand-data-'), decksWith([basic('a'), basic('b')]));
    studyFirst(service, 'd', 4);
    const before = memoryOf(service, 'd/a')!;
    expect(service.deleteNotes({ noteIds: ['d/a'] })).toMatchObject({ notes: 1, cards: 1, message: 'Deleted 1 note, 1 card.' });
    expect(() => service.getNote({ noteId: 'd/a' })).toThrow('There is no note "d/a".');
    expect(service.listDecks()[0]!.cardCount).toBe(1);
    expect(service.undoDelete()).toMatchObject({ notes: 1, cards: 1 });
    expect(memoryOf(service, 'd/a')).toEqual(before);
    expect(service.listDecks()[0]!.cardCount).toBe(2);
    expect(() => service.undoDelete()).toThrow('There is no deletion to undo.');
    service.close();
  });

  it('deletes a deck with the decks under it, and undo brings all back', async () => {
    const { service } = await open(tempDir('deckhand-data-'), decksWith([basic('a')]));
    const lang = service.createDeck({ title: 'Lang::French' });
    const parent = service.listDecks().find((d) => d.title === 'Lang')!;
    expect(lang).toMatchObject({ parentId: parent.id, depth: 1, name: 'French' });
    service.saveNote({ deckId: lang.id, type: 'basic', front: 'chien', back: 'dog', tags: [] });
    expect(service.deleteDeck({ deckId: parent.id })).toMatchObject({ decks: 2, notes: 1, cards: 1 });
    expect(service.listDecks().map((d) => d.title)).toEqual(['D']);
    service.undoDelete();
    expect(service.listDecks().map((d) => [d.title, d.rollup.cardCount])).toEqual([
      ['D', 1],
      ['Lang', 1],
      ['Lang::French', 1],
    ]);
    service.close();
  });
});

describe('nested decks', () => {
  it('rolls the children’s counts up into the parent and renames children with it', async () => {
    const { service } = await open(tempDir('deckhand-data-'), decksWith([basic('a')]));
    const verbs = service.createDeck({ title: 'Lang::Verbs' });
    const nouns = service.createDeck({ title: 'Lang::Nouns' });
    for (const [deckId, word] of [[verbs.id, 'ir'], [verbs.id, 'ser'], [nouns.id, 'casa']] as const) service.saveNote({ deckId, type: 'basic', front: word, back: '?', tags: [] });
    const lang = service.listDecks().find((d) => d.title === 'Lang')!;
    expect(lang).toMatchObject({ depth: 0, cardCount: 0, counts: { new: 0 }, rollup: { cardCount: 3, counts: { new: 3, learning: 0, due: 0 } } });
    expect(() => service.createDeck({ title: 'lang :: verbs' })).toThrow('a deck called "lang::verbs" already exists');
    service.renameDeck({ deckId: lang.id, title: 'Spanish' });
    expect(service.listDecks().map((d) => d.title)).toEqual(['D', 'Spanish', 'Spanish::Nouns', 'Spanish::Verbs']);
    service.close();
  });
});

describe('shipped decks and local edits', () => {
  it('keeps an edit across restarts until a newer deck version ships, and keeps notes added locally', async () => {
    const decks = decksWith([basic('a', 'Shipped question'), basic('b')]);
    const dataDir = tempDir('deckhand-data-');
    const first = await open(dataDir, decks);
    first.service.saveNote({ noteId: 'd/a', deckId: 'd', type: 'basic', front: 'My question', back: 'A a', tags: [] });
    const mine = first.service.saveNote({ deckId: 'd', type: 'basic', front: 'Added here', back: 'x', tags: [] });
    first.service.close();

    const second = await open(dataDir, decks);
    expect(second.service.getNote({ noteId: 'd/a' }).front).toBe('My question');
    second.service.close();

    writeDeck(decks, 2, [basic('a', 'Shipped question, version 2'), basic('b')]);
    const third = await open(dataDir, decks);
    expect(third.service.getNote({ noteId: 'd/a' }).front).toBe('Shipped question, version 2');
    expect(third.service.getNote({ noteId: mine.id }).front).toBe('Added here');
    third.service.close();
  });
});

describe('the browser', () => {
  it('pages through a search and counts all matches', async () => {
    const { service } = await open(tempDir('deckhand-data-'), decksWith(Array.from({ length: 30 }, (_, i) => basic(`c${i}`))));
    const page = service.searchCards({ query: 'q c1', sort: 'added', descending: false, offset: 5, limit: 3, allIds: true });
    // c1, c10…c19 match "q c1".
    expect(page.total).toBe(11);
    expect(page.rows.map((r) => r.cardId)).toEqual(['d/c14', 'd/c15', 'd/c16']);
    expect(page.allIds).toHaveLength(11);
    service.close();
  });

  it('answers a repeated search from the last one only until the collection changes, or the time for a search by state', async () => {
    const { service, advance } = await open(tempDir('deckhand-data-'), decksWith([basic('a'), basic('b'), basic('c')]));
    const byInterval = () => service.searchCards({ query: '', sort: 'interval', descending: false, offset: 0, limit: 10 }).rows.map((r) => r.cardId);
    const due = () => service.searchCards({ query: '', state: 'due', sort: 'added', descending: false, offset: 0, limit: 10 }).rows.map((r) => r.cardId);
    expect(byInterval()).toEqual(['d/a', 'd/b', 'd/c']);
    expect(byInterval()).toEqual(['d/a', 'd/b', 'd/c']);
    expect(studyFirst(service, 'd', 4).id).toBe('d/a');
    // The answer gave "a" an interval: the same search, asked again, sees it.
    expect(byInterval()).toEqual(['d/b', 'd/c', 'd/a']);
    expect(due()).toEqual([]);
    // Nothing changed but the time: "a" has come due.
    advance(30 * DAY);
    expect(due()).toEqual(['d/a']);
    service.close();
  });

  it('suspends, unsuspends and resets many cards through the review log', async () => {
    const dataDir = tempDir('deckhand-data-');
    const decks = decksWith([basic('a'), basic('b'), basic('c')]);
    const { service } = await open(dataDir, decks);
    studyFirst(service, 'd', 4);
    expect(service.updateCards({ cardIds: ['d/a', 'd/b'], action: 'suspend' })).toMatchObject({ changed: 2 });
    expect(service.searchCards({ query: '', state: 'suspended', sort: 'due', descending: false, offset: 0, limit: 10 }).total).toBe(2);
    expect(service.nextCard({ deckId: 'd' }).counts.new).toBe(1);
    service.updateCards({ cardIds: ['d/a'], action: 'unsuspend' });
    expect(service.updateCards({ cardIds: ['d/c'], action: 'bury' })).toMatchObject({ changed: 1, message: 'Buried 1 card until tomorrow.' });
    expect(service.searchCards({ query: '', state: 'buried', sort: 'due', descending: false, offset: 0, limit: 10 }).rows.map((r) => r.cardId)).toEqual(['d/c']);
    expect(service.updateCards({ cardIds: ['d/a'], action: 'reset' })).toMatchObject({ changed: 1 });
    expect(memoryOf(service, 'd/a')).toMatchObject({ status: 'new', due: null });
    service.close();
    expect(logKinds(dataDir)).toEqual(['answer', 'suspend', 'suspend', 'unsuspend', 'bury', 'reset']);

    const reopened = await open(dataDir, decks);
    expect(reopened.service.searchCards({ query: '', state: 'suspended', sort: 'due', descending: false, offset: 0, limit: 10 }).rows.map((r) => r.cardId)).toEqual(['d/b']);
    expect(reopened.service.searchCards({ query: '', state: 'new', sort: 'due', descending: false, offset: 0, limit: 10 }).total).toBe(3);
    reopened.service.close();
  });

  it('tags, moves and deletes the notes of selected cards', async () => {
    const { service, advance } = await open(tempDir('deckhand-data-'), decksWith([basic('a'), basic('b')]));
    studyFirst(service, 'd', 4);
    const a = memoryOf(service, 'd/a')!;
    service.updateCards({ cardIds: ['d/a', 'd/b'], action: 'addTag', tag: 'exam' });
    expect(service.listTags()).toEqual(['exam']);
    expect(service.searchCards({ query: '', tag: 'exam', sort: 'due', descending: false, offset: 0, limit: 10 }).total).toBe(2);
    service.updateCards({ cardIds: ['d/b'], action: 'removeTag', tag: 'exam' });
    expect(service.searchCards({ query: '', tag: 'exam', sort: 'due', descending: false, offset: 0, limit: 10 }).total).toBe(1);

    const other = service.createDeck({ title: 'Other' });
    expect(service.updateCards({ cardIds: ['d/a'], action: 'move', deckId: other.id })).toMatchObject({ changed: 1 });
    const moved = service.searchCards({ query: '', deckId: other.id, sort: 'due', descending: false, offset: 0, limit: 10 }).rows;
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ front: 'Q a', due: a.due, intervalDays: a.intervalDays, tags: ['exam'] });
    advance(30 * DAY);
    expect(service.nextCard({ deckId: other.id }).card?.front).toBe('Q a');

    expect(service.updateCards({ cardIds: ['d/b'], action: 'delete' })).toMatchObject({ changed: 1, undoable: true });
    expect(service.listDecks().find((d) => d.id === 'd')!.cardCount).toBe(0);
    service.undoDelete();
    expect(service.listDecks().find((d) => d.id === 'd')!.cardCount).toBe(1);
    service.close();
  });
});
