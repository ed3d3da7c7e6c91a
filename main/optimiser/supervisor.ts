// Runs one fit in a child process and turns whatever happens to it into a result or a message a
// learner can read. The child is reached through `ChildHandle`, which child_process.fork (here) and
// Electron's utilityProcess (main/electron/utility-optimiser.ts) both provide, so every decision
// about a child's end is made once, below, and tested without Electron.
import type { WorkloadPoint } from '../domain/simulate.ts';
import type { FitJob, FitResult, FitStage, FromChild, LogFitJob, LogSimulateJob, ToChild } from './protocol.ts';

/** How a child process ended: an exit code, or the signal or reason that ended it. */
export interface ChildEnd {
  code: number | null;
  /** 'SIGABRT', 'SIGKILL', … for child_process; Electron's utilityProcess reports none. */
  signal: string | null;
  /** The last lines the child wrote to its error output, when they could be read. */
  stderr?: string;
}

export interface ChildHandle {
  /** Resolves once the message has left (so a sender of many pieces does not pile them up in memory). */
  send(message: ToChild): void | Promise<void>;
  onMessage(listener: (message: FromChild) => void): void;
  /** Called once, when the process has ended for any reason. */
  onEnd(listener: (end: ChildEnd) => void): void;
  kill(): void;
}

export type ChildLauncher = () => ChildHandle;

export type FitFailure = { kind: 'cancelled' | 'crashed' | 'failed'; message: string };

export class FitError extends Error {
  constructor(readonly failure: FitFailure) {
    super(failure.message);
    this.name = 'FitError';
  }
}

const UNCHANGED = 'Your parameters did not change.';

/** What a child that ended without an answer means for the learner. */
export function describeEnd(end: ChildEnd, cancelled: boolean): FitFailure {
  if (cancelled) return { kind: 'cancelled', message: `Optimisation cancelled. ${UNCHANGED}` };
  const how = end.signal ? `it was stopped by ${end.signal}` : end.code !== null && end.code !== 0 ? `it exited with code ${end.code}` : 'it ended without an answer';
  const panic = end.stderr?.match(/panicked at [^\n]*\n([^\n]+)/)?.[1]?.trim();
  return { kind: 'crashed', message: `The optimiser stopped before it finished (${how}${panic ? `: ${panic}` : ''}). ${UNCHANGED}` };
}

export function describeFailure(message: string): FitFailure {
  return { kind: 'failed', message: `The optimiser could not fit this history (${message}). ${UNCHANGED}` };
}

export interface ChildRun<T> {
  result: Promise<T>;
  cancel(): void;
}
export type FitRun = ChildRun<FitResult>;

type OnProgress = (stage: FitStage, fraction: number) => void;

/** Starts the child, hands it the job, and settles with its result or a FitError. */
export function runInChild(launch: ChildLauncher, job: FitJob, onProgress: OnProgress = () => {}): FitRun {
  return runJob(launch, noLog, { type: 'fit', job }, (m) => (m.type === 'result' ? m.result : undefined), onProgress);
}

/** A fit of the history the child reads from the review log's bytes, which are sent to it first, piece by piece. */
export function fitLogInChild(launch: ChildLauncher, log: AsyncIterable<Uint8Array>, job: LogFitJob, onProgress: OnProgress = () => {}): FitRun {
  return runJob(launch, log, { type: 'fit-log', job }, (m) => (m.type === 'result' ? m.result : undefined), onProgress);
}

/** The workload curve of "Help me decide", simulated in the child with answer times from the log. */
export function simulateInChild(launch: ChildLauncher, log: AsyncIterable<Uint8Array>, job: LogSimulateJob, onProgress: OnProgress = () => {}): ChildRun<WorkloadPoint[]> {
  return runJob(launch, log, { type: 'simulate', job }, (m) => (m.type === 'simulated' ? m.points : undefined), onProgress);
}

const noLog: AsyncIterable<Uint8Array> = { [Symbol.asyncIterator]: async function* () {} };

function runJob<T>(launch: ChildLauncher, log: AsyncIterable<Uint8Array>, message: ToChild, answer: (m: FromChild) => T | undefined, onProgress: OnProgress): ChildRun<T> {
  let cancelled = false;
  let settled = false;
  let child: ChildHandle | null = null;
  const result = new Promise<T>((resolve, reject) => {
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
    };
    try {
      child = launch();
    } catch (e) {
      settle(() => reject(new FitError({ kind: 'crashed', message: `The optimiser could not start (${(e as Error).message}). ${UNCHANGED}` })));
      return;
    }
    const c = child;
    c.onMessage((m) => {
      // After Cancel only the end counts: an answer that crossed it in flight is not applied.
      if (cancelled) return;
      if (m.type === 'progress') {
        if (!settled) onProgress(m.stage, m.fraction);
      } else if (m.type === 'failed') {
        settle(() => reject(new FitError(describeFailure(m.message))));
        c.kill();
      } else {
        const value = answer(m);
        if (value === undefined) return;
        settle(() => resolve(value));
        c.kill();
      }
    });
    c.onEnd((end) => settle(() => reject(new FitError(describeEnd(end, cancelled)))));
    const deliver = async () => {
      for await (const bytes of log) {
        if (settled || cancelled) return;
        await c.send({ type: 'log', bytes });
      }
      if (!settled && !cancelled) await c.send(message);
    };
    deliver().catch((e: unknown) => {
      settle(() => reject(new FitError({ kind: 'failed', message: `The review log could not be read (${(e as Error).message}). ${UNCHANGED}` })));
      c.kill();
    });
  });
  return {
    result,
    cancel() {
      if (settled || cancelled) return;
      cancelled = true;
      child?.kill();
    },
  };
}

/**
 * Electron's utilityProcess reports an exit code only, and a V8 fatal error as a separate 'error'
 * event before the exit. This folds both into a ChildEnd: the error's type stands in for a signal,
 * and an abort's exit code (134 = 128 + SIGABRT on POSIX) reads as the abort it was.
 */
export function utilityProcessEnd(code: number, fatalError: string | null, stderr: string): ChildEnd {
  if (fatalError) return { code, signal: fatalError, stderr };
  if (code === 134 || code === 3) return { code: null, signal: 'SIGABRT', stderr };
  return { code, signal: null, stderr };
}
