// The optimiser's child in the app: Electron's utilityProcess, which (unlike a worker thread)
// contains the binding's aborts. Only wiring: what an end means is decided in the supervisor
// (`utilityProcessEnd`, tested without Electron).
import os from 'node:os';
import { utilityProcess } from 'electron';
import type { ChildHandle, ChildLauncher, FromChild } from '../open-app.ts';
import { utilityProcessEnd } from '../open-app.ts';

const STDERR_KEPT = 4096;

export function utilityOptimiser(script: string): ChildLauncher {
  return (): ChildHandle => {
    const child = utilityProcess.fork(script, [], { serviceName: 'Deckhand optimiser', stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let fatal: string | null = null;
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_KEPT);
    });
    // The child yields the processor to the app: an answer must not wait behind a fit.
    child.once('spawn', () => {
      try {
        if (child.pid !== undefined) os.setPriority(child.pid, 10);
      } catch {
        // Not allowed here: the child runs at the app's priority.
      }
    });
    child.on('error', (type) => {
      fatal = String(type);
    });
    return {
      send: (message) => child.postMessage(message),
      onMessage: (listener) => void child.on('message', (m: FromChild) => listener(m)),
      onEnd: (listener) => void child.once('exit', (code) => listener(utilityProcessEnd(code, fatal, stderr))),
      kill: () => void child.kill(),
    };
  };
}
