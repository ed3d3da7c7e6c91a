// Markdown flashcards in the Obsidian Spaced Repetition plugin's format (its docs:
// q-and-a-cards, cloze-cards, cards-with-blank-lines, decks). The card splitting follows the
// plugin's own parser line for line, so a vault imports with the cards the plugin shows; no
// Markdown library knows this syntax, so it is read by hand here.
//
// Decks: a file is read only when it carries one of the flashcard tags, in its text or in its
// frontmatter `tags`. A card's deck is the tag path below the flashcard tag, nested with `::`
// (`#flashcards/science/physics` → `science::physics`); a card under the bare tag goes to
// `options.defaultDeck`, or a deck named after the tag (`flashcards`). As in the plugin, a tag at
// the start of a card's first line is that card's alone; otherwise the last tag line above the
// card applies, then the frontmatter's tags, then the file's first tag line.
//
// Deliberate differences from the plugin, each for a file the plugin would misread:
// - An `<!--SR:…-->` comment alone on a line, separated from the card above it only by blank
//   lines, belongs to that card (Markdown linters insert that blank line; the plugin then loses
//   the card's schedule).
// - An HTML comment spanning several lines is skipped up to its closing line (the plugin skips to
//   the end of the file).
// - A card in several decks (several tags on one line) goes to the first, and a notice says so.
import { IMPORT_LIMITS } from '../../domain/import-limits.ts';
import { ImportError, type BundleCard, type BundleDeck, type BundleNote, type ImportBundle, type Skipped } from '../bundle.ts';
import { refuseOversizedText } from './text-size.ts';

export interface MarkdownOptions {
  /** Tags that mark a file as holding flashcards, with their `#`. */
  flashcardTags: string[];
  singleLineSeparator: string;
  singleLineReversedSeparator: string;
  multilineSeparator: string;
  multilineReversedSeparator: string;
  /** A line that ends a multi-line or cloze card, so it may contain blank lines; '' = a blank line ends it. */
  multilineEndMarker: string;
  convertHighlightsToClozes: boolean;
  convertBoldTextToClozes: boolean;
  /** The `{{x}}` form. */
  convertCurlyBracketsToClozes: boolean;
  /** The deck title for cards under a bare flashcard tag; null names the deck after the tag. */
  defaultDeck: string | null;
}

/** The plugin's defaults. */
export const DEFAULT_MARKDOWN_OPTIONS: MarkdownOptions = {
  flashcardTags: ['#flashcards'],
  singleLineSeparator: '::',
  singleLineReversedSeparator: ':::',
  multilineSeparator: '?',
  multilineReversedSeparator: '??',
  multilineEndMarker: '',
  convertHighlightsToClozes: true,
  convertBoldTextToClozes: false,
  convertCurlyBracketsToClozes: false,
  defaultDeck: null,
};

/** The cloze patterns the plugin writes for its three switches; any other pattern is not read. */
const BUILT_IN_CLOZE_PATTERNS = new Set(['==[123;;]answer[;;hint]==', '**[123;;]answer[;;hint]**', '{{[123;;]answer[;;hint]}}']);

/**
 * Options from the plugin's own `data.json` (`.obsidian/plugins/obsidian-spaced-repetition/data.json`),
 * with notices for its settings this reader does not follow.
 */
export function markdownOptionsFromPluginData(file: string, text: string): { options: MarkdownOptions; notices: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ImportError(file, `is not valid JSON (${(e as Error).message})`);
  }
  if (!isRecord(json)) throw new ImportError(file, 'is not the Spaced Repetition plugin\'s settings (a JSON object was expected)');
  // Older versions of the plugin kept the settings at the top level.
  const s = isRecord(json.settings) ? json.settings : json;
  const notices: string[] = [];
  const str = (key: string, fallback: string) => (typeof s[key] === 'string' ? (s[key] as string) : fallback);
  const bool = (key: string, fallback: boolean) => (typeof s[key] === 'boolean' ? (s[key] as boolean) : fallback);
  const d = DEFAULT_MARKDOWN_OPTIONS;
  const tags = Array.isArray(s.flashcardTags) ? s.flashcardTags.filter((t): t is string => typeof t === 'string' && t.trim() !== '') : d.flashcardTags;
  const options: MarkdownOptions = {
    flashcardTags: tags.length ? tags.map((t) => (t.startsWith('#') ? t : `#${t}`)) : d.flashcardTags,
    singleLineSeparator: str('singleLineCardSeparator', str('singlelineCardSeparator', d.singleLineSeparator)),
    singleLineReversedSeparator: str('singleLineReversedCardSeparator', str('singlelineReversedCardSeparator', d.singleLineReversedSeparator)),
    multilineSeparator: str('multilineCardSeparator', d.multilineSeparator),
    multilineReversedSeparator: str('multilineReversedCardSeparator', d.multilineReversedSeparator),
    multilineEndMarker: str('multilineCardEndMarker', d.multilineEndMarker),
    convertHighlightsToClozes: bool('convertHighlightsToClozes', d.convertHighlightsToClozes),
    convertBoldTextToClozes: bool('convertBoldTextToClozes', d.convertBoldTextToClozes),
    convertCurlyBracketsToClozes: bool('convertCurlyBracketsToClozes', d.convertCurlyBracketsToClozes),
    defaultDeck: null,
  };
  if (s.convertFoldersToDecks === true) notices.push(`${file}: "convertFoldersToDecks" is on; decks were taken from tags, not folders.`);
  if (Array.isArray(s.clozePatterns)) {
    const custom = s.clozePatterns.filter((p) => typeof p === 'string' && !BUILT_IN_CLOZE_PATTERNS.has(p));
    if (custom.length) notices.push(`${file}: custom cloze patterns (${custom.join(', ')}) are not read; only ==highlights==, **bold** and {{curly brackets}} are.`);
  }
  return { options, notices };
}

type CardType = 'single' | 'single-reversed' | 'multi' | 'multi-reversed' | 'cloze';

interface ParsedQuestion {
  type: CardType;
  text: string;
  /** 0-based, as the plugin counts. */
  firstLine: number;
  lastLine: number;
}

interface Schedule {
  due: number;
  intervalDays: number;
  ease: number;
}

interface TagLine {
  line: number;
  tags: string[];
}

/**
 * Reads Markdown notes into one bundle. `source` is the folder or file the user chose, for
 * messages; each file's `path` is relative to it and makes the note keys
 * (`<path>#<question as written>`), so a re-import after editing an answer updates in place.
 */
export function readMarkdownNotes(source: string, files: { path: string; text: string }[], options: Partial<MarkdownOptions> = {}): ImportBundle {
  const opts: MarkdownOptions = { ...DEFAULT_MARKDOWN_OPTIONS, ...options };
  let total = 0;
  for (const f of files) total += f.text.length;
  if (total > IMPORT_LIMITS.maxTextBytes) refuseOversizedText(source, files.map((f) => f.text).join(''));
  for (const f of files) refuseOversizedText(f.path, f.text);

  const notes = new Map<string, { note: BundleNote; cards: BundleCard[]; what: string }>();
  const decks = new Map<string, BundleDeck>();
  const notices: string[] = [];
  const skipped: Skipped[] = [];

  for (const f of files) {
    const read = readFile(f.path, f.text, opts);
    // Not push(...list): a list of a million entries would overflow the call stack.
    for (const n of read.notices) notices.push(n);
    for (const k of read.skipped) skipped.push(k);
    for (const d of read.decks) if (!decks.has(d.key)) decks.set(d.key, d);
    for (const entry of read.notes) {
      const earlier = notes.get(entry.note.key);
      if (earlier) {
        notes.delete(entry.note.key);
        skipped.push({ what: earlier.what, reason: `${entry.what.replace(`${f.path}: `, '')} has the same question; the later one was kept` });
      }
      notes.set(entry.note.key, entry);
      if (notes.size > IMPORT_LIMITS.maxNotes) throw new ImportError(source, `has more than ${IMPORT_LIMITS.maxNotes.toLocaleString('en')} notes`);
    }
  }
  const kept = [...notes.values()];
  const usedDecks = new Set(kept.map((e) => e.note.deckKey));
  return {
    file: source,
    format: 'markdown',
    decks: [...decks.values()].filter((d) => usedDecks.has(d.key)),
    notes: kept.map((e) => e.note),
    cards: kept.flatMap((e) => e.cards),
    reviews: [],
    media: [],
    notices,
    skipped,
  };
}

function readFile(file: string, raw: string, opts: MarkdownOptions) {
  const out = {
    notes: [] as { note: BundleNote; cards: BundleCard[]; what: string }[],
    decks: [] as BundleDeck[],
    notices: [] as string[],
    skipped: [] as Skipped[],
  };
  const text = raw.replace(/^\uFEFF/, '').replaceAll('\r\n', '\n');
  const { frontmatterTags, body } = splitFrontmatter(text);
  const questions = parseQuestions(body, opts);

  const isFlashcardTag = (tag: string) => flashcardTagOf(tag, opts) !== null;
  const tagLines = findTagLines(body).map((t) => ({ ...t, tags: t.tags.filter(isFlashcardTag) })).filter((t) => t.tags.length);
  const fmTags = frontmatterTags.filter(isFlashcardTag);
  // The file's other front-matter tags are the notes' tags (`#flashcards…` says only the deck).
  const noteTags = [...new Set(frontmatterTags.filter((t) => !isFlashcardTag(t)).map((t) => t.replace(/^#/, '')))];
  if (!tagLines.length && !fmTags.length) {
    if (questions.length) out.skipped.push({ what: file, reason: `has ${questions.length} card${questions.length > 1 ? 's' : ''} but none of the flashcard tags (${opts.flashcardTags.join(', ')})` });
    return out;
  }
  // Tags inside a card's lines are that card's own; the others set the deck for what follows.
  // Questions and tag lines are both in line order, so one pass over each keeps this linear.
  const questionLine = new Uint8Array(body.split('\n').length);
  for (const q of questions) questionLine.fill(1, q.firstLine, q.lastLine + 1);
  const contentTagLines = tagLines.filter((t) => !questionLine[t.line]);
  let tagsBefore = -1;
  const deckKeys = new Set<string>();

  questions.forEach((q, index) => {
    const what = `${file}: question ${index + 1}`;
    let { text: body, schedules, badSchedule } = takeSchedules(q.text);
    if (badSchedule) out.notices.push(`${what}: a scheduling comment has a date that is not a date; the card starts as new.`);
    body = body.replace(/ \^[a-zA-Z0-9-]+$/, '').trimEnd();

    let tags: string[] | null = null;
    const own = /^\s*(#[^\s#]+)/.exec(body);
    if (own && isFlashcardTag(own[1]!)) {
      tags = [own[1]!];
      body = body.slice(own[0].length).replace(/^\s+/, '');
    } else {
      while (tagsBefore + 1 < contentTagLines.length && contentTagLines[tagsBefore + 1]!.line < q.firstLine) tagsBefore++;
      tags = contentTagLines[tagsBefore]?.tags ?? (fmTags.length ? fmTags : (contentTagLines[0]?.tags ?? null));
    }
    if (!tags) {
      out.skipped.push({ what, reason: 'no flashcard tag applies to it' });
      return;
    }
    if (tags.length > 1) out.notices.push(`${what} is tagged for ${tags.length} decks (${tags.join(' ')}); it went to the first.`);
    const deck = deckOfTag(tags[0]!, opts);
    if (!deckKeys.has(deck.key)) {
      deckKeys.add(deck.key);
      out.decks.push(deck);
    }

    // A card written as a list item (`- Question::Answer`) asks the question, not the bullet.
    const bullet = /^(?:[-*+]|\d{1,3}[.)])[ \t]+(?=\S)/.exec(body)?.[0] ?? '';
    const made = makeNote(q.type, body.slice(bullet.length), opts);
    if ('skip' in made) {
      out.skipped.push({ what, reason: made.skip });
      return;
    }
    // The key keeps the bullet, as it did before the bullet was left out, so a re-import updates.
    const key = `${file}#${bullet}${made.question}`;
    const note: BundleNote = { key, deckKey: deck.key, type: made.type, format: 'markdown', front: made.front, back: made.back, text: made.text, extra: '', tags: noteTags, addedAt: null };
    if (schedules.length > made.templates.length) {
      out.notices.push(`${what} has ${schedules.length} schedules for ${made.templates.length} card${made.templates.length > 1 ? 's' : ''}; the first ${made.templates.length} were used.`);
    }
    const cards = made.templates.map((template, i) => ({
      key: `${key}:${template}`,
      noteKey: key,
      template,
      deckKey: deck.key,
      suspended: false,
      addedAt: null,
      schedule: schedules[i] ?? null,
    }));
    out.notes.push({ note, cards, what });
  });
  return out;
}

type Made =
  | { type: BundleNote['type']; question: string; front: string; back: string; text: string; templates: string[] }
  | { skip: string };

function makeNote(type: CardType, body: string, opts: MarkdownOptions): Made {
  if (type === 'cloze') {
    const cloze = toAnkiCloze(body, opts);
    if ('skip' in cloze) return cloze;
    return { type: 'cloze', question: body, front: '', back: '', text: cloze.text, templates: cloze.ordinals.map((n) => `c${n}`) };
  }
  let front: string;
  let back: string;
  if (type === 'single' || type === 'single-reversed') {
    const sep = type === 'single' ? opts.singleLineSeparator : opts.singleLineReversedSeparator;
    const at = body.indexOf(sep);
    front = body.slice(0, at).trim();
    back = body.slice(at + sep.length).trim();
  } else {
    const sep = type === 'multi' ? opts.multilineSeparator : opts.multilineReversedSeparator;
    const lines = body.split('\n');
    const at = lines.findIndex((l) => l.trim() === sep);
    front = lines.slice(0, at).join('\n').trim();
    back = lines.slice(at + 1).join('\n').trim();
  }
  if (!front) return { skip: 'the question is empty' };
  if (!back) return { skip: 'the answer is empty' };
  const reversed = type === 'single-reversed' || type === 'multi-reversed';
  return { type: reversed ? 'reversed' : 'basic', question: front, front, back, text: '', templates: reversed ? ['front', 'reverse'] : ['front'] };
}

/**
 * The plugin's cloze forms as our `{{cN::answer::hint}}`: each deletion one card numbered in
 * order ("simplified"), a `^[hint]` after it or `;;hint` inside it becomes the hint, and a `[^N]`
 * after it or `N;;` inside it gives the number ("classic", deletions with one number share a card).
 */
function toAnkiCloze(body: string, opts: MarkdownOptions): { text: string; ordinals: number[] } | { skip: string } {
  const found = findDeletions(body, opts);
  if (!found.length) return { skip: 'it looked like a cloze but has no deletion' };
  const parsed = found.map((m) => {
    let answer = m.inner;
    let hint: string | null = null;
    let seq: string | null = null;
    const inner = /^(\d+);;([\s\S]*)$/.exec(answer);
    if (inner) [, seq, answer] = inner as unknown as [string, string, string];
    const semi = answer.indexOf(';;');
    if (semi !== -1) [answer, hint] = [answer.slice(0, semi), answer.slice(semi + 2)];
    let end = m.end;
    FOOTNOTE_HINT.lastIndex = end;
    const footHint = FOOTNOTE_HINT.exec(body);
    if (footHint) {
      hint = footHint[1]!;
      end += footHint[0].length;
    }
    FOOTNOTE_SEQ.lastIndex = end;
    const footSeq = FOOTNOTE_SEQ.exec(body);
    if (footSeq) {
      seq = footSeq[1]!;
      end += footSeq[0].length;
    }
    return { start: m.start, end, answer, hint, seq };
  });
  if (parsed.some((p) => p.seq !== null && !/^\d+$/.test(p.seq))) return { skip: 'uses generalized cloze overlapping ([^ahs…]), which has no equivalent here' };
  const maxSeq = parsed.reduce((max, p) => (p.seq === null ? max : Math.max(max, Number(p.seq))), 0);
  let next = maxSeq;
  const numbered = parsed.map((p) => ({ ...p, ordinal: p.seq !== null && Number(p.seq) > 0 ? Number(p.seq) : ++next }));
  let text = '';
  let at = 0;
  for (const p of numbered) {
    text += body.slice(at, p.start) + `{{c${p.ordinal}::${p.answer}${p.hint !== null && p.hint !== '' ? `::${p.hint}` : ''}}}`;
    at = p.end;
  }
  text += body.slice(at);
  const ordinals = [...new Set(numbered.map((p) => p.ordinal))].sort((a, b) => a - b);
  return { text, ordinals };
}

// Sticky, so each is tried right where a deletion ends without copying the rest of the text.
const FOOTNOTE_HINT = /\^\[([^\]\n]*)\]/y;
const FOOTNOTE_SEQ = /\[\^([^\]\n]+)\]/y;

/** Deletions in text order; where two forms overlap, the one starting first wins, as the plugin lists them. */
function findDeletions(text: string, opts: MarkdownOptions): { start: number; end: number; inner: string }[] {
  const all: { start: number; end: number; inner: string }[] = [];
  for (const re of clozeRegexes(opts)) {
    for (const m of text.matchAll(re)) if (m[1]!.trim() !== '') all.push({ start: m.index, end: m.index + m[0].length, inner: m[1]! });
  }
  all.sort((a, b) => a.start - b.start);
  const kept: typeof all = [];
  for (const d of all) if (!kept.length || d.start >= kept.at(-1)!.end) kept.push(d);
  return kept;
}

function clozeRegexes(opts: MarkdownOptions): RegExp[] {
  const res: RegExp[] = [];
  if (opts.convertHighlightsToClozes) res.push(/==(.*?)==/g);
  if (opts.convertBoldTextToClozes) res.push(/\*\*(.*?)\*\*/g);
  if (opts.convertCurlyBracketsToClozes) res.push(/\{\{(.*?)\}\}/g);
  return res;
}

/**
 * Splits a file into cards the way the plugin's parser does: single-line cards are one line (and
 * the scheduling comment on the next); multi-line and cloze cards run to a blank line (or the end
 * marker); fenced code is taken whole.
 */
export function parseQuestions(body: string, opts: MarkdownOptions): ParsedQuestion[] {
  const inline = [
    { sep: opts.singleLineSeparator, type: 'single' as const },
    { sep: opts.singleLineReversedSeparator, type: 'single-reversed' as const },
  ].sort((a, b) => b.sep.length - a.sep.length);
  const clozes = clozeRegexes(opts).map((re) => new RegExp(re.source));
  const cards: ParsedQuestion[] = [];
  const lines = body.split('\n');
  let text = '';
  let type: CardType | null = null;
  let first = 0;
  /** Where the paragraph being read started, for a lone scheduling comment after a card. */
  let paragraphStart = 0;
  let lastEnd = -1;

  const push = (q: ParsedQuestion) => {
    cards.push(q);
    lastEnd = q.lastLine;
  };
  // A paragraph that is only a scheduling comment, with nothing but blank lines since the last card.
  const attachLoneSchedule = (end: number) => {
    const last = cards.at(-1);
    if (type === null && last && /^<!--SR:[^\n]*-->$/.test(text.trim()) && !last.text.includes('<!--SR:') && lines.slice(lastEnd + 1, paragraphStart).every((l) => l.trim() === '')) {
      last.text += '\n' + text.trim();
      last.lastLine = end;
      lastEnd = end;
    }
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (line.startsWith('<!--') && !line.startsWith('<!--SR:')) {
      while (i + 1 < lines.length && !lines[i]!.includes('-->')) i++;
      continue;
    }
    const empty = trimmed.length === 0;
    const endMarker = opts.multilineEndMarker !== '' && trimmed === opts.multilineEndMarker;
    if ((empty && opts.multilineEndMarker === '') || (empty && type === null) || endMarker) {
      if (type) {
        push({ type, text: text.trimEnd(), firstLine: first, lastLine: i - 1 });
        type = null;
      } else attachLoneSchedule(i - 1);
      text = '';
      first = i + 1;
      paragraphStart = i + 1;
      continue;
    }
    if (text.length > 0) text += '\n';
    text += line.trimEnd();

    for (const { sep, type: t } of inline) {
      if (hasInlineMarker(line, sep)) {
        type = t;
        break;
      }
    }
    if (type === 'single' || type === 'single-reversed') {
      text = line;
      first = i;
      if (i + 1 < lines.length && lines[i + 1]!.startsWith('<!--SR:')) {
        text += '\n' + lines[i + 1];
        i++;
      }
      push({ type, text, firstLine: first, lastLine: i });
      type = null;
      text = '';
      paragraphStart = i + 1;
    } else if (trimmed === opts.multilineSeparator) {
      if (text.length > 1) type = 'multi';
    } else if (trimmed === opts.multilineReversedSeparator) {
      if (text.length > 1) type = 'multi-reversed';
    } else if (line.startsWith('```') || line.startsWith('~~~')) {
      const close = /^(`+|~+)/.exec(line)![1]!;
      while (i + 1 < lines.length && !lines[i + 1]!.startsWith(close)) {
        i++;
        text += '\n' + lines[i];
      }
      text += '\n' + close;
      i++;
    } else if (type === null && clozes.some((re) => re.test(line))) {
      type = 'cloze';
    }
  }
  if (type && text) push({ type, text: text.trimEnd(), firstLine: first, lastLine: lines.length - 1 });
  else attachLoneSchedule(lines.length - 1);
  return cards;
}

/** The plugin ignores a separator inside inline code (an odd number of backticks on both sides). */
function hasInlineMarker(line: string, marker: string): boolean {
  if (marker.length === 0) return false;
  const at = line.indexOf(marker);
  if (at === -1) return false;
  const ticks = (s: string) => s.split('`').length - 1;
  return !(ticks(line.slice(0, at)) % 2 === 1 && ticks(line.slice(at + marker.length)) % 2 === 1);
}

/**
 * Removes `<!--SR:!2024-03-20,124,270!…-->` (one `!date,interval,ease` per card; the older form
 * without `!` holds one) and reads its schedules. Ease is stored ×100 (270 → 2.7). The plugin
 * writes 2000-01-01 for a card that is still new.
 */
function takeSchedules(text: string): { text: string; schedules: (Schedule | null)[]; badSchedule: boolean } {
  const schedules: (Schedule | null)[] = [];
  let badSchedule = false;
  const rest = text.replace(/[ \t]*<!--SR:(.*?)-->/g, (_all, inside: string) => {
    const entries = inside.startsWith('!') ? inside.slice(1).split('!') : [inside];
    for (const entry of entries) {
      const m = /^([\d-]+),(\d+),(\d+)$/.exec(entry.trim());
      if (!m) continue;
      const due = parseDate(m[1]!);
      if (due === undefined) badSchedule = true;
      schedules.push(due ? { due, intervalDays: Number(m[2]), ease: Number(m[3]) / 100 } : null);
    }
    return '';
  });
  return { text: rest.replace(/\n+$/, ''), schedules, badSchedule };
}

/**
 * YYYY-MM-DD (or the plugin's older DD-MM-YYYY) as local noon of that day, the day the plugin shows
 * the card: noon falls in that study day whatever the rollover hour (midnight, before a 4 am
 * rollover, fell in the day before, so cards came due a day early). Null for the plugin's "new
 * card" date, undefined for no date at all.
 */
function parseDate(s: string): number | null | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(s))) [y, mo, d] = [Number(m[3]), Number(m[2]), Number(m[1])];
  else return undefined;
  if (y === 2000 && mo === 1 && d === 1) return null;
  const date = new Date(y, mo - 1, d, 12);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return undefined;
  return date.getTime();
}

/** The flashcard tag a tag falls under (`#flashcards/a/b` → `#flashcards`), ignoring case as Obsidian does. */
function flashcardTagOf(tag: string, opts: MarkdownOptions): string | null {
  const t = tag.toLowerCase();
  for (const ft of opts.flashcardTags) {
    const f = ft.toLowerCase();
    if (t === f || t.startsWith(`${f}/`)) return ft;
  }
  return null;
}

function deckOfTag(tag: string, opts: MarkdownOptions): BundleDeck {
  const base = flashcardTagOf(tag, opts)!;
  const below = tag.slice(base.length + 1).split('/').filter((s) => s !== '');
  const title = below.length ? below.join('::') : (opts.defaultDeck ?? base.replace(/^#/, ''));
  return { key: tag.replace(/^#/, '').toLowerCase(), title, description: '' };
}

// Obsidian's tag characters: anything but whitespace and ASCII punctuation other than _ - /.
const TAG = /(?<=^|\s)#([^\s!-,.:-@[-^`{-~]*[^\s!-/:-@[-^`{-~\d][^\s!-,.:-@[-^`{-~]*)/g;

/** Lines holding tags, outside fenced code, with each line's tags in order. */
function findTagLines(body: string): TagLine[] {
  const out: TagLine[] = [];
  let fence: string | null = null;
  body.split('\n').forEach((line, index) => {
    const f = /^(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (f && line.startsWith(fence)) fence = null;
      return;
    }
    if (f) {
      fence = f[1]!;
      return;
    }
    const tags = [...line.matchAll(TAG)].map((m) => `#${m[1]}`);
    if (tags.length) out.push({ line: index, tags });
  });
  return out;
}

/**
 * Frontmatter is blanked out line for line (the plugin does the same, so line numbers stay), and
 * its `tags` are read. Only that one key is needed, in YAML's three spellings (`tags: a, b`,
 * `tags: [a, b]`, a `- a` list), which is why no YAML parser is used.
 */
function splitFrontmatter(text: string): { frontmatterTags: string[]; body: string } {
  const m = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!m) return { frontmatterTags: [], body: text };
  const yaml = m[1]!.split('\n');
  const tags: string[] = [];
  for (let i = 0; i < yaml.length; i++) {
    const kv = /^(tags?)\s*:\s*(.*)$/i.exec(yaml[i]!);
    if (!kv) continue;
    const value = kv[2]!.trim();
    if (value) for (const t of value.replace(/^\[|\]$/g, '').split(/[,\s]+/)) tags.push(t);
    else for (let j = i + 1; j < yaml.length && /^\s*-/.test(yaml[j]!); j++) tags.push(yaml[j]!.replace(/^\s*-\s*/, ''));
  }
  const clean = tags.map((t) => t.trim().replace(/^['"]|['"]$/g, '')).filter((t) => t !== '').map((t) => (t.startsWith('#') ? t : `#${t}`));
  const blank = '\n'.repeat(m[0].split('\n').length - 1);
  return { frontmatterTags: clean, body: blank + text.slice(m[0].length) };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
