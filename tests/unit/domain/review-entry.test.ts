import { describe, expect, it } from 'vitest';
import { MemoryState } from '../../../main/domain/card.ts';
import { fromLoggedCard, toLoggedCard, type LoggedCard } from '../../../main/domain/review-entry.ts';
import { card } from './fixtures.ts';

const answered = card({ id: 'bio/mito', noteId: 'bio/mito', deckId: 'bio', position: 4, addedAt: 1000, introducedAt: 2000, updatedAt: 3000, memory: { due: 90_000, stability: 2.5, difficulty: 5.1, scheduledDays: 1, reps: 1, state: MemoryState.Review, lastReview: 3000 } });

describe('the card a review-log line carries', () => {
  it('writes the same line, field for field and in the same order, as every earlier version', () => {
    expect(JSON.stringify(toLoggedCard(answered))).toBe(
      '{"id":"bio/mito","noteId":"bio/mito","deckId":"bio","template":"front","position":4,"due":90000,"stability":2.5,"difficulty":5.1,"scheduledDays":1,"learningSteps":0,"reps":1,"lapses":0,"state":2,"lastReview":3000,"introducedAt":2000,"updatedAt":3000,"suspended":false,"buriedUntil":null,"addedAt":1000}',
    );
  });

  it('reads back the card it was written from', () => {
    expect(fromLoggedCard(toLoggedCard(answered))).toEqual(answered);
  });

  it('reads a line written before cards had a position, a suspension, a burial or an added time', () => {
    const { position: _p, suspended: _s, buriedUntil: _b, addedAt: _a, ...old } = toLoggedCard(answered);
    const read = fromLoggedCard(old as LoggedCard, 7);
    expect(read).toMatchObject({ position: 7, suspended: false, buriedUntil: null, addedAt: 2000 });
    expect(fromLoggedCard({ ...old, introducedAt: null } as LoggedCard).addedAt).toBe(3000);
  });

  it('reads a state it does not know as new', () => {
    expect(fromLoggedCard({ ...toLoggedCard(answered), state: 9 }).memory.state).toBe(MemoryState.New);
  });
});
