// A smoother load: where a review lands inside the range FSRS's fuzz allows, chosen toward the days
// with fewer reviews due (load balancing) and away from days the learner wants lighter (easy days).
// Only the day moves, within that range; stability and difficulty are FSRS's, untouched.
import { get_fuzz_range } from 'ts-fsrs';
import { MemoryState, type Memory } from './card.ts';
import type { Rating, Scheduler } from './scheduler.ts';

const DAY_MS = 86_400_000;

/** The days a review may land on: ts-fsrs's fuzz range around FSRS's interval (none under 2.5 days). */
export function fuzzRange(intervalDays: number, elapsedDays: number, maximumIntervalDays: number): { min: number; max: number } {
  if (intervalDays < 2.5) {
    const days = Math.round(intervalDays);
    return { min: days, max: days };
  }
  const { min_ivl, max_ivl } = get_fuzz_range(intervalDays, elapsedDays, maximumIntervalDays);
  return { min: min_ivl, max: max_ivl };
}

export interface Load {
  /** Reviews due `offset` study days from today. */
  dueOn(offset: number): number;
  /** The weekday (0 Sunday … 6 Saturday) `offset` study days from today. */
  weekdayOf(offset: number): number;
  /** Per weekday, Sunday first, the share of a normal day's reviews wanted (1 normal, 0.5 half, 0 none). */
  easyDays: readonly number[];
}

/**
 * The interval in `range` whose day is least loaded for its weekday's share: reviews due divided by
 * the share, so a half day counts its reviews double. Ties go to the day nearest FSRS's own
 * interval, then the earlier. Days with no share at all are used only when the range has nothing else.
 */
export function balancedInterval(range: { min: number; max: number }, target: number, load: Load): number {
  let best = range.min;
  let bestCost = Number.POSITIVE_INFINITY;
  const anyShare = (d: number) => (load.easyDays[load.weekdayOf(d)] ?? 1) > 0;
  const withShare = Array.from({ length: range.max - range.min + 1 }, (_, i) => range.min + i).some(anyShare);
  for (let d = range.min; d <= range.max; d++) {
    const share = load.easyDays[load.weekdayOf(d)] ?? 1;
    if (withShare && share <= 0) continue;
    const cost = (load.dueOn(d) + 1) / Math.max(share, 0.01);
    if (cost < bestCost || (cost === bestCost && Math.abs(d - target) < Math.abs(best - target))) {
      best = d;
      bestCost = cost;
    }
  }
  return best;
}

/**
 * A scheduler whose review intervals are placed by `balancedInterval`. `base` must not fuzz (the
 * balancing takes fuzz's place). Learning steps and cards not in review keep the base's times.
 */
export function balancedScheduler(base: Scheduler, options: { maximumIntervalDays: number; load: (now: number) => Load }): Scheduler {
  const place = (before: Memory, after: Memory, now: number): Memory => {
    if (after.state !== MemoryState.Review || after.scheduledDays < 1) return after;
    const elapsed = before.lastReview === null ? 0 : Math.max(0, Math.floor((now - before.lastReview) / DAY_MS));
    const range = fuzzRange(after.scheduledDays, elapsed, options.maximumIntervalDays);
    if (range.min === range.max) return after;
    const days = balancedInterval(range, after.scheduledDays, options.load(now));
    return { ...after, scheduledDays: days, due: after.due + (days - after.scheduledDays) * DAY_MS };
  };
  return {
    preview(memory, now) {
      const p = base.preview(memory, now);
      return { 1: place(memory, p[1], now), 2: place(memory, p[2], now), 3: place(memory, p[3], now), 4: place(memory, p[4], now) };
    },
    answer(memory, rating: Rating, now) {
      return place(memory, base.answer(memory, rating, now), now);
    },
  };
}
