// Global setup of the unit tests (vitest) and of the browser tests (Playwright): the run, and
// every process it starts (the CLI, the crash test's children, the preview servers, Chromium),
// gets a temp folder of its own through TMPDIR, so that what a run leaves behind can be told apart
// from what other programs write to the system's temp folder at the same time. At the end that
// folder must be empty: each test removes what it made (tests/unit/temp-dir.ts, the `test` of
// tests/e2e/harness.ts). Anything left fails the run, named, and the folder is removed either way.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  // Playwright's compiled-test cache is its own, kept between runs on purpose: the workers go on
  // using the one the runner has already opened in the system's temp folder.
  process.env.PLAYWRIGHT_TRANSFORM_CACHE_DIR ??= path.join(os.tmpdir(), `playwright-transform-cache${process.geteuid ? `-${process.geteuid()}` : ''}`);
  const root = mkdtempSync(path.join(os.tmpdir(), 'deckhand-test-run-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    const left = readdirSync(root);
    rmSync(root, { recursive: true, force: true });
    if (left.length === 0) return;
    // Vitest reports an error thrown here but still exits with 0; Playwright fails the run on it.
    process.exitCode = 1;
    throw new Error(`The tests left ${left.length === 1 ? 'one entry' : `${left.length} entries`} in their temp folder (${root}, now removed); each test must remove what it makes:\n${left.map((name) => `  ${name}`).join('\n')}`);
  };
}
