import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryState } from '../../../main/domain/card.ts';
import { LOG_FILE, openCollectionStore, SNAPSHOT_FILE } from '../../../main/store/collection-store.ts';
import { listSegments, reviewLogFiles } from '../../../main/store/log-segments.ts';
import { card } from '../domain/fixtures.ts';
import { tempDir } from '../temp-dir.ts';

const T = Date.UTC(2026, 2, 2, 9);

/** A card of note `deck/<name>` in the state after its first answer at `at`. */
function answered(name: string, at: number, reps = 1) {
  const id = `deck/${name}`;
  return card({ id, noteId: id, updatedAt: at, introducedAt: at, memory: { state: MemoryState.Learning, due: at + 600_000, reps, lastReview: at } });
}
const review = (name: string, at: number, reps = 1) => ({ cardId: `deck/${name}`, rating: 3, reviewedAt: at, durationMs: 1, card: answered(name, at, reps) });
const logLines = (dir: string) => reviewLogFiles(dir).flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean)).map((l) => JSON.parse(l));

describe('the collection store', () => {
  it('makes an answer durable in the log before the snapshot is written', async () => {
    const dir = tempDir('deckhand-store-');
    const store = await openCollectionStore(dir, { snapshotDelayMs: 60_000 });
    const entry = store.appendReview(review('a', T));
    expect(existsSync(path.join(dir, SNAPSHOT_FILE))).toBe(false);
    const line = JSON.parse(readFileSync(path.join(dir, LOG_FILE), 'utf8').trim());
    expect(line).toMatchObject({ id: entry.id, seq: 1, cardId: 'deck/a', rating: 3, durationMs: 1 });
    expect(entry.id).toMatch(/^[0-9a-f]{16}-1$/);
    store.close();
  });

  it('reopens with every answer, from the snapshot plus the log after it', async () => {
    const dir = tempDir('deckhand-store-');
    const first = await openCollectionStore(dir, { snapshotDelayMs: 60_000 });
    first.appendReview(review('a', T));
    await first.flush();
    first.appendReview(review('b', T + 1));
    const snapshot = readFileSync(path.join(dir, SNAPSHOT_FILE), 'utf8');
    expect(JSON.parse(snapshot).logSeq).toBe(1);
    first.close();
    // As after a crash: the second answer never reached the snapshot.
    writeFileSync(path.join(dir, SNAPSHOT_FILE), snapshot);

    const second = await openCollectionStore(dir);
    expect([...second.data.cards.keys()].sort()).toEqual(['deck/a', 'deck/b']);
    expect(second.data.cards.get('deck/b')?.memory.reps).toBe(1);
    expect(second.appendReview(review('a', T + 2, 2)).seq).toBe(3);
    expect(second.notices).toEqual([]);
    second.close();
  });

  it('seals the log at each snapshot, so opening replays only the answers since', async () => {
    const dir = tempDir('deckhand-store-');
    const store = await openCollectionStore(dir, { snapshotDelayMs: 60_000 });
    for (let i = 0; i < 5; i++) store.appendReview(review(`c${i}`, T + i));
    await store.flush();
    store.appendReview(review('late', T + 10));
    expect(listSegments(dir).map((s) => s.lastSeq)).toEqual([5]);
    expect(readFileSync(path.join(dir, LOG_FILE), 'utf8').trim().split('\n')).toHaveLength(1);
    expect(logLines(dir).map((l) => l.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    store.close();
  });

  it('folds many small log segments into one on close, keeping every answer in order', async () => {
    const dir = tempDir('deckhand-store-');
    const store = await openCollectionStore(dir, { snapshotDelayMs: 60_000 });
    for (let i = 0; i < 40; i++) {
      store.appendReview(review(`c${i % 3}`, T + i, i + 1));
      await store.flush();
    }
    expect(listSegments(dir)).toHaveLength(40);
    store.close();
    expect(listSegments(dir).map((s) => s.lastSeq)).toEqual([40]);
    expect(logLines(dir).map((l) => l.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    writeFileSync(path.join(dir, SNAPSHOT_FILE), '{');
    rmSync(path.join(dir, 'backups'), { recursive: true });
    const rebuilt = await openCollectionStore(dir);
    expect(rebuilt.data.cards.get('deck/c0')?.memory.reps).toBe(40);
    rebuilt.close();
  });

  it('answers while a snapshot is being written land in the next one, not lost between the two', async () => {
    const dir = tempDir('deckhand-store-');
    const store = await openCollectionStore(dir, { snapshotDelayMs: 60_000 });
    store.putCards(Array.from({ length: 3000 }, (_, i) => answered(`n${i}`, T)));
    store.appendReview(review('first', T));
    const writing = store.flush();
    store.appendReview(review('during', T + 1));
    await writing;
    expect(JSON.parse(readFileSync(path.join(dir, SNAPSHOT_FILE), 'utf8')).logSeq).toBe(1);
    store.close();
    const reopened = await openCollectionStore(dir);
    expect(reopened.data.cards.has('deck/during')).toBe(true);
    expect(reopened.data.cards.size).toBe(3002);
    reopened.close();
  });

  it('rebuilds from the log alone exactly the state the snapshot holds', async () => {
    const dir = tempDir('deckhand-store-');
    const store = await openCollectionStore(dir);
    for (let i = 0; i < 20; i++) store.appendReview(review(`c${i % 7}`, T + i, i + 1));
    store.close();
    const fromSnapshot = await openCollectionStore(dir);
    const expected = new Map([...fromSnapshot.data.cards.values()].map((c) => [c.id, c]));
    fromSnapshot.close();
    writeFileSync(path.join(dir, SNAPSHOT_FILE), '{');
    rmSync(path.join(dir, 'backups'), { recursive: true });
    const fromLog = await openCollectionStore(dir);
    expect(fromLog.notices.join()).toMatch(/rebuilt from the review log/);
    expect(new Map([...fromLog.data.cards.values()].map((c) => [c.id, c]))).toEqual(expected);
    fromLog.close();
  });

  it('cuts off a torn last line, keeps a copy, and says so', async () => {
    const dir = tempDir('deckhand-store-');
    const store = await openCollectionStore(dir, { snapshotDelayMs: 60_000 });
    store.appendReview(review('a', T));
    appendFileSync(path.join(dir, LOG_FILE), '{"id":"x-2","seq":2,"cardId":"deck/b","rat');
    // The process "dies" here: the lock file stays, naming a process that is gone.
    writeFileSync(path.join(dir, 'collection.lock'), '2147483646');
    const reopened = await openCollectionStore(dir);
    expect(reopened.data.cards.has('deck/a')).toBe(true);
    expect(reopened.data.cards.has('deck/b')).toBe(false);
    expect(reopened.notices.join()).toMatch(/cut short by a crash/);
    expect(readdirSync(dir).some((f) => f.startsWith(`${LOG_FILE}.damaged-`))).toBe(true);
    reopened.appendReview(review('c', T + 5));
    reopened.close();
    expect(logLines(dir).map((l) => l.cardId)).toEqual(['deck/a', 'deck/c']);
  });

  it('moves a snapshot that does not parse aside and opens from the newest backup plus the log', async () => {
    const dir = tempDir('deckhand-store-');
    let now = T;
    const store = await openCollectionStore(dir, { now: () => now });
    store.appendReview(review('a', T));
    store.close(); // takes a backup
    const again = await openCollectionStore(dir, { now: () => now });
    now += 60_000;
    again.appendReview(review('b', now));
    again.close();
    writeFileSync(path.join(dir, SNAPSHOT_FILE), '{"schemaVersion":2,"cards":[');
    const reopened = await openCollectionStore(dir, { now: () => now });
    expect(reopened.data.cards.has('deck/a')).toBe(true);
    expect(reopened.data.cards.has('deck/b')).toBe(true);
    expect(reopened.notices.join()).toMatch(/was damaged.*moved to .*opened the backup/);
    expect(readdirSync(dir).filter((f) => f.startsWith(`${SNAPSHOT_FILE}.damaged-`))).toHaveLength(1);
    reopened.close();
  });

  it('keeps each deck’s cards in a file of its own, and rebuilds a damaged one from the review log', async () => {
    const dir = tempDir('deckhand-store-');
    const store = await openCollectionStore(dir);
    store.appendReview(review('a', T, 3));
    store.close();
    const file = path.join(dir, 'cards', 'deck.json');
    expect(JSON.parse(readFileSync(file, 'utf8')).cards.note).toEqual(['deck/a']);
    writeFileSync(file, '{"cards":{"note":[');
    const reopened = await openCollectionStore(dir);
    expect(reopened.data.cards.get('deck/a')?.memory.reps).toBe(3);
    expect(reopened.notices.join()).toMatch(/cards of deck "deck" .* were damaged.*rebuilt from the review log/);
    expect(readdirSync(path.join(dir, 'cards')).some((f) => f.startsWith('deck.json.damaged-'))).toBe(true);
    reopened.close();
  });

  it('refuses a second writer with a clear message, and lets it in after close', async () => {
    const dir = tempDir('deckhand-store-');
    const store = await openCollectionStore(dir);
    // The lock names this process; pretend the owner is another live process: our parent.
    writeFileSync(path.join(dir, 'collection.lock'), String(process.ppid));
    await expect(openCollectionStore(dir)).rejects.toThrow(/open in another Deckhand process \(pid \d+\)/);
    writeFileSync(path.join(dir, 'collection.lock'), String(process.pid));
    store.close();
    expect(existsSync(path.join(dir, 'collection.lock'))).toBe(false);
    (await openCollectionStore(dir)).close();
  });

  it('refuses a collection written by a newer version instead of overwriting it', async () => {
    const dir = tempDir('deckhand-store-');
    writeFileSync(path.join(dir, SNAPSHOT_FILE), JSON.stringify({ schemaVersion: 99, deviceId: 'x', logSeq: 0, decks: [], notes: [], cards: [] }));
    await expect(openCollectionStore(dir)).rejects.toThrow(/newer Deckhand/);
    expect(JSON.parse(readFileSync(path.join(dir, SNAPSHOT_FILE), 'utf8')).schemaVersion).toBe(99);
    expect(existsSync(path.join(dir, 'collection.lock'))).toBe(false);
  });

  it('backs up on close and restores a backup, keeping the state it replaced', async () => {
    const dir = tempDir('deckhand-store-');
    let now = T;
    const store = await openCollectionStore(dir, { now: () => now });
    store.appendReview(review('a', now));
    store.close();
    now += 3_600_000;
    const later = await openCollectionStore(dir, { now: () => now });
    later.appendReview(review('b', now));
    const [first] = later.backups();
    expect(first).toBeDefined();
    later.restore(first!.name);
    expect([...later.data.cards.keys()]).toEqual(['deck/a']);
    expect(later.backups().some((b) => b.name.endsWith('-before-restore'))).toBe(true);
    later.appendReview(review('c', now + 1));
    later.close();
    const reopened = await openCollectionStore(dir, { now: () => now });
    expect([...reopened.data.cards.keys()].sort()).toEqual(['deck/a', 'deck/c']);
    reopened.close();
  });
});
