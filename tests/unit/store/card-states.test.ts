import { describe, expect, it } from 'vitest';
import { CardStates } from '../../../main/store/card-states.ts';

describe('card states saved with the answer history', () => {
  const saved = new CardStates(['a', 'c', 'e'], [2, 1, 2], [5, 0, 30]);

  it('finds a saved card, and none for a card it never saw', () => {
    expect(saved.get('c')).toEqual({ state: 1, scheduledDays: 0 });
    expect(saved.get('e')).toEqual({ state: 2, scheduledDays: 30 });
    expect(saved.get('b')).toBeUndefined();
  });

  it('puts changes over the saved states and keeps every card, sorted, for the next save', () => {
    const states = new CardStates(['a', 'c', 'e'], [2, 1, 2], [5, 0, 30]);
    states.set('c', { state: 2, scheduledDays: 3 });
    states.set('b', { state: 1, scheduledDays: 0 });
    const { ids, state, days } = states.sorted();
    expect(ids).toEqual(['a', 'b', 'c', 'e']);
    expect([...state]).toEqual([2, 1, 2, 2]);
    expect([...days]).toEqual([5, 0, 3, 30]);
  });
});
