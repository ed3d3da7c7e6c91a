// A restore rewrites every deck's files and then collection.json. Cut short, it used to leave some
// decks restored and others not; its journal now lets opening finish it from the same backup.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createService, type DeckhandService } from '../../../main/service.ts';
import { openCollectionStore, type CollectionStore } from '../../../main/store/collection-store.ts';
import { RESTORE_JOURNAL } from '../../../main/store/collection-replacement.ts';
import { shippedDeck } from '../service-fixtures.ts';
import { closeWhenDone, tempDir } from '../temp-dir.ts';

const START = new Date(2026, 2, 2, 9).getTime();

describe('a restore cut short', () => {
  it('is finished from the same backup on opening, with a notice, instead of leaving some decks restored and others not', async () => {
    const decksDir = shippedDeck(10);
    const dataDir = tempDir('deckhand-data-');
    let now = START;
    const clock = () => (now += 60_000);
    const open = async (): Promise<{ store: CollectionStore; service: DeckhandService }> => {
      const store = await openCollectionStore(dataDir, { now: clock });
      return { store, service: closeWhenDone(createService({ store, clock, decksDir, scheduler: { fuzz: false } })) };
    };
    const study = (service: DeckhandService, times: number) => {
      for (let i = 0; i < times; i++) {
        const card = service.nextCard({ deckId: 'd' }).card!;
        service.answer({ cardId: card.id, rating: 4, shownAt: card.shownAt, durationMs: 1000, cardVersion: card.version });
      }
    };
    const answered = (store: CollectionStore) => [...store.data.cards.values()].filter((c) => c.memory.reps > 0).length;

    const first = await open();
    study(first.service, 3);
    first.service.close(); // backed up on quit: 3 cards answered
    const second = await open();
    const backup = second.store.backups()[0]!.name;
    study(second.service, 3);
    second.service.close();

    // What the disk holds when a restore of that backup stops just after its journal was written:
    // the collection as it was, 6 cards answered.
    writeFileSync(path.join(dataDir, RESTORE_JOURNAL), JSON.stringify({ id: 'restore-cut-short', backup }));

    const third = await open();
    expect(third.store.notices).toEqual([`A restore of the backup ${backup} was cut short (Deckhand closed or the power went); it was finished.`]);
    expect(answered(third.store)).toBe(3);
    expect(existsSync(path.join(dataDir, RESTORE_JOURNAL))).toBe(false);
    third.service.close();

    const fourth = await open();
    expect(fourth.store.notices).toEqual([]);
    expect(answered(fourth.store)).toBe(3);
  });
});
