import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryState } from '../../../main/domain/card.ts';
import { LOG_FILE, openCollectionStore, SNAPSHOT_FILE } from '../../../main/store/collection-store.ts';
import { card } from '../domain/fixtures.ts';

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'deckhand-store-'));
const T = Date.UTC(2026, 2, 2, 9);

function answered(id: string, at: number) {
  return card({ id, updatedAt: at, introducedAt: at, memory: { state: MemoryState.Learning, due: at + 600_000, reps: 1, lastReview: at } });
}

describe('the collection store', () => {
  it('makes an answer durable in the log before the snapshot is written', () => {
    const dir = tempDir();
    const store = openCollectionStore(dir, { snapshotDelayMs: 60_000 });
    store.data.cards.set('a', card({ id: 'a' }));
    const entry = store.appendReview({ cardId: 'a', rating: 3, reviewedAt: T, durationMs: 1200, card: answered('a', T) });
    expect(existsSync(path.join(dir, SNAPSHOT_FILE))).toBe(false);
    const line = JSON.parse(readFileSync(path.join(dir, LOG_FILE), 'utf8').trim());
    expect(line).toMatchObject({ id: entry.id, seq: 1, cardId: 'a', rating: 3, durationMs: 1200 });
    expect(entry.id).toMatch(/^[0-9a-f]{16}-1$/);
    store.close();
  });

  it('reopens with every answer, from the snapshot plus the log after it', () => {
    const dir = tempDir();
    const first = openCollectionStore(dir, { snapshotDelayMs: 60_000 });
    first.appendReview({ cardId: 'a', rating: 3, reviewedAt: T, durationMs: 1, card: answered('a', T) });
    first.flush();
    first.appendReview({ cardId: 'b', rating: 3, reviewedAt: T + 1, durationMs: 1, card: answered('b', T + 1) });
    // Simulates a crash: the lock is released but the second answer never reaches the snapshot.
    const snapshot = JSON.parse(readFileSync(path.join(dir, SNAPSHOT_FILE), 'utf8'));
    expect(snapshot.logSeq).toBe(1);
    first.close();
    writeFileSync(path.join(dir, SNAPSHOT_FILE), JSON.stringify(snapshot));

    const second = openCollectionStore(dir);
    expect([...second.data.cards.keys()].sort()).toEqual(['a', 'b']);
    expect(second.data.cards.get('b')?.memory.reps).toBe(1);
    const next = second.appendReview({ cardId: 'a', rating: 3, reviewedAt: T + 2, durationMs: 1, card: answered('a', T + 2) });
    expect(next.seq).toBe(3);
    expect(second.notices).toEqual([]);
    second.close();
  });

  it('cuts off a torn last line, keeps a copy, and says so', () => {
    const dir = tempDir();
    const store = openCollectionStore(dir);
    store.appendReview({ cardId: 'a', rating: 3, reviewedAt: T, durationMs: 1, card: answered('a', T) });
    store.close();
    appendFileSync(path.join(dir, LOG_FILE), '{"id":"x-2","seq":2,"cardId":"b","rat');
    const reopened = openCollectionStore(dir);
    expect(reopened.data.cards.has('a')).toBe(true);
    expect(reopened.data.cards.has('b')).toBe(false);
    expect(reopened.notices.join()).toMatch(/cut short by a crash/);
    expect(readdirSync(dir).some((f) => f.startsWith(`${LOG_FILE}.damaged-`))).toBe(true);
    reopened.appendReview({ cardId: 'c', rating: 3, reviewedAt: T + 5, durationMs: 1, card: answered('c', T + 5) });
    reopened.close();
    const lines = readFileSync(path.join(dir, LOG_FILE), 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).cardId)).toEqual(['a', 'c']);
  });

  it('moves a snapshot that does not parse aside and rebuilds the cards from the log', () => {
    const dir = tempDir();
    const store = openCollectionStore(dir);
    store.appendReview({ cardId: 'a', rating: 3, reviewedAt: T, durationMs: 1, card: answered('a', T) });
    store.close();
    writeFileSync(path.join(dir, SNAPSHOT_FILE), '{"schemaVersion":1,"cards":[');
    const reopened = openCollectionStore(dir);
    expect(reopened.data.cards.get('a')?.memory.reps).toBe(1);
    expect(reopened.notices.join()).toMatch(/could not be read.*moved to/);
    expect(readdirSync(dir).filter((f) => f.startsWith(`${SNAPSHOT_FILE}.damaged-`))).toHaveLength(1);
    reopened.close();
  });

  it('refuses a second writer with a clear message, and lets it in after close', () => {
    const dir = tempDir();
    const store = openCollectionStore(dir);
    // The lock names this process, so pretend the owner is another live process: our parent.
    writeFileSync(path.join(dir, 'collection.lock'), String(process.ppid));
    expect(() => openCollectionStore(dir)).toThrow(/open in another Deckhand process \(pid \d+\)/);
    writeFileSync(path.join(dir, 'collection.lock'), String(process.pid));
    store.close();
    expect(existsSync(path.join(dir, 'collection.lock'))).toBe(false);
    openCollectionStore(dir).close();
  });

  it('takes over a lock left by a process that is gone', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'collection.lock'), '2147483646');
    expect(() => openCollectionStore(dir).close()).not.toThrow();
  });

  it('refuses a collection written by a newer version instead of overwriting it', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, SNAPSHOT_FILE), JSON.stringify({ schemaVersion: 99, deviceId: 'x', logSeq: 0, decks: [], notes: [], cards: [] }));
    expect(() => openCollectionStore(dir)).toThrow(/newer Deckhand/);
    expect(JSON.parse(readFileSync(path.join(dir, SNAPSHOT_FILE), 'utf8')).schemaVersion).toBe(99);
    expect(existsSync(path.join(dir, 'collection.lock'))).toBe(false);
  });
});
