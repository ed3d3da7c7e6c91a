// Vitest global setup: the whole run, and every process it starts (the CLI, the crash test's
// children), gets a temp folder of its own through TMPDIR, so that what a run leaves behind can be
// told apart from what other programs write to the system's temp folder at the same time. At the
// end the folder must be empty: each test removes what it made (tests/unit/temp-dir.ts). Anything
// left fails the run, named, and the folder is removed either way.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(os.tmpdir(), 'deckhand-vitest-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    const left = readdirSync(root);
    rmSync(root, { recursive: true, force: true });
    if (left.length === 0) return;
    console.error(`\nThe tests left ${left.length === 1 ? 'one entry' : `${left.length} entries`} in the temp folder (${root}, now removed); each test must remove what it makes (see tests/unit/temp-dir.ts):\n${left.map((name) => `  ${name}`).join('\n')}\n`);
    process.exitCode = 1;
  };
}
