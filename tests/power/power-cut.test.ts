// Power cuts, on LazyFS: a scripted session (answers, snapshots, sealing 36 log segments, folding
// them on close, an import with a picture, a background backup, a restore) runs in a child on a
// LazyFS mount, and the power is cut after each of its operations and at random moments: every
// write not yet fsync'ed is dropped, the child is killed, the file system remounted. A SIGKILL
// alone keeps the kernel's page cache, so only this shows a missing fsync. After each cut the
// collection must open and hold every answer the child was told was saved.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { tempDir } from '../unit/temp-dir.ts';
import { checkCollection } from './check-collection.ts';
import { buildLazyfs, LazyFs, lazyfsUnavailable } from './lazyfs.ts';
import { bundleChild, startSession, type Progress } from './session-run.ts';

/** Random cut points on top of one after each operation; POWER_CUTS raises it for a longer hunt. */
const RANDOM_CUTS = Number(process.env.POWER_CUTS ?? 60);
const SEED = Number(process.env.POWER_SEED ?? 20260302);

const unavailable = lazyfsUnavailable();
// CI sets DECKHAND_REQUIRE_POWER_CUTS: there, a machine that cannot run these fails instead of skipping.
if (unavailable && process.env.DECKHAND_REQUIRE_POWER_CUTS) throw new Error(`Power-cut tests cannot run: ${unavailable}`);

let bin: string;
let childScript: string;

beforeAll(async () => {
  if (unavailable) return;
  bin = buildLazyfs();
  childScript = await bundleChild(tempDir('deckhand-power-bin-'));
}, 15 * 60_000);

interface Cut {
  /** Cut once this many lines of the child's output have been read... */
  afterLine: number;
  /** ...and then after this many more milliseconds of it running: a moment inside the next operation. */
  delayMs: number;
}

describe('power cuts on LazyFS', () => {
  it.skipIf(unavailable !== null)(`lose no acknowledged answer and damage no file, after each operation and at ${RANDOM_CUTS} random moments (needs root and /dev/fuse${unavailable ? `; skipped: ${unavailable}` : ''})`, async () => {
    const started = Date.now();
    const base = tempDir('deckhand-power-');
    let seed = SEED;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

    // A whole session first, cut at its end: it says how many lines there are to cut after.
    const full = await session(base, 0, { afterLine: Number.MAX_SAFE_INTEGER, delayMs: 0 });
    expect(full.ended, 'the session runs to its end').toBe(true);
    const doneLines = full.lines.flatMap((line, i) => (line.startsWith('done ') ? [i + 1] : []));
    const cuts: Cut[] = [...doneLines.map((afterLine) => ({ afterLine, delayMs: 0 })), ...Array.from({ length: RANDOM_CUTS }, () => ({ afterLine: 1 + Math.floor(random() * full.lines.length), delayMs: Math.floor(random() * 40) }))];

    let acks = full.acks.size;
    const notices: string[] = [];
    let importsFinished = 0;
    let restoresFinished = 0;
    for (const [i, cut] of cuts.entries()) {
      const progress = await session(base, i + 1, cut);
      acks += progress.acks.size;
      notices.push(...progress.notices);
      if (progress.importFinished) importsFinished++;
      if (progress.restoreFinished) restoresFinished++;
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(`power cuts: ${cuts.length + 1} (${doneLines.length} after an operation, ${RANDOM_CUTS} at random, 1 at the end), ${acks} acknowledged answers checked, 0 lost, ${notices.length} notices, ${importsFinished} imports and ${restoresFinished} restores cut midway finished from their journal on opening, ${seconds} s (seed ${SEED})`);
    expect(notices.filter((n) => !n.includes('cut short by a crash'))).toEqual([]);
  }, 30 * 60_000);
});

/** One session on a fresh collection, cut as `cut` says, then checked on a remount. */
async function session(base: string, round: number, cut: Cut): Promise<Progress & { notices: string[]; importFinished: boolean; restoreFinished: boolean }> {
  const root = path.join(base, `disk-${round}`);
  const mnt = path.join(base, `mnt-${round}`);
  const work = path.join(base, `work-${round}`);
  for (const d of [root, mnt, work]) mkdirSync(d);
  const dir = path.join(mnt, 'collection');
  let fs = await LazyFs.mount(bin, root, mnt, work);
  const run = startSession(childScript, dir);
  onTestFinished(async () => {
    run.child.kill('SIGKILL');
    await run.exited;
    await fs.unmount();
    for (const d of [root, mnt, work]) rmSync(d, { recursive: true, force: true });
  });
  const where = `round ${round} (cut after line ${cut.afterLine} + ${cut.delayMs} ms)`;
  if (await run.line(cut.afterLine)) {
    if (cut.delayMs > 0) await new Promise((r) => setTimeout(r, cut.delayMs));
    // Frozen first, so that nothing it does between the cut and its death reaches the disk.
    run.child.kill('SIGSTOP');
  }
  await fs.clearCache();
  run.child.kill('SIGKILL');
  const exit = await run.exited;
  if (exit.signal !== 'SIGKILL' && exit.code !== 0) throw new Error(`${where}: the session failed:\n${exit.stderr}`);
  await fs.unmount();
  fs = await LazyFs.mount(bin, root, mnt, work);
  const checked = await checkCollection(dir, run.progress, where);
  await fs.unmount();
  for (const d of [root, mnt, work]) rmSync(d, { recursive: true, force: true });
  return { ...run.progress, notices: checked.notices.map((n) => `${where}: ${n}`), importFinished: checked.importFinished, restoreFinished: checked.restoreFinished };
}
