// Durable file writes. lowdb's own JSONFile renames a temp file into place but never fsyncs, so
// a power cut can leave an empty file; these sync the data and the folder entry too.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes `text` to `file` so that after a crash the file holds either the old or the new text. A
 * write that fails or falls short (a full disk) leaves the old file as it was and no temp file.
 */
export function writeFileAtomic(file: string, text: string | Uint8Array): void {
  const temp = `${file}.${process.pid}.tmp`;
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const fd = openSync(temp, 'w');
  try {
    try {
      for (let done = 0; done < bytes.length; ) {
        const written = writeSync(fd, bytes, done, bytes.length - done);
        if (written <= 0) throw new Error(`${temp}: the disk took no more bytes after ${done} of ${bytes.length}`);
        done += written;
      }
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
