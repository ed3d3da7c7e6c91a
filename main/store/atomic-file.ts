// Durable file writes. lowdb's own JSONFile renames a temp file into place but never fsyncs, so
// a power cut can leave an empty file; these sync the data and the folder entry too.
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
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

/** Syncs every file and folder under `dir`, and `dir` itself: a copied tree before it is renamed into place. */
export function syncTree(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const item = path.join(dir, entry.name);
    if (entry.isDirectory()) syncTree(item);
    else if (entry.isFile()) syncFile(item);
  }
  syncDir(dir);
}

/** The same in the background, for a backup taken while studying. */
export async function syncTreeAsync(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const item = path.join(dir, entry.name);
    if (entry.isDirectory()) await syncTreeAsync(item);
    else if (entry.isFile()) {
      const handle = await open(item, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  }
  syncDir(dir);
}

function syncFile(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
