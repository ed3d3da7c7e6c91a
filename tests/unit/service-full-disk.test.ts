// The full disk a learner meets: answers refused while the disk is full are refused with a message
// to act on and change nothing; every answer acknowledged before, during and after is there when
// the collection is opened again, and the log reads without damage.
import { existsSync, fdatasyncSync, ftruncateSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createService } from '../../main/service.ts';
import { openCollectionStore } from '../../main/store/collection-store.ts';
import type { LogFileSystem } from '../../main/store/review-log.ts';
import { IMPORT_JOURNAL } from '../../main/store/import-journal.ts';
import { shippedDeck, wordsBundle } from './service-fixtures.ts';
import { closeWhenDone, tempDir } from './temp-dir.ts';

const START = new Date(2026, 2, 2, 9).getTime();

/** A disk that, while full, takes a few bytes of a write and then refuses the rest. */
function fillableDisk(): { fs: LogFileSystem; full: boolean } {
  const disk = {
    full: false,
    fs: {
      writeSync: (fd: number, buffer: Uint8Array, offset: number, length: number) => {
        if (!disk.full) return writeSync(fd, buffer, offset, length);
        if (length > 20) return writeSync(fd, buffer, offset, 20);
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
      fdatasyncSync,
      ftruncateSync,
    } satisfies LogFileSystem,
  };
  return disk;
}

describe('a disk that fills up while studying', () => {
  it('refuses answers with a message to act on, and keeps every acknowledged one', async () => {
    const dataDir = tempDir('deckhand-data-');
    const deckDir = shippedDeck(30);
    const disk = fillableDisk();
    let now = START;
    const clock = () => (now += 1000);
    const service = createService({ store: await openCollectionStore(dataDir, { now: clock, logFileSystem: disk.fs }), clock, decksDir: deckDir, scheduler: { fuzz: false } });
    let acknowledged = 0;
    const answerNext = () => {
      const card = service.nextCard({ deckId: 'd' }).card!;
      service.answer({ cardId: card.id, rating: 3, shownAt: card.shownAt, durationMs: 1000 });
      acknowledged++;
      return card.id;
    };
    for (let i = 0; i < 5; i++) answerNext();
    disk.full = true;
    for (let i = 0; i < 10; i++) {
      const card = service.nextCard({ deckId: 'd' }).card!;
      expect(() => service.answer({ cardId: card.id, rating: 3, shownAt: card.shownAt, durationMs: 1000 })).toThrow(
        'The disk holding your collection is full: this answer was not saved. Free some space and answer again.',
      );
      // Nothing changed: the same card is still the one to answer.
      expect(service.nextCard({ deckId: 'd' }).card!.id).toBe(card.id);
    }
    disk.full = false;
    for (let i = 0; i < 5; i++) answerNext();
    service.close();

    const reopened = closeWhenDone(await openCollectionStore(dataDir, { now: clock }));
    expect(reopened.notices).toEqual([]);
    const again = closeWhenDone(createService({ store: reopened, clock, decksDir: deckDir, scheduler: { fuzz: false } }));
    expect(again.collectionSummary().reviews).toBe(acknowledged);
  });
});

describe('a disk that refuses one answer, whatever the fault', () => {
  const FAULTS = [
    { code: 'ENOSPC', at: 'write', message: 'The disk holding your collection is full: this answer was not saved. Free some space and answer again.' },
    { code: 'EDQUOT', at: 'write', message: 'Your disk quota for the collection is used up: this answer was not saved. Free some space and answer again.' },
    { code: 'EIO', at: 'sync', message: 'The disk holding your collection failed to write: this answer was not saved. Check the disk and answer again.' },
    { code: 'EIO', at: 'write', message: 'The disk holding your collection failed to write: this answer was not saved. Check the disk and answer again.' },
    { code: 'EROFS', at: 'write', message: 'The disk holding your collection is read-only: this answer was not saved. Make the folder writable and answer again.' },
    { code: 'EACCES', at: 'write', message: 'Deckhand may not write to your collection’s folder: this answer was not saved. Check the folder’s permissions and answer again.' },
  ] as const;

  it.each(FAULTS)('$code on $at: refused with "$message", nothing changed, and the next answer is kept', async ({ code, at, message }) => {
    const dataDir = tempDir('deckhand-data-');
    let failNext = false;
    const fail = () => {
      failNext = false;
      throw Object.assign(new Error(`${code}: simulated`), { code });
    };
    const fs: LogFileSystem = {
      writeSync: (fd, buffer, offset, length) => (failNext && at === 'write' ? (length > 10 ? writeSync(fd, buffer, offset, 10) : fail()) : writeSync(fd, buffer, offset, length)),
      fdatasyncSync: (fd) => (failNext && at === 'sync' ? fail() : fdatasyncSync(fd)),
      ftruncateSync,
    };
    let now = START;
    const clock = () => (now += 1000);
    const service = createService({ store: await openCollectionStore(dataDir, { now: clock, logFileSystem: fs }), clock, decksDir: shippedDeck(5), scheduler: { fuzz: false } });
    const card = service.nextCard({ deckId: 'd' }).card!;
    failNext = true;
    expect(() => service.answer({ cardId: card.id, rating: 3, shownAt: card.shownAt, durationMs: 1000, cardVersion: card.version })).toThrow(message);
    expect(service.nextCard({ deckId: 'd' }).card).toMatchObject({ id: card.id, version: card.version });
    const again = service.nextCard({ deckId: 'd' }).card!;
    service.answer({ cardId: again.id, rating: 3, shownAt: again.shownAt, durationMs: 1000, cardVersion: again.version });
    service.close();
    const reopened = closeWhenDone(await openCollectionStore(dataDir, { now: clock }));
    expect(reopened.notices).toEqual([]);
    expect(reopened.allEntries().map((e) => e.cardId)).toEqual([card.id]);
  });
});

describe('an import on a full disk', () => {
  const bundle = () =>
    wordsBundle([
      { key: 'r1', cardKey: 'hola:front', reviewedAt: START - 86_400_000, rating: 3, kind: 'learn', durationMs: 4000 },
      { key: 'r2', cardKey: 'hola:front', reviewedAt: START - 3_600_000, rating: 3, kind: 'review', durationMs: 3000 },
    ]);

  it('is refused whole with a message to act on, and goes through whole once there is space', async () => {
    const disk = fillableDisk();
    let now = START;
    const clock = () => (now += 1000);
    const service = closeWhenDone(createService({ store: await openCollectionStore(tempDir('deckhand-data-'), { now: clock, logFileSystem: disk.fs }), clock, scheduler: { fuzz: false } }));
    disk.full = true;
    await expect(service.importBundle(bundle())).rejects.toThrow('The disk holding your collection is full: the import was not saved. Free some space and import again.');
    // Nothing left to finish the refused import on the next start.
    expect(existsSync(path.join(service.getAppInfo().dataDir, IMPORT_JOURNAL))).toBe(false);
    expect(service.listDecks()).toEqual([]);
    expect(service.collectionSummary().reviews).toBe(0);
    disk.full = false;
    const report = await service.importBundle(bundle());
    expect(report).toMatchObject({ notesAdded: 1, reviewsAdded: 2 });
    expect(service.collectionSummary()).toMatchObject({ cards: 1, reviews: 2, decks: 1 });
  });
});

