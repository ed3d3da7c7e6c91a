import { describe, expect, it } from 'vitest';
import { QuitCoordinator } from '../../../main/electron/quit.ts';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every promise callback already queued run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A coordinator whose clock the test moves, recording what happens in order. */
function setup(boundMs = 10_000) {
  const events: string[] = [];
  const clock = deferred();
  const sleeps: number[] = [];
  const quit = new QuitCoordinator({
    boundMs,
    close: () => events.push('close'),
    quit: () => events.push('quit'),
    sleep: (ms) => {
      sleeps.push(ms);
      return clock.promise;
    },
    log: (m) => events.push(`log: ${m}`),
  });
  return { quit, events, sleeps, timeUp: () => clock.resolve() };
}

describe('QuitCoordinator', () => {
  it('lets an idle app quit at once and closes the collection once', () => {
    const { quit, events } = setup();
    expect(quit.beforeQuit()).toBe(true);
    quit.close();
    quit.close();
    expect(events).toEqual(['close']);
  });

  it('holds the quit while an import runs, closes the collection only after it finished, then quits', async () => {
    const { quit, events } = setup();
    const importing = deferred<string>();
    const call = quit.track(() => importing.promise)!;
    expect(quit.inFlight).toBe(1);

    expect(quit.beforeQuit()).toBe(false);
    // Asked again while waiting (a second Cmd+Q, the window closing): still waiting.
    expect(quit.beforeQuit()).toBe(false);
    await settle();
    expect(events).toEqual([]);

    importing.resolve('report');
    expect(await call).toBe('report');
    await settle();
    expect(events).toEqual(['quit']);
    // Electron asks again after quit(): now it goes on, and 'will-quit' closes the collection.
    expect(quit.beforeQuit()).toBe(true);
    quit.close();
    expect(events).toEqual(['quit', 'close']);
  });

  it('waits for a call that fails too, and for every call in flight', async () => {
    const { quit, events } = setup();
    const a = deferred();
    const b = deferred();
    void quit.track(() => a.promise)?.catch(() => undefined);
    void quit.track(() => b.promise);
    expect(quit.beforeQuit()).toBe(false);
    a.reject(new Error('the file is damaged'));
    await settle();
    expect(events).toEqual([]);
    b.resolve();
    await settle();
    expect(events).toEqual(['quit']);
  });

  it('refuses new calls once quitting has begun, so none starts against a closing collection', () => {
    const { quit } = setup();
    void quit.track(() => new Promise(() => {}));
    quit.beforeQuit();
    let ran = false;
    expect(
      quit.track(async () => {
        ran = true;
      }),
    ).toBeNull();
    expect(ran).toBe(false);
    expect(quit.quitting).toBe(true);
  });

  it('gives up waiting after its bound, says so in the log, and quits', async () => {
    const { quit, events, sleeps, timeUp } = setup(15_000);
    void quit.track(() => new Promise(() => {}));
    expect(quit.beforeQuit()).toBe(false);
    expect(sleeps).toEqual([15_000]);
    timeUp();
    await settle();
    expect(events).toEqual([expect.stringMatching(/^log: deckhand: quitting after 15 s with 1 call\(s\) still running/), 'quit']);
    expect(quit.beforeQuit()).toBe(true);
  });

  it('closes at once on a session end (Windows logoff), even with work in flight, and only once', () => {
    const { quit, events } = setup();
    void quit.track(() => new Promise(() => {}));
    quit.close();
    quit.close();
    expect(events).toEqual(['close']);
    expect(quit.track(async () => 1)).toBeNull();
  });
});
