// What a learner would notice after a crash or a power cut, checked on the collection as the app
// opens it: it opens, every answer they were told was saved is there (in the log and in the card),
// an acknowledged import is whole, no card lost its deck or note, and every file the collection
// keeps (backups included) reads.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { openCollectionStore } from '../../main/store/collection-store.ts';
import { EXTRA_NOTE, IMPORTED_NOTES, MEDIA } from './session-data.ts';
import type { Progress } from './session-run.ts';

export interface Checked {
  /** Acknowledged answers looked for, and how many were missing. */
  acks: number;
  lost: number;
  notices: string[];
  /** The cut fell inside the import, which opening finished from its journal. */
  importFinished: boolean;
  /** The cut fell inside the restore, which opening finished from its journal. */
  restoreFinished: boolean;
}

export async function checkCollection(dir: string, progress: Progress, where: string): Promise<Checked> {
  const store = await openCollectionStore(dir);
  const lost: string[] = [];
  try {
    const entries = store.allEntries();
    const ids = new Set(entries.map((e) => e.id));
    expect(ids.size, `${where}: every log entry once`).toBe(entries.length);
    for (const [id, { cardId, reps }] of progress.acks) {
      const card = store.data.cards.get(cardId);
      // The child may have made one more answer after its last acknowledgement; never fewer.
      if (!ids.has(id) || !card || card.memory.reps < reps) lost.push(`${id} (${cardId}: ${ids.has(id) ? 'in the log' : 'not in the log'}, ${card?.memory.reps} reps for ${reps} acknowledged)`);
    }
    expect(lost, `${where}: acknowledged answers lost`).toEqual([]);
    if (progress.done.includes('create deck')) {
      expect([...store.notesOf('deck-a').keys()].filter((id) => id !== `deck-a/n${EXTRA_NOTE}`).length, `${where}: deck A's notes`).toBe(40);
      expect(store.data.cards.ofDeck('deck-a').length, `${where}: deck A's cards`).toBe(40);
    }
    // The import, whole or not at all; whole once acknowledged.
    const imported = [store.data.decks.has('deck-b'), [...store.notesOf('deck-b').keys()].filter((id) => id !== `deck-b/n${EXTRA_NOTE}`).length, store.data.cards.ofDeck('deck-b').length];
    const whole = [true, IMPORTED_NOTES, IMPORTED_NOTES];
    if (progress.done.includes('import')) expect(imported, `${where}: the import`).toEqual(whole);
    else expect([[false, 0, 0], whole], `${where}: the import, whole or not at all`).toContainEqual(imported);
    // The restore, whole or not at all: the notes added after its backup are in both decks or in neither.
    if (progress.done.includes('add a note to each deck')) {
      const extra = ['deck-a', 'deck-b'].map((deck) => store.notesOf(deck).has(`${deck}/n${EXTRA_NOTE}`));
      expect(extra, `${where}: the restore, whole or not at all`).toEqual(progress.done.includes('restore') ? [false, false] : [extra[0], extra[0]]);
    }
    for (const card of store.data.cards.values()) {
      expect(store.data.decks.has(card.deckId), `${where}: the deck of ${card.id}`).toBe(true);
      expect(store.notesOf(card.deckId).has(card.noteId), `${where}: the note of ${card.id}`).toBe(true);
    }
    if (imported[0]) expect(Buffer.compare(readFileSync(path.join(dir, 'media', MEDIA.name)), Buffer.from(MEDIA.bytes)), `${where}: the imported picture`).toBe(0);
  } finally {
    try {
      store.close();
    } catch (e) {
      throw new Error(`${where}: closing failed (notices: ${JSON.stringify(store.notices)})`, { cause: e });
    }
  }
  // After closing, the store has written back whatever it recovered: every file it keeps must read.
  checkFilesRead(dir, where);
  const finished = (n: string) => n.startsWith('An import was cut short') || /^A restore of the backup \S+ was cut short \(/.test(n);
  return {
    acks: progress.acks.size,
    lost: lost.length,
    notices: store.notices.filter((n) => !finished(n)),
    importFinished: store.notices.some((n) => n.startsWith('An import was cut short')),
    restoreFinished: store.notices.some((n) => n.startsWith('A restore of the backup') && finished(n)),
  };
}

/** Every JSON file parses and every log line parses; damaged copies set aside by a recovery are not read. */
function checkFilesRead(dir: string, where: string): void {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (name.includes('.damaged-') || name === 'media' || name === 'collection.lock' || name === 'answer-history.bin') continue;
    expect(name.endsWith('.tmp'), `${where}: ${file} left behind`).toBe(false);
    if (statSync(file).isDirectory()) checkFilesRead(file, where);
    else if (name.endsWith('.jsonl')) {
      for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim()) expect(() => JSON.parse(line), `${where}: a line of ${file}`).not.toThrow();
    } else expect(() => JSON.parse(readFileSync(file, 'utf8')), `${where}: ${file}`).not.toThrow();
  }
}
