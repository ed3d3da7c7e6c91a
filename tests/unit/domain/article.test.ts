import { describe, expect, it } from 'vitest';
import { articleContains, paragraphsOf, segmentArticle } from '../../../main/domain/article.ts';

const article = 'One. Two  is\ttwo. Three.\nFour. Five.\n';

describe('quotes in the article', () => {
  it('matches a quote across differences in whitespace only', () => {
    expect(articleContains(article, 'Two is two.')).toBe(true);
    expect(articleContains(article, 'Two is 2.')).toBe(false);
  });

  it('splits paragraphs at quote edges and lists the cards quoting each piece', () => {
    const segments = segmentArticle(article, [
      { id: 'a', quote: 'Two is two.' },
      { id: 'b', quote: 'Two is two. Three.' },
      { id: 'c', quote: 'Five.' },
    ]);
    expect(segments).toEqual([
      [
        { text: 'One. ', cardIds: [] },
        { text: 'Two is two.', cardIds: ['a', 'b'] },
        { text: ' Three.', cardIds: ['b'] },
      ],
      [
        { text: 'Four. ', cardIds: [] },
        { text: 'Five.', cardIds: ['c'] },
      ],
    ]);
    expect(paragraphsOf(article)).toHaveLength(2);
  });
});
