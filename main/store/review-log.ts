// The review log: the truth about every answer. One JSON line per review, appended and
// fdatasync'ed before the answer is acknowledged, so a crash can lose only an unacknowledged one.
import { closeSync, copyFileSync, existsSync, fdatasyncSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import type { StoredReview } from './stored.ts';

export interface LogRead {
  entries: StoredReview[];
  /** What was wrong with the file, for the user; null when it read cleanly. */
  problem: string | null;
}

/**
 * Reads every complete line. A torn last line (the process died mid-write, so it was never
 * acknowledged) is cut off; any line that does not parse is skipped. Either way the file is first
 * copied aside to `<file>.damaged-<time>`, so nothing is lost by the repair.
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
    else bad++;
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

function parseEntry(line: string): StoredReview | null {
  try {
    const e = JSON.parse(line) as StoredReview;
    if (typeof e.seq === 'number' && typeof e.cardId === 'string' && e.card && typeof e.card.id === 'string') return e;
  } catch {
    // fall through: reported by the caller
  }
  return null;
}

export class ReviewLogWriter {
  private readonly fd: number;

  constructor(file: string) {
    this.fd = openSync(file, 'a');
  }

  /** Appends one review and returns once it is on disk. */
  append(entry: StoredReview): void {
    writeSync(this.fd, `${JSON.stringify(entry)}\n`);
    fdatasyncSync(this.fd);
  }

  /** Appends many reviews with one sync: a bulk change in the browser, not one fsync per card. */
  appendMany(entries: readonly StoredReview[]): void {
    if (entries.length === 0) return;
    writeSync(this.fd, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
    fdatasyncSync(this.fd);
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
