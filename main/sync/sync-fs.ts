// The file system as sync sees it: three calls, so the reader and the writer are tested on a map
// of paths to bytes, half-copied files and engine temp files included, and run on the disk as is.
import { mkdirSync, openSync, closeSync, fsyncSync, readdirSync, renameSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type ReadResult = Uint8Array | 'missing' | 'too-large';

export interface SyncFs {
  /** The names in a folder; none when it does not exist. */
  list(dir: string): string[];
  /** A file's bytes, unless it is missing or longer than `maxBytes` (then it is not read). */
  read(file: string, maxBytes: number): ReadResult;
  /** Replaces a file whole: readers see the old bytes or the new, never a mix (on this computer). */
  write(file: string, bytes: Uint8Array): void;
}

export function nodeSyncFs(): SyncFs {
  return {
    list(dir) {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    },
    read(file, maxBytes) {
      try {
        const stat = statSync(file);
        if (!stat.isFile()) return 'missing';
        if (stat.size > maxBytes) return 'too-large';
        const bytes = readFileSync(file);
        return bytes.length > maxBytes ? 'too-large' : bytes;
      } catch {
        return 'missing';
      }
    },
    write(file, bytes) {
      const dir = path.dirname(file);
      mkdirSync(dir, { recursive: true });
      // Named so that no sync engine's pattern and no reader of ours takes it for a file of ours.
      const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.deckhand-tmp`);
      writeFileSync(temp, bytes);
      const fd = openSync(temp, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, file);
    },
  };
}
