// The daily reminder's decisions: when it fires, what it says, and the count in the title and badge.
import { afterEach, describe, expect, it } from 'vitest';
import { badgeCount, dueFromDeckList, nextReminderAt, reminderMessage, titleWithDue } from '../../../main/domain/reminder.ts';

const previousTz = process.env.TZ;
afterEach(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

describe('the daily reminder', () => {
  it('fires at the chosen hour today while it is ahead, else tomorrow, in local time across a summer-time change', () => {
    process.env.TZ = 'America/New_York';
    expect(new Date(nextReminderAt(new Date(2026, 2, 2, 8, 59).getTime(), 9)).toString()).toContain('Mon Mar 02 2026 09:00:00');
    expect(new Date(nextReminderAt(new Date(2026, 2, 2, 9, 0).getTime(), 9)).toString()).toContain('Tue Mar 03 2026 09:00:00');
    // Clocks go forward on 8 March: the reminder still comes at 9 o'clock on the wall.
    expect(new Date(nextReminderAt(new Date(2026, 2, 7, 21).getTime(), 9)).toString()).toContain('Sun Mar 08 2026 09:00:00 GMT-0400');
  });

  it('says how many cards are due, and nothing when none are', () => {
    expect(reminderMessage(0)).toBeNull();
    expect(reminderMessage(1)).toEqual({ title: 'Time to study', body: 'One card is due today.' });
    expect(reminderMessage(1234)).toEqual({ title: 'Time to study', body: '1,234 cards are due today.' });
  });

  it('puts the due count in the title and badge only while the reminder is on', () => {
    expect(titleWithDue(12, { enabled: true, hour: 9 })).toBe('Deckhand (12 due)');
    expect(titleWithDue(0, { enabled: true, hour: 9 })).toBe('Deckhand');
    expect(titleWithDue(12, { enabled: false, hour: 9 })).toBe('Deckhand');
    expect(titleWithDue(12, undefined)).toBe('Deckhand');
    expect(badgeCount(12, { enabled: true, hour: 9 })).toBe(12);
    expect(badgeCount(12, undefined)).toBe(0);
  });

  it('counts each top-level deck with the decks under it, once', () => {
    const deck = (parentId: string | null, n: number, l: number, d: number) => ({ parentId, rollup: { counts: { new: n, learning: l, due: d } } });
    expect(dueFromDeckList([deck(null, 5, 1, 10), deck('a', 5, 0, 0), deck(null, 0, 0, 3)])).toBe(19);
  });
});
