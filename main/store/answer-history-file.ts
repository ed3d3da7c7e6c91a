// The answer history saved beside the log when the collection closes, so the next first visit to
// the Statistics screen reads ~30 MB of columns and the log written since, not every line of a
// log that may hold a million answers. It is derived data: written without fsync, and any file
// that is missing, short, of another version or claiming more of the log than exists is ignored
// (the history is then read from the log again).
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { AnswerHistory } from '../domain/answer-history.ts';
import { CardStates } from './card-states.ts';

export const HISTORY_FILE = 'answer-history.bin';
const MAGIC = 0x44484148; // "DHAH"
const VERSION = 2;

interface Header {
  /** The last log position the columns include. */
  upToSeq: number;
  length: number;
  deckIds: string[];
  /** Card ids, sorted, joined by newlines (one string parses far faster than 100,000). */
  cardIds: string;
  cards: number;
}

export interface SavedHistory {
  history: AnswerHistory;
  /** Each card's state after its last line up to `upToSeq`: the state before its next answer. */
  states: CardStates;
  upToSeq: number;
}

/**
 * Column byte sizes, in file order: the answers' seq, at, lastInterval, deck, then the cards'
 * days, the answers' rating and undone, the cards' state. Widest first, so every column starts
 * aligned for a typed-array view straight into the file's buffer.
 */
const layout = (n: number, cards: number) => [8 * n, 8 * n, 4 * n, 4 * n, 4 * cards, n, n, cards];

export function writeHistoryFile(file: string, saved: SavedHistory): void {
  const cols = saved.history.columns();
  const cards = saved.states.sorted();
  const header: Header = { upToSeq: saved.upToSeq, length: saved.history.length, deckIds: cols.deckIds, cardIds: cards.ids.join('\n'), cards: cards.ids.length };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const head = Buffer.alloc(Math.ceil((12 + json.length) / 8) * 8);
  head.writeUInt32LE(MAGIC, 0);
  head.writeUInt32LE(VERSION, 4);
  head.writeUInt32LE(json.length, 8);
  json.copy(head, 12);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      // writeFileSync on a descriptor goes on until the whole part is written (a plain write may stop short on a full disk).
      writeFileSync(fd, head);
      for (const c of [cols.seq, cols.at, cols.lastInterval, cols.deck, cards.days, cols.rating, cols.undone, cards.state]) writeFileSync(fd, new Uint8Array(c.buffer, c.byteOffset, c.byteLength));
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

/** The saved history, or null when there is none usable (see the top of this file). */
export function readHistoryFile(file: string, logSeq: number): SavedHistory | null {
  if (!existsSync(file)) return null;
  try {
    const buf = readFileSync(file);
    if (buf.length < 12 || buf.readUInt32LE(0) !== MAGIC || buf.readUInt32LE(4) !== VERSION) return null;
    const jsonLength = buf.readUInt32LE(8);
    const header = JSON.parse(buf.toString('utf8', 12, 12 + jsonLength)) as Header;
    const n = header.length;
    const c = header.cards;
    let at = Math.ceil((12 + jsonLength) / 8) * 8;
    const sizes = layout(n, c);
    if (header.upToSeq > logSeq || buf.length !== at + sizes.reduce((a, b) => a + b, 0)) return null;
    // A view into the file's buffer where it is aligned (a large read is, at offset 0), a copy otherwise.
    const take = <T>(make: (b: ArrayBuffer, offset: number) => T, bytes: number, width: number): T => {
      const offset = buf.byteOffset + at;
      at += bytes;
      if (offset % width === 0) return make(buf.buffer as ArrayBuffer, offset);
      return make(new Uint8Array(buf.subarray(at - bytes, at)).buffer, 0);
    };
    const seq = take((b, o) => new Float64Array(b, o, n), sizes[0]!, 8);
    const times = take((b, o) => new Float64Array(b, o, n), sizes[1]!, 8);
    const lastInterval = take((b, o) => new Float32Array(b, o, n), sizes[2]!, 4);
    const deck = take((b, o) => new Uint32Array(b, o, n), sizes[3]!, 4);
    const days = take((b, o) => new Float32Array(b, o, c), sizes[4]!, 4);
    const rating = take((b, o) => new Uint8Array(b, o, n), sizes[5]!, 1);
    const undone = take((b, o) => new Uint8Array(b, o, n), sizes[6]!, 1);
    const state = take((b, o) => new Uint8Array(b, o, c), sizes[7]!, 1);
    const ids = c ? header.cardIds.split('\n') : [];
    if (ids.length !== c) return null;
    const history = AnswerHistory.fromColumns({ deckIds: header.deckIds, seq, at: times, lastInterval, deck, rating, undone });
    return { history, states: new CardStates(ids, state, days), upToSeq: header.upToSeq };
  } catch {
    return null;
  }
}
