// The review log: the truth about every answer. One JSON line per review, appended and
// fdatasync'ed before the answer is acknowledged, so a crash can lose only an unacknowledged one.
import { closeSync, copyFileSync, existsSync, fdatasyncSync, fstatSync, ftruncateSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
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
    if (goodEnd < bytes.length) truncateSync(file, goodEnd);
    return { entries, problem: null };
  }
  const aside = `${file}.damaged-${now}`;
  copyFileSync(file, aside);
  if (torn) truncateSync(file, goodEnd);
  const parts = [torn ? 'its last line was cut short by a crash (that answer had not been saved)' : '', bad ? `${bad} damaged line${bad > 1 ? 's were' : ' was'} skipped` : ''].filter(Boolean);
  return { entries, problem: `The review log ${file} was damaged: ${parts.join('; ')}. A copy of the damaged file is kept as ${aside}.` };
}

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

/** The calls the writer makes on its file: a seam, so that tests can make the disk fail at each one. */
export interface LogFileSystem {
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fdatasyncSync(fd: number): void;
  ftruncateSync(fd: number, length: number): void;
}

const NODE_FS: LogFileSystem = { writeSync: (fd, buffer, offset, length) => writeSync(fd, buffer, offset, length), fdatasyncSync, ftruncateSync };

export class ReviewLogWriter {
  private readonly fd: number;
  /** Where the last record known to be on disk ends. */
  private end: number;

  constructor(
    file: string,
    private readonly fs: LogFileSystem = NODE_FS,
  ) {
    this.fd = openSync(file, 'a');
    this.end = fstatSync(this.fd).size;
  }

  /** Appends one review and returns once it is on disk. */
  append(entry: StoredReview): void {
    this.write(`${JSON.stringify(entry)}\n`);
  }

  /** Appends many reviews with one sync: a bulk change in the browser, not one fsync per card. */
  appendMany(entries: readonly StoredReview[]): void {
    if (entries.length === 0) return;
    this.write(entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
  }

  /**
   * Writes whole lines and syncs them, or leaves the file as it was: a write that fails or falls
   * short (a full disk), or a sync that fails, is cut back to the last good end before the error
   * is reported, so a torn record never sits in front of the next good one and the entry's id is
   * free for the next answer.
   */
  private write(text: string): void {
    const bytes = Buffer.from(text, 'utf8');
    try {
      for (let done = 0; done < bytes.length; ) {
        const written = this.fs.writeSync(this.fd, bytes, done, bytes.length - done);
        if (written <= 0) throw new Error(`the review log took no more bytes after ${done} of ${bytes.length}`);
        done += written;
      }
      this.fs.fdatasyncSync(this.fd);
      this.end += bytes.length;
    } catch (e) {
      try {
        this.fs.ftruncateSync(this.fd, this.end);
      } catch {
        // Cutting back failed too: the next open finds the torn line at the end and cuts it there.
      }
      throw e;
    }
  }

  close(): void {
    closeSync(this.fd);
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
