// Reads the whole review log into an AnswerHistory without holding up the app: the files are read
// in pieces with asynchronous reads, so answers given meanwhile are served between pieces. At a
// million answers (~500 MB of log) this takes a couple of seconds, which is why it is done once
// and the history is then kept current answer by answer (collection-store.ts).
import { closeSync, fstatSync, openSync, read } from 'node:fs';
import { promisify } from 'node:util';
import { StringDecoder } from 'node:string_decoder';
import { AnswerHistory, type StateBefore } from '../domain/answer-history.ts';
import type { StoredReview } from './stored.ts';

const readAsync = promisify(read);
/** Big enough that reading costs little, small enough that parsing one piece stalls the app for only a few ms. */
const PIECE_BYTES = 1 << 20;

/**
 * The answers of `files` (oldest first) up to log position `upToSeq`. The files are opened at
 * once and read only up to their size at that moment: a file sealed (renamed) while it is being
 * read stays readable through its descriptor, and a line being appended is never half-read.
 * Lines that do not parse are skipped; opening the collection has already reported them.
 */
export async function readAnswerHistory(files: readonly string[], upToSeq: number): Promise<AnswerHistory> {
  const opened: { fd: number; size: number }[] = [];
  try {
    for (const file of files) {
      try {
        const fd = openSync(file, 'r');
        opened.push({ fd, size: fstatSync(fd).size });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
    const history = new AnswerHistory();
    const states = new Map<string, StateBefore>();
    const take = (line: string) => {
      if (line.trim() === '') return;
      let entry: StoredReview;
      try {
        entry = JSON.parse(line) as StoredReview;
      } catch {
        return;
      }
      if (typeof entry.seq !== 'number' || entry.seq > upToSeq || !entry.card) return;
      history.add(entry, states.get(entry.cardId));
      states.set(entry.cardId, { state: entry.card.state, scheduledDays: entry.card.scheduledDays });
    };
    const piece = Buffer.allocUnsafe(PIECE_BYTES);
    for (const { fd, size } of opened) {
      const decoder = new StringDecoder('utf8');
      let rest = '';
      for (let pos = 0; pos < size; ) {
        const { bytesRead } = await readAsync(fd, piece, 0, Math.min(PIECE_BYTES, size - pos), pos);
        if (bytesRead === 0) break;
        pos += bytesRead;
        const lines = (rest + decoder.write(piece.subarray(0, bytesRead))).split('\n');
        rest = lines.pop()!;
        for (const line of lines) take(line);
      }
      take(rest + decoder.end());
    }
    return history;
  } finally {
    for (const { fd } of opened) closeSync(fd);
  }
}
