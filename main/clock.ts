/** The app's clock, epoch ms. */
export type Clock = () => number;

/** How far the real clock may read behind the last reading and still count as the same moment. */
const SAME_MOMENT_MS = 1000;

/**
 * A clock that starts at `startAt` (default: the real time) and runs forward with real time.
 * Readings in the same millisecond still differ (each is one past the last). A clock set back is
 * followed, not waited out: due cards and the study day go by the computer's time, which the
 * service tells the learner about; nothing orders changes by these readings (a card's version
 * always moves on, and the review log has its own sequence).
 */
export function createClock(startAt?: number, realNow: () => number = Date.now): Clock {
  const offset = startAt === undefined ? 0 : startAt - realNow();
  let last = -Infinity;
  return () => {
    const real = realNow() + offset;
    last = real > last || last - real > SAME_MOMENT_MS ? real : last + 1;
    return last;
  };
}
