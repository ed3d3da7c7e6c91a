// A disk that fills up under the store's own writes, on a real file system: a tmpfs of a few dozen
// KB, mounted as root (CI runs as root; elsewhere these tests say why they skip).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../main/store/atomic-file.ts';
import { removeStaleTempFiles } from '../../../main/store/snapshot-reader.ts';
import { closeWhenDone, tempDir } from '../temp-dir.ts';

/** A folder on a tmpfs of `kb` KB, unmounted when the test ends; null where mounting is not allowed. */
function smallDisk(kb: number): string | null {
  const dir = tempDir('deckhand-small-disk-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  closeWhenDone({ close: () => execFileSync('umount', [dir]) });
  return dir;
}

const canMount = process.getuid?.() === 0 && smallDisk(16) !== null;

describe('an atomic write on a full disk', () => {
  it.skipIf(!canMount)('fails, leaving the old file whole and no temp file behind (skipped where tmpfs cannot be mounted: needs root)', () => {
    const dir = smallDisk(64)!;
    const file = path.join(dir, 'collection.json');
    writeFileAtomic(file, '{"old":true}');
    const big = `{"new":"${'x'.repeat(200 * 1024)}"}`;
    expect(() => writeFileAtomic(file, big)).toThrow(/ENOSPC/);
    expect(readFileSync(file, 'utf8')).toBe('{"old":true}');
    expect(readdirSync(dir)).toEqual(['collection.json']);
  });
});

describe('opening after a crash', () => {
  it('removes the temp files an interrupted write left in the data folder, notes/, cards/ and log/', () => {
    const dir = tempDir('deckhand-stale-');
    for (const sub of ['notes', 'cards', 'log']) mkdirSync(path.join(dir, sub));
    for (const file of ['collection.json.123.tmp', 'notes/deck.json.123.1.tmp', 'cards/deck.json.123.2.tmp', 'cards/deck.json', 'log/reviews-000000000040.jsonl.merge.tmp', 'log/reviews-000000000040.jsonl']) writeFileSync(path.join(dir, file), '{}');
    removeStaleTempFiles(dir);
    expect([...readdirSync(dir), ...readdirSync(path.join(dir, 'notes')), ...readdirSync(path.join(dir, 'cards')), ...readdirSync(path.join(dir, 'log'))].sort()).toEqual(['cards', 'deck.json', 'log', 'notes', 'reviews-000000000040.jsonl']);
  });
});
