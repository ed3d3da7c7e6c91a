// Choosing words of the article without a mouse. The article's text is one stop in the Tab order;
// there Up and Down move from sentence to sentence, Right and Left select the next or previous word,
// Shift+Right and Shift+Left add or drop a word at the end, Escape clears. The words become the
// document's real selection, so the selection bar, C and Q work exactly as after a drag. The
// sentence the keys are in is marked with the CSS Custom Highlight API, which changes no DOM.

/** A stretch of a paragraph's text, by character offsets. */
interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  paragraph: HTMLElement;
  text: string;
  words: Span[];
}

/** Where the keys are: a sentence, and the words selected in it (none when `length` is 0). */
export interface KeyboardCursor {
  sentence: number;
  word: number;
  length: number;
}

const SENTENCES = new Intl.Segmenter('en', { granularity: 'sentence' });
const WORDS = new Intl.Segmenter('en', { granularity: 'word' });
const SENTENCE_MARK = 'reader-sentence';

/** The sentences of the paragraphs under `root` (`p[data-paragraph]`), each with its words, in reading order. */
export function sentencesIn(root: HTMLElement): Sentence[] {
  const out: Sentence[] = [];
  for (const paragraph of root.querySelectorAll<HTMLElement>('p[data-paragraph]')) {
    const text = paragraph.textContent ?? '';
    for (const { segment, index } of SENTENCES.segment(text)) {
      const lead = segment.length - segment.trimStart().length;
      const trimmed = segment.trim();
      if (!trimmed) continue;
      const start = index + lead;
      const words = [...WORDS.segment(trimmed)].filter((w) => w.isWordLike).map((w) => ({ start: start + w.index, end: start + w.index + w.segment.length }));
      out.push({ paragraph, text: trimmed, start, end: start + trimmed.length, words });
    }
  }
  return out;
}

/** A DOM range over characters `from` to `to` of `root`'s text. */
export function rangeIn(root: HTMLElement, from: number, to: number): Range {
  const range = document.createRange();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (!started && from <= seen + length) {
      range.setStart(node, from - seen);
      started = true;
    }
    if (started && to <= seen + length) {
      range.setEnd(node, to - seen);
      return range;
    }
    seen += length;
  }
  range.selectNodeContents(root);
  return range;
}

/** The cursor after a key, or null when the key is not one of the reader's. */
export function nextCursor(key: string, shift: boolean, cursor: KeyboardCursor, sentences: readonly Sentence[]): KeyboardCursor | null {
  const last = sentences.length - 1;
  const words = sentences[cursor.sentence]?.words.length ?? 0;
  const clamp = (n: number, max: number) => Math.max(0, Math.min(max, n));
  switch (key) {
    case 'ArrowDown':
      return { sentence: clamp(cursor.sentence + 1, last), word: 0, length: 0 };
    case 'ArrowUp':
      return { sentence: clamp(cursor.sentence - 1, last), word: 0, length: 0 };
    case 'Home':
      return { sentence: 0, word: 0, length: 0 };
    case 'End':
      return { sentence: last, word: 0, length: 0 };
    case 'Escape':
      return { ...cursor, length: 0 };
    case 'ArrowRight':
      if (words === 0) return cursor;
      if (shift) return cursor.length === 0 ? { ...cursor, length: 1 } : { ...cursor, length: Math.min(words - cursor.word, cursor.length + 1) };
      return cursor.length === 0 ? { ...cursor, length: 1 } : { ...cursor, word: clamp(cursor.word + 1, words - 1), length: 1 };
    case 'ArrowLeft':
      if (words === 0) return cursor;
      if (shift) return { ...cursor, length: Math.max(0, cursor.length - 1) };
      return cursor.length === 0 ? { ...cursor, length: 1 } : { ...cursor, word: clamp(cursor.word - 1, words - 1), length: 1 };
    default:
      return null;
  }
}

/** Makes the cursor's words the document's selection and marks its sentence; returns what to announce. */
export function showCursor(cursor: KeyboardCursor, sentences: readonly Sentence[]): string {
  const s = sentences[cursor.sentence];
  const selection = document.getSelection();
  if (!s || !selection) return '';
  markSentence(rangeIn(s.paragraph, s.start, s.end));
  const sentenceLabel = `Sentence ${cursor.sentence + 1} of ${sentences.length}`;
  if (cursor.length === 0) {
    selection.removeAllRanges();
    s.paragraph.scrollIntoView({ block: 'nearest' });
    return `${sentenceLabel}: ${s.text}`;
  }
  const first = s.words[cursor.word]!;
  const end = s.words[cursor.word + cursor.length - 1]!;
  selection.removeAllRanges();
  selection.addRange(rangeIn(s.paragraph, first.start, end.end));
  return `Selected “${s.text.slice(first.start - s.start, end.end - s.start)}” in ${sentenceLabel.toLowerCase()}.`;
}

/** Marks the sentence the keys are in, where the browser has the Custom Highlight API; null clears it. */
export function markSentence(range: Range | null): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined') return;
  if (range) CSS.highlights.set(SENTENCE_MARK, new Highlight(range));
  else CSS.highlights.delete(SENTENCE_MARK);
}
