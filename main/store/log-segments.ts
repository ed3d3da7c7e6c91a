// The review log in segments. reviews.jsonl takes new answers; each time a snapshot is written,
// it is sealed into log/reviews-<last seq>.jsonl and a fresh one begins. Opening replays only
// what the snapshot does not include, so it reads a bounded tail, never the whole history.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { syncDir } from './atomic-file.ts';

export const LOG_FILE = 'reviews.jsonl';
export const SEGMENT_DIR = 'log';
const SEGMENT = /^reviews-(\d{12})\.jsonl$/;

export interface Segment {
  file: string;
  lastSeq: number;
}

export const segmentName = (lastSeq: number): string => `reviews-${String(lastSeq).padStart(12, '0')}.jsonl`;

/** Sealed segments, oldest first. */
export function listSegments(dataDir: string): Segment[] {
  const dir = path.join(dataDir, SEGMENT_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => {
      const m = SEGMENT.exec(name);
      return m ? { file: path.join(dir, name), lastSeq: Number(m[1]) } : null;
    })
    .filter((s): s is Segment => s !== null)
    .sort((a, b) => a.lastSeq - b.lastSeq);
}

/** Moves the active log into the archive as the segment ending at `lastSeq`. */
export function sealActiveLog(dataDir: string, lastSeq: number): void {
  const dir = path.join(dataDir, SEGMENT_DIR);
  mkdirSync(dir, { recursive: true });
  renameSync(path.join(dataDir, LOG_FILE), path.join(dir, segmentName(lastSeq)));
  syncDir(dir);
  syncDir(dataDir);
}

/** Every review-log file, oldest first: the sealed segments, then the active log. */
export function reviewLogFiles(dataDir: string): string[] {
  const active = path.join(dataDir, LOG_FILE);
  return [...listSegments(dataDir).map((s) => s.file), ...(existsSync(active) ? [active] : [])];
}

/** More sealed segments than this, and the small recent ones are folded into one. */
export const MAX_SMALL_SEGMENTS = 32;
/** A segment at least this large counts as archive and is left as it is. */
const SMALL_SEGMENT_BYTES = 4 * 1024 * 1024;

/**
 * Folds the newest run of small segments into one archive file, so a collection studied for years
 * keeps a handful of log files, not one per snapshot. Only a contiguous run is folded, so replaying
 * the files in order still applies every answer in the order it was given.
 */
export function compactSegments(dataDir: string): void {
  const segments = listSegments(dataDir);
  let start = segments.length;
  while (start > 0 && statSync(segments[start - 1]!.file).size < SMALL_SEGMENT_BYTES) start--;
  const run = segments.slice(start);
  if (run.length <= MAX_SMALL_SEGMENTS) return;
  const last = run.at(-1)!;
  const temp = `${last.file}.merge.tmp`;
  const fd = openSync(temp, 'w');
  try {
    for (const segment of run) writeSync(fd, readFileSync(segment.file));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, last.file);
  syncDir(path.dirname(last.file));
  for (const segment of run.slice(0, -1)) rmSync(segment.file);
  syncDir(path.dirname(last.file));
}

/**
 * Removes segments a fold has already copied into a later one: a crash between the fold's rename
 * and its removals leaves both, and every answer in them would be read twice (counted twice in
 * the statistics). A segment is folded when a later one begins at or before its last entry; the
 * later one was synced before it was renamed into place, so it holds all of it.
 */
export function removeFoldedSegments(dataDir: string): void {
  const segments = listSegments(dataDir);
  let laterStart = Infinity;
  let removed = false;
  for (const segment of segments.reverse()) {
    if (laterStart <= segment.lastSeq) {
      rmSync(segment.file);
      removed = true;
      continue;
    }
    laterStart = Math.min(laterStart, firstSeq(segment.file) ?? Infinity);
  }
  if (removed) syncDir(path.join(dataDir, SEGMENT_DIR));
}

/** The sequence of a segment's first entry, read from its first line alone. */
function firstSeq(file: string): number | null {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const text = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
    const seq = /^\{"id":"[^"]*","seq":(\d+)/.exec(text);
    return seq ? Number(seq[1]) : null;
  } finally {
    closeSync(fd);
  }
}
