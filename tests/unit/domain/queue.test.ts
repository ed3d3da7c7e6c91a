import { describe, expect, it } from 'vitest';
import { MemoryState } from '../../../main/domain/card.ts';
import { dayStart, nextDayStart } from '../../../main/domain/day.ts';
import { buildDayQueue, cardStatus, nextInQueue } from '../../../main/domain/queue.ts';
import { card } from './fixtures.ts';

const at = (d: number, h: number, m = 0) => new Date(2026, 2, d, h, m).getTime();
const MIN = 60_000;

describe('the study day', () => {
  it('starts at 4 am local time', () => {
    expect(dayStart(at(10, 15))).toBe(at(10, 4));
    expect(nextDayStart(at(10, 15))).toBe(at(11, 4));
  });

  it('still counts 1 am as the evening before', () => {
    expect(dayStart(at(10, 1))).toBe(at(9, 4));
    expect(nextDayStart(at(10, 1))).toBe(at(10, 4));
  });

  it('follows a configured rollover hour', () => {
    expect(dayStart(at(10, 5), 6)).toBe(at(9, 6));
    expect(dayStart(at(10, 0, 30), 0)).toBe(at(10, 0));
  });
});

describe('the day queue', () => {
  const now = at(10, 15);

  it('puts learning cards due now first, then due reviews, then new cards', () => {
    const fresh = card({ id: 'new' });
    const review = card({ id: 'review', memory: { state: MemoryState.Review, due: at(10, 9) } });
    const learning = card({ id: 'learning', memory: { state: MemoryState.Learning, due: now - MIN } });
    const q = buildDayQueue([fresh, review, learning], now);
    expect([...q.learning, ...q.review, ...q.new].map((c) => c.id)).toEqual(['learning', 'review', 'new']);
    expect(nextInQueue(q, [fresh, review, learning], now)?.id).toBe('learning');
    expect(q.counts).toEqual({ learning: 1, due: 1, new: 1 });
  });

  it('counts a review due later today as due, and one due after the rollover as not', () => {
    const tonight = card({ memory: { state: MemoryState.Review, due: at(10, 23) } });
    const at3am = card({ memory: { state: MemoryState.Review, due: at(11, 3) } });
    const tomorrow = card({ memory: { state: MemoryState.Review, due: at(11, 5) } });
    expect(buildDayQueue([tonight, at3am, tomorrow], now).counts.due).toBe(2);
  });

  it('becomes due the next study day', () => {
    const c = card({ memory: { state: MemoryState.Review, due: at(11, 5) } });
    expect(buildDayQueue([c], at(11, 3, 59)).counts.due).toBe(0);
    expect(cardStatus(c, at(11, 3, 59))).toBe('learned');
    expect(buildDayQueue([c], at(11, 4)).counts.due).toBe(1);
    expect(cardStatus(c, at(11, 4))).toBe('due');
  });

  it('introduces at most 20 new cards a day, counting those already started today', () => {
    const fresh = Array.from({ length: 30 }, () => card());
    expect(buildDayQueue(fresh, now).counts.new).toBe(20);
    const started = Array.from({ length: 5 }, () => card({ introducedAt: at(10, 9), memory: { state: MemoryState.Review, due: at(14, 9) } }));
    expect(buildDayQueue([...started, ...fresh], now).counts.new).toBe(15);
    const startedYesterday = Array.from({ length: 5 }, () => card({ introducedAt: at(9, 9), memory: { state: MemoryState.Review, due: at(14, 9) } }));
    expect(buildDayQueue([...startedYesterday, ...fresh], now).counts.new).toBe(20);
  });

  it('keeps new cards in deck order', () => {
    const fresh = ['a', 'b', 'c'].map((id) => card({ id }));
    expect(buildDayQueue(fresh, now, { newPerDay: 2, reviewsPerDay: 200, rolloverHour: 4 }).new.map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('shows a learning card due within 20 minutes once nothing else is left, rather than ending the session', () => {
    const soon = card({ id: 'soon', memory: { state: MemoryState.Learning, due: now + 10 * MIN } });
    const later = card({ id: 'later', memory: { state: MemoryState.Learning, due: now + 30 * MIN } });
    const q = buildDayQueue([soon, later], now);
    expect(q.counts.learning).toBe(0);
    expect(nextInQueue(q, [soon, later], now)?.id).toBe('soon');
    expect(nextInQueue(buildDayQueue([later], now), [later], now)).toBeNull();
  });

  it('never shows a suspended card, and shows a buried one again at the next study day', () => {
    const suspended = card({ id: 's', suspended: true });
    const buried = card({ id: 'b', buriedUntil: at(11, 4), memory: { state: MemoryState.Review, due: at(10, 9) } });
    expect(buildDayQueue([suspended, buried], now).counts).toEqual({ new: 0, learning: 0, due: 0 });
    expect(buildDayQueue([suspended, buried], at(11, 5)).counts).toEqual({ new: 0, learning: 0, due: 1 });
  });

  it('keeps a sibling for tomorrow once one card of its note was answered today', () => {
    const front = card({ id: 'n:front', noteId: 'n', introducedAt: at(10, 9), memory: { state: MemoryState.Review, due: at(14, 9), lastReview: at(10, 9) } });
    const reverse = card({ id: 'n:reverse', noteId: 'n' });
    const c1 = card({ id: 'm:c1', noteId: 'm' });
    const c2 = card({ id: 'm:c2', noteId: 'm' });
    const q = buildDayQueue([front, reverse, c1, c2], now);
    expect(q.new.map((c) => c.id)).toEqual(['m:c1']);
    expect(buildDayQueue([front, reverse], at(11, 9)).new.map((c) => c.id)).toEqual(['n:reverse']);
  });

  it('stops reviews at the daily review limit, counting those done today', () => {
    const due = Array.from({ length: 10 }, () => card({ memory: { state: MemoryState.Review, due: at(10, 8) } }));
    const doneToday = Array.from({ length: 4 }, () => card({ introducedAt: at(1, 9), memory: { state: MemoryState.Review, due: at(20, 9), lastReview: at(10, 9) } }));
    expect(buildDayQueue([...due, ...doneToday], now, { newPerDay: 20, reviewsPerDay: 6, rolloverHour: 4 }).counts.due).toBe(2);
  });

  it('lets "Study more" add new cards beyond the limit, and a collection-wide cap lower it', () => {
    const fresh = Array.from({ length: 30 }, () => card());
    expect(buildDayQueue(fresh, now, undefined, { extraNew: 5 }).counts.new).toBe(25);
    expect(buildDayQueue(fresh, now, undefined, { capNew: 3 }).counts.new).toBe(3);
  });
});
