// The answer history saved beside the log when the collection closes, so the next first visit to
// the Statistics screen reads ~26 MB of columns and the log written since, not every line of a
// log that may hold a million answers. It is derived data: written without fsync, and any file
// that is missing, short, of another version or claiming more of the log than exists is ignored
// (the history is then read from the log again).
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { AnswerHistory, type StateBefore } from '../domain/answer-history.ts';

export const HISTORY_FILE = 'answer-history.bin';
const MAGIC = 0x44484148; // "DHAH"
const VERSION = 1;

interface Header {
  /** The last log position the columns include. */
  upToSeq: number;
  length: number;
  deckIds: string[];
  /** Each card's state after its last line up to `upToSeq`: the state before its next answer. */
  cards: [string, number, number][];
}

export interface SavedHistory {
  history: AnswerHistory;
  states: Map<string, StateBefore>;
  upToSeq: number;
}

/** Column byte sizes, in file order: 8-byte columns first so every column starts aligned. */
const layout = (n: number) => [8 * n, 8 * n, 4 * n, 4 * n, n, n];

export function writeHistoryFile(file: string, saved: SavedHistory): void {
  const cols = saved.history.columns();
  const header: Header = { upToSeq: saved.upToSeq, length: saved.history.length, deckIds: cols.deckIds, cards: [...saved.states].map(([id, s]) => [id, s.state, s.scheduledDays]) };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const headerBytes = Math.ceil((12 + json.length) / 8) * 8;
  const head = Buffer.alloc(headerBytes);
  head.writeUInt32LE(MAGIC, 0);
  head.writeUInt32LE(VERSION, 4);
  head.writeUInt32LE(json.length, 8);
  json.copy(head, 12);
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, head);
    for (const c of [cols.seq, cols.at, cols.lastInterval, cols.deck, cols.rating, cols.undone]) writeSync(fd, new Uint8Array(c.buffer, c.byteOffset, c.byteLength));
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
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
    let at = Math.ceil((12 + jsonLength) / 8) * 8;
    const sizes = layout(n);
    if (header.upToSeq > logSeq || buf.length !== at + sizes.reduce((a, b) => a + b, 0)) return null;
    // Copies into fresh buffers: a view into the file's buffer would tie its alignment to Node's pool.
    const take = <T>(make: (b: ArrayBuffer) => T, bytes: number): T => {
      const copy = new Uint8Array(bytes);
      copy.set(buf.subarray(at, at + bytes));
      at += bytes;
      return make(copy.buffer);
    };
    const history = AnswerHistory.fromColumns({
      deckIds: header.deckIds,
      seq: take((b) => new Float64Array(b), sizes[0]!),
      at: take((b) => new Float64Array(b), sizes[1]!),
      lastInterval: take((b) => new Float32Array(b), sizes[2]!),
      deck: take((b) => new Uint32Array(b), sizes[3]!),
      rating: take((b) => new Uint8Array(b), sizes[4]!),
      undone: take((b) => new Uint8Array(b), sizes[5]!),
    });
    return { history, states: new Map(header.cards.map(([id, state, scheduledDays]) => [id, { state, scheduledDays }])), upToSeq: header.upToSeq };
  } catch {
    return null;
  }
}

export function removeHistoryFile(file: string): void {
  rmSync(file, { force: true });
}
