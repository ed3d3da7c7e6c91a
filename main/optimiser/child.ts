// The optimiser's child process: takes one job, fits, answers, exits. Started with
// child_process.fork (preview, command line, tests) or Electron's utilityProcess (the app); both
// give the child a channel to its parent, named differently.
import { workloadCurve } from '../domain/simulate.ts';
import { runFit } from './fit.ts';
import type { FromChild, ToChild } from './protocol.ts';

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

async function handle(message: ToChild): Promise<void> {
  if (message.type === 'simulate') {
    try {
      const points = workloadCurve(message.input, undefined, (done) => send({ type: 'progress', stage: 'simulating', fraction: done / 28 }));
      send({ type: 'simulated', points }, () => process.exit(0));
    } catch (e) {
      send({ type: 'failed', message: e instanceof Error ? e.message : String(e) }, () => process.exit(0));
    }
    return;
  }
  try {
    let last = 0;
    const result = await runFit(message.job, (stage, fraction) => {
      // At most ten progress messages a second.
      const now = Date.now();
      if (now - last < 100 && fraction < 1) return;
      last = now;
      send({ type: 'progress', stage, fraction });
    });
    // The process ends once its answer has left.
    send({ type: 'result', result }, () => process.exit(0));
  } catch (e) {
    send({ type: 'failed', message: e instanceof Error ? e.message : String(e) }, () => process.exit(0));
  }
}

if (port) port.on('message', (e) => void handle(e.data));
else {
  process.on('message', (m) => void handle(m as ToChild));
  // A parent that went away takes its optimisation with it.
  process.on('disconnect', () => process.exit(0));
}
