// Which stretches of an article the cards quote. Quotes are matched after collapsing whitespace,
// so line wrapping in either the article or the deck file does not matter.

export interface Segment {
  text: string;
  cardIds: string[];
}

export interface QuotingCard {
  id: string;
  quote: string;
}

export const normaliseWhitespace = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The article's paragraphs: one a line, blank lines dropped. */
export function paragraphsOf(article: string): string[] {
  return article.split(/\r?\n/).map(normaliseWhitespace).filter((p) => p.length > 0);
}

/** True when `quote` occurs verbatim in the article, up to whitespace. */
export function articleContains(article: string, quote: string): boolean {
  return normaliseWhitespace(article).includes(normaliseWhitespace(quote));
}

/**
 * Splits each paragraph at the edges of every quote it contains; each piece lists the cards
 * whose quote covers it. A quote found in no paragraph marks nothing.
 */
export function segmentArticle(article: string, cards: readonly QuotingCard[]): Segment[][] {
  return paragraphsOf(article).map((paragraph) => {
    const ranges: { start: number; end: number; id: string }[] = [];
    for (const card of cards) {
      const quote = normaliseWhitespace(card.quote);
      if (!quote) continue;
      const start = paragraph.indexOf(quote);
      if (start >= 0) ranges.push({ start, end: start + quote.length, id: card.id });
    }
    const cuts = [...new Set([0, paragraph.length, ...ranges.flatMap((r) => [r.start, r.end])])].sort((a, b) => a - b);
    const segments: Segment[] = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const start = cuts[i]!;
      const end = cuts[i + 1]!;
      const cardIds = ranges.filter((r) => r.start <= start && r.end >= end).map((r) => r.id);
      const last = segments.at(-1);
      // Neighbouring pieces quoted by the same cards read as one piece.
      if (last && sameIds(last.cardIds, cardIds)) last.text += paragraph.slice(start, end);
      else segments.push({ text: paragraph.slice(start, end), cardIds });
    }
    return segments;
  });
}

const sameIds = (a: string[], b: string[]): boolean => a.length === b.length && a.every((id, i) => id === b[i]);
