// The review log under a failing disk: an append that fails or falls short leaves the file as it
// was, so no torn record sits in front of the next good one, and replay keeps every whole record.
import { appendFileSync, fdatasyncSync, ftruncateSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryState } from '../../../main/domain/card.ts';
import { toLoggedCard } from '../../../main/domain/review-entry.ts';
import { lastEntry, readReviewLog, ReviewLogWriter, type LogFileSystem } from '../../../main/store/review-log.ts';
import type { StoredReview } from '../../../main/store/stored.ts';
import { card } from '../domain/fixtures.ts';
import { tempDir } from '../temp-dir.ts';

const T = Date.UTC(2026, 2, 2, 9);

function entry(seq: number): StoredReview {
  const after = card({ id: 'deck/a', noteId: 'deck/a', updatedAt: T + seq, memory: { state: MemoryState.Review, reps: seq, lastReview: T + seq } });
  return { id: `dev-${seq}`, seq, cardId: 'deck/a', rating: 3, reviewedAt: T + seq, durationMs: 1000, card: toLoggedCard(after) };
}

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/** The real file system, failing where a test says. */
function failing(plan: { shortWrites?: number; failWrite?: boolean; failSync?: boolean }): LogFileSystem & { calls: string[] } {
  const calls: string[] = [];
  let shortLeft = plan.shortWrites ?? 0;
  return {
    calls,
    writeSync(fd, buffer, offset, length) {
      calls.push('write');
      if (shortLeft > 0) {
        shortLeft--;
        // Half of what was asked, as a disk with a few bytes left writes.
        return writeSync(fd, buffer, offset, Math.max(1, Math.floor(length / 2)));
      }
      if (plan.failWrite) throw enospc();
      return writeSync(fd, buffer, offset, length);
    },
    fdatasyncSync(fd) {
      calls.push('sync');
      if (plan.failSync) throw Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
      fdatasyncSync(fd);
    },
    ftruncateSync(fd, length) {
      calls.push(`truncate ${length}`);
      ftruncateSync(fd, length);
    },
  };
}

function logWith(...entries: StoredReview[]): string {
  const file = path.join(tempDir('deckhand-log-'), 'reviews.jsonl');
  writeFileSync(file, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
  return file;
}

describe('appending to the review log on a failing disk', () => {
  it('cuts a write that fell short back to the last good record before reporting the error', () => {
    const file = logWith(entry(1));
    const before = readFileSync(file);
    const writer = new ReviewLogWriter(file, failing({ shortWrites: 1, failWrite: true }));
    expect(() => writer.append(entry(2))).toThrow('ENOSPC');
    writer.close();
    expect(readFileSync(file)).toEqual(before);
  });

  it('cuts back a write whose sync failed: the answer was not saved, and its id is free for the next', () => {
    const file = logWith(entry(1));
    const before = readFileSync(file);
    const writer = new ReviewLogWriter(file, failing({ failSync: true }));
    expect(() => writer.appendMany([entry(2), entry(3)])).toThrow('EIO');
    writer.close();
    expect(readFileSync(file)).toEqual(before);
  });

  it('after a failed append, the next answers land on lines of their own and all are read back', () => {
    const file = logWith(entry(1));
    const disk = { full: true };
    const fs = failing({ shortWrites: 1, failWrite: true });
    const writer = new ReviewLogWriter(file, {
      writeSync: (fd, b, o, l) => (disk.full ? fs.writeSync(fd, b, o, l) : writeSync(fd, b, o, l)),
      fdatasyncSync,
      ftruncateSync: fs.ftruncateSync,
    });
    expect(() => writer.append(entry(2))).toThrow('ENOSPC');
    disk.full = false;
    writer.append(entry(2));
    writer.append(entry(3));
    writer.close();
    const read = readReviewLog(file, T);
    expect(read.problem).toBeNull();
    expect(read.entries.map((e) => e.seq)).toEqual([1, 2, 3]);
  });
});

describe('replaying a log damaged by an older writer', () => {
  it('keeps a whole record written right after a torn one on the same line, and every one after', () => {
    const file = logWith(entry(1));
    // What a failed append used to leave: half a record, then the next good record on its line.
    const torn = JSON.stringify(entry(2)).slice(0, 80);
    appendFileSync(file, `${torn}${JSON.stringify(entry(3))}\n${JSON.stringify(entry(4))}\n`);
    const read = readReviewLog(file, T);
    expect(read.entries.map((e) => e.seq)).toEqual([1, 3, 4]);
    expect(read.problem).toMatch(/1 damaged line was skipped/);
  });
});

describe('the newest entry of a log file', () => {
  it('is read from the end: the last whole record, past a torn last line, in a file of many 64 KB pieces', () => {
    const file = path.join(tempDir('deckhand-log-'), 'reviews.jsonl');
    writeFileSync(file, Array.from({ length: 3000 }, (_, i) => `${JSON.stringify(entry(i + 1))}\n`).join(''));
    appendFileSync(file, '{"id":"torn","seq":30');
    expect(lastEntry(file)?.seq).toBe(3000);
    writeFileSync(file, `${JSON.stringify(entry(1))}\n${'x'.repeat(200 * 1024)}\n`);
    expect(lastEntry(file)?.seq).toBe(1);
    writeFileSync(file, '');
    expect(lastEntry(file)).toBeNull();
  });
});
