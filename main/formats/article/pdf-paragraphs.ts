// A PDF's text layer is positioned runs of text, not paragraphs; this puts them back together the
// way a reader sees the page. Lines come from pdf.js's end-of-line marks and changes of baseline;
// a paragraph ends where the space between lines grows, the type size changes, or a line that ends
// a sentence is followed by an indented one. Page numbers and running heads and feet are dropped.
// pdf.js has no paragraph detection of its own (its text layer is for selecting, not reading).

/** The fields of pdf.js's TextItem this reads. */
export interface PdfTextItem {
  str: string;
  /** [a, b, c, d, x, y]: the run's text matrix; x and y place its baseline's start. */
  transform: number[];
  height: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  x: number;
  y: number;
  size: number;
}

/** A gap this much wider than the page's usual line spacing separates paragraphs. */
const PARAGRAPH_GAP = 1.4;

const ENDS_SENTENCE = /[.!?:;"”’)\]]$/;
const PAGE_NUMBER = /^(?:page\s+)?(?:\d{1,5}|[ivx]{1,6})(?:\s*(?:\/|of)\s*\d{1,5})?$/i;

function linesOf(items: readonly PdfTextItem[]): Line[] {
  const lines: Line[] = [];
  let line: Line | null = null;
  const end = () => {
    if (line && line.text.trim()) lines.push({ ...line, text: line.text.trim() });
    line = null;
  };
  for (const item of items) {
    const [, , c = 0, d = 0, x = 0, y = 0] = item.transform;
    const size = item.height || Math.hypot(c, d);
    if (line !== null && Math.abs(y - (line as Line).y) > Math.max((line as Line).size, size) / 2) end();
    if (item.str) {
      line ??= { text: '', x, y, size };
      line.text += item.str;
    }
    if (item.hasEOL) end();
  }
  end();
  return lines;
}

/** Joins a line onto the paragraph, mending a word the line break hyphenated ("hyphen-\nated"). */
function joinLine(paragraph: string, line: string): string {
  if (!paragraph) return line;
  if (/\p{L}-$/u.test(paragraph) && /^\p{Ll}/u.test(line)) return paragraph.slice(0, -1) + line;
  return `${paragraph} ${line}`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function paragraphsOfPage(lines: readonly Line[]): string[] {
  const gaps = lines.slice(1).map((l, i) => lines[i]!.y - l.y).filter((g) => g > 0);
  const spacing = median(gaps);
  const left = Math.min(...lines.map((l) => l.x));
  const paragraphs: string[] = [];
  let current = '';
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const gap = prev ? prev.y - line.y : 0;
    const breaks =
      prev !== undefined &&
      ((spacing > 0 && gap > spacing * PARAGRAPH_GAP) ||
        Math.abs(line.size - prev.size) > 1 ||
        (ENDS_SENTENCE.test(prev.text) && (gap < 0 || line.x > left + line.size)));
    if (breaks && current) {
      paragraphs.push(current);
      current = '';
    }
    current = joinLine(current, line.text);
  });
  if (current) paragraphs.push(current);
  return paragraphs;
}

const shapeOf = (line: string) => line.replace(/\d+/g, '#').toLowerCase();

/**
 * Drops each page's first and last line when it is a page number, or when the same line (numbers
 * aside) opens or closes at least half of three or more pages: a running head or foot.
 */
function withoutHeadsAndFeet(pages: Line[][]): Line[][] {
  const seen = new Map<string, number>();
  for (const lines of pages) {
    for (const l of new Set([lines[0], lines.at(-1)])) if (l) seen.set(shapeOf(l.text), (seen.get(shapeOf(l.text)) ?? 0) + 1);
  }
  const repeated = (l: Line | undefined) => l !== undefined && (PAGE_NUMBER.test(l.text) || (pages.length >= 3 && (seen.get(shapeOf(l.text)) ?? 0) >= pages.length / 2));
  return pages.map((lines) => {
    let from = 0;
    let to = lines.length;
    if (repeated(lines[from])) from++;
    if (to > from && repeated(lines[to - 1])) to--;
    return lines.slice(from, to);
  });
}

/** The paragraphs of a PDF's pages, in reading order; a paragraph that runs onto the next page stays whole. */
export function paragraphsOfPdf(pages: readonly (readonly PdfTextItem[])[]): string[] {
  const out: string[] = [];
  for (const lines of withoutHeadsAndFeet(pages.map(linesOf))) {
    const paragraphs = paragraphsOfPage(lines);
    const last = out.at(-1);
    if (last !== undefined && paragraphs.length > 0 && !ENDS_SENTENCE.test(last)) out[out.length - 1] = joinLine(last, paragraphs.shift()!);
    out.push(...paragraphs);
  }
  return out;
}
