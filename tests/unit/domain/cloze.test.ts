import { describe, expect, it } from 'vitest';
import { clozeOrdinals, parseCloze, renderCloze } from '../../../main/domain/cloze.ts';

describe('cloze deletions', () => {
  const text = 'Beijing fears {{c1::refugees}}, {{c2::US forces::military}} and {{c1::sanctions}}.';

  it('finds each deletion with its hint', () => {
    expect(parseCloze(text)).toEqual([
      { ordinal: 1, answer: 'refugees', hint: null },
      { ordinal: 2, answer: 'US forces', hint: 'military' },
      { ordinal: 1, answer: 'sanctions', hint: null },
    ]);
    expect(clozeOrdinals(text)).toEqual([1, 2]);
  });

  it('hides one ordinal at a time and shows the others as text', () => {
    expect(renderCloze(text, 1)).toEqual({
      front: 'Beijing fears […], US forces and […].',
      back: 'Beijing fears **refugees**, US forces and **sanctions**.',
    });
    expect(renderCloze(text, 2).front).toBe('Beijing fears refugees, [military] and sanctions.');
  });
});
