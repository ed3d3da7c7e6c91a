// The optimiser's child process: takes one job, works, answers, exits. Started with
// child_process.fork (preview, command line, tests) or Electron's utilityProcess (the app); both
// give the child a channel to its parent, named differently. The review log, when a job needs it,
// arrives first as raw bytes (`log` messages) and is parsed here, off the app's process.
import { addLogLines, buildFsrsHistory, type HistoryEntry } from '../domain/fsrs-items.ts';
import { answerHabits, RETENTIONS, workloadCurve } from '../domain/simulate.ts';
import { fitHistory, runFit } from './fit.ts';
import type { FitStage, FromChild, ToChild } from './protocol.ts';

interface ParentPort {
  on(event: 'message', listener: (e: { data: ToChild }) => void): void;
  postMessage(message: FromChild): void;
}

const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
const send = (message: FromChild, then?: () => void): void => {
  // Under Electron the parent ends the process once it has the answer.
  if (port) port.postMessage(message);
  else process.send?.(message, undefined, {}, () => then?.());
};
const exit = () => process.exit(0);

const entries: HistoryEntry[] = [];
const decoder = new TextDecoder();
const ids = (lines: string) => new Set(lines ? lines.split('\n') : []);

/** At most ten progress messages a second. */
function throttled(): (stage: FitStage, fraction: number) => void {
  let last = 0;
  return (stage, fraction) => {
    const now = Date.now();
    if (now - last < 100 && fraction < 1) return;
    last = now;
    send({ type: 'progress', stage, fraction });
  };
}

async function handle(message: ToChild): Promise<void> {
  if (message.type === 'log') {
    addLogLines(message.bytes, entries, decoder);
    return;
  }
  try {
    if (message.type === 'simulate') {
      const { input, cardIds, learningSteps } = message.job;
      const progress = throttled();
      const points = workloadCurve({ ...input, ...answerHabits(entries, ids(cardIds), learningSteps) }, RETENTIONS, (done) => progress('simulating', done / RETENTIONS.length));
      send({ type: 'simulated', points }, exit);
    } else if (message.type === 'fit-log') {
      const { cardIds, rolloverHour, ignoreBefore, ...fit } = message.job;
      const preset = ids(cardIds);
      const history = buildFsrsHistory(entries, { rolloverHour, ignoreBefore, includeCard: (id) => preset.has(id) });
      entries.length = 0;
      send({ type: 'result', result: await fitHistory(history, fit, throttled()) }, exit);
    } else {
      send({ type: 'result', result: await runFit(message.job, throttled()) }, exit);
    }
  } catch (e) {
    send({ type: 'failed', message: e instanceof Error ? e.message : String(e) }, exit);
  }
}

if (port) port.on('message', (e) => void handle(e.data));
else {
  process.on('message', (m) => void handle(m as ToChild));
  // A parent that went away takes its optimisation with it.
  process.on('disconnect', exit);
}
