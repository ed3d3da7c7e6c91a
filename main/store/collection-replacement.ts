// Replacing the whole collection at once: with a snapshot backup, or with a full JSON backup that
// brings its own history. Either way the state replaced is written and backed up first, so
// nothing is lost by it, and the state that replaces it is written and backed up at once.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Card, Note } from '../domain/card.ts';
import type { Settings } from '../domain/settings.ts';
import type { AnswerHistoryCache } from './answer-history-cache.ts';
import { syncDir, writeFileAtomic } from './atomic-file.ts';
import { removeJournal } from './import-journal.ts';
import { readReplaceJournal, REPLACE_JOURNAL, writeReplaceJournal, type ReplaceJournal } from './replace-journal.ts';
import type { BackupPolicy } from './backup-policy.ts';
import { backupDir, listBackups } from './backups.ts';
import type { CollectionData, DeckRecord, Replacement } from './collection-data.ts';
import type { CollectionWriter } from './collection-writer.ts';
import type { NoteTable } from './note-table.ts';
import { CARDS_DIR, NOTES_DIR } from './snapshot-file.ts';
import { readBackup } from './snapshot-reader.ts';

/** The parts of an open store that a replacement changes, and what it needs of each. */
export interface ReplaceableStore {
  dir: string;
  data: CollectionData;
  notes: Pick<NoteTable, 'markLoadedChanged' | 'replaceAll'>;
  writer: Pick<CollectionWriter, 'writeSnapshotNow' | 'setAsideLog' | 'appendReviews' | 'seq' | 'deviceId' | 'completesJournal'>;
  backups: Pick<BackupPolicy, 'backupBeforeReplacing' | 'backupReplacement'>;
  history: Pick<AnswerHistoryCache, 'forget'>;
  now: () => number;
  notices: string[];
}

/**
 * A restore rewrites every deck's files and then collection.json: cut short, it would leave some
 * decks restored and others not. So it is journalled first (the backup's name, which stays on
 * disk whole), and opening with the journal still there, before a snapshot naming it was written,
 * restores again from the same backup.
 */
export const RESTORE_JOURNAL = 'restore-journal.json';

interface RestoreJournal {
  id: string;
  backup: string;
}

/** Replaces the collection with the snapshot backup `name`; the log stays, and the restored snapshot counts as holding all of it. */
export function restoreBackup(store: ReplaceableStore, name: string): void {
  const { dir, notes, writer, backups } = store;
  if (!listBackups(dir).some((b) => b.name === path.basename(name))) throw new Error(`There is no backup named ${name}.`);
  // Keep what is being replaced: a backup of the current state, taken before anything changes.
  notes.markLoadedChanged();
  writer.writeSnapshotNow();
  backups.backupBeforeReplacing();
  const journal: RestoreJournal = { id: `restore-${writer.deviceId}-${writer.seq}-${store.now()}`, backup: path.basename(name) };
  const file = path.join(dir, RESTORE_JOURNAL);
  writeFileAtomic(file, JSON.stringify(journal));
  try {
    restoreFrom(store, journal);
  } catch (e) {
    // Refused (a full disk): the next start must not try it again on its own.
    removeJournal(file);
    throw e;
  }
}

/** Opening: finishes a restore that was cut short (see RESTORE_JOURNAL); true when it did. */
export function finishRestore(store: ReplaceableStore, completes: string | undefined, canWrite: boolean): boolean {
  const file = path.join(store.dir, RESTORE_JOURNAL);
  if (!existsSync(file)) return false;
  let journal: RestoreJournal;
  try {
    journal = JSON.parse(readFileSync(file, 'utf8')) as RestoreJournal;
  } catch (e) {
    store.notices.push(`The restore journal ${file} could not be read (${(e as Error).message}); a restore that was cut short may have left some decks as they were. Restore the backup again.`);
    return false;
  }
  if (journal.id === completes || !canWrite) {
    if (canWrite) removeJournal(file);
    return false;
  }
  try {
    restoreFrom(store, journal);
  } catch (e) {
    removeJournal(file);
    store.notices.push(`A restore of the backup ${journal.backup} was cut short and could not be finished (${(e as Error).message}); some decks may be as they were before it. Restore the backup again, or the backup taken just before it.`);
    return false;
  }
  store.notices.push(`A restore of the backup ${journal.backup} was cut short (Deckhand closed or the power went); it was finished.`);
  return true;
}

function restoreFrom(store: ReplaceableStore, journal: RestoreJournal): void {
  const { dir, data, notes, writer, backups } = store;
  const backup = readBackup(backupDir(dir, journal.backup), store.now, store.notices);
  writer.completesJournal(journal.id, path.join(dir, RESTORE_JOURNAL));
  replaceData(data, backup.data.decks.values(), backup.data.settings, backup.data.cards.values());
  notes.replaceAll(backup.notes);
  // The restored snapshot claims the whole log so far, so no earlier answer is replayed on top of it.
  writer.writeSnapshotNow();
  removeDeckFiles(dir, data);
  backups.backupReplacement();
}

/** Replaces the collection and its history; the log replaced is kept in the backup of the state before. */
export function replaceCollection(store: ReplaceableStore, next: Replacement): void {
  const { dir, notes, writer, backups } = store;
  notes.markLoadedChanged();
  writer.writeSnapshotNow();
  const aside = backups.backupBeforeReplacing();
  const journal: ReplaceJournal = { id: `replace-${writer.deviceId}-${writer.seq}-${store.now()}`, logAside: path.join(backupDir(dir, aside), 'review-log'), afterSeq: writer.seq, replacement: next };
  writeReplaceJournal(dir, journal);
  writer.setAsideLog(journal.logAside);
  replaceFrom(store, journal);
}

/**
 * Opening: the replacement a journal holds, unless the snapshot on disk completes it (then the
 * journal goes) or it cannot be read (said in a notice). Called before the log is replayed.
 */
export function pendingReplacement(dir: string, completes: string | undefined, notices: string[], canWrite: boolean): ReplaceJournal | null {
  let journal: ReplaceJournal | null;
  try {
    journal = readReplaceJournal(dir);
  } catch (e) {
    notices.push(`The journal ${path.join(dir, REPLACE_JOURNAL)} of a restored JSON backup could not be read (${(e as Error).message}); if a restore was cut short, restore the backup again.`);
    return null;
  }
  if (!journal || !canWrite) return null;
  if (journal.id !== completes) return journal;
  removeJournal(path.join(dir, REPLACE_JOURNAL));
  return null;
}

/** Opening, once the store is up: replaces again, from its journal, a replacement that was cut short. */
export function finishReplacement(store: ReplaceableStore, journal: ReplaceJournal): void {
  replaceFrom(store, journal);
  store.notices.push('Restoring a JSON backup was cut short (Deckhand closed or the power went); it was finished.');
}

function replaceFrom(store: ReplaceableStore, journal: ReplaceJournal): void {
  const { dir, data, notes, writer, backups, history } = store;
  const next = journal.replacement;
  writer.completesJournal(journal.id, path.join(dir, REPLACE_JOURNAL));
  replaceData(data, next.decks, structuredClone(next.settings), next.cards);
  const nextNotes = new Map(next.decks.map((d) => [d.id, new Map<string, Note>()]));
  for (const n of next.notes) nextNotes.get(n.deckId)?.set(n.id, n);
  notes.replaceAll(nextNotes);
  const cards = new Map(next.cards.map((c) => [c.id, c]));
  // The answer history in memory (and its saved copy) described the log just moved aside.
  history.forget();
  // Entries get new ids in this log; an undo names the entry it takes back by its new id.
  const seq = writer.seq;
  const newIds = new Map(next.history.flatMap((e, i) => (e.id ? [[e.id, `${writer.deviceId}-${seq + i + 1}`] as const] : [])));
  writer.appendReviews(next.history.map(({ id: _id, ...e }) => (e.undoes ? { ...e, undoes: newIds.get(e.undoes) ?? e.undoes } : e)));
  // appendReviews applied each entry's card; the cards given are the truth (a later edit without an entry).
  for (const card of cards.values()) data.cards.set(card.id, card);
  writer.writeSnapshotNow();
  removeDeckFiles(dir, data);
  backups.backupReplacement();
}

function replaceData(data: CollectionData, decks: Iterable<DeckRecord>, settings: Settings, cards: Iterable<Card>): void {
  data.decks.clear();
  data.cards.clear();
  for (const d of decks) data.decks.set(d.id, d);
  data.settings = settings;
  for (const card of cards) data.cards.set(card.id, card);
}

/**
 * The deck files of decks the new state does not have, once it is written. Removed after, not
 * before: a crash in between used to leave the old collection.json with no deck files at all, so
 * every card and note was gone on the next start.
 */
function removeDeckFiles(dir: string, data: CollectionData): void {
  for (const folder of [NOTES_DIR, CARDS_DIR]) {
    const full = path.join(dir, folder);
    if (!existsSync(full)) continue;
    for (const name of readdirSync(full)) {
      if (name.endsWith('.json') && !data.decks.has(decodeURIComponent(name.slice(0, -'.json'.length)))) rmSync(path.join(full, name), { force: true });
    }
    syncDir(full);
  }
}
