// The workload simulation behind "Help me decide": what a learner would see change with the
// desired retention, on a made-up collection.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETERS } from '../../../main/domain/optimise.ts';
import { RETENTIONS, simulate, workloadCurve, type SimulationInput } from '../../../main/domain/simulate.ts';

const input = (over: Partial<SimulationInput> = {}): SimulationInput => ({
  // 300 cards learned over the last month, due over the next two weeks.
  cards: Array.from({ length: 300 }, (_, i) => ({ stability: 3 + (i % 20), difficulty: 5, lastDay: -(i % 30), dueDay: i % 14 })),
  newCards: 500,
  newPerDay: 10,
  reviewsPerDay: 9999,
  parameters: DEFAULT_PARAMETERS,
  maximumIntervalDays: 36500,
  days: 365,
  seconds: { remembered: 8, forgotten: 20, learned: 30 },
  firstRatings: [0.2, 0.05, 0.7, 0.05],
  ...over,
});

describe('the workload at each desired retention', () => {
  it('covers 0.70 to 0.97', () => {
    expect(RETENTIONS[0]).toBe(0.7);
    expect(RETENTIONS.at(-1)).toBe(0.97);
    expect(RETENTIONS).toHaveLength(28);
  });

  it('asks for more reviews and minutes a day, and leaves more cards remembered, the higher the retention', () => {
    const [low, mid, high] = [0.7, 0.9, 0.97].map((r) => simulate(input(), r));
    expect(low!.reviewsPerDay).toBeLessThan(mid!.reviewsPerDay);
    expect(mid!.reviewsPerDay).toBeLessThan(high!.reviewsPerDay);
    expect(low!.minutesPerDay).toBeLessThan(high!.minutesPerDay);
    expect(low!.remembered).toBeLessThan(mid!.remembered);
    // Every card learned, 300 old and 500 new, and most of them remembered at 0.9.
    expect(mid!.remembered).toBeGreaterThan(0.8 * 800);
    expect(mid!.remembered).toBeLessThan(800);
  });

  it('gives the same curve for the same collection', () => {
    expect(workloadCurve(input(), [0.8, 0.9])).toEqual(workloadCurve(input(), [0.8, 0.9]));
  });

  it('counts new cards at the daily limit and their learning time', () => {
    const point = simulate(input({ cards: [], newCards: 100, newPerDay: 10, days: 10 }), 0.9);
    // 100 new cards in 10 days at 30 s each is 5 minutes a day, before any review.
    expect(point.minutesPerDay).toBeGreaterThanOrEqual(5);
    expect(point.remembered).toBeGreaterThan(80);
  });

  it('stays within the daily review limit, so a backlog costs recall', () => {
    const capped = simulate(input({ reviewsPerDay: 5 }), 0.97);
    expect(capped.reviewsPerDay).toBeLessThanOrEqual(5);
    expect(capped.remembered).toBeLessThan(simulate(input(), 0.97).remembered);
  });
});
