// A collection whose folder misbehaves under it, on real mounts (as root; CI runs as root, and
// elsewhere these tests say why they skip): a read-only folder opens to read and refuses changes;
// a folder that goes away (a drive unplugged) refuses answers, gets nothing written where it was,
// and takes answers again when it comes back; a snapshot or backup that fails in the background
// is shown until it succeeds. In each, every acknowledged answer is there afterwards.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createService, type DeckhandService } from '../../main/service.ts';
import { openCollectionStore, type CollectionStore } from '../../main/store/collection-store.ts';
import { BACKUP_INTERVAL_MS } from '../../main/store/backups.ts';
import { shippedDeck } from './service-fixtures.ts';
import { closeWhenDone, tempDir } from './temp-dir.ts';

const START = new Date(2026, 2, 2, 9).getTime();
const isRoot = process.getuid?.() === 0;

function mount(args: string[]): void {
  execFileSync('mount', args, { stdio: 'ignore' });
}

/** Unmounts `dir` when the test ends, if it is still mounted then. */
function unmountWhenDone(dir: string): void {
  closeWhenDone({
    close: () => {
      while (isMountPoint(dir)) execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
    },
  });
}

function isMountPoint(dir: string): boolean {
  try {
    execFileSync('mountpoint', ['-q', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function open(dataDir: string, decksDir: string, clock: () => number): Promise<{ store: CollectionStore; service: DeckhandService }> {
  const store = await openCollectionStore(dataDir, { now: clock, snapshotDelayMs: 60_000 });
  return { store, service: closeWhenDone(createService({ store, clock, decksDir, scheduler: { fuzz: false } })) };
}

function answerNext(service: DeckhandService): string {
  const card = service.nextCard({ deckId: 'd' }).card!;
  service.answer({ cardId: card.id, rating: 3, shownAt: card.shownAt, durationMs: 1000, cardVersion: card.version });
  return card.id;
}

describe('a collection on a read-only folder', () => {
  it.skipIf(!isRoot)('opens to read, says why nothing can change, refuses every change, and loses nothing (needs root to mount read-only)', async () => {
    const decksDir = shippedDeck(10);
    const real = tempDir('deckhand-data-');
    let now = START;
    const clock = () => (now += 1000);
    const first = await open(real, decksDir, clock);
    for (let i = 0; i < 3; i++) answerNext(first.service);
    first.service.close();

    const readOnly = tempDir('deckhand-ro-');
    mount(['--bind', real, readOnly]);
    unmountWhenDone(readOnly);
    mount(['-o', 'remount,bind,ro', readOnly]);
    const { service } = await open(readOnly, decksDir, clock);
    const status = service.getStorageStatus();
    expect(status).toMatchObject({ state: 'read-only' });
    expect('message' in status && status.message).toContain(`Deckhand cannot write to your collection’s folder (${readOnly})`);
    expect(service.listDecks()[0]).toMatchObject({ id: 'd' });
    expect(service.collectionSummary().reviews).toBe(3);

    const card = service.nextCard({ deckId: 'd' }).card!;
    const refused = /^Nothing was changed\. Deckhand cannot write to your collection’s folder/;
    expect(() => service.answer({ cardId: card.id, rating: 3, shownAt: card.shownAt, durationMs: 1000, cardVersion: card.version })).toThrow(refused);
    expect(() => service.createDeck({ title: 'New' })).toThrow(refused);
    expect(() => service.suspend({ cardId: card.id })).toThrow(refused);
    expect(service.nextCard({ deckId: 'd' }).card!.id).toBe(card.id);
    service.close();

    execFileSync('umount', [readOnly]);
    const back = await open(real, decksDir, clock);
    expect(back.store.notices).toEqual([]);
    expect(back.service.collectionSummary().reviews).toBe(3);
    expect(back.service.getStorageStatus()).toEqual({ state: 'ok' });
    answerNext(back.service);
    expect(back.service.collectionSummary().reviews).toBe(4);
  });
});

describe('a collection whose folder goes away while studying', () => {
  it.skipIf(!isRoot)('refuses answers, writes nothing where the folder was, and keeps every acknowledged answer when it is back (needs root to mount)', async () => {
    const decksDir = shippedDeck(20);
    const real = tempDir('deckhand-drive-');
    const mounted = tempDir('deckhand-mount-');
    mount(['--bind', real, mounted]);
    unmountWhenDone(mounted);
    let now = START;
    const clock = () => (now += 1000);
    const { store, service } = await open(mounted, decksDir, clock);
    const acknowledged = [answerNext(service), answerNext(service)];

    execFileSync('umount', ['-l', mounted]); // the drive is pulled out
    const card = service.nextCard({ deckId: 'd' }).card!;
    const answer = () => service.answer({ cardId: card.id, rating: 3, shownAt: card.shownAt, durationMs: 1000, cardVersion: card.version });
    expect(answer).toThrow('The folder holding your collection cannot be found: this answer was not saved. Reconnect the drive or folder and answer again.');
    expect(answer).toThrow('cannot be found'); // and again, now that the log is closed: never a new log where the drive was
    await store.flush();
    const status = service.getStorageStatus();
    expect(status).toMatchObject({ state: 'failing' });
    expect('message' in status && status.message).toMatch(/^The folder holding your collection cannot be found: your answers are saved, but your latest edits .* are not yet\. Reconnect the drive or folder\. Deckhand tries again every 30 seconds\./);
    expect(readdirSync(mounted)).toEqual([]);

    mount(['--bind', real, mounted]); // and plugged in again
    acknowledged.push(answerNext(service));
    await store.flush();
    expect(service.getStorageStatus()).toEqual({ state: 'ok' });
    service.close();
    execFileSync('umount', [mounted]);

    const reopened = await open(real, decksDir, clock);
    expect(reopened.store.notices).toEqual([]);
    const logged = reopened.store.allEntries().map((e) => e.cardId);
    expect(logged).toEqual(acknowledged);
  });
});

describe('a snapshot or a backup that cannot be written', () => {
  it.skipIf(!isRoot)('is shown as a problem until a later try succeeds, with the edit kept (needs root to mount a small disk)', async () => {
    const decksDir = shippedDeck(10);
    const disk = tempDir('deckhand-small-');
    mount(['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', disk]);
    unmountWhenDone(disk);
    let now = START;
    const clock = () => (now += 1000);
    const { store, service } = await open(disk, decksDir, clock);
    await store.flush();
    const note = service.getNote({ noteId: 'd/c0' });
    const filler = path.join(disk, 'filler');
    // Fill the disk to the last byte.
    try {
      for (let i = 0; ; i++) writeFileSync(path.join(disk, `filler-${i}`), Buffer.alloc(4096));
    } catch {
      // full
    }
    service.saveNote({ noteId: note.id, deckId: 'd', type: note.type, front: 'edited while the disk was full', back: note.back, tags: [] });
    await store.flush();
    const status = service.getStorageStatus();
    expect(status).toMatchObject({ state: 'failing' });
    expect('message' in status && status.message).toBe(
      'The disk holding your collection is full: your answers are saved, but your latest edits to notes, decks and settings are not yet. Free some space. Deckhand tries again every 30 seconds. Keep Deckhand open until this message goes.',
    );
    for (const name of readdirSync(disk)) if (name.startsWith('filler-')) rmSync(path.join(disk, name));
    expect(existsSync(filler)).toBe(false);
    await store.flush();
    expect(service.getStorageStatus()).toEqual({ state: 'ok' });
    service.close();
    const reopened = await open(disk, decksDir, clock);
    expect(reopened.service.getNote({ noteId: note.id }).front).toBe('edited while the disk was full');
  });

  it('names a failed automatic backup, leaves no half copy, and takes it on the next try', async () => {
    const decksDir = shippedDeck(10);
    const dataDir = tempDir('deckhand-data-');
    let now = START;
    const clock = () => (now += 1000);
    const { store, service } = await open(dataDir, decksDir, clock);
    answerNext(service);
    await store.flush();
    const before = store.backups().length;
    // Something that is not a folder where the backups go: every backup fails until it is moved.
    const backups = path.join(dataDir, 'backups');
    const moved = path.join(dataDir, 'backups-kept');
    if (existsSync(backups)) cpSync(backups, moved, { recursive: true });
    rmSync(backups, { recursive: true, force: true });
    writeFileSync(backups, 'not a folder');
    now += BACKUP_INTERVAL_MS;
    answerNext(service);
    await store.flush();
    const status = service.getStorageStatus();
    expect(status).toMatchObject({ state: 'failing' });
    expect('message' in status && status.message).toMatch(/^Deckhand could not write to your collection \(.*backups.*\): the automatic backup was not made\. Your answers and edits are saved\. Deckhand tries again every 30 seconds\.$/);

    rmSync(backups);
    mkdirSync(backups);
    if (existsSync(moved)) for (const name of readdirSync(moved)) cpSync(path.join(moved, name), path.join(backups, name), { recursive: true });
    await store.flush();
    expect(service.getStorageStatus()).toEqual({ state: 'ok' });
    expect(store.backups().length).toBe(before + 1);
    expect(readdirSync(backups).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
