// The generated collection on disk, shared by every store in a run: meta.json, cards.jsonl (one
// note and its card, as they are now) and reviews.jsonl (every answer that led there, each card's
// in order). JSON lines so that 1M reviews stream through in both directions without one giant
// string: V8 strings stop at ~512 MB.
import { closeSync, existsSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import os from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import path from 'node:path';
import type { Card, Memory, Note } from '../../main/domain/card.ts';
import type { DeckRecord } from '../../main/store/collection-store.ts';
import type { Rating } from '../../main/contract.ts';

/** Bump when the generator changes what it writes, so cached datasets are made again. */
export const DATASET_FORMAT = 3;

export interface DatasetMeta {
  format: number;
  cards: number;
  reviews: number;
  /** When the measured session starts, epoch ms. */
  now: number;
  decks: DeckRecord[];
  /** Cards due today (learning due now or review due before the next day starts), for the log. */
  dueToday: number;
}

export interface DatasetCard {
  note: Note;
  card: Card;
}

export interface DatasetReview {
  id: string;
  cardId: string;
  rating: Rating;
  reviewedAt: number;
  durationMs: number;
  /** The card's memory after this answer. */
  memory: Memory;
}

export const datasetDir = (cards: number): string => path.join(os.tmpdir(), `deckhand-bench-${cards}`);
export const metaFile = (dir: string) => path.join(dir, 'meta.json');
export const cardsFile = (dir: string) => path.join(dir, 'cards.jsonl');
export const reviewsFile = (dir: string) => path.join(dir, 'reviews.jsonl');

/** The dataset's description, or null when it is missing, unfinished or of an older format. */
export function readMeta(dir: string): DatasetMeta | null {
  if (!existsSync(metaFile(dir))) return null;
  const meta = JSON.parse(readFileSync(metaFile(dir), 'utf8')) as DatasetMeta;
  return meta.format === DATASET_FORMAT ? meta : null;
}

export function* readJsonLines<T>(file: string): Generator<T> {
  const fd = openSync(file, 'r');
  const chunk = Buffer.alloc(1 << 20);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      const lines = (rest + decoder.write(chunk.subarray(0, n))).split('\n');
      rest = lines.pop()!;
      for (const line of lines) if (line) yield JSON.parse(line) as T;
    }
    if (rest) yield JSON.parse(rest) as T;
  } finally {
    closeSync(fd);
  }
}

export function readCards(dir: string): DatasetCard[] {
  return [...readJsonLines<DatasetCard>(cardsFile(dir))];
}

/** The card as it was right after `review`: its identity from `card`, its memory from the review. */
export function cardAfter(card: Card, review: DatasetReview): Card {
  return { ...card, memory: review.memory, updatedAt: review.reviewedAt };
}

/** Buffers lines and writes them in large pieces; one writeSync per line would dominate generation. */
export class LineWriter {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;

  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }

  write(value: unknown): void {
    const line = `${JSON.stringify(value)}\n`;
    this.parts.push(line);
    this.size += line.length;
    if (this.size >= 1 << 20) this.drain();
  }

  close(): void {
    this.drain();
    closeSync(this.fd);
  }

  private drain(): void {
    writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}
