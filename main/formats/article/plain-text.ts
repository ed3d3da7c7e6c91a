// Plain text, from a .txt file or the clipboard, into paragraphs and perhaps a title and author.
// Text files come in two shapes: one paragraph a line (what word processors and browsers copy),
// and hard-wrapped lines with blank lines between paragraphs (what e-mail and Project Gutenberg
// write). A blank line anywhere means the second, unless a block's lines are too long to be
// wrapped by hand.
import type { ArticleParts } from './article.ts';
import { cleanParagraph } from './article-text.ts';

/** Lines longer than this were not wrapped by hand: 72–80 columns is the custom, 150 leaves room. */
const WRAPPED_LINE_MAX = 150;

/** A first line this short, ending without a sentence's punctuation, is a heading, not a paragraph. */
const TITLE_MAX_CHARS = 120;
const TITLE_MAX_WORDS = 15;

const BYLINE = /^by\s+(\S.{0,79})$/i;

function isTitleLine(line: string): boolean {
  const words = line.split(' ').length;
  return line.length > 0 && line.length <= TITLE_MAX_CHARS && words <= TITLE_MAX_WORDS && !/[.,;:]$/.test(line);
}

/** The text's blocks, each a list of lines: a blank line between blocks, or one line a block when there are none. */
function blocksOf(text: string): string[][] {
  const trimmed = text.trim();
  if (!/\n[^\S\n]*\n/.test(trimmed)) return trimmed.split('\n').map((line) => [line]);
  return trimmed.split(/\n[^\S\n]*\n/).map((block) => block.split('\n'));
}

const paragraphsOfBlock = (lines: string[]) => (lines.some((l) => l.length > WRAPPED_LINE_MAX) ? lines : [lines.join(' ')]);

/**
 * The text's paragraphs; a first line that stands alone and is short is the title, and a "By …"
 * line right under it the author.
 */
export function readPlainText(text: string): ArticleParts {
  const blocks = blocksOf(text).map((lines) => lines.map(cleanParagraph).filter((l) => l.length > 0)).filter((lines) => lines.length > 0);
  let title: string | null = null;
  let author: string | null = null;
  const first = blocks[0] ?? [];
  // In a hard-wrapped text only a line with a block of its own (or a byline under it) is a heading;
  // a wrapped paragraph's first line is as short as a title.
  const heading = first.length === 1 || (first.length === 2 && BYLINE.test(first[1]!)) ? first : [];
  if (blocks.length > 1 && heading[0] !== undefined && isTitleLine(heading[0])) {
    title = heading[0];
    blocks.shift();
    const next = blocks[0]?.length === 1 && blocks.length > 1 ? blocks[0][0] : undefined;
    const byline = BYLINE.exec(heading[1] ?? next ?? '');
    if (byline) {
      author = byline[1]!;
      if (heading.length === 1) blocks.shift();
    }
  }
  return { title, author, date: null, paragraphs: blocks.flatMap(paragraphsOfBlock) };
}
