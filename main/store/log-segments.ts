// The review log in segments. reviews.jsonl takes new answers; each time a snapshot is written,
// it is sealed into log/reviews-<last seq>.jsonl and a fresh one begins. Opening replays only
// what the snapshot does not include, so it reads a bounded tail, never the whole history.
import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
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
