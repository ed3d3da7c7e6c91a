// Work done a step at a time: a generator that yields between steps, so a caller on the main
// process can let an answer go between them (main/service/articles.ts yields to the event loop at
// each). What the steps compute never depends on where they pause.

/** A computation of a `T` in steps, pausing (yielding nothing) between them. */
export type Steps<T> = Generator<void, T, void>;

/** Runs steps to the end without pausing. */
export function finish<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Counts work done and says when a step's worth is done: `add(n)` is true once `perStep` units
 * have been added since the last pause, which the caller then takes.
 */
export class StepBudget {
  #spent = 0;

  constructor(readonly perStep: number) {}

  add(units: number): boolean {
    this.#spent += units;
    if (this.#spent < this.perStep) return false;
    this.#spent = 0;
    return true;
  }
}
