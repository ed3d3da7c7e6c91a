// Coverage: the sentences of an article some card quotes, of all its sentences.
import { describe, expect, it } from 'vitest';
import { articleSentences, coverageOf } from '../../../main/domain/article-coverage.ts';

describe('article sentences', () => {
  it('splits each paragraph into sentences, past decimals, skipping blank lines', () => {
    const article = 'Smith paid $3.50 for it. Then he left.\n\nA second paragraph. It has two sentences.';
    expect(articleSentences(article)).toEqual(['Smith paid $3.50 for it.', 'Then he left.', 'A second paragraph.', 'It has two sentences.']);
  });

  it('reads a paragraph of thousands of sentences a window at a time, losing and cutting none', () => {
    const paragraph = Array.from({ length: 5000 }, (_, i) => `Sentence number ${i} says a thing.`).join(' ');
    const sentences = articleSentences(paragraph);
    expect(sentences).toHaveLength(5000);
    expect(sentences[0]).toBe('Sentence number 0 says a thing.');
    expect(sentences.at(-1)).toBe('Sentence number 4999 says a thing.');
  });
});

describe('coverage', () => {
  it('counts a sentence as quoted when a quote holds it or it holds a quote', () => {
    const sentences = ['One is here.', 'Two is there.', 'Three is gone.'];
    expect(coverageOf(sentences, ['One is here. Two is there.'])).toEqual({ quoted: 2, sentences: 3 });
    expect(coverageOf(sentences, ['is gone'])).toEqual({ quoted: 1, sentences: 3 });
    expect(coverageOf(sentences, [])).toEqual({ quoted: 0, sentences: 3 });
  });
});
