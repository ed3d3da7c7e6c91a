import { describe, expect, it } from 'vitest';
import { historyFromLog, type LogLine } from '../../../main/domain/answer-history.ts';
import { MemoryState } from '../../../main/domain/card.ts';
import { answerButtons, cardCounts, forecast, heatmap, memoryStats, trueRetention } from '../../../main/domain/stats.ts';
import { default_w, forgetting_curve } from 'ts-fsrs';
import { card } from './fixtures.ts';

const at = (d: number, h: number, m = 0) => new Date(2026, 2, d, h, m).getTime();
const DAY = 86_400_000;
const NOW = at(20, 15); // 20 March 2026, 3 pm; the study day began at 4 am

let seq = 0;
/** One log line; `state`/`days` are the card's state after it. */
function line(cardId: string, reviewedAt: number, rating: number, after: { state?: number; days?: number; deck?: string } = {}, extra: Partial<LogLine> = {}): LogLine {
  seq++;
  return { seq, cardId, rating, reviewedAt, card: { deckId: after.deck ?? 'deck', state: after.state ?? MemoryState.Review, scheduledDays: after.days ?? 1 }, ...extra };
}
const idOf = (l: LogLine) => `dev-${l.seq}`;

describe('the heatmap', () => {
  it('puts an answer before the rollover hour on the previous study day', () => {
    const h = historyFromLog([line('a', at(20, 3, 30), 3), line('b', at(20, 4, 10), 3), line('c', at(20, 14), 1)]);
    const map = heatmap(h, null, NOW, 4);
    expect(map.counts).toHaveLength(365);
    expect(map.counts.at(-1)).toBe(2);
    expect(map.counts.at(-2)).toBe(1);
    expect(map.firstDay).toBe('2025-03-21');
    expect(map.total).toBe(3);
    expect(map.daysStudied).toBe(2);
  });

  it('follows the rollover hour of the settings', () => {
    const h = historyFromLog([line('a', at(20, 3, 30), 3)]);
    expect(heatmap(h, null, NOW, 0).counts.at(-1)).toBe(1);
    expect(heatmap(h, null, NOW, 4).counts.at(-1)).toBe(0);
  });

  it('counts the streak back from today, or from yesterday while today has no answers yet', () => {
    const days = [0, 1, 2, 4].map((back) => line('a', at(20 - back, 10), 3));
    expect(heatmap(historyFromLog(days), null, NOW, 4).streak).toBe(3);
    const notToday = [1, 2, 4].map((back) => line('a', at(20 - back, 10), 3));
    expect(heatmap(historyFromLog(notToday), null, NOW, 4).streak).toBe(2);
    const lapsed = [2, 3].map((back) => line('a', at(20 - back, 10), 3));
    expect(heatmap(historyFromLog(lapsed), null, NOW, 4).streak).toBe(0);
  });

  it('leaves out undone answers and changes that are not answers', () => {
    const answer = line('a', at(20, 9), 3);
    const kept = line('b', at(20, 9), 2);
    const undo = line('a', at(20, 9, 1), 0, {}, { kind: 'undo', undoes: idOf(answer) });
    const bury = line('b', at(20, 9, 2), 0, {}, { kind: 'bury' });
    expect(heatmap(historyFromLog([answer, kept, undo, bury]), null, NOW, 4).counts.at(-1)).toBe(1);
  });

  it('bins by time, not by place in the log: older imported history may come last', () => {
    const h = historyFromLog([line('a', at(20, 9), 3), line('b', at(10, 9), 3), line('b', at(10, 12), 3)]);
    const map = heatmap(h, null, NOW, 4);
    expect(map.counts.at(-1)).toBe(1);
    expect(map.counts.at(-11)).toBe(2);
  });

  it('counts only the decks asked for', () => {
    const h = historyFromLog([line('a', at(20, 9), 3, { deck: 'x' }), line('b', at(20, 9), 3, { deck: 'y' })]);
    expect(heatmap(h, h.deckMask(['y']), NOW, 4).total).toBe(1);
    expect(heatmap(h, h.deckMask(['unknown']), NOW, 4).total).toBe(0);
  });
});

describe('true retention', () => {
  // Card y: learnt (two learning answers), then a review at interval 5 days (young) passed, then
  // one at 30 days (mature) failed. Card m: a mature pass 6 days ago and one 7 days ago.
  const log = [
    line('y', at(18, 9), 3, { state: MemoryState.Learning, days: 0 }),
    line('y', at(18, 9, 10), 3, { state: MemoryState.Review, days: 5 }),
    line('y', at(19, 9), 3, { state: MemoryState.Review, days: 30 }),
    line('y', at(20, 9), 1, { state: MemoryState.Relearning, days: 0 }),
    line('y', at(20, 9, 10), 3, { state: MemoryState.Review, days: 2 }),
    line('m', at(13, 9), 4, { state: MemoryState.Review, days: 40 }),
    line('m', at(14, 9), 3, { state: MemoryState.Review, days: 50 }),
    line('m', at(14, 10), 2, { state: MemoryState.Review, days: 60 }),
  ];
  // m's first line has no line before it: a learning answer, not a review.
  const rows = trueRetention(historyFromLog(log), null, NOW, 4);
  const row = (p: string) => rows.find((r) => r.period === p)!;

  it("counts today's review answers by the interval before them; learning and relearning answers do not count", () => {
    expect(row('today')).toEqual({ period: 'today', days: 1, young: { passed: 0, failed: 0 }, mature: { passed: 0, failed: 1 } });
  });

  it('takes "last 7 days" as today and the six study days before it', () => {
    // 14 March is 6 days back (in), 13 March 7 days back (out, and a learning answer anyway).
    expect(row('week')).toEqual({ period: 'week', days: 7, young: { passed: 1, failed: 0 }, mature: { passed: 2, failed: 1 } });
    expect(row('month').mature).toEqual({ passed: 2, failed: 1 });
    expect(row('year').young).toEqual({ passed: 1, failed: 0 });
  });

  it('leaves out an undone answer, and the next answer sees the state the undo restored', () => {
    const first = line('u', at(20, 8), 3, { state: MemoryState.Review, days: 25 });
    const fail = line('u', at(20, 9), 1, { state: MemoryState.Relearning, days: 0 });
    const undo = line('u', at(20, 9, 1), 0, { state: MemoryState.Review, days: 25 }, { kind: 'undo', undoes: idOf(fail) });
    const pass = line('u', at(20, 9, 2), 3, { state: MemoryState.Review, days: 60 });
    const today = trueRetention(historyFromLog([first, fail, undo, pass]), null, NOW, 4)[0]!;
    expect(today.mature).toEqual({ passed: 1, failed: 0 });
  });
});

describe('answer buttons', () => {
  it('splits presses by the kind of card before the answer', () => {
    const log = [
      line('a', at(20, 9), 1, { state: MemoryState.Learning, days: 0 }),
      line('a', at(20, 9, 1), 3, { state: MemoryState.Review, days: 3 }),
      line('a', at(20, 10), 4, { state: MemoryState.Review, days: 25 }),
      line('a', at(20, 11), 2, { state: MemoryState.Review, days: 40 }),
    ];
    const b = answerButtons(historyFromLog(log), null, NOW, 4);
    expect(b).toEqual({ days: 365, learning: [1, 0, 1, 0], young: [0, 0, 0, 1], mature: [0, 1, 0, 0] });
  });
});

describe('the forecast', () => {
  const review = (due: number, extra: Parameters<typeof card>[0] = {}) => card({ ...extra, memory: { state: MemoryState.Review, due, lastReview: due - 5 * DAY, stability: 5, ...extra.memory } });
  const cards = [
    review(at(15, 10)), // overdue: today
    card({ memory: { state: MemoryState.Learning, due: at(20, 18) } }), // learning, later today
    review(at(21, 3)), // before tomorrow's rollover: today
    review(at(21, 5)), // tomorrow
    review(at(26, 12)), // day 6: within 7 days
    review(at(27, 12)), // day 7: outside 7 days
    review(new Date(2026, 3, 18, 12).getTime()), // day 29
    review(new Date(2026, 3, 19, 12).getTime()), // day 30: outside 30 days
    review(at(21, 5), { suspended: true }),
    card({ memory: { state: MemoryState.New, due: at(20, 0) } }),
    review(at(20, 9), { buriedUntil: at(21, 4) }), // buried: back tomorrow
  ];
  const f = forecast(cards, NOW, 4);

  it('counts overdue, learning and later-today cards as due today', () => {
    expect(f.daily.slice(0, 2)).toEqual([3, 2]);
  });

  it('sums 7, 30 and 90 days from today, without new or suspended cards', () => {
    expect(f.daily).toHaveLength(90);
    expect(f.next7).toBe(6);
    expect(f.next30).toBe(8);
    expect(f.next90).toBe(9);
  });
});

describe('card counts', () => {
  it('counts suspended cards only as suspended, and review cards as young below 21 days', () => {
    const cards = [
      card(),
      card({ memory: { state: MemoryState.Learning } }),
      card({ memory: { state: MemoryState.Relearning, scheduledDays: 40 } }),
      card({ memory: { state: MemoryState.Review, scheduledDays: 20 } }),
      card({ memory: { state: MemoryState.Review, scheduledDays: 21 } }),
      card({ suspended: true, memory: { state: MemoryState.Review, scheduledDays: 21 } }),
    ];
    expect(cardCounts(cards)).toEqual({ new: 1, learning: 2, young: 1, mature: 1, suspended: 1, total: 6 });
  });
});

describe('FSRS memory', () => {
  // By FSRS's definition a card's stability is the interval after which recall falls to 90%.
  const cards = [
    card({ memory: { state: MemoryState.Review, stability: 10, difficulty: 5.5, lastReview: NOW - 10 * DAY } }),
    card({ memory: { state: MemoryState.Review, stability: 100, difficulty: 9.99, lastReview: NOW } }),
    card(),
  ];
  const m = memoryStats(cards, NOW);

  it('averages the predicted recall now over cards with a memory', () => {
    expect(m.cards).toBe(2);
    expect(m.averageRetrievability).toBeCloseTo((0.9 + 1) / 2, 6);
  });

  it('bins retrievability by 5%, stability by days and difficulty from 1 to 10', () => {
    const where = (bins: typeof m.stability) => bins.filter((b) => b.count > 0).map((b) => [b.from, b.to, b.count]);
    expect(where(m.retrievability)).toEqual([[0.9, 0.95, 1], [0.95, 1, 1]]);
    expect(where(m.stability)).toEqual([[7, 14, 1], [60, 120, 1]]);
    expect(where(m.difficulty)).toEqual([[5, 6, 1], [9, 10, 1]]);
    expect(m.stability.at(-1)).toMatchObject({ from: 730, to: null });
  });

  it('has no average without any card answered', () => {
    expect(memoryStats([card()], NOW).averageRetrievability).toBeNull();
  });

  it("predicts recall by the card's preset's fitted forgetting curve when it has one", () => {
    const old = [card({ memory: { state: MemoryState.Review, stability: 10, difficulty: 5, lastReview: NOW - 40 * DAY } })];
    const fitted = [...default_w.slice(0, 20), 0.5];
    const byDefault = memoryStats(old, NOW).averageRetrievability!;
    const byFit = memoryStats(old, NOW, () => fitted).averageRetrievability!;
    expect(byFit).toBeCloseTo(forgetting_curve(fitted, 40, 10), 9);
    // A steeper decay forgets faster once past the stability.
    expect(byFit).toBeLessThan(byDefault);
  });
});
