// Words selected in the article, placed in their sentence: a card made while reading quotes the whole
// sentence, verbatim, and asks for the words selected. Sentences are found with the platform's
// Intl.Segmenter rather than a rule of our own; the service accepts any quote the article contains.

export interface SentenceSelection {
  /** The sentence, trimmed, exactly as the article has it. */
  sentence: string;
  /** The selected words, trimmed. */
  words: string;
  /** Where the words sit in `sentence`. */
  start: number;
  end: number;
}

export type SelectionResult = { ok: true; value: SentenceSelection } | { ok: false; reason: string };

const SENTENCES = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The number of characters of `root`'s text before the point (node, offset). */
function offsetIn(root: Node, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The selection's place in its sentence, or why it makes no card (empty, across paragraphs or sentences). */
export function selectionInSentence(selection: Selection | null, paragraphOf: (node: Node) => HTMLElement | null): SelectionResult | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const paragraph = paragraphOf(range.startContainer);
  if (!paragraph) return null;
  if (paragraphOf(range.endContainer) !== paragraph) return { ok: false, reason: 'Select words inside one sentence: this runs across paragraphs.' };
  const text = paragraph.textContent ?? '';
  let from = offsetIn(paragraph, range.startContainer, range.startOffset);
  let to = offsetIn(paragraph, range.endContainer, range.endOffset);
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  if (from === to) return null;
  for (const { segment, index } of SENTENCES.segment(text)) {
    if (from < index || from >= index + segment.length) continue;
    if (to > index + segment.length) return { ok: false, reason: 'Select words inside one sentence: this runs into the next one.' };
    const lead = segment.length - segment.trimStart().length;
    const sentence = segment.trim();
    const start = from - index - lead;
    const end = to - index - lead;
    return { ok: true, value: { sentence, words: sentence.slice(start, end), start, end } };
  }
  return null;
}

/** The sentence with the selected words as its one deletion: "… {{c1::words}} …". */
export const clozeOf = (s: SentenceSelection): string => `${s.sentence.slice(0, s.start)}{{c1::${s.words}}}${s.sentence.slice(s.end)}`;
