// The optimiser's child under plain Node (the preview, the command line, tests): child_process.fork
// of the built child (dist/optimiser.mjs beside the bundle that runs) or, from the sources, of
// child.ts through tsx.
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FromChild } from './protocol.ts';
import type { ChildHandle, ChildLauncher } from './supervisor.ts';

export interface ChildScript {
  path: string;
  execArgv: string[];
  env?: Record<string, string>;
}

/** dist/optimiser.mjs when running from the build, else child.ts from the sources. */
export function defaultChildScript(): ChildScript {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const built = path.join(here, 'optimiser.mjs');
  if (existsSync(built)) return { path: built, execArgv: [] };
  // tsx's cache would be left behind in the temp folder by every child.
  return { path: path.join(here, 'child.ts'), execArgv: ['--import', 'tsx'], env: { TSX_DISABLE_CACHE: '1' } };
}

/** The last few kilobytes a child wrote to its error output: enough for a panic's message. */
const STDERR_KEPT = 4096;

export function forkLauncher(given?: ChildScript): ChildLauncher {
  return (): ChildHandle => {
    const script = given ?? defaultChildScript();
    // 'advanced' serialisation sends the histories as structured clones, not JSON text.
    const child = fork(script.path, [], { execArgv: script.execArgv, env: { ...process.env, ...script.env }, serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    lowerPriority(child.pid);
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_KEPT);
    });
    return {
      send: (message) =>
        new Promise<void>((resolve) => {
          // A child that has gone cannot take it; its end is reported through onEnd.
          if (!child.connected) return resolve();
          child.send(message, undefined, {}, () => resolve());
        }),
      onMessage: (listener) => void child.on('message', (m) => listener(m as FromChild)),
      onEnd: (listener) => {
        let ended = false;
        const end = (code: number | null, signal: string | null) => {
          if (ended) return;
          ended = true;
          listener({ code, signal, stderr });
        };
        // 'close' comes after the error output is read to its end.
        child.on('close', (code, signal) => end(code, signal));
        child.on('error', () => end(child.exitCode, child.signalCode));
      },
      kill: () => void child.kill('SIGKILL'),
    };
  };
}

/** The child yields the processor to the app: an answer must not wait behind a fit. */
export function lowerPriority(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    os.setPriority(pid, 10);
  } catch {
    // Not allowed here (some sandboxes): the child still runs, at the app's priority.
  }
}
