// Load balancing and easy days: a review lands on a lighter day, but never outside the range FSRS's
// fuzz allows, and never with a different memory.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryState, type Memory } from '../../../main/domain/card.ts';
import { balancedInterval, balancedScheduler, fuzzRange, type Load } from '../../../main/domain/load-balance.ts';
import { createScheduler } from '../../../main/domain/scheduler.ts';

const DAY = 86_400_000;
const NORMAL = [1, 1, 1, 1, 1, 1, 1];
/** Today is a Monday (weekday 1); `due[offset]` reviews are due `offset` days from today. */
const load = (due: Record<number, number>, easyDays = NORMAL): Load => ({ dueOn: (d) => due[d] ?? 0, weekdayOf: (d) => (1 + d) % 7, easyDays });

describe('where a review lands', () => {
  it('never leaves the fuzz range, whatever the load and the easy days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3650 }), fc.integer({ min: 0, max: 400 }), fc.array(fc.nat(500), { minLength: 60, maxLength: 60 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 7, maxLength: 7 }), (interval, elapsed, counts, easy) => {
        const range = fuzzRange(interval, elapsed, 36500);
        const days = balancedInterval(range, interval, { dueOn: (d) => counts[d % 60]!, weekdayOf: (d) => d % 7, easyDays: easy });
        expect(days).toBeGreaterThanOrEqual(range.min);
        expect(days).toBeLessThanOrEqual(range.max);
      }),
    );
  });

  it('goes to the day with the fewest reviews due, and to FSRS’s own day when all are alike', () => {
    const range = fuzzRange(10, 10, 36500);
    expect(range).toEqual({ min: 8, max: 12 });
    expect(balancedInterval(range, 10, load({ 8: 40, 9: 30, 10: 25, 11: 12, 12: 30 }))).toBe(11);
    expect(balancedInterval(range, 10, load({ 8: 5, 9: 5, 10: 5, 11: 5, 12: 5 }))).toBe(10);
  });

  it('keeps easy days lighter: a half day counts its reviews double, a day off is used only when nothing else is allowed', () => {
    // Offsets 9, 10, 11 from a Monday are Wednesday, Thursday, Friday.
    const range = { min: 9, max: 11 };
    const thursdayHalf = [1, 1, 1, 1, 0.5, 1, 1];
    expect(balancedInterval(range, 10, load({ 9: 20, 10: 12, 11: 20 }))).toBe(10);
    expect(balancedInterval(range, 10, load({ 9: 20, 10: 12, 11: 20 }, thursdayHalf))).toBe(9);
    const thursdayOff = [1, 1, 1, 1, 0, 1, 1];
    expect(balancedInterval(range, 10, load({ 9: 90, 10: 0, 11: 90 }, thursdayOff))).not.toBe(10);
    expect(balancedInterval({ min: 10, max: 10 }, 10, load({}, thursdayOff))).toBe(10);
  });
});

describe('a balanced scheduler', () => {
  const now = new Date(2026, 2, 2, 9).getTime();
  const review: Memory = { due: now, stability: 20, difficulty: 5, scheduledDays: 20, learningSteps: 0, reps: 5, lapses: 0, state: MemoryState.Review, lastReview: now - 20 * DAY };
  const base = createScheduler({ fuzz: false });

  it('changes only the day: the memory is FSRS’s, the day within its fuzz range and on the lightest day', () => {
    const plain = base.answer(review, 3, now);
    const range = fuzzRange(plain.scheduledDays, 20, 36500);
    // Every day of the range busy but one.
    const quiet = range.max;
    const busy = (d: number) => (d === quiet ? 0 : 100);
    const balanced = balancedScheduler(base, { maximumIntervalDays: 36500, load: () => ({ dueOn: busy, weekdayOf: () => 1, easyDays: NORMAL }) });
    const got = balanced.answer(review, 3, now);
    expect({ ...got, due: 0, scheduledDays: 0 }).toEqual({ ...plain, due: 0, scheduledDays: 0 });
    expect(got.scheduledDays).toBe(quiet);
    expect(got.due - plain.due).toBe((quiet - plain.scheduledDays) * DAY);
    // The buttons show what the answer will do.
    expect(balanced.preview(review, now)[3]).toEqual(got);
  });

  it('leaves learning steps alone', () => {
    const fresh = createScheduler({ fuzz: false }).preview({ ...review, state: MemoryState.New, reps: 0, lastReview: null, stability: 0, difficulty: 0, scheduledDays: 0 }, now);
    const balanced = balancedScheduler(base, { maximumIntervalDays: 36500, load: () => load({}) }).preview({ ...review, state: MemoryState.New, reps: 0, lastReview: null, stability: 0, difficulty: 0, scheduledDays: 0 }, now);
    expect(balanced[1]).toEqual(fresh[1]);
    expect(balanced[3]).toEqual(fresh[3]);
  });
});
