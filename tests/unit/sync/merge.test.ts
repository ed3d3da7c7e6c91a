// What two devices that studied and edited apart end with once their files have met.
import { describe, expect, it } from 'vitest';
import { createScheduler } from '../../../main/domain/scheduler.ts';
import { RECOVERED_DECK, mergeLedger } from '../../../main/sync/merge.ts';
import { mergeOptions, plain, SimDevice } from './sim-device.ts';

const T0 = Date.UTC(2026, 0, 5, 9);
const MIN = 60_000;
const DAY = 86_400_000;

/** Both devices have written their files and each has read the other's. */
function meet(...devices: SimDevice[]): void {
  for (const d of devices) d.sync();
  for (const to of devices) for (const from of devices) if (from !== to) for (const [file, bytes] of from.ownFiles()) to.fs.files.set(file, bytes);
  for (const d of devices) d.sync();
}

/** A desktop and a laptop that share one deck with one note, already in step. */
function twoDevices() {
  const desktop = new SimDevice('desktop', T0);
  const laptop = new SimDevice('laptop', T0);
  desktop.set('deck', 'spanish', { title: 'Spanish' });
  desktop.set('note', 'n1', { deckId: 'spanish', type: 'basic', front: 'perro', back: 'dog', text: '' });
  meet(desktop, laptop);
  return { desktop, laptop };
}

describe('merging what two devices did apart', () => {
  it('gives both the same deck and note once they meet', () => {
    const { desktop, laptop } = twoDevices();
    expect(laptop.view.notes.get('n1')).toMatchObject({ deckId: 'spanish', front: 'perro', back: 'dog' });
    expect(plain(laptop.view)).toEqual(plain(desktop.view));
  });

  it('keeps the later edit of a field and both edits of different fields', () => {
    const { desktop, laptop } = twoDevices();
    desktop.now = T0 + 10 * MIN;
    desktop.set('note', 'n1', { front: 'el perro' });
    laptop.now = T0 + 20 * MIN;
    laptop.set('note', 'n1', { front: 'un perro' });
    laptop.set('note', 'n1', { back: 'a dog' });
    meet(desktop, laptop);
    expect(desktop.view.notes.get('n1')).toMatchObject({ front: 'un perro', back: 'a dog' });
    expect(plain(laptop.view)).toEqual(plain(desktop.view));
  });

  it('orders edits by the clock that followed what a device had read, not by a computer clock set back', () => {
    const { desktop, laptop } = twoDevices();
    desktop.now = T0 + DAY;
    desktop.set('note', 'n1', { front: 'first' });
    meet(desktop, laptop);
    // The laptop's clock reads a day behind, yet it edits after it saw the desktop's edit.
    laptop.now = T0 + MIN;
    laptop.set('note', 'n1', { front: 'second' });
    meet(desktop, laptop);
    expect(desktop.view.notes.get('n1')!.front).toBe('second');
  });

  it('lets a deletion win over an older edit, and a later edit bring the note back', () => {
    const { desktop, laptop } = twoDevices();
    laptop.now = T0 + MIN;
    laptop.set('note', 'n1', { back: 'hound' });
    desktop.now = T0 + 2 * MIN;
    desktop.delete('note', 'n1');
    meet(desktop, laptop);
    expect(desktop.view.notes.has('n1')).toBe(false);
    expect(laptop.view.notes.has('n1')).toBe(false);

    desktop.set('note', 'n2', { deckId: 'spanish', type: 'basic', front: 'gato', back: 'cat', text: '' });
    desktop.now = T0 + 3 * MIN;
    desktop.delete('note', 'n2');
    laptop.now = T0 + 4 * MIN;
    laptop.set('note', 'n2', { deckId: 'spanish', type: 'basic', front: 'gato', back: 'cat (edited)', text: '' });
    meet(desktop, laptop);
    expect(desktop.view.notes.get('n2')!.back).toBe('cat (edited)');
    expect(plain(laptop.view)).toEqual(plain(desktop.view));
  });

  it('ends a deck renamed on one device and deleted on the other deleted, its notes kept in "Recovered"', () => {
    const { desktop, laptop } = twoDevices();
    laptop.now = T0 + MIN;
    laptop.set('deck', 'spanish', { title: 'Español' });
    desktop.now = T0 + 2 * MIN;
    desktop.delete('deck', 'spanish');
    expect(desktop.view.notes.size).toBe(0);
    meet(desktop, laptop);
    for (const d of [desktop, laptop]) {
      expect(d.view.decks.has('spanish')).toBe(false);
      expect(d.view.decks.get(RECOVERED_DECK.key)).toEqual({ title: 'Recovered' });
      expect(d.view.notes.get('n1')).toMatchObject({ deckId: RECOVERED_DECK.key, front: 'perro' });
    }
    expect(plain(laptop.view)).toEqual(plain(desktop.view));
  });

  it('brings a note added to the Recovered deck on one device to the other, though neither published that deck', () => {
    const { desktop, laptop } = twoDevices();
    laptop.set('deck', 'spanish', { title: 'Español' });
    desktop.delete('deck', 'spanish');
    meet(desktop, laptop);
    laptop.set('note', 'n9', { deckId: RECOVERED_DECK.key, type: 'basic', front: 'rana', back: 'frog', text: '' });
    meet(desktop, laptop);
    expect(desktop.view.notes.get('n9')).toMatchObject({ deckId: RECOVERED_DECK.key, front: 'rana' });
    expect(desktop.view.pending).toEqual([]);
  });

  it('takes a deck and its notes away when the deleting device had seen every change to them', () => {
    const { desktop, laptop } = twoDevices();
    laptop.set('deck', 'spanish', { title: 'Español' });
    meet(desktop, laptop);
    desktop.delete('deck', 'spanish');
    meet(desktop, laptop);
    expect(laptop.view.decks.size).toBe(0);
    expect(laptop.view.notes.size).toBe(0);
  });

  it('brings back a deck its deleting device restored (an undo), but not one another device only renamed', () => {
    const { desktop, laptop } = twoDevices();
    desktop.delete('deck', 'spanish');
    meet(desktop, laptop);
    desktop.set('deck', 'spanish', { title: 'Spanish' });
    desktop.set('note', 'n1', { deckId: 'spanish', type: 'basic', front: 'perro', back: 'dog', text: '' });
    meet(desktop, laptop);
    expect(laptop.view.decks.get('spanish')).toEqual({ title: 'Spanish' });
    expect(laptop.view.notes.get('n1')!.deckId).toBe('spanish');
    laptop.delete('deck', 'spanish');
    desktop.set('deck', 'spanish', { title: 'Spanish verbs' });
    meet(desktop, laptop);
    expect(desktop.view.decks.has('spanish')).toBe(false);
    expect(plain(laptop.view)).toEqual(plain(desktop.view));
  });

  it("keeps a note added to a deck on one device while the other deleted the deck", () => {
    const { desktop, laptop } = twoDevices();
    laptop.set('note', 'n2', { deckId: 'spanish', type: 'basic', front: 'gato', back: 'cat', text: '' });
    desktop.delete('deck', 'spanish');
    meet(desktop, laptop);
    expect([...laptop.view.notes.keys()]).toEqual(['n2']);
    expect(laptop.view.notes.get('n2')!.deckId).toBe(RECOVERED_DECK.key);
    expect(plain(laptop.view)).toEqual(plain(desktop.view));
  });

  it("replays a card's memory in time order when the other device's earlier answers arrive later", () => {
    const { desktop, laptop } = twoDevices();
    laptop.now = T0 + MIN;
    laptop.answer('n1', 3);
    desktop.now = T0 + 3 * DAY;
    desktop.answer('n1', 1);
    laptop.now = T0 + 5 * DAY;
    laptop.answer('n1', 3);
    meet(desktop, laptop);
    const scheduler = createScheduler({ fuzz: false });
    const start = { due: 0, stability: 0, difficulty: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: 0 as const, lastReview: null };
    let m = scheduler.answer(start, 3, T0 + MIN);
    m = scheduler.answer(m, 1, T0 + 3 * DAY);
    m = scheduler.answer(m, 3, T0 + 5 * DAY);
    for (const d of [desktop, laptop]) expect(d.view.cards.get('n1')).toMatchObject({ answers: 3, memory: m, introducedAt: T0 + MIN });
    // The same as replaying the merged history afresh, without what the desktop had replayed before.
    expect(desktop.view.cards.get('n1')).toEqual(mergeLedger(desktop.ledger, mergeOptions()).cards.get('n1'));
  });

  it('replays only the new answers of the cards they touched when history grows at its end', () => {
    const { desktop, laptop } = twoDevices();
    desktop.set('note', 'n2', { deckId: 'spanish', type: 'reversed', front: 'gato', back: 'cat', text: '' });
    for (let i = 1; i <= 5; i++) {
      desktop.now = T0 + i * DAY;
      desktop.answer('n1', 3);
      desktop.answer('n2', 3);
    }
    meet(desktop, laptop);
    const real = createScheduler({ fuzz: false });
    let answered = 0;
    const counting = { ...real, answer: (...args: Parameters<typeof real.answer>) => (answered++, real.answer(...args)) };
    const cache = new Map(laptop.cache);
    desktop.now = T0 + 6 * DAY;
    desktop.answer('n1', 4);
    meet(desktop, laptop);
    const merged = mergeLedger(laptop.ledger, { schedulerFor: () => counting, cache });
    expect(answered).toBe(1);
    expect(merged.cards.get('n1')).toEqual(mergeLedger(laptop.ledger, mergeOptions()).cards.get('n1'));
    expect(merged.cards.get('n2')!.answers).toBe(5);
  });

  it('leaves out an answer undone on its device, wherever the undo is read', () => {
    const { desktop, laptop } = twoDevices();
    const oops = laptop.answer('n1', 1);
    laptop.undo(oops);
    laptop.answer('n1', 3);
    meet(desktop, laptop);
    expect(desktop.view.cards.get('n1')!.answers).toBe(1);
    expect(plain(laptop.view)).toEqual(plain(desktop.view));
  });

  it('shows nothing of a note whose creation has not arrived, and all of it once it has', () => {
    const { desktop, laptop } = twoDevices();
    laptop.set('note', 'n2', { deckId: 'spanish', type: 'basic', front: 'gato', back: 'cat', text: '' });
    for (let i = 0; i < 4; i++) laptop.set('note', 'n2', { back: `cat ${i}` });
    laptop.sync();
    // The first segment of the laptop's changes has not reached the desktop; the later ones have.
    for (const [file, bytes] of laptop.ownFiles()) if (!file.endsWith('ops/000000000000.jsonl')) desktop.fs.files.set(file, bytes);
    desktop.sync();
    expect(desktop.view.notes.has('n2')).toBe(false);
    expect(desktop.view.pending).toEqual(['n2']);
    meet(desktop, laptop);
    expect(desktop.view.notes.get('n2')!.back).toBe('cat 3');
  });
});
