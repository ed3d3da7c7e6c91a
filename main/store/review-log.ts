// The review log: the truth about every answer. One JSON line per review, appended and
// fdatasync'ed before the answer is acknowledged, so a crash can lose only an unacknowledged one.
import { closeSync, copyFileSync, existsSync, fdatasyncSync, fstatSync, ftruncateSync, openSync, readFileSync, readSync, statSync, truncateSync, writeSync } from 'node:fs';
import { writePieces } from './atomic-file.ts';
import type { StoredReview } from './stored.ts';

export interface LogRead {
  entries: StoredReview[];
  /** What was wrong with the file, for the user; null when it read cleanly. */
  problem: string | null;
}

/**
 * Reads every complete line. A torn last line (the process died mid-write, so it was never
 * acknowledged) is cut off; any line that does not parse is skipped, except that a good record
 * written right after a torn one on the same line (by a version that did not cut back a failed
 * append) is read. Either way the file is first copied aside to `<file>.damaged-<time>`, so
 * nothing is lost by the repair.
 */
export function readReviewLog(file: string, now: number): LogRead {
  if (!existsSync(file)) return { entries: [], problem: null };
  const bytes = readFileSync(file);
  const entries: StoredReview[] = [];
  let bad = 0;
  let start = 0;
  let goodEnd = 0;
  while (start < bytes.length) {
    const nl = bytes.indexOf(0x0a, start);
    if (nl < 0) break;
    const line = bytes.subarray(start, nl).toString('utf8');
    start = nl + 1;
    if (line.trim() === '') continue;
    const entry = parseEntry(line);
    if (entry) entries.push(entry);
    else {
      bad++;
      const after = recordAfterDamage(line);
      if (after) entries.push(after);
    }
    goodEnd = start;
  }
  const torn = goodEnd < bytes.length && bytes.subarray(goodEnd).toString('utf8').trim() !== '';
  if (!torn && bad === 0) {
    if (goodEnd < bytes.length) repair(() => truncateSync(file, goodEnd));
    return { entries, problem: null };
  }
  const aside = `${file}.damaged-${now}`;
  const kept = repair(() => {
    copyFileSync(file, aside);
    if (torn) truncateSync(file, goodEnd);
  });
  const parts = [torn ? 'its last line was cut short by a crash (that answer had not been saved)' : '', bad ? `${bad} damaged line${bad > 1 ? 's were' : ' was'} skipped` : ''].filter(Boolean);
  const copy = kept ? `A copy of the damaged file is kept as ${aside}.` : 'The file was left as it is: its folder cannot be written.';
  return { entries, problem: `The review log ${file} was damaged: ${parts.join('; ')}. ${copy}` };
}

/** Runs a repair unless the folder refuses writes (opened read-only): reading goes on either way. */
export function repair(fix: () => void): boolean {
  try {
    fix();
    return true;
  } catch (e) {
    if (isRefusedWrite(e)) return false;
    throw e;
  }
}

/** The errors of a folder that cannot be written at all (as opposed to a full or failing disk). */
export const isRefusedWrite = (e: unknown): boolean => ['EROFS', 'EACCES', 'EPERM'].includes((e as NodeJS.ErrnoException | null)?.code ?? '');

/** Where a record starts: every line the writer makes begins with its id and then its sequence. */
const RECORD_START = /\{"id":"[^"]*","seq":\d/g;

/** The last whole record in a line whose start is damaged, if one parses. */
function recordAfterDamage(line: string): StoredReview | null {
  const starts = [...line.matchAll(RECORD_START)].map((m) => m.index).filter((i) => i > 0);
  for (const start of starts.reverse()) {
    const entry = parseEntry(line.slice(start));
    if (entry) return entry;
  }
  return null;
}

function parseEntry(line: string): StoredReview | null {
  try {
    const e = JSON.parse(line) as StoredReview;
    if (typeof e.seq === 'number' && typeof e.cardId === 'string' && e.card && typeof e.card.id === 'string') return e;
  } catch {
    // fall through: reported by the caller
  }
  return null;
}

const str = (s: string) => JSON.stringify(s);
const num = (n: number | null) => (n !== null && Number.isFinite(n) ? String(n) : 'null');

/**
 * `JSON.stringify(entry)` for an entry as the writer makes it (its fields in that order), written
 * out by hand: an import of a million entries spent most of its writing time in the generic one.
 */
export function logLine(e: StoredReview): string {
  const c = e.card;
  let line = `{"id":${str(e.id)},"seq":${num(e.seq)},"cardId":${str(e.cardId)}`;
  if (e.kind !== undefined) line += `,"kind":${str(e.kind)}`;
  if (e.undoes !== undefined) line += `,"undoes":${str(e.undoes)}`;
  if (e.answerKind !== undefined) line += `,"answerKind":${str(e.answerKind)}`;
  line += `,"rating":${num(e.rating)},"reviewedAt":${num(e.reviewedAt)},"durationMs":${num(e.durationMs)}`;
  line += `,"card":{"id":${str(c.id)},"noteId":${str(c.noteId)},"deckId":${str(c.deckId)},"template":${str(c.template)}`;
  if (c.position !== undefined) line += `,"position":${num(c.position)}`;
  line += `,"due":${num(c.due)},"stability":${num(c.stability)},"difficulty":${num(c.difficulty)},"scheduledDays":${num(c.scheduledDays)},"learningSteps":${num(c.learningSteps)},"reps":${num(c.reps)},"lapses":${num(c.lapses)},"state":${num(c.state)}`;
  line += `,"lastReview":${num(c.lastReview)},"introducedAt":${num(c.introducedAt)},"updatedAt":${num(c.updatedAt)}`;
  if (c.suspended !== undefined) line += `,"suspended":${c.suspended}`;
  if (c.buriedUntil !== undefined) line += `,"buriedUntil":${num(c.buriedUntil)}`;
  if (c.addedAt !== undefined) line += `,"addedAt":${num(c.addedAt)}`;
  return `${line}}}`;
}

/** The calls the writer makes on its file: a seam, so that tests can make the disk fail at each one. */
export interface LogFileSystem {
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fdatasyncSync(fd: number): void;
  ftruncateSync(fd: number, length: number): void;
}

const NODE_FS: LogFileSystem = { writeSync: (fd, buffer, offset, length) => writeSync(fd, buffer, offset, length), fdatasyncSync, ftruncateSync };

export class ReviewLogWriter {
  /** Open while the file is known to be where it should be; reopened at the path after the folder went away. */
  private fd: number | null = null;
  /** Where the last record known to be on disk ends. */
  private end = 0;

  /**
   * @param checkFolder throws unless the file's folder is still the collection's, before the file
   *   is opened (again): after a drive went away, its path must not get a new, empty log.
   */
  constructor(
    private readonly file: string,
    private readonly fs: LogFileSystem = NODE_FS,
    private readonly checkFolder: () => void = () => {},
  ) {}

  /** Appends one review and returns once it is on disk. */
  append(entry: StoredReview): void {
    this.write(`${JSON.stringify(entry)}\n`);
  }

  /** Appends many reviews with one sync: a bulk change in the browser, not one fsync per card. */
  appendMany(entries: readonly StoredReview[]): void {
    if (entries.length === 0) return;
    this.write(entries.map((e) => `${JSON.stringify(e)}\n`));
  }

  /** Whole lines, each ending in a newline, written as they come and synced once at the end. */
  appendLines(lines: Iterable<string>): void {
    this.write(lines);
  }

  /**
   * Writes whole lines and syncs them, or leaves the file as it was: a write that fails or falls
   * short (a full disk), or a sync that fails, is cut back to the last good end before the error
   * is reported, so a torn record never sits in front of the next good one and the entry's id is
   * free for the next answer. Lines go through one reused buffer; none is held after it is written.
   */
  private write(text: string | Iterable<string>): void {
    const fd = this.open();
    let done = 0;
    try {
      writePieces(typeof text === 'string' ? [text] : text, (bytes, length) => {
        for (let at = 0; at < length; ) {
          const written = this.fs.writeSync(fd, bytes, at, length - at);
          if (written <= 0) throw new Error(`the review log took no more bytes after ${done + at} of at least ${done + length}`);
          at += written;
        }
        done += length;
      });
      this.fs.fdatasyncSync(fd);
      this.checkStillThere(fd);
      this.end += done;
    } catch (e) {
      try {
        this.fs.ftruncateSync(fd, this.end);
        // Synced too: after a power cut, a refused record must not come back under the next one's id.
        this.fs.fdatasyncSync(fd);
      } catch {
        // Cutting back failed too: the next open finds the torn line at the end and cuts it there.
      }
      // A file that is no longer at its path is let go: the next answer opens the path again.
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') this.closeQuietly();
      throw e;
    }
  }

  private open(): number {
    if (this.fd === null) {
      this.checkFolder();
      this.fd = openSync(this.file, 'a');
      this.end = fstatSync(this.fd).size;
    }
    return this.fd;
  }

  /**
   * A write to a file that was deleted or whose folder was unmounted still succeeds, into a file
   * no one will read again. So after each sync the path must still name the file written: if it
   * does not, the answer is refused and the next one opens the file at its path again.
   */
  private checkStillThere(fd: number): void {
    const written = fstatSync(fd);
    let current: { dev: number; ino: number } | null = null;
    try {
      current = statSync(this.file);
    } catch {
      // missing: handled below
    }
    if (current && current.dev === written.dev && current.ino === written.ino) return;
    throw Object.assign(new Error(`The review log ${this.file} is no longer there: its folder was moved, deleted or disconnected.`), { code: 'ENOENT' });
  }

  private closeQuietly(): void {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } catch {
      // the descriptor is going anyway
    }
    this.fd = null;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/**
 * The last entry of a log file that parses, read from the file's end: a collection imported whole
 * keeps its history in one large segment, which must not be read to learn its newest entry.
 */
export function lastEntry(file: string): StoredReview | null {
  if (!existsSync(file)) return null;
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    let tail = '';
    for (let end = size; end > 0; ) {
      const start = Math.max(0, end - 64 * 1024);
      const chunk = Buffer.alloc(end - start);
      readSync(fd, chunk, 0, chunk.length, start);
      tail = chunk.toString('utf8') + tail;
      end = start;
      const lines = tail.split('\n');
      // The first piece may be part of a line that began further back; the rest are whole.
      for (let i = lines.length - 1; i >= (start === 0 ? 0 : 1); i--) {
        const entry = lines[i]!.trim() ? parseEntry(lines[i]!) : null;
        if (entry) return entry;
      }
      tail = start === 0 ? '' : lines[0]!;
    }
    return null;
  } finally {
    closeSync(fd);
  }
}

/** Every entry that parses, without repairing anything: for reading history while the app runs. */
export function readEntries(file: string): StoredReview[] {
  if (!existsSync(file)) return [];
  const entries: StoredReview[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const entry = line.trim() ? parseEntry(line) : null;
    if (entry) entries.push(entry);
  }
  return entries;
}
