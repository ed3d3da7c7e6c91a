// Crash safety: a child process answers cards and is killed with SIGKILL at random moments; after
// each kill, reopening must find every answer the child saw acknowledged, and every file must read.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCollectionStore, SNAPSHOT_FILE } from '../../../main/store/collection-store.ts';
import { tempDir } from '../temp-dir.ts';

const ROUNDS = 50;
let childScript: string;

beforeAll(async () => {
  // Bundled once so each round starts a plain `node` process in milliseconds.
  childScript = path.join(tempDir('deckhand-crash-bin-'), 'child.mjs');
  await build({ entryPoints: [path.join(import.meta.dirname, 'crash-child.ts')], outfile: childScript, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' });
});

/** Runs the child until it has acknowledged `answers` answers, then kills it without warning. */
function runAndKill(dir: string, round: number, answers: number): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, dir, String(round * 1_000_000)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked = new Map<string, number>();
    let count = 0;
    let buffer = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d;
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const [, id, reps] = line.split(' ');
        acked.set(id!, Number(reps));
        if (++count === answers) child.kill('SIGKILL');
      }
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`child exited on its own: ${err}`))));
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged answer through ${ROUNDS} kills at random moments`, async () => {
    const dir = tempDir('deckhand-crash-');
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let total = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const acked = await runAndKill(dir, round, 1 + Math.floor(random() * 120));
      total += acked.size;
      const store = await openCollectionStore(dir);
      for (const [id, reps] of acked) {
        // The child may have written one more answer after its last acknowledgement; never fewer.
        expect(store.data.cards.get(id)?.memory.reps, `round ${round}, ${id}`).toBeGreaterThanOrEqual(reps);
      }
      expect(store.notices.filter((n) => !n.includes('cut short by a crash'))).toEqual([]);
      if (existsSync(path.join(dir, SNAPSHOT_FILE))) expect(() => JSON.parse(readFileSync(path.join(dir, SNAPSHOT_FILE), 'utf8'))).not.toThrow();
      store.close();
    }
    expect(total).toBeGreaterThan(ROUNDS);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  }, 120_000);
});
