// Two computers, each with its own collection, syncing through one folder: what the learner
// studies and edits on one is on the other after a pass on each.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createService } from '../../main/service.ts';
import { openCollectionStore } from '../../main/store/collection-store.ts';
import { wordsBundle } from './service-fixtures.ts';
import { closeWhenDone, tempDir } from './temp-dir.ts';

const START = new Date(2026, 5, 1, 9).getTime();
const DAY = 86_400_000;

async function computer(start: number) {
  let now = start;
  const clock = () => ++now;
  const store = closeWhenDone(await openCollectionStore(tempDir('deckhand-data-'), { now: clock }));
  return { service: createService({ store, clock, scheduler: { fuzz: false } }), advance: (ms: number) => (now += ms) };
}

type Service = Awaited<ReturnType<typeof computer>>['service'];

function study(s: Service, deckId: string, rating: 1 | 2 | 3 | 4) {
  const card = s.nextCard({ deckId }).card!;
  return s.answer({ cardId: card.id, rating, shownAt: card.shownAt, durationMs: 2000 });
}


describe('syncing two computers through a folder', () => {
  it('brings a deck, its notes and their reviews across, merges edits and answers made apart, and then has nothing to do', async () => {
    const folder = tempDir('deckhand-sync-');
    const desktop = await computer(START);
    const laptop = await computer(START + 5000);
    const deck = desktop.service.createDeck({ title: 'Spanish' });
    const perro = desktop.service.saveNote({ deckId: deck.id, type: 'basic', front: 'perro', back: 'dog', tags: [] });
    desktop.service.saveNote({ deckId: deck.id, type: 'basic', front: 'gato', back: 'cat', tags: [] });
    study(desktop.service, deck.id, 3);

    const first = desktop.service.syncOnce({ folder });
    expect(first.published).toEqual({ reviews: 1, changes: expect.any(Number) });
    const across = laptop.service.syncOnce({ folder });
    expect(across.devices.map((d) => d.reviews)).toEqual([1]);
    expect(laptop.service.listDecks().map((d) => d.title)).toEqual(['Spanish']);
    expect(laptop.service.getNote({ noteId: perro.id })).toMatchObject({ front: 'perro', back: 'dog' });

    // Apart: the laptop edits a note and answers a card; the desktop answers the same card a day later.
    laptop.advance(DAY);
    laptop.service.saveNote({ noteId: perro.id, deckId: deck.id, type: 'basic', front: 'el perro', back: 'dog', tags: [] });
    const onLaptop = study(laptop.service, deck.id, 3);
    desktop.advance(2 * DAY);
    const onDesktop = study(desktop.service, deck.id, 4);
    expect(onDesktop.cardId).toBe(onLaptop.cardId);

    laptop.service.syncOnce({ folder });
    desktop.service.syncOnce({ folder });
    laptop.service.syncOnce({ folder });
    for (const s of [desktop.service, laptop.service]) {
      expect(s.getNote({ noteId: perro.id })).toMatchObject({ front: 'el perro' });
      expect(s.devicesSeen().devices).toHaveLength(1);
    }
    // Both computers hold the card as its three answers give it, in the order they were given.
    const memoryOn = (s: Service) => s.collectionContent().cards.find((c) => c.id === onLaptop.cardId)!.memory;
    expect(memoryOn(desktop.service)).toEqual(memoryOn(laptop.service));
    expect(memoryOn(desktop.service).reps).toBe(3);

    // A pass with nothing new publishes nothing and changes nothing.
    const quiet = desktop.service.syncOnce({ folder });
    expect(quiet.published).toEqual({ reviews: 0, changes: 0 });
    expect(quiet.applied).toEqual({ decks: 0, notes: 0, cards: 0, removedNotes: 0, removedDecks: 0, settings: false });
  });

  it('ends a deck renamed on one computer and deleted on the other deleted, its notes and their memory kept in "Recovered"', async () => {
    const folder = tempDir('deckhand-sync-');
    const desktop = await computer(START);
    const laptop = await computer(START + 5000);
    const deck = desktop.service.createDeck({ title: 'Capitals' });
    const peru = desktop.service.saveNote({ deckId: deck.id, type: 'basic', front: 'Peru', back: 'Lima', tags: [] });
    study(desktop.service, deck.id, 3);
    desktop.service.syncOnce({ folder });
    laptop.service.syncOnce({ folder });

    laptop.service.renameDeck({ deckId: deck.id, title: 'World capitals' });
    desktop.service.deleteDeck({ deckId: deck.id });
    desktop.service.syncOnce({ folder });
    laptop.service.syncOnce({ folder });
    desktop.service.syncOnce({ folder });

    for (const s of [desktop.service, laptop.service]) {
      expect(s.listDecks().map((d) => d.title)).toEqual(['Recovered']);
      const [recovered] = s.collectionContent().notes;
      expect(recovered).toMatchObject({ front: 'Peru', back: 'Lima', deckId: 'sync-recovered' });
      expect(s.collectionContent().cards.map((c) => c.memory.reps)).toEqual([1]);
    }
    expect(peru.id).not.toBe(desktop.service.collectionContent().notes[0]!.id);
    expect(desktop.service.syncOnce({ folder }).applied).toEqual({ decks: 0, notes: 0, cards: 0, removedNotes: 0, removedDecks: 0, settings: false });
    expect(laptop.service.syncOnce({ folder }).applied).toEqual({ decks: 0, notes: 0, cards: 0, removedNotes: 0, removedDecks: 0, settings: false });
  });

  it('brings answers and edits made to a note in "Recovered" to the other computer', async () => {
    const folder = tempDir('deckhand-sync-');
    const desktop = await computer(START);
    const laptop = await computer(START + 5000);
    const deck = desktop.service.createDeck({ title: 'Capitals' });
    desktop.service.saveNote({ deckId: deck.id, type: 'basic', front: 'Peru', back: 'Lima', tags: [] });
    desktop.service.syncOnce({ folder });
    laptop.service.syncOnce({ folder });
    desktop.service.renameDeck({ deckId: deck.id, title: 'World capitals' });
    laptop.service.deleteDeck({ deckId: deck.id });
    desktop.service.syncOnce({ folder });
    laptop.service.syncOnce({ folder });
    const [kept] = laptop.service.collectionContent().notes;
    study(laptop.service, 'sync-recovered', 3);
    laptop.service.saveNote({ noteId: kept!.id, deckId: 'sync-recovered', type: 'basic', front: 'Peru', back: 'Lima (and Cusco, once)', tags: [] });
    laptop.service.syncOnce({ folder });
    desktop.service.syncOnce({ folder });
    const onDesktop = desktop.service.collectionContent();
    expect(onDesktop.notes.map((n) => [n.id, n.back])).toEqual([[kept!.id, 'Lima (and Cusco, once)']]);
    expect(onDesktop.cards.map((c) => c.memory.reps)).toEqual([1]);
  });

  it('keeps the latest edit when a pass was cut short before it saved its state, with the clock set back since', async () => {
    const folder = tempDir('deckhand-sync-');
    const desktop = await computer(START);
    const laptop = await computer(START + 5000);
    const deck = desktop.service.createDeck({ title: 'Capitals' });
    const note = desktop.service.saveNote({ deckId: deck.id, type: 'basic', front: 'Peru', back: 'Lima', tags: [] });
    desktop.service.syncOnce({ folder });
    const stateFile = path.join(desktop.service.getAppInfo().dataDir, 'sync-state.json');
    const before = readFileSync(stateFile);
    desktop.advance(60_000);
    desktop.service.saveNote({ noteId: note.id, deckId: deck.id, type: 'basic', front: 'Peru', back: 'one', tags: [] });
    desktop.service.syncOnce({ folder });
    writeFileSync(stateFile, before);
    desktop.advance(-3_600_000);
    desktop.service.saveNote({ noteId: note.id, deckId: deck.id, type: 'basic', front: 'Peru', back: 'two', tags: [] });
    desktop.service.syncOnce({ folder });
    laptop.service.syncOnce({ folder });
    for (const s of [desktop.service, laptop.service]) expect(s.getNote({ noteId: note.id }).back).toBe('two');
  });

  it('keeps a note sync cannot carry on its computer, says so, and never lets the merge take it away', async () => {
    const folder = tempDir('deckhand-sync-');
    const desktop = await computer(START);
    const laptop = await computer(START + 5000);
    const bundle = wordsBundle();
    bundle.notes.push({ ...bundle.notes[0]!, key: 'tagged', front: 'tagged', tags: Array.from({ length: 250 }, (_, i) => `t${i}`) });
    bundle.cards.push({ ...bundle.cards[0]!, key: 'tagged:front', noteKey: 'tagged' });
    await desktop.service.importBundle(bundle);
    const pass = desktop.service.syncOnce({ folder });
    expect(pass.problems).toEqual([expect.stringMatching(/^note ".*" is past what sync can carry and was not published\.$/)]);
    laptop.service.syncOnce({ folder });
    expect(laptop.service.collectionContent().notes.map((n) => n.front)).toEqual(['hola']);
    const hola = laptop.service.collectionContent().notes[0]!;
    laptop.service.saveNote({ noteId: hola.id, deckId: hola.deckId, type: 'basic', front: 'hola', back: 'hi', tags: [] });
    laptop.service.syncOnce({ folder });
    desktop.service.syncOnce({ folder });
    expect(desktop.service.collectionContent().notes.map((n) => [n.front, n.back]).sort()).toEqual([['hola', 'hi'], ['tagged', 'hello']]);
  });

  it('keeps the memory of a note moved to another deck on the other computer', async () => {
    const folder = tempDir('deckhand-sync-');
    const desktop = await computer(START);
    const laptop = await computer(START + 5000);
    const verbs = desktop.service.createDeck({ title: 'Verbs' });
    const nouns = desktop.service.createDeck({ title: 'Nouns' });
    const note = desktop.service.saveNote({ deckId: verbs.id, type: 'basic', front: 'la casa', back: 'the house', tags: [] });
    study(desktop.service, verbs.id, 3);
    desktop.service.syncOnce({ folder });
    laptop.service.syncOnce({ folder });
    const moved = desktop.service.saveNote({ noteId: note.id, deckId: nouns.id, type: 'basic', front: 'la casa', back: 'the house', tags: [] });
    expect(moved.id).not.toBe(note.id);
    desktop.service.syncOnce({ folder });
    laptop.service.syncOnce({ folder });
    const onLaptop = laptop.service.collectionContent();
    expect(onLaptop.notes.map((n) => [n.id, n.deckId])).toEqual([[moved.id, nouns.id]]);
    expect(onLaptop.cards.map((c) => c.memory)).toEqual(desktop.service.collectionContent().cards.map((c) => c.memory));
    expect(onLaptop.cards[0]!.memory.reps).toBe(1);
  });

  it('brings a deleted deck back on both when its deletion is undone after a pass', async () => {
    const folder = tempDir('deckhand-sync-');
    const desktop = await computer(START);
    const laptop = await computer(START + 5000);
    const deck = desktop.service.createDeck({ title: 'Capitals' });
    desktop.service.saveNote({ deckId: deck.id, type: 'basic', front: 'Peru', back: 'Lima', tags: [] });
    study(desktop.service, deck.id, 3);
    desktop.service.syncOnce({ folder });
    laptop.service.syncOnce({ folder });
    desktop.service.deleteDeck({ deckId: deck.id });
    desktop.service.syncOnce({ folder });
    laptop.service.syncOnce({ folder });
    expect(laptop.service.listDecks()).toEqual([]);
    desktop.service.undoDelete();
    desktop.service.syncOnce({ folder });
    laptop.service.syncOnce({ folder });
    desktop.service.syncOnce({ folder });
    for (const s of [desktop.service, laptop.service]) {
      expect(s.listDecks().map((d) => d.title)).toEqual(['Capitals']);
      expect(s.collectionContent().cards.map((c) => c.memory.reps)).toEqual([1]);
    }
  });

  it('merges the whole lines of a file still being copied, and the rest once it is whole', async () => {
    const folder = tempDir('deckhand-sync-');
    const desktop = await computer(START);
    const laptop = await computer(START + 5000);
    const deck = desktop.service.createDeck({ title: 'Capitals' });
    for (const [front, back] of [['Peru', 'Lima'], ['Chile', 'Santiago'], ['Bolivia', 'Sucre']]) desktop.service.saveNote({ deckId: deck.id, type: 'basic', front: front!, back: back!, tags: [] });
    for (let i = 0; i < 3; i++) study(desktop.service, deck.id, 3);
    const { device } = desktop.service.syncOnce({ folder });
    const tail = path.join(folder, 'deckhand/devices', device, 'reviews/tail.jsonl');
    const whole = readFileSync(tail);
    writeFileSync(tail, whole.subarray(0, whole.length - 10));
    expect(laptop.service.syncOnce({ folder }).devices).toEqual([expect.objectContaining({ reviews: 2 })]);
    expect(laptop.service.collectionContent().cards.filter((c) => c.memory.reps > 0)).toHaveLength(2);
    // The desktop's next pass finds its own tail cut short and writes it whole again.
    desktop.service.syncOnce({ folder });
    expect(readFileSync(tail)).toEqual(whole);
    laptop.service.syncOnce({ folder });
    expect(laptop.service.collectionContent().cards.filter((c) => c.memory.reps > 0)).toHaveLength(3);
  });

  it('ends the undo history when a pass changed the collection, so an undo cannot bring back what the merge settled', async () => {
    const folder = tempDir('deckhand-sync-');
    const desktop = await computer(START);
    const laptop = await computer(START + 5000);
    const deck = desktop.service.createDeck({ title: 'Capitals' });
    desktop.service.saveNote({ deckId: deck.id, type: 'basic', front: 'Peru', back: 'Lima', tags: [] });
    desktop.service.syncOnce({ folder });
    laptop.service.syncOnce({ folder });
    laptop.service.renameDeck({ deckId: deck.id, title: 'World capitals' });
    laptop.service.syncOnce({ folder });
    desktop.service.deleteDeck({ deckId: deck.id });
    expect(desktop.service.syncOnce({ folder }).applied.notes).toBe(1);
    expect(() => desktop.service.undoDelete()).toThrow('There is no deletion to undo.');
    expect(desktop.service.collectionContent().notes.map((n) => n.deckId)).toEqual(['sync-recovered']);
  });

  it('takes a deck away on both when the computer that deleted it had seen every change to it', async () => {
    const folder = tempDir('deckhand-sync-');
    const desktop = await computer(START);
    const laptop = await computer(START + 5000);
    const deck = desktop.service.createDeck({ title: 'Capitals' });
    desktop.service.saveNote({ deckId: deck.id, type: 'basic', front: 'Peru', back: 'Lima', tags: [] });
    desktop.service.syncOnce({ folder });
    laptop.service.syncOnce({ folder });
    laptop.service.deleteDeck({ deckId: deck.id });
    laptop.service.syncOnce({ folder });
    desktop.service.syncOnce({ folder });
    expect(desktop.service.listDecks()).toEqual([]);
    expect(desktop.service.collectionContent().notes).toEqual([]);
  });
});
