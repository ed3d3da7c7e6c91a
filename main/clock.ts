/** The app's clock, epoch ms. */
export type Clock = () => number;

/**
 * A clock that starts at `startAt` (default: the real time) and runs forward with real time.
 * It never returns the same value twice, so "shown at" and "changed at" times can be compared
 * strictly even when two calls fall in the same millisecond.
 */
export function createClock(startAt?: number, realNow: () => number = Date.now): Clock {
  const offset = startAt === undefined ? 0 : startAt - realNow();
  let last = -Infinity;
  return () => {
    last = Math.max(realNow() + offset, last + 1);
    return last;
  };
}
