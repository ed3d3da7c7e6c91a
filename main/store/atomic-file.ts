// Durable file writes. lowdb's own JSONFile renames a temp file into place but never fsyncs, so
// a power cut can leave an empty file; these sync the data and the folder entry too.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes `text` to `file` so that after a crash the file holds either the old or the new text. A
 * write that fails or falls short (a full disk) leaves the old file as it was and no temp file.
 */
export function writeFileAtomic(file: string, text: string | Uint8Array): void {
  writeFileAtomicPieces(file, [text]);
}

/** Pieces are copied into a buffer of this size, written each time it fills. */
const WRITE_BUFFER = 1 << 20;

/**
 * Writes text given in pieces (lines, say) through one reused buffer, so that no large string or
 * buffer is made per write: a million log lines leave no garbage the size of the file behind.
 * `write` takes the bytes `[0, length)` of the buffer, all of them or throws. Returns the bytes written.
 */
export function writePieces(pieces: Iterable<string | Uint8Array>, write: (bytes: Uint8Array, length: number) => void): number {
  if (Array.isArray(pieces) && pieces.length === 1) {
    // One piece (an answer's line, a small file) is written as it is.
    const piece = pieces[0] as string | Uint8Array;
    const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    if (bytes.length) write(bytes, bytes.length);
    return bytes.length;
  }
  const buffer = Buffer.allocUnsafe(WRITE_BUFFER);
  let used = 0;
  let total = 0;
  const flush = () => {
    if (used) write(buffer, used);
    total += used;
    used = 0;
  };
  for (const piece of pieces) {
    const size = typeof piece === 'string' ? Buffer.byteLength(piece, 'utf8') : piece.length;
    if (used + size > WRITE_BUFFER) flush();
    if (size > WRITE_BUFFER) {
      const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      write(bytes, bytes.length);
      total += bytes.length;
    } else if (typeof piece === 'string') used += buffer.write(piece, used, 'utf8');
    else {
      buffer.set(piece, used);
      used += piece.length;
    }
  }
  flush();
  return total;
}

/**
 * The same, for a file too large to be one string (V8 stops at ~512 MB): its text comes in pieces,
 * written as they come, so only a piece at a time is held.
 */
export function writeFileAtomicPieces(file: string, pieces: Iterable<string | Uint8Array>): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    try {
      writePieces(pieces, (bytes, length) => {
        for (let done = 0; done < length; ) {
          const written = writeSync(fd, bytes, done, length - done);
          if (written <= 0) throw new Error(`${temp}: the disk took no more bytes after ${done} of ${length}`);
          done += written;
        }
      });
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  renameSync(temp, file);
  syncDir(path.dirname(file));
}

export function syncDir(dir: string): void {
  // Windows cannot open a folder for syncing; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
