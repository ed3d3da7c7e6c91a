import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, formatHlc, MAX_DRIFT_MS, parseHlc, receiveHlc, tickHlc, ZERO_HLC, type Hlc } from '../../../main/sync/hlc.ts';

describe('the hybrid logical clock', () => {
  it('stamps every change on one device later than the one before, whatever the computer clock reads', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 45 }), { minLength: 1, maxLength: 200 }), (times) => {
        let clock = ZERO_HLC;
        for (const now of times) {
          const next = tickHlc(clock, now, 'a');
          expect(compareHlc(next, clock)).toBeGreaterThan(0);
          clock = next;
        }
      }),
    );
  });

  it('keeps counting after the clock is set back an hour, and follows the wall clock once it catches up', () => {
    const before = tickHlc(ZERO_HLC, 10_000_000, 'a');
    const setBack = tickHlc(before, 10_000_000 - 3_600_000, 'a');
    expect(setBack).toEqual({ wall: 10_000_000, counter: 1, device: 'a' });
    expect(tickHlc(setBack, 10_000_500, 'a')).toEqual({ wall: 10_000_500, counter: 0, device: 'a' });
  });

  it('stamps a change made after reading another device later than what was read, even with this clock behind', () => {
    const remote: Hlc = { wall: 5_000, counter: 7, device: 'b' };
    const after = tickHlc(receiveHlc(ZERO_HLC, remote, 1_000, 'a'), 1_000, 'a');
    expect(compareHlc(after, remote)).toBeGreaterThan(0);
    expect(after.device).toBe('a');
  });

  it('is not dragged years ahead by a device whose clock is wrong', () => {
    const local = tickHlc(ZERO_HLC, 1_000, 'a');
    const farAhead: Hlc = { wall: 1_000 + MAX_DRIFT_MS + 1, counter: 0, device: 'b' };
    expect(receiveHlc(local, farAhead, 1_000, 'a')).toEqual(local);
  });

  it('orders stamps of two devices by time, then counter, then device, and reads back what it writes', () => {
    fc.assert(
      fc.property(
        fc.record({ wall: fc.integer({ min: 0, max: 2 ** 50 }), counter: fc.integer({ min: 0, max: 0xffff }), device: fc.stringMatching(/^[a-z0-9]{1,8}$/) }),
        fc.record({ wall: fc.integer({ min: 0, max: 2 ** 50 }), counter: fc.integer({ min: 0, max: 0xffff }), device: fc.stringMatching(/^[a-z0-9]{1,8}$/) }),
        (a, b) => {
          expect(parseHlc(formatHlc(a))).toEqual(a);
          const byText = formatHlc(a) < formatHlc(b) ? -1 : formatHlc(a) > formatHlc(b) ? 1 : 0;
          expect(byText).toBe(Math.sign(compareHlc(a, b)));
        },
      ),
    );
  });

  it('reads nothing but a stamp from text', () => {
    for (const bad of ['', 'x', '0000000001.0000.a/b', '0000000001.0000.../x', `0000000001.0000.${'a'.repeat(65)}`]) expect(parseHlc(bad)).toBeNull();
  });
});
