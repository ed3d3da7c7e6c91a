import { describe, expect, it } from 'vitest';
import { deckTree, isWithin } from '../../../main/domain/deck-tree.ts';

const deck = (id: string, title: string, n: number, cardCount = n) => ({ id, title, cardCount, counts: { new: n, learning: 1, due: 2 } });

describe('the deck tree', () => {
  it('puts Parent::Child under Parent and rolls counts up through every level', () => {
    const tree = deckTree([deck('c', 'Lang::French::Verbs', 3), deck('a', 'Lang', 1), deck('z', 'Zoology', 5), deck('b', 'Lang::French', 2), deck('s', 'Lang::Spanish', 4)]);
    expect(tree.map((d) => [d.id, d.depth, d.parentId, d.name])).toEqual([
      ['a', 0, null, 'Lang'],
      ['b', 1, 'a', 'French'],
      ['c', 2, 'b', 'Verbs'],
      ['s', 1, 'a', 'Spanish'],
      ['z', 0, null, 'Zoology'],
    ]);
    const byId = new Map(tree.map((d) => [d.id, d]));
    expect(byId.get('a')!.rollup).toEqual({ cardCount: 10, counts: { new: 10, learning: 4, due: 8 } });
    expect(byId.get('b')!.rollup).toEqual({ cardCount: 5, counts: { new: 5, learning: 2, due: 4 } });
    expect(byId.get('c')!.rollup.counts).toEqual({ new: 3, learning: 1, due: 2 });
    // A deck's own counts stay its own.
    expect(byId.get('a')!.counts).toEqual({ new: 1, learning: 1, due: 2 });
  });

  it('hangs a deck whose parent is missing from the nearest ancestor that exists', () => {
    const tree = deckTree([deck('a', 'A', 1), deck('x', 'A::Missing::X', 1), deck('y', 'Other::Y', 1)]);
    expect(tree.map((d) => [d.id, d.parentId, d.name])).toEqual([
      ['a', null, 'A'],
      ['x', 'a', 'Missing::X'],
      ['y', null, 'Other::Y'],
    ]);
  });

  it('matches paths ignoring case and spaces around ::', () => {
    expect(isWithin('lang :: french', 'Lang')).toBe(true);
    expect(isWithin('Language', 'Lang')).toBe(false);
    expect(deckTree([deck('a', 'Lang', 1), deck('b', 'lang :: French', 1)])[1]!.parentId).toBe('a');
  });
});
