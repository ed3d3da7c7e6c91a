// Quitting with work in flight. An import or a restore still running when the last window closes
// must finish (or be given up on, after a bound) before the collection is closed under it; calls
// that arrive once quitting has begun are refused. Electron's part is small: 'before-quit' asks
// beforeQuit() whether to go on (preventDefault otherwise), 'will-quit' and a Windows session end
// call close(). The sequence is here, with its clock passed in, so a unit test drives it.

export interface QuitOptions {
  /** The longest quitting waits for work in flight before closing anyway. */
  boundMs: number;
  /** Closes the collection (the service); called once. */
  close(): void;
  /** Asks the app to quit again, once the wait is over. */
  quit(): void;
  /** Resolves after `ms` (setTimeout in the app, a controlled promise in tests). */
  sleep(ms: number): Promise<void>;
  log?(message: string): void;
}

type Phase = 'running' | 'waiting' | 'ready';

export class QuitCoordinator {
  #phase: Phase = 'running';
  #closed = false;
  readonly #inFlight = new Set<Promise<unknown>>();

  constructor(private readonly options: QuitOptions) {}

  /** How many calls are running now. */
  get inFlight(): number {
    return this.#inFlight.size;
  }

  /** Whether quitting has begun: new work is refused from then on. */
  get quitting(): boolean {
    return this.#phase !== 'running';
  }

  /** Runs `work` and keeps track of it until it settles; null (nothing run) once quitting has begun. */
  track<T>(work: () => Promise<T>): Promise<T> | null {
    if (this.quitting) return null;
    const running = work();
    this.#inFlight.add(running);
    const done = () => this.#inFlight.delete(running);
    running.then(done, done);
    return running;
  }

  /**
   * 'before-quit': true when the quit may go on now. Otherwise the wait has begun (or is under way)
   * and quit() is called again when the work has settled or the bound has passed.
   */
  beforeQuit(): boolean {
    if (this.#phase === 'ready') return true;
    if (this.#phase === 'waiting') return false;
    if (this.#inFlight.size === 0) {
      this.#phase = 'ready';
      return true;
    }
    this.#phase = 'waiting';
    void this.#waitThenQuit();
    return false;
  }

  async #waitThenQuit(): Promise<void> {
    const pending = [...this.#inFlight];
    const settled = await Promise.race([Promise.allSettled(pending).then(() => true), this.options.sleep(this.options.boundMs).then(() => false)]);
    if (!settled) this.options.log?.(`deckhand: quitting after ${this.options.boundMs / 1000} s with ${this.#inFlight.size} call(s) still running (an import or a restore of a backup is journalled and is finished or dropped on the next start)`);
    this.#phase = 'ready';
    this.options.quit();
  }

  /** Closes the collection once, whichever of 'will-quit' or a session end comes first. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#phase = 'ready';
    try {
      this.options.close();
    } catch (e) {
      this.options.log?.(`deckhand: closing the collection failed: ${(e as Error).message ?? String(e)}`);
    }
  }
}
