// Writes a whole collection folder in one go: the snapshot and its review history as one sealed
// log segment. For bulk creation (benchmarks, imports), where syncing each answer would be waste.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Card, Note } from '../domain/card.ts';
import { toLoggedCard } from '../domain/review-entry.ts';
import { DEFAULT_SETTINGS } from '../domain/settings.ts';
import type { DeckRecord, NewReview } from './collection-store.ts';
import { LOG_FILE, SEGMENT_DIR, segmentName } from './log-segments.ts';
import { CardTable } from './card-table.ts';
import { SnapshotFile } from './snapshot-file.ts';
import { SCHEMA_VERSION, type StoredReview } from './stored.ts';

export interface CollectionSeed {
  deviceId?: string;
  decks: DeckRecord[];
  notes: Note[];
  cards: Card[];
  reviews: Iterable<NewReview>;
}

export function writeCollectionFiles(dir: string, seed: CollectionSeed): void {
  mkdirSync(path.join(dir, SEGMENT_DIR), { recursive: true });
  const deviceId = seed.deviceId ?? randomBytes(8).toString('hex');
  const temp = path.join(dir, SEGMENT_DIR, 'seed.tmp');
  const fd = openSync(temp, 'w');
  let seq = 0;
  let buffer: string[] = [];
  const drain = () => {
    writeSync(fd, buffer.join(''));
    buffer = [];
  };
  for (const r of seed.reviews) {
    seq++;
    const entry: StoredReview = { id: `${deviceId}-${seq}`, seq, cardId: r.cardId, rating: r.rating, reviewedAt: r.reviewedAt, durationMs: r.durationMs, card: toLoggedCard(r.card) };
    buffer.push(`${JSON.stringify(entry)}\n`);
    if (buffer.length >= 10_000) drain();
  }
  drain();
  fsyncSync(fd);
  closeSync(fd);
  // A segment is named by its last sequence number; renaming it last makes it all-or-nothing.
  if (seq > 0) renameSync(temp, path.join(dir, SEGMENT_DIR, segmentName(seq)));
  else rmSync(temp);
  closeSync(openSync(path.join(dir, LOG_FILE), 'a'));
  new SnapshotFile(path.join(dir, 'collection.json')).writeNow({ schemaVersion: SCHEMA_VERSION, deviceId, logSeq: seq, decks: seed.decks, settings: DEFAULT_SETTINGS, notes: byDeck(seed.notes), cards: CardTable.fromCards(seed.cards).takeChanged() });
}

function byDeck(notes: readonly Note[]): Map<string, Note[]> {
  const decks = new Map<string, Note[]>();
  for (const note of notes) {
    const list = decks.get(note.deckId);
    if (list) list.push(note);
    else decks.set(note.deckId, [note]);
  }
  return decks;
}
