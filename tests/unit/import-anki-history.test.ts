// Anki history as Anki means it: a Forget starts the card's memory over (and is exported as one),
// and entries that are not answers come in once, however often the file is imported.
import { describe, expect, it } from 'vitest';
import type { Card } from '../../main/domain/card.ts';
import { readAnkiPackage } from '../../main/formats/import/anki.ts';
import { createService } from '../../main/service.ts';
import { openCollectionStore } from '../../main/store/collection-store.ts';
import { BASIC, buildCollection, buildPackage, REVERSED, type FixtureReview } from './formats/fixtures/anki-fixtures.ts';
import { closeWhenDone, tempDir } from './temp-dir.ts';

const START = new Date(2026, 2, 2, 9).getTime();
const DAY = 86_400_000;
const T0 = START - 200 * DAY;

async function open() {
  const store = closeWhenDone(await openCollectionStore(tempDir('deckhand-import-'), { now: () => START }));
  return { store, service: createService({ store, clock: () => START, scheduler: { fuzz: false } }) };
}

/** Notes "forgotten", "fresh" and "parked", one card each, with the given revlog. */
async function anki(revlog: FixtureReview[], parkedSuspended = true): Promise<Uint8Array> {
  const notes = ['forgotten', 'fresh', 'parked'].map((front, i) => ({ id: 1_500_000_000_000 + i, guid: front, mid: BASIC.id, fields: [front, 'back'] }));
  const cards = notes.map((n, i) => ({ id: 1_500_000_001_000 + i, nid: n.id, did: 1, ord: 0, ...(i === 2 && parkedSuspended ? { queue: -1 } : {}) }));
  const collection = await buildCollection({ schema: 11, crt: T0 / 1000 - 10 * 86_400, notetypes: [BASIC], decks: [{ id: 1, name: 'Default' }], notes, cards, revlog });
  return buildPackage({ layout: 'collection.anki21', collection });
}

const FORGOTTEN = 1_500_000_001_000;
const FRESH = 1_500_000_001_001;
const PARKED = 1_500_000_001_002;
const answers = (cid: number, times: number[]): FixtureReview[] => times.map((t, i) => ({ id: t, cid, ease: 3, type: i === 0 ? 0 : 1, time: 3000 }));
const LAST = T0 + 150 * DAY;

const cardOf = (store: Awaited<ReturnType<typeof open>>['store'], front: string): Card => {
  for (const card of store.data.cards.values()) {
    const note = store.notesOf(card.deckId).get(card.noteId);
    if (note?.front === front) return card;
  }
  throw new Error(`no card "${front}"`);
};

describe("Anki's Forget in imported history", () => {
  const studied = answers(FORGOTTEN, [T0, T0 + 3 * DAY, T0 + 15 * DAY, T0 + 60 * DAY]);

  it('starts the memory over: a card forgotten then answered once knows what a new card answered once knows', async () => {
    const forget: FixtureReview = { id: T0 + 149 * DAY, cid: FORGOTTEN, ease: 0, type: 4, factor: 0, time: 0 };
    const { store, service } = await open();
    await service.importBundle(await readAnkiPackage('forgot.apkg', await anki([...studied, forget, ...answers(FORGOTTEN, [LAST]), ...answers(FRESH, [LAST + 1])])));
    const forgotten = cardOf(store, 'forgotten').memory;
    const fresh = cardOf(store, 'fresh').memory;
    expect(forgotten.stability).toBeCloseTo(fresh.stability, 6);
    expect(forgotten.due).toBe(fresh.due - 1);
    expect(forgotten.reps).toBe(1);
  });

  it('without the Forget, the same answers leave a far stronger memory (the case it must not look like)', async () => {
    const { store, service } = await open();
    await service.importBundle(await readAnkiPackage('kept.apkg', await anki([...studied, ...answers(FORGOTTEN, [LAST]).map((r) => ({ ...r, type: 1 })), ...answers(FRESH, [LAST + 1])])));
    expect(cardOf(store, 'forgotten').memory.stability).toBeGreaterThan(5 * cardOf(store, 'fresh').memory.stability);
  });

  it('goes back out as a Forget (manual, interval 0), not as an answer', async () => {
    const forget: FixtureReview = { id: T0 + 149 * DAY, cid: FORGOTTEN, ease: 0, type: 4, factor: 0, time: 0 };
    const { service } = await open();
    await service.importBundle(await readAnkiPackage('forgot.apkg', await anki([...studied, forget, ...answers(FORGOTTEN, [LAST])])));
    const exported = await service.exportFile({ format: 'apkg' });
    const back = await readAnkiPackage('back.apkg', exported.bytes);
    const card = back.cards.find((c) => back.notes.find((n) => n.key === c.noteKey)?.front === 'forgotten')!;
    expect(back.reviews.filter((r) => r.cardKey === card.key).map((r) => [r.kind, r.rating])).toEqual([
      ['learn', 3], ['review', 3], ['review', 3], ['review', 3], ['reset', 0], ['learn', 3],
    ]);
  });
});

describe('the kind of each imported answer', () => {
  it('goes back out as Anki logged it, filtered-deck (cram) answers included', async () => {
    const cram: FixtureReview[] = [
      { id: T0, cid: FRESH, ease: 3, type: 0 },
      { id: T0 + DAY, cid: FRESH, ease: 3, type: 0 },
      { id: T0 + 2 * DAY, cid: FRESH, ease: 1, type: 3 },
      { id: T0 + 3 * DAY, cid: FRESH, ease: 4, type: 3 },
      { id: T0 + 30 * DAY, cid: FRESH, ease: 1, type: 1 },
      { id: T0 + 30 * DAY + 600_000, cid: FRESH, ease: 3, type: 2 },
    ];
    const { service } = await open();
    await service.importBundle(await readAnkiPackage('cram.apkg', await anki(cram)));
    const back = await readAnkiPackage('back.apkg', (await service.exportFile({ format: 'apkg' })).bytes);
    const card = back.cards.find((c) => back.notes.find((n) => n.key === c.noteKey)?.front === 'fresh')!;
    expect(back.reviews.filter((r) => r.cardKey === card.key).map((r) => [r.kind, r.rating])).toEqual([
      ['learn', 3], ['learn', 3], ['filtered', 1], ['filtered', 4], ['review', 1], ['relearn', 3],
    ]);
  });
});

describe('entries that are not answers', () => {
  it('of a never-answered, suspended card come in once, however often the file is imported', async () => {
    const manual: FixtureReview[] = [
      { id: T0 + 10 * DAY, cid: PARKED, ease: 0, type: 4, factor: 2500, time: 0 },
      { id: T0 + 20 * DAY, cid: PARKED, ease: 0, type: 5, factor: 2500, time: 0 },
    ];
    const file = await anki([...answers(FRESH, [LAST + 1]), ...manual]);
    const { store, service } = await open();
    await service.importBundle(await readAnkiPackage('parked.apkg', file));
    const once = store.allEntries().filter((e) => e.cardId === cardOf(store, 'parked').id).map((e) => e.kind);
    expect(once).toEqual(['import', 'manual', 'rescheduled']);
    for (let i = 0; i < 2; i++) await service.importBundle(await readAnkiPackage('parked.apkg', file));
    expect(store.allEntries().filter((e) => e.cardId === cardOf(store, 'parked').id).map((e) => e.kind)).toEqual(once);
    expect(cardOf(store, 'parked').suspended).toBe(true);
  });
});

describe('a note whose cards Anki keeps in different decks', () => {
  it('is kept together in its first card’s deck, and the report says which cards moved from where', async () => {
    const collection = await buildCollection({
      schema: 11,
      notetypes: [REVERSED],
      decks: [{ id: 1, name: 'Default' }, { id: 2, name: 'Spanish' }, { id: 3, name: 'Spanish::Listening' }],
      notes: [{ id: 1_500_000_000_000, guid: 'perro', mid: REVERSED.id, fields: ['perro', 'dog'] }],
      cards: [
        { id: 1_500_000_000_100, nid: 1_500_000_000_000, did: 2, ord: 0 },
        { id: 1_500_000_000_101, nid: 1_500_000_000_000, did: 3, ord: 1 },
      ],
    });
    const { store, service } = await open();
    const report = await service.importBundle(await readAnkiPackage('spanish.apkg', await buildPackage({ layout: 'collection.anki21', collection })));
    expect(report.notices).toContain('1 card was in another Anki deck than its note\'s first card; Deckhand keeps a note\'s cards together, in the first card\'s deck: 1 from “Spanish::Listening” → “Spanish”');
    const spanish = service.listDecks().find((d) => d.title === 'Spanish')!;
    expect(store.data.cards.ofDeck(spanish.id).map((c) => c.template).sort()).toEqual(['front', 'reverse']);
  });
});
