// One writer per collection: a lock file holding the owner's pid. The app, the preview and the
// CLI all take it; a lock left by a process that no longer runs is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export class CollectionLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(`The collection in ${dir} is open in another Deckhand process (pid ${pid}). Close it and try again.`);
    this.name = 'CollectionLockedError';
  }
}

export interface Lock {
  release(): void;
}

export function acquireLock(dir: string): Lock {
  const file = path.join(dir, 'collection.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => rmSync(file, { force: true }) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number.parseInt(readText(file), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) throw new CollectionLockedError(dir, owner);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Cannot take the lock ${file}`);
}

/**
 * Whether `dir` is still the folder this process locked: after a drive is unplugged, the same path
 * names the empty folder it was mounted on, and nothing must be written there.
 */
export function holdsLock(dir: string): boolean {
  return Number.parseInt(readText(path.join(dir, 'collection.lock')), 10) === process.pid;
}

/** The error a write meets when its folder is not (or no longer) the collection's. */
export function folderGone(dir: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`The collection's folder ${dir} is no longer there: it was moved, deleted or disconnected.`), { code: 'ENOENT' });
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
