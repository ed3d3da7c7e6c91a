// The one shape every reader's text ends in: plain paragraphs, one blank line between them, no
// line breaks inside one (the article view and the quote matcher in domain/article.ts read a
// paragraph a line), and a word count that holds for languages written without spaces.

/**
 * Control characters other than whitespace are dropped: they show as boxes or not at all, and a
 * quote a card makes must match what the reader sees. Bidi and zero-width characters stay, since
 * Arabic, Hebrew and Persian text needs them.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

/** One paragraph: whitespace runs (line breaks, tabs, no-break spaces) become one space. */
export const cleanParagraph = (text: string): string => text.replace(CONTROL, '').replace(/\s+/g, ' ').trim();

/** Paragraphs as the article's text, empty ones left out. */
export function joinParagraphs(paragraphs: readonly string[]): string {
  const out: string[] = [];
  for (const p of paragraphs) {
    const clean = cleanParagraph(p);
    if (clean) out.push(clean);
  }
  return out.join('\n\n');
}

/** Scripts written without spaces between words, where a space-separated count says nothing. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

let segmenter: Intl.Segmenter | undefined;

/**
 * Words as a reader counts them. Space-separated tokens with a letter or digit in them, unless the
 * text is in a script without spaces; then the ICU word segmenter, which is some hundred times
 * slower, so it runs only there.
 */
export function countWords(text: string): number {
  if (!UNSPACED.test(text)) {
    let n = 0;
    for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) n++;
    return n;
  }
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  let n = 0;
  for (const s of segmenter.segment(text)) if (s.isWordLike) n++;
  return n;
}
