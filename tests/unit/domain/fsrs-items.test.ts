// Training items built from hand-made histories, the way Anki builds them. Times are local wall
// clock times, so the rollover hour means the same in any time zone the tests run in.
import { describe, expect, it } from 'vitest';
import { MemoryState } from '../../../main/domain/card.ts';
import { addLogLines, buildFsrsHistory, itemsInTimeOrder, packHistory, studyDayNumber, unpackHistory, type HistoryEntry } from '../../../main/domain/fsrs-items.ts';
import type { LogKind } from '../../../main/domain/review-entry.ts';

let seq = 0;
/** Local time: '2024-03-01 09:30'. */
const at = (when: string): number => {
  const [date, time = '12:00'] = when.split(' ');
  const [y, m, d] = date!.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(y!, m! - 1, d!, hh!, mm!).getTime();
};
const answer = (cardId: string, when: string, rating: number, state: number = MemoryState.Review): HistoryEntry => ({ id: `e${++seq}`, cardId, rating, reviewedAt: at(when), card: { state } });
const other = (cardId: string, when: string, kind: LogKind, state: number, undoes?: string): HistoryEntry => ({ id: `e${++seq}`, cardId, kind, rating: 0, reviewedAt: at(when), card: { state }, ...(undoes ? { undoes } : {}) });

const ROLLOVER = 4;
/** Each item as "rating/deltaT" pairs, oldest item first. */
const itemsOf = (entries: HistoryEntry[], options: { ignoreBefore?: number } = {}) =>
  itemsInTimeOrder(buildFsrsHistory(entries, { rolloverHour: ROLLOVER, ...options })).map((i) => i.reviews.map((r) => `${r.rating}/${r.deltaT}`).join(' '));

describe('the training items of a review history', () => {
  it('makes an item for each answer a day or more after the one before, with everything before it', () => {
    const entries = [
      answer('a', '2024-03-01 09:00', 1, MemoryState.Learning),
      answer('a', '2024-03-01 09:10', 3, MemoryState.Learning),
      answer('a', '2024-03-01 09:20', 3),
      answer('a', '2024-03-03 08:00', 3),
      answer('a', '2024-03-03 20:00', 1, MemoryState.Relearning),
      answer('a', '2024-03-04 09:00', 3),
    ];
    expect(itemsOf(entries)).toEqual(['1/0 3/0 3/0 3/2', '1/0 3/0 3/0 3/2 1/0 3/1']);
  });

  it('counts days by the study day: an answer at 2 am belongs to the evening before', () => {
    expect(studyDayNumber(at('2024-03-02 02:00'), ROLLOVER)).toBe(studyDayNumber(at('2024-03-01 22:00'), ROLLOVER));
    expect(studyDayNumber(at('2024-03-02 04:00'), ROLLOVER)).toBe(studyDayNumber(at('2024-03-01 22:00'), ROLLOVER) + 1);
    // 23:00 then 02:00 the next night is the same study day: no item.
    expect(itemsOf([answer('a', '2024-03-01 23:00', 3), answer('a', '2024-03-02 02:00', 3)])).toEqual([]);
    // 23:00 then 05:00: a new study day, though only six hours later.
    expect(itemsOf([answer('a', '2024-03-01 23:00', 3), answer('a', '2024-03-02 05:00', 3)])).toEqual(['3/0 3/1']);
    // 03:00 then 23:00 the same date: the first belongs to the day before.
    expect(itemsOf([answer('a', '2024-03-02 03:00', 3), answer('a', '2024-03-02 23:00', 4)])).toEqual(['3/0 4/1']);
  });

  it('makes no item of a card answered only on one day', () => {
    const entries = [answer('a', '2024-03-01 09:00', 1, MemoryState.Learning), answer('a', '2024-03-01 09:01', 3, MemoryState.Learning), answer('a', '2024-03-01 18:00', 3)];
    expect(buildFsrsHistory(entries, { rolloverHour: ROLLOVER })).toEqual({ cards: [], reviews: 0, items: 0 });
  });

  it('leaves out manual and rescheduled due dates, cram, burying and suspending, which are no answers', () => {
    const entries = [
      answer('a', '2024-03-01 09:00', 3),
      other('a', '2024-03-02 09:00', 'manual', MemoryState.Review),
      other('a', '2024-03-03 09:00', 'rescheduled', MemoryState.Review),
      other('a', '2024-03-03 10:00', 'cram', MemoryState.Review),
      other('a', '2024-03-03 11:00', 'bury', MemoryState.Review),
      other('a', '2024-03-04 11:00', 'suspend', MemoryState.Review),
      other('a', '2024-03-05 11:00', 'unsuspend', MemoryState.Review),
      answer('a', '2024-03-06 09:00', 2),
    ];
    expect(itemsOf(entries)).toEqual(['3/0 2/5']);
  });

  it('starts again after a reset: only the learning since the card was last new counts', () => {
    const entries = [
      answer('a', '2024-03-01 09:00', 3),
      answer('a', '2024-03-05 09:00', 1, MemoryState.Relearning),
      other('a', '2024-03-06 09:00', 'reset', MemoryState.New),
      answer('a', '2024-03-10 09:00', 4),
      answer('a', '2024-03-20 09:00', 3),
    ];
    expect(itemsOf(entries)).toEqual(['4/0 3/10']);
  });

  it('leaves out a card whose history does not start from new (its first answers were never logged)', () => {
    const entries = [other('a', '2024-03-01 09:00', 'import', MemoryState.Review), answer('a', '2024-03-05 09:00', 3), answer('a', '2024-03-15 09:00', 3)];
    expect(itemsOf(entries)).toEqual([]);
  });

  it('leaves out an answer that was undone', () => {
    const wrong = answer('a', '2024-03-04 09:00', 1, MemoryState.Relearning);
    const entries = [answer('a', '2024-03-01 09:00', 3), wrong, other('a', '2024-03-04 09:00', 'undo', MemoryState.Review, wrong.id), answer('a', '2024-03-04 09:01', 3)];
    expect(itemsOf(entries)).toEqual(['3/0 3/3']);
  });

  it('leaves out cards learned before the "ignore reviews before" date, whole, as Anki does', () => {
    const entries = [answer('a', '2024-03-01 09:00', 3), answer('a', '2024-03-09 09:00', 3), answer('b', '2024-03-06 09:00', 3), answer('b', '2024-03-09 09:00', 3)];
    expect(itemsOf(entries, { ignoreBefore: at('2024-03-05 00:00') })).toEqual(['3/0 3/3']);
  });

  it('keeps only the cards asked for, counts reviews and items, and orders items by when they were answered', () => {
    const entries = [answer('a', '2024-03-01 09:00', 3), answer('b', '2024-03-01 09:00', 3), answer('b', '2024-03-02 09:00', 3), answer('a', '2024-03-05 09:00', 1), answer('c', '2024-03-01 09:00', 3), answer('c', '2024-03-03 09:00', 3)];
    const history = buildFsrsHistory(entries, { rolloverHour: ROLLOVER, includeCard: (id) => id !== 'c' });
    expect({ reviews: history.reviews, items: history.items }).toEqual({ reviews: 4, items: 2 });
    expect(itemsInTimeOrder(history).map((i) => i.reviews.at(-1))).toEqual([
      { rating: 3, deltaT: 1 },
      { rating: 1, deltaT: 4 },
    ]);
  });
});

describe('the review log as the child process reads it', () => {
  it('takes what it needs from each stored line and skips lines that are not entries', () => {
    const stored = { seq: 7, id: 'dev-7', cardId: 'd/n1', kind: 'undo', undoes: 'dev-6', rating: 0, reviewedAt: 1000, durationMs: 0, card: { id: 'd/n1', state: 2, stability: 3 } };
    const answer = { seq: 8, id: 'dev-8', cardId: 'd/n1', rating: 3, reviewedAt: 2000, durationMs: 4200, card: { id: 'd/n1', state: 2 } };
    const into: HistoryEntry[] = [];
    addLogLines(new TextEncoder().encode(`${JSON.stringify(stored)}\n{not json\n\n{"id":"x"}\n${JSON.stringify(answer)}\n`), into);
    expect(into).toEqual([
      { id: 'dev-7', cardId: 'd/n1', kind: 'undo', undoes: 'dev-6', rating: 0, reviewedAt: 1000, durationMs: 0, card: { state: 2 } },
      { id: 'dev-8', cardId: 'd/n1', rating: 3, reviewedAt: 2000, durationMs: 4200, card: { state: 2 } },
    ]);
  });

  it('packs a history into typed arrays and back without change', () => {
    const entries = [answer('a', '2024-03-01 09:00', 3), answer('a', '2024-03-03 09:00', 1), answer('a', '2024-03-04 09:00', 3), answer('b', '2024-03-01 09:00', 4), answer('b', '2024-03-09 09:00', 3)];
    const history = buildFsrsHistory(entries, { rolloverHour: ROLLOVER });
    const back = unpackHistory(packHistory(history));
    expect(itemsInTimeOrder(back)).toEqual(itemsInTimeOrder(history));
    expect({ reviews: back.reviews, items: back.items }).toEqual({ reviews: 5, items: 3 });
  });
});
