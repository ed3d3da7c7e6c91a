// Opening replays what the snapshot does not include: the sealed segments past its log position,
// then the active log. Every line carries the card's whole state after it, so replaying a line is
// setting its card.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { CardTable } from './card-table.ts';
import { LOG_FILE, listSegments } from './log-segments.ts';
import { readReviewLog } from './review-log.ts';
import { fromLoggedCard } from '../domain/review-entry.ts';

export interface ReplayedLog {
  /** The last log position on disk; the next answer takes the one after it. */
  seq: number;
  /** Lines in the active log: the next snapshot seals it when there are any. */
  activeEntries: number;
  deviceId: string;
  /** The entries replayed on top of the snapshot, by position, and each card's latest one: for finishing an interrupted import. */
  replayed: Map<number, { cardId: string }>;
  latestSeq: Map<string, number>;
}

export function replayLog(dir: string, snapshot: { logSeq: number; deviceId: string }, cards: CardTable, now: () => number, notices: string[]): ReplayedLog {
  let seq = snapshot.logSeq;
  let lastId: string | undefined;
  const replayed = new Map<number, { cardId: string }>();
  const latestSeq = new Map<string, number>();
  const replay = (file: string): number => {
    const log = readReviewLog(file, now());
    if (log.problem) notices.push(log.problem);
    for (const entry of log.entries) {
      if (entry.seq > snapshot.logSeq) {
        cards.set(entry.card.id, fromLoggedCard(entry.card, cards.get(entry.card.id)?.position));
        replayed.set(entry.seq, { cardId: entry.cardId });
        latestSeq.set(entry.card.id, entry.seq);
      }
      seq = Math.max(seq, entry.seq);
      lastId = entry.id;
    }
    return log.entries.length;
  };
  for (const segment of listSegments(dir)) {
    seq = Math.max(seq, segment.lastSeq);
    if (segment.lastSeq > snapshot.logSeq) replay(segment.file);
  }
  const activeEntries = replay(path.join(dir, LOG_FILE));
  // Entry ids are `<device id>-<seq>`: a snapshot without a device id (lost, rebuilt from the log)
  // keeps the one the log's entries already carry.
  const deviceId = snapshot.deviceId || (lastId ? lastId.slice(0, lastId.lastIndexOf('-')) : randomBytes(8).toString('hex'));
  return { seq, activeEntries, deviceId, replayed, latestSeq };
}
