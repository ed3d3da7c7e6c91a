// Reads the whole review log into an AnswerHistory without holding up the app: the files are read
// in pieces with asynchronous reads, so answers given meanwhile are served between pieces. At a
// million answers (~500 MB of log) this takes a couple of seconds, which is why it is done once
// and the history is then kept current answer by answer (answer-history-cache.ts).
import { closeSync, fstatSync, openSync, read } from 'node:fs';
import { promisify } from 'node:util';
import { AnswerHistory } from '../domain/answer-history.ts';
import type { SavedHistory } from './answer-history-file.ts';
import { CardStates } from './card-states.ts';
import type { StoredReview } from './stored.ts';

const readAsync = promisify(read);
/** Big enough that reading costs little, small enough that parsing one piece stalls the app for only a few ms. */
const PIECE_BYTES = 1 << 20;

/**
 * The answers of `files` (oldest first) up to log position `upToSeq`, added to `from` (a history
 * saved earlier: its lines are skipped) when given. The files are opened at
 * once and read only up to their size at that moment: a file sealed (renamed) while it is being
 * read stays readable through its descriptor, and a line being appended is never half-read.
 * Lines that do not parse are skipped; opening the collection has already reported them.
 */
export async function readAnswerHistory(files: readonly string[], upToSeq: number, from?: SavedHistory): Promise<SavedHistory> {
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
    const history = from?.history ?? new AnswerHistory();
    const states = from?.states ?? new CardStates();
    const after = from?.upToSeq ?? 0;
    let piece = Buffer.allocUnsafe(PIECE_BYTES);
    for (const { fd, size } of opened) {
      // Whole lines are taken from each piece; a line cut at the piece's end moves to the front of the next.
      let kept = 0;
      for (let pos = 0; pos < size; ) {
        if (kept === piece.length) piece = Buffer.concat([piece, Buffer.allocUnsafe(piece.length)]);
        const { bytesRead } = await readAsync(fd, piece, kept, Math.min(piece.length - kept, size - pos), pos);
        if (bytesRead === 0) break;
        pos += bytesRead;
        const filled = kept + bytesRead;
        let lineStart = 0;
        for (let nl = piece.indexOf(0x0a, 0); nl >= 0 && nl < filled; nl = piece.indexOf(0x0a, lineStart)) {
          take(piece, lineStart, nl, history, states, after, upToSeq);
          lineStart = nl + 1;
        }
        kept = filled - lineStart;
        piece.copy(piece, 0, lineStart, filled);
        if (pos >= size && kept > 0) take(piece, 0, kept, history, states, after, upToSeq);
      }
    }
    return { history, states, upToSeq };
  } finally {
    for (const { fd } of opened) closeSync(fd);
  }
}

function take(buf: Buffer, start: number, end: number, history: AnswerHistory, states: CardStates, after: number, upToSeq: number): void {
  if (end <= start) return;
  let entry: StoredReview;
  try {
    entry = JSON.parse(buf.toString('utf8', start, end)) as StoredReview;
  } catch {
    return;
  }
  if (typeof entry.seq !== 'number' || entry.seq <= after || entry.seq > upToSeq || !entry.card) return;
  history.add(entry, states.get(entry.cardId));
  states.set(entry.cardId, { state: entry.card.state, scheduledDays: entry.card.scheduledDays });
}
