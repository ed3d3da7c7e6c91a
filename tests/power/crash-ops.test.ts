// SIGKILL inside the long operations: the session of power-cut.test.ts (a fold of 36 segments on
// close, an import with its picture, a background backup, a restore) on an ordinary folder, killed
// at random moments after random lines of its output, so that kills fall inside each operation's
// writes. After each kill the collection must open with every acknowledged answer, an acknowledged
// import whole, every log entry once (a fold is all or nothing) and every file, backups included,
// readable. Needs no root: it runs wherever the suite runs.
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../unit/temp-dir.ts';
import { checkCollection } from './check-collection.ts';
import { bundleChild, startSession } from './session-run.ts';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 60);
const SEED = Number(process.env.CRASH_SEED ?? 7);
let childScript: string;

beforeAll(async () => {
  childScript = await bundleChild(tempDir('deckhand-crash-ops-bin-'));
});

describe('SIGKILL inside an import, a restore, a fold and a backup', () => {
  it(`loses no acknowledged answer and leaves each operation whole or undone, over ${ROUNDS} kills`, async () => {
    const started = Date.now();
    let seed = SEED;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const full = startSession(childScript, `${tempDir('deckhand-crash-ops-')}/collection`);
    const lines = (await full.exited, full.progress.lines.length);
    expect(full.progress.ended, 'the session runs to its end').toBe(true);
    let acks = 0;
    let importsFinished = 0;
    let restoresFinished = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const dir = `${tempDir('deckhand-crash-ops-')}/collection`;
      const run = startSession(childScript, dir);
      const afterLine = 1 + Math.floor(random() * lines);
      const delayMs = Math.floor(random() * 30);
      const where = `round ${round} (killed after line ${afterLine} + ${delayMs} ms)`;
      if (await run.line(afterLine)) {
        // A random moment inside whatever the child does next, not a wait for anything.
        if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
        run.child.kill('SIGKILL');
      }
      const exit = await run.exited;
      if (exit.signal !== 'SIGKILL' && exit.code !== 0) throw new Error(`${where}: the session failed:\n${exit.stderr}`);
      const checked = await checkCollection(dir, run.progress, where);
      acks += checked.acks;
      if (checked.importFinished) importsFinished++;
      if (checked.restoreFinished) restoresFinished++;
    }
    console.log(`SIGKILL inside operations: ${ROUNDS} kills, ${acks} acknowledged answers checked, 0 lost, ${importsFinished} imports and ${restoresFinished} restores killed midway finished from their journal on opening, ${Math.round((Date.now() - started) / 1000)} s (seed ${SEED})`);
  }, 10 * 60_000);
});
