import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createService } from '../../main/service.ts';
import { openCollectionStore } from '../../main/store/collection-store.ts';
import { reviewLogFiles } from '../../main/store/log-segments.ts';
import { closeWhenDone, tempDir } from './temp-dir.ts';

const START = new Date(2026, 2, 2, 9).getTime();
const MIN = 60_000;

function decksWith(cards: object[], extra: Record<string, object> = {}) {
  const dir = tempDir('deckhand-decks-');
  mkdirSync(path.join(dir, 'basics'));
  writeFileSync(path.join(dir, 'basics/deck.json'), JSON.stringify({ id: 'basics', version: 1, title: 'Basics', cards }));
  for (const [name, deck] of Object.entries(extra)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, 'deck.json'), JSON.stringify(deck));
  }
  return dir;
}

const basic = (id: string, front = `Q ${id}`) => ({ id, kind: 'fact', type: 'basic', front, back: `A ${id}` });

/** A service on `dataDir` whose clock the test moves by hand. */
async function open(dataDir: string, decksDir: string, start = START) {
  let now = start;
  const clock = () => ++now;
  const store = closeWhenDone(await openCollectionStore(dataDir, { now: clock }));
  const service = createService({ store, clock, decksDir, scheduler: { fuzz: false } });
  return { service, advance: (ms: number) => (now += ms) };
}

function study(service: Awaited<ReturnType<typeof open>>['service'], deckId: string, rating: 1 | 2 | 3 | 4) {
  const { card } = service.nextCard({ deckId });
  if (!card) throw new Error('nothing to study');
  return service.answer({ cardId: card.id, rating, shownAt: card.shownAt, durationMs: 2000 });
}

describe('studying through the service', () => {
  it('finds five answered cards scheduled after closing and reopening the collection', async () => {
    const decks = decksWith(Array.from({ length: 8 }, (_, i) => basic(`c${i}`)));
    const data = tempDir('deckhand-data-');
    const first = await open(data, decks);
    expect(first.service.listDecks()[0]!.counts).toEqual({ new: 8, learning: 0, due: 0 });
    for (let i = 0; i < 5; i++) study(first.service, 'basics', 4);
    first.service.close();

    const second = await open(data, decks, START + 10 * MIN);
    const [deck] = second.service.listDecks();
    expect(deck!.counts).toEqual({ new: 3, learning: 0, due: 0 });
    second.advance(9 * 24 * 60 * MIN);
    expect(second.service.listDecks()[0]!.counts.due).toBe(5);
    second.service.close();
  });

  it('brings a learning card back after its 1-minute step', async () => {
    const { service, advance } = await open(tempDir('deckhand-data-'), decksWith([basic('a'), basic('b')]));
    const again = study(service, 'basics', 1);
    expect(again.interval).toBe('1m');
    expect(service.nextCard({ deckId: 'basics' }).card?.id).toBe('basics/b');
    advance(2 * MIN);
    expect(service.nextCard({ deckId: 'basics' }).card?.id).toBe('basics/a');
    service.close();
  });

  it('shows the intervals each answer would give on a new card', async () => {
    const { service } = await open(tempDir('deckhand-data-'), decksWith([basic('a')]));
    expect(service.nextCard({ deckId: 'basics' }).card?.intervals).toEqual({ 1: '1m', 2: '6m', 3: '10m', 4: '8d' });
    service.close();
  });

  it('refuses a second answer to a card that changed after it was shown', async () => {
    const { service } = await open(tempDir('deckhand-data-'), decksWith([basic('a')]));
    const { card } = service.nextCard({ deckId: 'basics' });
    service.answer({ cardId: card!.id, rating: 3, shownAt: card!.shownAt, durationMs: 1 });
    expect(() => service.answer({ cardId: card!.id, rating: 1, shownAt: card!.shownAt, durationMs: 1 })).toThrow(/answered after it was shown/);
    service.close();
  });

  it('keeps review history when a later deck version changes card text', async () => {
    const decks = decksWith([basic('a', 'Old question'), basic('b')]);
    const data = tempDir('deckhand-data-');
    const first = await open(data, decks);
    study(first.service, 'basics', 4);
    first.service.close();
    writeFileSync(path.join(decks, 'basics/deck.json'), JSON.stringify({ id: 'basics', version: 2, title: 'Basics', cards: [basic('a', 'New question'), basic('b')] }));
    const second = await open(data, decks);
    expect(second.service.listDecks()[0]!.counts.new).toBe(1);
    second.advance(30 * 24 * 60 * MIN);
    const { card } = second.service.nextCard({ deckId: 'basics' });
    expect(card).toMatchObject({ id: 'basics/a', front: 'New question', status: 'due' });
    second.service.close();
  });

  it('reports a bad deck with file, card and field, and still loads the others', async () => {
    const decks = decksWith([basic('a')], { broken: { id: 'broken', version: 1, title: 'Broken', cards: [{ id: 'x', kind: 'fact', type: 'basic', front: '', back: 'b' }] } });
    const { service } = await open(tempDir('deckhand-data-'), decks);
    expect(service.listDecks().map((d) => d.id)).toEqual(['basics']);
    expect(service.getAppInfo().notices).toEqual([`${path.basename(decks)}/broken/deck.json: card "x": "front" is empty`]);
    service.close();
  });

  it('caps the time recorded for one answer at 60 seconds', async () => {
    const data = tempDir('deckhand-data-');
    const { service } = await open(data, decksWith([basic('a')]));
    const { card } = service.nextCard({ deckId: 'basics' });
    service.answer({ cardId: card!.id, rating: 3, shownAt: card!.shownAt, durationMs: 15 * MIN });
    service.close();
    const lines = reviewLogFiles(data).flatMap((f) => readFileSync(f, 'utf8').trim().split('\n').filter(Boolean));
    expect(lines.map((l) => JSON.parse(l).durationMs)).toEqual([60_000]);
  });
});

describe('the article view', () => {
  it('marks the sentences the shipped article deck quotes, with each card and its state', async () => {
    const decks = tempDir('deckhand-decks-');
    cpSync(path.resolve(import.meta.dirname, '../../decks/china-north-korea'), path.join(decks, 'china-north-korea'), { recursive: true });
    const { service } = await open(tempDir('deckhand-data-'), decks);
    study(service, 'china-north-korea', 4);
    const article = service.getArticle({ deckId: 'china-north-korea' });
    expect(article.source.author).toBe('Taisuke Mibae');
    const quoted = article.paragraphs.flat().filter((s) => s.cardIds.length > 0);
    expect(quoted.length).toBeGreaterThan(20);
    const states = new Set(Object.values(article.cards).map((c) => c.status));
    expect(states).toEqual(new Set(['new', 'learned']));
    for (const s of quoted) for (const id of s.cardIds) expect(article.cards[id]).toBeDefined();
    service.close();
  });
});
