// Restoring a full JSON backup moves the log aside, appends the backup's history and rewrites every
// file. Cut short (here: the disk fails in the middle of the history), the next start finishes it
// from its journal instead of replaying part of the new history over the old collection.
import { cpSync, existsSync, fdatasyncSync, ftruncateSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createService, type DeckhandService } from '../../../main/service.ts';
import { openCollectionStore } from '../../../main/store/collection-store.ts';
import { REPLACE_JOURNAL } from '../../../main/store/replace-journal.ts';
import type { LogFileSystem } from '../../../main/store/review-log.ts';
import { shippedDeck } from '../service-fixtures.ts';
import { closeWhenDone, tempDir } from '../temp-dir.ts';

const START = new Date(2026, 2, 2, 9).getTime();

function study(service: DeckhandService, times: number): void {
  for (let i = 0; i < times; i++) {
    const card = service.nextCard({ deckId: 'd' }).card!;
    service.answer({ cardId: card.id, rating: 4, shownAt: card.shownAt, durationMs: 1000, cardVersion: card.version });
  }
}

describe('restoring a JSON backup, cut short', () => {
  it('is finished from its journal on the next start, with the backup’s history and none of the old log replayed over it', async () => {
    const decksDir = shippedDeck(10);
    const dataDir = tempDir('deckhand-data-');
    let now = START;
    const clock = () => (now += 60_000);
    let syncs = 0;
    let failAfter = Infinity;
    const fs: LogFileSystem = {
      writeSync: (fd, buffer, offset, length) => writeSync(fd, buffer, offset, length),
      fdatasyncSync: (fd) => {
        if (++syncs > failAfter) throw Object.assign(new Error('EIO: simulated'), { code: 'EIO' });
        fdatasyncSync(fd);
      },
      ftruncateSync,
    };
    const service = closeWhenDone(createService({ store: await openCollectionStore(dataDir, { now: clock, logFileSystem: fs }), clock, decksDir, scheduler: { fuzz: false } }));
    study(service, 3);
    const backup = service.collectionContent(); // 3 answers
    study(service, 3); // 6 answers
    // The disk fails on the restore's history, after the old log was moved aside.
    failAfter = syncs;
    await expect(service.restoreCollection(backup)).rejects.toThrow('The disk holding your collection failed to write');
    expect(existsSync(path.join(dataDir, REPLACE_JOURNAL))).toBe(true);
    // What the disk holds now is what a crash at that moment leaves.
    const crashed = tempDir('deckhand-crashed-');
    cpSync(dataDir, crashed, { recursive: true });

    const store = await openCollectionStore(crashed, { now: clock });
    expect(store.notices).toEqual(['Restoring a JSON backup was cut short (Deckhand closed or the power went); it was finished.']);
    const reopened = closeWhenDone(createService({ store, clock, scheduler: { fuzz: false } }));
    expect(reopened.collectionSummary().reviews).toBe(3);
    expect([...store.data.cards.values()].filter((c) => c.memory.reps > 0)).toHaveLength(3);
    expect(existsSync(path.join(crashed, REPLACE_JOURNAL))).toBe(false);
    // The log replaced is kept, whole, in the backup taken before the restore.
    const before = store.backups().find((b) => b.name.endsWith('-before-restore'))!;
    expect(existsSync(path.join(crashed, 'backups', before.name, 'review-log'))).toBe(true);
    reopened.close();
    const again = closeWhenDone(await openCollectionStore(crashed, { now: clock }));
    expect(again.notices).toEqual([]);
    expect(again.allEntries().filter((e) => !e.kind)).toHaveLength(3);
  });
});
