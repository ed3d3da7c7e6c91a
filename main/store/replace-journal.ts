// Replacing the whole collection with a full JSON backup moves the log aside, appends the backup's
// history and rewrites every file: cut short, it could leave the old snapshot with part of the new
// history replayed over it. So the replacement is journalled first, whole, one JSON line per item
// (a large backup never becomes one string). Opening with the journal still there, before a snapshot
// naming it was written, puts the log files back where the replacement had them and replaces again.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { syncDir } from './atomic-file.ts';
import type { Replacement } from './collection-data.ts';
import { reviewLogFiles } from './log-segments.ts';

export const REPLACE_JOURNAL = 'replace-journal.json';

export interface ReplaceJournal {
  id: string;
  /** Where the log replaced goes (a folder in the backup of the state before). */
  logAside: string;
  /** The last log position of the state replaced: entries after it are the replacement's own. */
  afterSeq: number;
  replacement: Replacement;
}

type Line = ['deck', Replacement['decks'][number]] | ['note', Replacement['notes'][number]] | ['card', Replacement['cards'][number]] | ['review', Replacement['history'][number]];

export function writeReplaceJournal(dir: string, journal: ReplaceJournal): void {
  const file = path.join(dir, REPLACE_JOURNAL);
  const temp = `${file}.${process.pid}.tmp`;
  const { replacement, ...head } = journal;
  const fd = openSync(temp, 'w');
  try {
    const write = (text: string) => {
      const bytes = Buffer.from(text, 'utf8');
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
    };
    write(`${JSON.stringify({ ...head, settings: replacement.settings })}\n`);
    const kinds = [
      ['deck', replacement.decks],
      ['note', replacement.notes],
      ['card', replacement.cards],
      ['review', replacement.history],
    ] as const;
    for (const [kind, items] of kinds) {
      for (let i = 0; i < items.length; i += 1000) write(items.slice(i, i + 1000).map((item) => `${JSON.stringify([kind, item])}\n`).join(''));
    }
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw e;
  }
  closeSync(fd);
  renameSync(temp, file);
  syncDir(dir);
}

/** The journal of a replacement cut short, or null; throws a SyntaxError when it does not read. */
export function readReplaceJournal(dir: string): ReplaceJournal | null {
  const file = path.join(dir, REPLACE_JOURNAL);
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n');
  const head = JSON.parse(lines[0] ?? '') as Omit<ReplaceJournal, 'replacement'> & { settings: Replacement['settings'] };
  if (typeof head.id !== 'string' || typeof head.logAside !== 'string' || typeof head.afterSeq !== 'number') throw new SyntaxError('its first line is not a replacement');
  const replacement: Replacement = { decks: [], notes: [], cards: [], history: [], settings: head.settings };
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const [kind, item] = JSON.parse(line) as Line;
    if (kind === 'deck') replacement.decks.push(item);
    else if (kind === 'note') replacement.notes.push(item);
    else if (kind === 'card') replacement.cards.push(item);
    else if (kind === 'review') replacement.history.push(item);
  }
  return { id: head.id, logAside: head.logAside, afterSeq: head.afterSeq, replacement };
}

/**
 * Before opening replays anything: each log file still in the data folder is either the state
 * replaced (not yet moved aside: it goes there now) or part of the replacement's history (dropped:
 * the replacement appends it again). The replacement sealed the log before moving it, so no file
 * holds both.
 */
export function putLogFilesBack(dir: string, journal: ReplaceJournal): void {
  mkdirSync(journal.logAside, { recursive: true });
  for (const file of reviewLogFiles(dir)) {
    const first = /"seq":(\d+)/.exec(readFileSync(file, 'utf8').slice(0, 4096));
    if (first && Number(first[1]) <= journal.afterSeq) renameSync(file, path.join(journal.logAside, path.basename(file)));
    else rmSync(file);
  }
  syncDir(journal.logAside);
  syncDir(dir);
}
