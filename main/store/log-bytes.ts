// The whole review log as raw bytes, a piece at a time with asynchronous reads, each piece ending
// at a line's end. The optimiser's child process parses them: the app only reads and forwards, so
// a million entries (~300 MB) never hold up an answer.
import { closeSync, fstatSync, openSync, read } from 'node:fs';
import { promisify } from 'node:util';

const readAsync = promisify(read);
const PIECE_BYTES = 1 << 20;

/**
 * The bytes of `files` (oldest first), in pieces of whole lines. Each file is read only up to its
 * size when reading starts, so a line being appended is never half-read; a file sealed (renamed)
 * meanwhile stays readable through its descriptor.
 */
export async function* logBytes(files: readonly string[], pieceBytes = PIECE_BYTES): AsyncGenerator<Uint8Array> {
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
    for (const { fd, size } of opened) {
      let carried: Buffer = Buffer.alloc(0);
      for (let pos = 0; pos < size; ) {
        const piece = Buffer.allocUnsafe(Math.min(pieceBytes, size - pos));
        const { bytesRead } = await readAsync(fd, piece, 0, piece.length, pos);
        if (bytesRead === 0) break;
        pos += bytesRead;
        const bytes = Buffer.concat([carried, piece.subarray(0, bytesRead)]);
        const lastLine = pos >= size ? bytes.length : bytes.lastIndexOf(0x0a) + 1;
        carried = bytes.subarray(lastLine);
        if (lastLine > 0) yield bytes.subarray(0, lastLine);
      }
      if (carried.length > 0) yield carried;
    }
  } finally {
    for (const { fd } of opened) closeSync(fd);
  }
}
