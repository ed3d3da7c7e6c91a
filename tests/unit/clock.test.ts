// The app's clock: distinct readings within a moment, and a clock set back followed, not waited out.
import { describe, expect, it } from 'vitest';
import { createClock } from '../../main/clock.ts';

const DAY = 86_400_000;

describe('the app clock', () => {
  it('gives readings in one millisecond distinct times', () => {
    const clock = createClock(undefined, () => 1000);
    expect([clock(), clock(), clock()]).toEqual([1000, 1001, 1002]);
  });

  it('starts where it is told and runs with real time', () => {
    let real = 5000;
    const clock = createClock(DAY, () => real);
    expect(clock()).toBe(DAY);
    real += 60_000;
    expect(clock()).toBe(DAY + 60_000);
  });

  it('follows the computer’s clock when it is set back, so the study day follows it too', () => {
    let real = 100 * DAY;
    const clock = createClock(undefined, () => real);
    clock();
    real -= 3 * DAY;
    expect(clock()).toBe(97 * DAY);
    real += 60_000;
    expect(clock()).toBe(97 * DAY + 60_000);
  });

  it('follows a jump forward at once', () => {
    let real = 100 * DAY;
    const clock = createClock(undefined, () => real);
    clock();
    real += 365 * DAY;
    expect(clock()).toBe(465 * DAY);
  });
});
