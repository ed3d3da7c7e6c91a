// Runs session-child.ts in a child process and follows what it reports, so that the test can stop
// it at a chosen line (or a random moment after one) and then check what it was told was saved.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';

/** What the child reported as acknowledged before it was stopped. */
export interface Progress {
  /** Review id → the card it answered and that card's reps after it. */
  acks: Map<string, { cardId: string; reps: number }>;
  /** Operations finished, by name. */
  done: string[];
  /** Every line, to count and to pick cut points from. */
  lines: string[];
  ended: boolean;
}

/** Bundles the child once into `dir`, so each run starts a plain `node` in milliseconds. */
export async function bundleChild(dir: string): Promise<string> {
  const out = path.join(dir, 'session-child.mjs');
  await build({ entryPoints: [path.join(import.meta.dirname, 'session-child.ts')], outfile: out, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error', packages: 'bundle' });
  return out;
}

export interface Run {
  child: ChildProcess;
  progress: Progress;
  /** Resolves when line number `n` (from 1) has been read, or the child has gone; true if the line came. */
  line(n: number): Promise<boolean>;
  /** Resolves when the child has exited, however. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

export function startSession(script: string, dir: string, args: string[] = []): Run {
  const child = spawn(process.execPath, [script, dir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const progress: Progress = { acks: new Map(), done: [], lines: [], ended: false };
  const waiters: { n: number; resolve: (came: boolean) => void }[] = [];
  let buffer = '';
  let stderr = '';
  let closed = false;
  child.stderr!.on('data', (d: Buffer) => (stderr += d));
  child.stdout!.on('data', (d: Buffer) => {
    buffer += d;
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      progress.lines.push(line);
      const [kind, a, b, c] = line.split(' ');
      if (kind === 'ack') progress.acks.set(a!, { cardId: b!, reps: Number(c) });
      else if (kind === 'done') progress.done.push(line.split(' ').slice(2).join(' '));
      else if (kind === 'end') progress.ended = true;
      for (const w of waiters.filter((w) => w.n <= progress.lines.length)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(true);
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.once('close', (code, signal) => {
      closed = true;
      for (const w of waiters.splice(0)) w.resolve(false);
      resolve({ code, signal, stderr });
    }),
  );
  return {
    child,
    progress,
    exited,
    line: (n) => (progress.lines.length >= n ? Promise.resolve(true) : closed ? Promise.resolve(false) : new Promise((resolve) => waiters.push({ n, resolve }))),
  };
}
