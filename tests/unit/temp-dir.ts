// Temporary folders for tests, removed however the test ends. A folder made inside a test (or its
// beforeEach) goes when that test finishes, passed or failed; one made outside a test (at the top
// of a file, or in beforeAll) goes after the file's last test. A store or service opened on such a
// folder is handed to closeWhenDone, so it is closed first and no late write of its brings the
// folder back. tests/temp-root.ts checks that a run leaves nothing behind.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, onTestFinished, TestRunner } from 'vitest';

type Cleanup = () => void | Promise<void>;

/** Cleanups of things made outside any test, run after the file's tests, last made first. */
const afterFile: Cleanup[] = [];
/** Every folder this file made: removed again at the end, in case a write finishing late made one anew. */
const made: string[] = [];

afterAll(async () => {
  for (const cleanup of afterFile.splice(0).reverse()) await cleanup();
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs `cleanup` when the current test finishes, or after the file's tests outside a test. */
function whenDone(cleanup: Cleanup): void {
  if (TestRunner.getCurrentTest()) onTestFinished(cleanup);
  else afterFile.push(cleanup);
}

/** A new empty folder in the system's temp folder, named `<prefix>XXXXXX`, removed when done. */
export function tempDir(prefix = 'deckhand-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  whenDone(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Closes `thing` when done, before the folders made ahead of it are removed (cleanups run last made
 * first). Closing twice is harmless for the store and the service, so a test may still close it.
 */
export function closeWhenDone<T extends { close(): unknown }>(thing: T): T {
  whenDone(async () => {
    await thing.close();
  });
  return thing;
}
