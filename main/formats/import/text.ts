// CSV and TSV in Anki's text format: optional `#key:value` header lines at the top, then one note a
// row. papaparse does the quoting and escaping; this file only decides what each column means.
//
// Fields are read as Markdown unless the header says `#html:true`, because Deckhand renders
// Markdown with raw HTML off: a file that does not declare HTML shows its text as written, the way
// Anki escapes HTML when "Allow HTML in fields" is off.
import Papa from 'papaparse';
import path from 'node:path';
import { clozeOrdinals } from '../../domain/cloze.ts';
import { IMPORT_LIMITS } from '../../domain/import-limits.ts';
import { ImportError, type BundleDeck, type BundleNote, type ImportBundle, type Skipped } from '../bundle.ts';
import { cardsOf } from './cards-of.ts';
import { refuseOversizedText } from './text-size.ts';

export interface DelimitedTextOptions {
  /** The deck for rows the file gives none (no deck column, no `#deck:` line). Default: the file name without extension. */
  deck?: string;
}

/** Anki's names for separators in `#separator:`. */
const SEPARATOR_NAMES: Record<string, string> = { tab: '\t', comma: ',', semicolon: ';', pipe: '|', space: ' ', colon: ':' };
const SEPARATOR_WORDS: Record<string, string> = { '\t': 'tabs', ',': 'commas', ';': 'semicolons' };

interface Header {
  delimiter: string | null;
  html: boolean;
  tags: string[];
  columns: string | null;
  notetype: string | null;
  deck: string | null;
  /** 0-based column indexes, from Anki's 1-based `#… column:N`. */
  notetypeColumn: number | null;
  deckColumn: number | null;
  tagsColumn: number | null;
  guidColumn: number | null;
}

const CLOZE_MARK = /\{\{c\d+::/;

/**
 * Reads a CSV/TSV file in Anki's text format. Each row is a note: the first field is the front
 * (or the cloze text), the second the back, further non-empty fields the extra. Throws
 * ImportError for a file that cannot be read as a whole (an unterminated quote, a bad header).
 */
export function readDelimitedText(file: string, text: string, options: DelimitedTextOptions = {}): ImportBundle {
  refuseOversizedText(file, text);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lineStarts = newlineOffsets(body);
  const lineAt = (offset: number) => lineOfOffset(lineStarts, offset);

  const header = readHeader(file, body);
  const delimiter = header.delimiter ?? guessDelimiter(body, file);
  if (header.columns !== null) applyColumnNames(header, header.columns.split(delimiter));

  const rows: { fields: string[]; line: number; start: number }[] = [];
  let quoteError: Papa.ParseError | null = null;
  let rowStart = 0;
  // papaparse's own comment handling matches Anki's (its CSV reader treats `#` lines as comments,
  // which is also what hides the header lines from the data).
  Papa.parse<string[]>(body, {
    delimiter,
    comments: '#',
    skipEmptyLines: false,
    step: (result) => {
      const start = skipCommentLines(body, rowStart);
      rows.push({ fields: result.data, line: lineAt(start), start });
      rowStart = result.meta.cursor;
      if (!quoteError) quoteError = result.errors.find((e) => e.type === 'Quotes') ?? null;
    },
  });
  if (quoteError) {
    const e = quoteError as Papa.ParseError;
    const line = lineAt(e.index ?? 0);
    throw new ImportError(
      file,
      e.code === 'MissingQuotes'
        ? `line ${line}: a quoted field starts here and is never closed (is the file cut short?)`
        : `line ${line}: a quoted field has text after its closing quote`,
    );
  }

  const fallbackDeck = header.deck ?? options.deck ?? path.basename(file, path.extname(file));
  const format: BundleNote['format'] = header.html ? 'html' : 'markdown';
  const joinExtra = (parts: string[]) => parts.join(header.html ? '<br>' : '\n\n');
  const special = new Set([header.notetypeColumn, header.deckColumn, header.tagsColumn, header.guidColumn].filter((c) => c !== null));
  const skipped: Skipped[] = [];
  const notices: string[] = [];
  const byKey = new Map<string, { note: BundleNote; line: number }>();
  let extraColumns = false;
  let htmlLooking = false;

  for (const row of rows) {
    const { fields, line } = row;
    if (fields.length === 1 && fields[0] === '') {
      if (row.start < body.length) skipped.push({ what: `line ${line}`, reason: 'the line is empty' });
      continue;
    }
    const column = (index: number | null) => (index === null ? '' : (fields[index] ?? '').trim());
    const content = fields.filter((_, i) => !special.has(i)).map((f) => f.trim());
    const first = content[0] ?? '';
    if (first === '') {
      skipped.push({ what: `line ${line}`, reason: 'the first field is empty' });
      continue;
    }
    const notetype = column(header.notetypeColumn) || header.notetype || '';
    const type: BundleNote['type'] = /cloze/i.test(notetype) || CLOZE_MARK.test(first) ? 'cloze' : /reverse/i.test(notetype) ? 'reversed' : 'basic';
    let front = '';
    let back = '';
    let clozeText = '';
    let extraParts: string[];
    if (type === 'cloze') {
      if (clozeOrdinals(first).length === 0) {
        skipped.push({ what: `line ${line}`, reason: 'a Cloze note without a deletion like {{c1::answer}}' });
        continue;
      }
      clozeText = first;
      extraParts = content.slice(1).filter((f) => f !== '');
    } else {
      if (content.length < 2) {
        skipped.push({ what: `line ${line}`, reason: `has one field and no back (fields were split at ${SEPARATOR_WORDS[delimiter] ?? `"${delimiter}"`}; is that the file's separator?)` });
        continue;
      }
      front = first;
      back = content[1]!;
      extraParts = content.slice(2).filter((f) => f !== '');
      if (extraParts.length) extraColumns = true;
    }
    if (!header.html && /<[a-z][^>]*>/i.test(content.join(' '))) htmlLooking = true;
    const guid = column(header.guidColumn);
    const key = guid || first;
    const tags = [...new Set([...header.tags, ...splitTags(column(header.tagsColumn))])];
    const note: BundleNote = {
      key,
      deckKey: column(header.deckColumn) || fallbackDeck,
      type,
      format,
      front,
      back,
      text: clozeText,
      extra: joinExtra(extraParts),
      tags,
      addedAt: null,
    };
    const earlier = byKey.get(key);
    if (earlier) {
      byKey.delete(key);
      skipped.push({
        what: `line ${earlier.line}`,
        reason: guid ? `line ${line} has the same GUID; the later line was kept` : `line ${line} has the same first field; the later line was kept`,
      });
    }
    byKey.set(key, { note, line });
    if (byKey.size > IMPORT_LIMITS.maxNotes) throw new ImportError(file, `has more than ${IMPORT_LIMITS.maxNotes.toLocaleString('en')} notes`);
  }

  if (extraColumns) notices.push('Fields after the second went to the extra field shown under the answer (add a "#tags column:N" line if one of them holds tags).');
  if (htmlLooking) notices.push('Some fields look like HTML; they were read as text because the file has no "#html:true" line.');

  const notes = [...byKey.values()].map((v) => v.note);
  const decks = new Map<string, BundleDeck>();
  for (const n of notes) if (!decks.has(n.deckKey)) decks.set(n.deckKey, { key: n.deckKey, title: n.deckKey, description: '' });
  return { file, format: 'csv', decks: [...decks.values()], notes, cards: notes.flatMap(cardsOf), reviews: [], media: [], notices, skipped };
}

function readHeader(file: string, body: string): Header {
  const header: Header = { delimiter: null, html: false, tags: [], columns: null, notetype: null, deck: null, notetypeColumn: null, deckColumn: null, tagsColumn: null, guidColumn: null };
  let offset = 0;
  let line = 1;
  while (body.startsWith('#', offset)) {
    const end = body.indexOf('\n', offset);
    const raw = body.slice(offset + 1, end === -1 ? body.length : end).replace(/\r$/, '');
    const colon = raw.indexOf(':');
    const key = colon === -1 ? '' : raw.slice(0, colon).trim().toLowerCase();
    const value = colon === -1 ? '' : raw.slice(colon + 1);
    const where = `line ${line}: "#${raw.slice(0, 60)}"`;
    const columnNumber = () => {
      const n = Number(value.trim());
      if (!Number.isInteger(n) || n < 1) throw new ImportError(file, `${where}: the column must be a number from 1`);
      return n - 1;
    };
    switch (key) {
      case 'separator': {
        const named = SEPARATOR_NAMES[value.trim().toLowerCase()];
        if (named) header.delimiter = named;
        else if (value.length === 1 && !'"#\r\n'.includes(value)) header.delimiter = value;
        else throw new ImportError(file, `${where}: the separator must be Tab, Comma, Semicolon, Pipe, Space, Colon or one character`);
        break;
      }
      case 'html': {
        const v = value.trim().toLowerCase();
        if (v !== 'true' && v !== 'false') throw new ImportError(file, `${where}: must be true or false`);
        header.html = v === 'true';
        break;
      }
      case 'tags':
        header.tags = splitTags(value);
        break;
      case 'columns':
        header.columns = value;
        break;
      case 'notetype':
        header.notetype = value.trim() || null;
        break;
      case 'deck':
        header.deck = value.trim() || null;
        break;
      case 'notetype column':
        header.notetypeColumn = columnNumber();
        break;
      case 'deck column':
        header.deckColumn = columnNumber();
        break;
      case 'tags column':
        header.tagsColumn = columnNumber();
        break;
      case 'guid column':
        header.guidColumn = columnNumber();
        break;
      default:
      // Any other `#` line is a comment, as in Anki.
    }
    if (end === -1) break;
    offset = end + 1;
    line++;
  }
  return header;
}

/** `#columns:` names the columns; Anki's names for the special ones place them when no `#… column:` line does. */
function applyColumnNames(header: Header, names: string[]): void {
  names.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    if (name === 'tags') header.tagsColumn ??= index;
    else if (name === 'deck') header.deckColumn ??= index;
    else if (name === 'notetype' || name === 'note type') header.notetypeColumn ??= index;
    else if (name === 'guid') header.guidColumn ??= index;
  });
}

/** Without `#separator:`: the one of tab, semicolon and comma found on most of the first lines; the extension breaks ties. */
function guessDelimiter(body: string, file: string): string {
  const sample = body
    .split('\n', 200)
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .slice(0, 10);
  const ext = path.extname(file).toLowerCase();
  const order = ext === '.csv' ? [',', ';', '\t'] : ext === '.tsv' ? ['\t', ',', ';'] : ['\t', ';', ','];
  let best = order[0]!;
  let bestCount = 0;
  for (const candidate of order) {
    const count = sample.filter((l) => l.includes(candidate)).length;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

function splitTags(value: string): string[] {
  return value.split(/[\s,]+/).filter((t) => t !== '');
}

function skipCommentLines(body: string, offset: number): number {
  while (body.startsWith('#', offset)) {
    const end = body.indexOf('\n', offset);
    if (end === -1) return body.length;
    offset = end + 1;
  }
  return offset;
}

function newlineOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) offsets.push(i);
  return offsets;
}

/** 1-based line of a character offset: one more than the newlines before it. */
function lineOfOffset(newlines: number[], offset: number): number {
  let lo = 0;
  let hi = newlines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (newlines[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}
