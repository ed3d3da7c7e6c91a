// Day-two studying through the service: undo, bury, suspend, siblings, limits, settings.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createService } from '../../main/service.ts';
import { openCollectionStore } from '../../main/store/collection-store.ts';
import { reviewLogFiles } from '../../main/store/log-segments.ts';
import { closeWhenDone, tempDir } from './temp-dir.ts';

const START = new Date(2026, 2, 2, 9).getTime();
const DAY = 86_400_000;

function decksWith(cards: object[]) {
  const dir = tempDir('deckhand-decks-');
  mkdirSync(path.join(dir, 'd'));
  writeFileSync(path.join(dir, 'd/deck.json'), JSON.stringify({ id: 'd', version: 1, title: 'D', cards }));
  return dir;
}
const basic = (id: string) => ({ id, kind: 'fact', type: 'basic', front: `Q ${id}`, back: `A ${id}` });

async function open(dataDir: string, decksDir: string, start = START) {
  let now = start;
  const clock = () => ++now;
  const store = closeWhenDone(await openCollectionStore(dataDir, { now: clock }));
  return { service: createService({ store, clock, decksDir, scheduler: { fuzz: false } }), advance: (ms: number) => (now += ms) };
}

type Service = Awaited<ReturnType<typeof open>>['service'];
const next = (s: Service) => s.nextCard({ deckId: 'd' }).card!;
const answer = (s: Service, rating: 1 | 2 | 3 | 4) => {
  const card = next(s);
  return s.answer({ cardId: card.id, rating, shownAt: card.shownAt, durationMs: 1000 });
};
const logKinds = (dir: string) => reviewLogFiles(dir).flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean)).map((l) => JSON.parse(l).kind ?? 'answer');

describe('undo', () => {
  it('answer, undo, answer again leaves the card as answering once, and shows the same card again', async () => {
    const decks = decksWith([basic('a'), basic('b')]);
    const once = await open(tempDir('deckhand-data-'), decks);
    answer(once.service, 3);
    const expected = once.service.nextCard({ deckId: 'd' });

    const dataDir = tempDir('deckhand-data-');
    const twice = await open(dataDir, decks);
    const first = next(twice.service);
    answer(twice.service, 1);
    expect(twice.service.undo()).toEqual({ cardId: first.id, deckId: 'd', undone: 'answer' });
    expect(next(twice.service)).toMatchObject({ id: first.id, status: 'new' });
    answer(twice.service, 3);
    const got = twice.service.nextCard({ deckId: 'd' });
    expect(got.counts).toEqual(expected.counts);
    expect(got.card?.id).toBe(expected.card?.id);
    twice.service.close();
    once.service.close();
    expect(logKinds(dataDir)).toEqual(['answer', 'undo', 'answer']);

    // Replay keeps the undo: the reopened collection agrees.
    const reopened = await open(dataDir, decks);
    expect(reopened.service.nextCard({ deckId: 'd' }).counts).toEqual(expected.counts);
    reopened.service.close();
  });

  it('keeps 30 steps and says when there is nothing left to undo', async () => {
    const { service } = await open(tempDir('deckhand-data-'), decksWith(Array.from({ length: 35 }, (_, i) => basic(`c${i}`))));
    service.updateSettings({ ...service.getSettings(), presets: [{ ...service.getSettings().presets[0]!, newPerDay: 100 }] });
    for (let i = 0; i < 35; i++) answer(service, 4);
    for (let i = 0; i < 30; i++) service.undo();
    expect(() => service.undo()).toThrow('There is nothing to undo.');
    expect(service.nextCard({ deckId: 'd' }).counts.new).toBe(30);
    service.close();
  });
});

describe('bury and suspend', () => {
  it('a buried card comes back the next day; a suspended one only when unsuspended', async () => {
    const { service, advance } = await open(tempDir('deckhand-data-'), decksWith([basic('a'), basic('b'), basic('c')]));
    const a = next(service);
    service.bury({ cardId: a.id });
    const b = next(service);
    expect(b.id).not.toBe(a.id);
    service.suspend({ cardId: b.id });
    expect(service.nextCard({ deckId: 'd' }).counts.new).toBe(1);
    advance(DAY);
    expect(service.nextCard({ deckId: 'd' }).counts.new).toBe(2);
    advance(30 * DAY);
    expect(service.nextCard({ deckId: 'd' }).counts.new).toBe(2);
    service.unsuspend({ cardId: b.id });
    expect(service.nextCard({ deckId: 'd' }).counts.new).toBe(3);
    service.close();
  });

  it('can undo a bury', async () => {
    const { service } = await open(tempDir('deckhand-data-'), decksWith([basic('a'), basic('b')]));
    const a = next(service);
    service.bury({ cardId: a.id });
    expect(service.undo().undone).toBe('bury');
    expect(service.nextCard({ deckId: 'd' })).toMatchObject({ card: { id: a.id }, counts: { new: 2 } });
    service.close();
  });
});

describe('siblings', () => {
  it('shows the two sides of a reversed note on different days', async () => {
    const { service, advance } = await open(tempDir('deckhand-data-'), decksWith([{ id: 'r', kind: 'fact', type: 'reversed', front: 'THAAD', back: 'Missile defence' }]));
    expect(next(service).id).toBe('d/r');
    answer(service, 4);
    expect(service.nextCard({ deckId: 'd' }).card).toBeNull();
    advance(DAY);
    expect(next(service).id).toBe('d/r:reverse');
    service.close();
  });
});

describe('nested decks', () => {
  it('studying a parent deck studies the decks under it too', async () => {
    const { service } = await open(tempDir('deckhand-data-'), decksWith([basic('a')]));
    const parent = service.createDeck({ title: 'Languages' });
    const child = service.createDeck({ title: 'Languages::Spanish' });
    service.saveNote({ deckId: child.id, type: 'basic', front: 'perro', back: 'dog', tags: [] });
    const state = service.nextCard({ deckId: parent.id });
    expect(state.counts.new).toBe(1);
    expect(state.card?.front).toBe('perro');
    service.answer({ cardId: state.card!.id, rating: 4, shownAt: state.card!.shownAt, durationMs: 1000 });
    expect(service.nextCard({ deckId: parent.id }).card).toBeNull();
    expect(service.nextCard({ deckId: 'd' }).card?.id).toBe('d/a');
    service.close();
  });
});

describe('limits and settings', () => {
  it('shows only the preset’s new cards a day, and "Study more" adds more', async () => {
    const { service } = await open(tempDir('deckhand-data-'), decksWith(Array.from({ length: 10 }, (_, i) => basic(`c${i}`))));
    const settings = service.getSettings();
    service.updateSettings({ ...settings, presets: [{ ...settings.presets[0]!, newPerDay: 3 }] });
    for (let i = 0; i < 3; i++) answer(service, 4);
    expect(service.nextCard({ deckId: 'd' }).card).toBeNull();
    expect(service.studyMore({ deckId: 'd', newCards: 2 }).counts.new).toBe(2);
    service.close();
  });

  it('"Review forgotten cards" brings back, once, each card answered Again in the window', async () => {
    const { service, advance } = await open(tempDir('deckhand-data-'), decksWith([basic('a'), basic('b')]));
    expect(next(service).id).toBe('d/a');
    answer(service, 1);
    // b (new) comes first while a waits out its 1-minute step; then a graduates with Easy.
    answer(service, 4);
    advance(2 * 60_000);
    expect(next(service).id).toBe('d/a');
    answer(service, 4);
    expect(service.nextCard({ deckId: 'd' }).card).toBeNull();
    const more = service.studyMore({ deckId: 'd', newCards: 0, forgottenDays: 1 });
    expect(more.card?.id).toBe('d/a');
    expect(more.counts.due).toBe(1);
    answer(service, 3);
    expect(service.nextCard({ deckId: 'd' }).card).toBeNull();
    expect(service.studyMore({ deckId: 'd', newCards: 0, forgottenDays: 1 }).card?.id).toBe('d/a');
    service.close();
  });

  it('applies a new desired retention from the next answer, not to due dates already given', async () => {
    const { service } = await open(tempDir('deckhand-data-'), decksWith([basic('a'), basic('b')]));
    const first = answer(service, 4);
    const settings = service.getSettings();
    service.updateSettings({ ...settings, presets: [{ ...settings.presets[0]!, desiredRetention: 0.97 }] });
    const second = answer(service, 4);
    expect(second.due - START).toBeLessThan(first.due - START);
    expect(service.listDecks()[0]!.counts.new).toBe(0);
    service.close();
  });

  it('keeps settings across a restart', async () => {
    const dataDir = tempDir('deckhand-data-');
    const decks = decksWith([basic('a')]);
    const first = await open(dataDir, decks);
    first.service.updateSettings({ ...first.service.getSettings(), rolloverHour: 6, theme: 'dark' });
    first.service.close();
    const second = await open(dataDir, decks);
    expect(second.service.getSettings()).toMatchObject({ rolloverHour: 6, theme: 'dark' });
    second.service.close();
  });
});

describe('a clock set back', () => {
  it('never makes a card unanswerable, and no interval comes out negative', async () => {
    const { service, advance } = await open(tempDir('deckhand-data-'), decksWith([basic('a')]));
    const first = service.nextCard({ deckId: 'd' }).card!;
    service.answer({ cardId: first.id, rating: 1, shownAt: first.shownAt, durationMs: 1000, cardVersion: first.version });
    // The clock is corrected five minutes back: the card was changed "in the future".
    advance(-5 * 60_000);
    const again = service.nextCard({ deckId: 'd' }).card!;
    expect(again.id).toBe(first.id);
    const result = service.answer({ cardId: again.id, rating: 3, shownAt: again.shownAt, durationMs: 1000, cardVersion: again.version });
    expect(result.due).toBeGreaterThan(again.shownAt);
    expect(result.interval).not.toMatch(/^-/);
  });

  it('still refuses a second answer to the version of a card that was shown, whatever the clock says', async () => {
    const { service, advance } = await open(tempDir('deckhand-data-'), decksWith([basic('a')]));
    const card = service.nextCard({ deckId: 'd' }).card!;
    service.answer({ cardId: card.id, rating: 3, shownAt: card.shownAt, durationMs: 1, cardVersion: card.version });
    advance(-60 * 60_000);
    expect(() => service.answer({ cardId: card.id, rating: 1, shownAt: card.shownAt, durationMs: 1, cardVersion: card.version })).toThrow(/answered after it was shown/);
  });
});
