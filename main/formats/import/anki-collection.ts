// Reading an Anki collection (the SQLite file inside a package, or a bare `.anki2`/`.anki21`/
// `.anki21b`) into an ImportBundle. Both schemas are read: the legacy one (schema 11 to 17: note
// types and decks as JSON in `col`) and schema 18 (tables `notetypes`, `fields`, `templates`,
// `decks` with protobuf blobs). Notes keep Anki's HTML; it is sanitised where it is shown.
import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';
import { IMPORT_LIMITS } from '../../domain/import-limits.ts';
import {
  ImportError,
  type BundleCard,
  type BundleDeck,
  type BundleFormat,
  type BundleNote,
  type BundleNotetype,
  type BundleReview,
  type BundleReviewKind,
  type ImportBundle,
  type Skipped,
} from '../bundle.ts';
import { openDatabase, type Database } from '../sqlite.ts';
import { formatBytes, isZstd, unzstd } from './unpack.ts';

export type ImportLimits = { [K in keyof typeof IMPORT_LIMITS]: number };

export interface AnkiReadOptions {
  /** Lower limits than IMPORT_LIMITS, for tests that should not need a gigabyte to prove a point. */
  limits?: Partial<ImportLimits>;
}

export const limitsOf = (options: AnkiReadOptions = {}): ImportLimits => ({ ...IMPORT_LIMITS, ...options.limits });

export function checkFileSize(file: string, bytes: Uint8Array, limits: ImportLimits): void {
  if (bytes.length > limits.maxFileBytes) {
    throw new ImportError(file, `the file is ${formatBytes(bytes.length)}, larger than the ${formatBytes(limits.maxFileBytes)} that can be imported`);
  }
}

/** A bare collection: SQLite bytes, or the zstd-compressed SQLite of a `.anki21b`. */
export async function readAnkiCollection(file: string, bytes: Uint8Array, options: AnkiReadOptions = {}): Promise<ImportBundle> {
  const limits = limitsOf(options);
  checkFileSize(file, bytes, limits);
  const sqliteBytes = isZstd(bytes) ? unzstd(file, 'the collection', bytes, limits.maxUnpackedBytes) : bytes;
  return readCollectionDatabase(file, 'anki-collection', sqliteBytes, limits);
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/** Opens the SQLite bytes and reads them; every failure becomes an ImportError naming the file. */
export async function readCollectionDatabase(file: string, format: BundleFormat, bytes: Uint8Array, limits: ImportLimits): Promise<ImportBundle> {
  if (bytes.length === 0) throw new ImportError(file, 'the collection is empty (0 bytes)');
  if (bytes.length < 100 || new TextDecoder().decode(bytes.subarray(0, 16)) !== SQLITE_MAGIC) {
    throw new ImportError(file, 'the collection is not an SQLite database: the file is damaged or not an Anki collection');
  }
  let db: Database | null = null;
  try {
    db = await openDatabase(bytes);
    return readCollection(file, format, db, limits);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    const detail = e instanceof Error ? e.message : String(e);
    throw new ImportError(file, `the collection database is damaged and cannot be read (${detail})`);
  } finally {
    db?.close();
  }
}

interface Notetype {
  name: string;
  cloze: boolean;
  fields: string[];
  templates: string[];
  /** Each template's question and answer format, by ordinal. */
  formats: { question: string; answer: string }[];
  css: string;
  /** The deck the note type was last used with (legacy collections only). */
  deck: number | null;
}

interface Deck {
  name: string;
  filtered: boolean;
  description: string;
}

// The note types Anki ships, whose fields mean what Deckhand's sides mean. Anki adds a suffix
// like `-5a339` when an import meets a same-named type, so that suffix is allowed.
const STOCK_NOTETYPES = new Set(['Basic', 'Basic (and reversed card)', 'Basic (optional reversed card)', 'Basic (type in the answer)', 'Cloze']);
const isStock = (name: string) => STOCK_NOTETYPES.has(name.replace(/-[0-9a-f]{5}$/, ''));

const REVIEW_KINDS: Record<number, BundleReviewKind> = { 0: 'learn', 1: 'review', 2: 'relearn', 3: 'filtered' };
const MS_PER_DAY = 86_400_000;

function rows(db: Database, sql: string): unknown[][] {
  return db.exec(sql)[0]?.values ?? [];
}

/** Each row in turn, never all of them at once: a revlog has millions. */
function eachRow(db: Database, sql: string, visit: (row: unknown[]) => void): void {
  const statement = db.prepare(sql);
  try {
    while (statement.step()) visit(statement.get());
  } finally {
    statement.free();
  }
}

const hasTable = (db: Database, name: string) => rows(db, `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '${name}'`).length > 0;
const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : Number(v ?? 0) || 0);
const str = (v: unknown) => (typeof v === 'string' ? v : v instanceof Uint8Array ? new TextDecoder().decode(v) : v == null ? '' : String(v));

interface RawCard {
  id: number;
  nid: number;
  deck: number;
  ord: number;
  type: number;
  queue: number;
  due: number;
  ivl: number;
  factor: number;
}

/** What the notes of a collection become, gathered as the notes are read one by one. */
interface NotesRead {
  notes: BundleNote[];
  cards: BundleCard[];
  rawCards: Map<string, RawCard>;
  usedDecks: Set<number>;
  /** Notes of each note type that Anki does not ship, by note type id. */
  unusual: Map<number, number>;
  seenGuids: Set<string>;
  withoutCards: number;
  skipped: Skipped[];
}

function readCollection(file: string, format: BundleFormat, db: Database, limits: ImportLimits): ImportBundle {
  for (const table of ['col', 'notes', 'cards']) {
    if (!hasTable(db, table)) throw new ImportError(file, `the database holds no Anki collection (it has no '${table}' table)`);
  }
  const col = rows(db, 'SELECT ver, crt FROM col LIMIT 1')[0];
  if (!col) throw new ImportError(file, 'the collection is empty (its collection record is missing)');
  const version = num(col[0]);
  if (version < 11) throw new ImportError(file, `collection format version ${version} is older than Anki 2.0 and cannot be read`);
  const createdSeconds = num(col[1]);

  const schema18 = hasTable(db, 'notetypes');
  // Only real tables are read: a view of the same name could be a query that never ends.
  for (const table of schema18 ? ['fields', 'templates', 'decks'] : []) {
    if (!hasTable(db, table)) throw new ImportError(file, `the collection is incomplete (it has no '${table}' table)`);
  }
  const notetypes = schema18 ? notetypes18(file, db) : notetypesLegacy(file, db);
  const decks = schema18 ? decks18(file, db) : decksLegacy(file, db);

  const noteCount = num(rows(db, 'SELECT count(*) FROM notes')[0]?.[0]);
  if (noteCount > limits.maxNotes) {
    throw new ImportError(file, `the collection holds ${noteCount.toLocaleString('en')} notes, more than the ${limits.maxNotes.toLocaleString('en')} one import may bring`);
  }

  const cardsByNote = readCardsByNote(db);
  const read: NotesRead = { notes: [], cards: [], rawCards: new Map(), usedDecks: new Set(), unusual: new Map(), seenGuids: new Set(), withoutCards: 0, skipped: [] };
  eachRow(db, 'SELECT id, guid, mid, tags, flds FROM notes ORDER BY id', (r) => {
    const noteId = num(r[0]);
    const noteCards = (cardsByNote.get(noteId) ?? []).sort((a, b) => a.ord - b.ord);
    cardsByNote.delete(noteId);
    readNote(read, notetypes, { noteId, guid: str(r[1]) || String(noteId), mid: num(r[2]), tags: str(r[3]), fields: str(r[4]) }, noteCards);
  });
  const { notes, cards, rawCards, skipped } = read;
  for (const orphans of cardsByNote.values()) {
    for (const c of orphans) skipped.push({ what: `card ${c.id}`, reason: `its note (id ${c.nid}) is not in the file` });
  }

  const reviews = hasTable(db, 'revlog') ? readRevlog(db, rawCards, skipped) : [];
  const answered = new Set(reviews.filter((r) => r.rating > 0).map((r) => r.cardKey));
  for (const card of cards) {
    if (!answered.has(card.key)) card.schedule = scheduleWithoutHistory(rawCards.get(card.key)!, createdSeconds);
  }

  const used = new Set(notes.map((n) => n.anki?.notetypeKey));
  return {
    file,
    format,
    notetypes: [...notetypes].filter(([id]) => used.has(String(id))).map(([id, nt]) => bundleNotetype(id, nt)),
    decks: bundleDecks(decks, read.usedDecks, cards, notes),
    notes,
    cards,
    reviews,
    media: [],
    notices: shapeNotices(read, notetypes),
    skipped,
  };
}

function readCardsByNote(db: Database): Map<number, RawCard[]> {
  const cardsByNote = new Map<number, RawCard[]>();
  eachRow(db, 'SELECT id, nid, did, ord, type, queue, due, ivl, factor, odid, odue FROM cards ORDER BY id', (r) => {
    const odid = num(r[9]);
    // A card in a filtered deck is only borrowed: its home deck is odid, its real due date odue.
    const card: RawCard = {
      id: num(r[0]),
      nid: num(r[1]),
      deck: odid !== 0 ? odid : num(r[2]),
      ord: num(r[3]),
      type: num(r[4]),
      queue: num(r[5]),
      due: odid !== 0 && num(r[10]) !== 0 ? num(r[10]) : num(r[6]),
      ivl: num(r[7]),
      factor: num(r[8]),
    };
    const list = cardsByNote.get(card.nid);
    if (list) list.push(card);
    else cardsByNote.set(card.nid, [card]);
  });
  return cardsByNote;
}

/** One note row and its cards, added to what has been read, or skipped with the reason. */
function readNote(read: NotesRead, notetypes: Map<number, Notetype>, row: { noteId: number; guid: string; mid: number; tags: string; fields: string }, noteCards: RawCard[]): void {
  const { noteId, guid, mid } = row;
  const what = `note ${guid}`;
  const notetype = notetypes.get(mid);
  if (!notetype) {
    read.skipped.push({ what, reason: `its note type (id ${mid}) is not in the file` });
    return;
  }
  if (read.seenGuids.has(guid)) {
    read.skipped.push({ what, reason: 'another note in the file has the same GUID' });
    return;
  }
  read.seenGuids.add(guid);
  const fields = row.fields.split('\x1f');
  const first = fields[0] ?? '';
  const rest = fields.slice(1);
  // Stock types name their sides; "Add Reverse" and the like are switches, not content.
  const back = isStock(notetype.name) && !notetype.cloze ? (rest[0] ?? '') : joinNonEmpty(rest);
  // Anki makes the missing cards of a note whose cards are gone (a hand-edited file); so do we,
  // as new cards, in the deck its note type was last used with.
  const made = noteCards.length === 0;
  if (made) {
    read.withoutCards++;
    const deck = notetype.deck ?? 1;
    const ords = notetype.cloze ? clozeOrdinals(first) : notetype.templates.length >= 2 && !(/optional reversed/.test(notetype.name) && !rest[1]?.trim()) ? [0, 1] : [0];
    for (const ord of ords) noteCards.push({ id: 0, nid: noteId, deck, ord, type: 0, queue: 0, due: 0, ivl: 0, factor: 0 });
  }
  const twoSided = !notetype.cloze && notetype.templates.length >= 2 && noteCards.some((c) => c.ord === 1);
  const type: BundleNote['type'] = notetype.cloze ? 'cloze' : twoSided ? 'reversed' : 'basic';
  if (!isStock(notetype.name)) read.unusual.set(mid, (read.unusual.get(mid) ?? 0) + 1);

  const imported = noteCards.filter((c) => {
    if (notetype.cloze || c.ord <= 1) return true;
    const template = notetype.templates[c.ord] ?? `Card ${c.ord + 1}`;
    read.skipped.push({ what: `card ${c.id}`, reason: `it is made by template '${template}' of note type '${notetype.name}'; only the first two templates of a note type become front and reverse cards` });
    return false;
  });
  if (imported.length === 0) {
    read.skipped.push({ what, reason: 'none of its cards could be imported' });
    return;
  }
  const noteDeck = imported[0]!.deck;
  read.usedDecks.add(noteDeck);
  read.notes.push({
    key: guid,
    deckKey: String(noteDeck),
    type,
    format: 'html',
    front: notetype.cloze ? '' : first,
    back: notetype.cloze ? '' : back,
    text: notetype.cloze ? first : '',
    extra: notetype.cloze ? joinNonEmpty(rest) : '',
    tags: row.tags.split(/\s+/).filter(Boolean),
    addedAt: noteId > 0 ? noteId : null,
    anki: { notetypeKey: String(mid), fields: notetype.fields.length ? notetype.fields.map((_, i) => fields[i] ?? '') : fields },
  });
  for (const c of imported) {
    read.usedDecks.add(c.deck);
    const template = notetype.cloze ? `c${c.ord + 1}` : c.ord === 0 ? 'front' : 'reverse';
    const key = made ? `${guid}:${template}` : String(c.id);
    read.rawCards.set(key, c);
    read.cards.push({
      key,
      noteKey: guid,
      template,
      ord: c.ord,
      deckKey: String(c.deck),
      suspended: c.queue === -1,
      addedAt: made ? (noteId > 0 ? noteId : null) : c.id > 0 ? c.id : null,
      schedule: null,
    });
  }
}

/** What the learner should know about how the notes were shaped: cards made anew, note types flattened. */
function shapeNotices(read: NotesRead, notetypes: Map<number, Notetype>): string[] {
  const notices: string[] = [];
  const { withoutCards } = read;
  if (withoutCards > 0) {
    notices.push(`${withoutCards} ${withoutCards === 1 ? 'note has' : 'notes have'} no cards in the file; ${withoutCards === 1 ? 'its cards were' : 'their cards were'} made as new cards`);
  }
  for (const [mid, count] of read.unusual) {
    const nt = notetypes.get(mid)!;
    const fieldList = nt.fields.length ? ` (fields ${nt.fields.join(', ')})` : '';
    const shape = nt.cloze ? 'cloze text = first field, extra = the rest' : 'front = first field, back = the rest';
    notices.push(`${count} ${count === 1 ? 'note' : 'notes'} of note type '${nt.name}'${fieldList} ${count === 1 ? 'was' : 'were'} imported as ${shape}`);
  }
  return notices;
}

function clozeOrdinals(text: string): number[] {
  const ords = new Set([...text.matchAll(/\{\{c(\d+)::/g)].map((m) => Number(m[1]) - 1).filter((n) => n >= 0 && n < 500));
  return ords.size ? [...ords].sort((a, b) => a - b) : [0];
}

function joinNonEmpty(fields: string[]): string {
  return fields.filter((f) => f.trim() !== '').join('<br>');
}

function readRevlog(db: Database, cards: Map<string, unknown>, skipped: Skipped[]): BundleReview[] {
  const reviews: BundleReview[] = [];
  const missing = new Map<string, number>();
  const odd = new Map<string, number>();
  // One key string per card, not one per entry: a million entries share a hundred thousand.
  const keyOf = new Map<number, string>();
  for (const key of cards.keys()) if (/^\d+$/.test(key)) keyOf.set(Number(key), key);
  eachRow(db, 'SELECT id, cid, ease, type, time, factor FROM revlog ORDER BY id', (r) => {
    const cardKey = keyOf.get(num(r[1]));
    if (cardKey === undefined) {
      const key = String(num(r[1]));
      missing.set(key, (missing.get(key) ?? 0) + 1);
      return;
    }
    const ease = num(r[2]);
    const type = num(r[3]);
    let rating: BundleReview['rating'];
    let kind: BundleReviewKind;
    if (type === 5) [rating, kind] = [0, 'rescheduled'];
    // Anki's Forget (and "reset" in the browser) logs a manual entry with no ease: the card is new again.
    else if (type === 4 && num(r[5]) === 0) [rating, kind] = [0, 'reset'];
    else if (type === 4 || ease === 0) [rating, kind] = [0, 'manual'];
    else if (type === 3 && num(r[5]) === 0) [rating, kind] = [0, 'cram'];
    else if (REVIEW_KINDS[type] && ease >= 1 && ease <= 4) [rating, kind] = [ease as 1 | 2 | 3 | 4, REVIEW_KINDS[type]];
    else {
      const reason = `review entries of an unknown kind (type ${type}, answer ${ease})`;
      odd.set(reason, (odd.get(reason) ?? 0) + 1);
      return;
    }
    reviews.push({ key: String(num(r[0])), cardKey, reviewedAt: num(r[0]), rating, kind, durationMs: Math.max(0, num(r[4])) });
  });
  for (const [cardKey, count] of missing) {
    skipped.push({ what: `review history of card ${cardKey}`, reason: `${count} review ${count === 1 ? 'entry belongs' : 'entries belong'} to a card that is not imported` });
  }
  for (const [reason, count] of odd) skipped.push({ what: `${count} review ${count === 1 ? 'entry' : 'entries'}`, reason });
  return reviews;
}

/**
 * Where a studied card stands when the file has none of its answers (a deck shared "with
 * scheduling" but without history): due date, interval and ease as Anki kept them.
 */
function scheduleWithoutHistory(card: { type: number; queue: number; due: number; ivl: number; factor: number }, createdSeconds: number): BundleCard['schedule'] {
  if (card.type === 0) return null;
  const ease = card.factor > 0 ? card.factor / 1000 : null;
  const dayToMs = (day: number) => createdSeconds * 1000 + day * MS_PER_DAY;
  // Review cards count due in days from the collection's creation; (re)learning cards in epoch
  // seconds, except learning spanning days (queue 3), which counts in days again.
  const inSeconds = (card.type === 1 || card.type === 3) && card.due > 1_000_000_000;
  const due = inSeconds ? card.due * 1000 : dayToMs(card.due);
  return { due, intervalDays: card.type === 2 || card.type === 3 ? Math.max(0, card.ivl) : 0, ease };
}

function bundleDecks(decks: Map<number, Deck>, used: Set<number>, cards: BundleCard[], notes: BundleNote[]): BundleDeck[] {
  // A card whose deck the file does not describe goes where Anki would put it: the default deck.
  const missing = [...used].filter((id) => !decks.get(id) || decks.get(id)!.filtered);
  if (missing.length) {
    if (!decks.has(1)) decks.set(1, { name: 'Default', filtered: false, description: '' });
    const fallback = new Set(missing.map(String));
    for (const c of cards) if (fallback.has(c.deckKey)) c.deckKey = '1';
    for (const n of notes) if (fallback.has(n.deckKey)) n.deckKey = '1';
    for (const id of missing) used.delete(id);
    used.add(1);
  }
  // Every deck the file describes, empty ones too (a colpkg is the whole collection), except
  // Anki's ever-present Default deck when nothing is in it, and filtered decks, whose cards
  // belong to their home decks.
  const keep = [...decks.keys()].filter((id) => !decks.get(id)!.filtered && (id !== 1 || used.has(1)));
  return keep
    .map((id) => ({ key: String(id), title: decks.get(id)!.name, description: decks.get(id)!.description }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

function bundleNotetype(id: number, nt: Notetype): BundleNotetype {
  return {
    key: String(id),
    name: nt.name,
    cloze: nt.cloze,
    fields: nt.fields,
    templates: nt.templates.map((name, i) => ({ name, question: nt.formats[i]?.question ?? '', answer: nt.formats[i]?.answer ?? '' })),
    css: nt.css,
  };
}

function parseJson(file: string, text: string, what: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new ImportError(file, `the collection's ${what} are damaged (not valid JSON)`);
}

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function notetypesLegacy(file: string, db: Database): Map<number, Notetype> {
  const models = parseJson(file, str(rows(db, 'SELECT models FROM col LIMIT 1')[0]?.[0]) || '{}', 'note types');
  const out = new Map<number, Notetype>();
  for (const [key, value] of Object.entries(models)) {
    const m = asRecord(value);
    const fields = asArray(m.flds).map((f) => str(asRecord(f).name));
    const tmpls = asArray(m.tmpls).map(asRecord);
    const templates = tmpls.map((t) => str(t.name));
    const formats = tmpls.map((t) => ({ question: str(t.qfmt), answer: str(t.afmt) }));
    out.set(num(m.id ?? key), { name: str(m.name), cloze: num(m.type) === 1, fields, templates, formats, css: str(m.css), deck: m.did == null ? null : num(m.did) });
  }
  return out;
}

function decksLegacy(file: string, db: Database): Map<number, Deck> {
  const decks = parseJson(file, str(rows(db, 'SELECT decks FROM col LIMIT 1')[0]?.[0]) || '{}', 'decks');
  const out = new Map<number, Deck>();
  for (const [key, value] of Object.entries(decks)) {
    const d = asRecord(value);
    out.set(num(d.id ?? key), { name: str(d.name), filtered: num(d.dyn) !== 0, description: str(d.desc) });
  }
  return out;
}

function notetypes18(file: string, db: Database): Map<number, Notetype> {
  const out = new Map<number, Notetype>();
  for (const r of rows(db, 'SELECT id, name, config FROM notetypes')) {
    const config = r[2] instanceof Uint8Array ? r[2] : new Uint8Array();
    out.set(num(r[0]), { name: str(r[1]), cloze: notetypeKind(file, config) === 1, fields: [], templates: [], formats: [], css: notetypeCss(file, config), deck: null });
  }
  for (const r of rows(db, 'SELECT ntid, name FROM fields ORDER BY ntid, ord')) out.get(num(r[0]))?.fields.push(str(r[1]));
  for (const r of rows(db, 'SELECT ntid, name, config FROM templates ORDER BY ntid, ord')) {
    const nt = out.get(num(r[0]));
    nt?.templates.push(str(r[1]));
    nt?.formats.push(templateFormats(file, r[2] instanceof Uint8Array ? r[2] : new Uint8Array()));
  }
  return out;
}

/** NotetypeConfig field 3: the note type's CSS. */
function notetypeCss(file: string, config: Uint8Array): string {
  return protobufFields(file, config, 'note types', (reader, field, wireType) => (field === 3 && wireType === WireType.LengthDelimited ? reader.string() : undefined)) ?? '';
}

/** CardTemplate.Config fields 1 and 2: the question and answer formats. */
function templateFormats(file: string, config: Uint8Array): { question: string; answer: string } {
  const formats = { question: '', answer: '' };
  protobufFields(file, config, 'card templates', (reader, field, wireType) => {
    if (wireType === WireType.LengthDelimited && (field === 1 || field === 2)) formats[field === 1 ? 'question' : 'answer'] = reader.string();
    return undefined;
  });
  return formats;
}

/** NotetypeConfig field 1, `kind`: 0 normal, 1 cloze (absent means normal). */
function notetypeKind(file: string, config: unknown): number {
  if (!(config instanceof Uint8Array)) return 0;
  return protobufFields(file, config, 'note types', (reader, field, wireType) => (field === 1 && wireType === WireType.Varint ? reader.uint32() : undefined)) ?? 0;
}

function decks18(file: string, db: Database): Map<number, Deck> {
  const out = new Map<number, Deck>();
  for (const r of rows(db, 'SELECT id, name, kind FROM decks')) {
    const kind = r[2] instanceof Uint8Array ? r[2] : new Uint8Array();
    // DeckKindContainer { oneof kind { Normal normal = 1; Filtered filtered = 2; } }, Normal.description = 4.
    let filtered = false;
    let description = '';
    protobufFields(file, kind, 'decks', (reader, field, wireType) => {
      if (field === 2 && wireType === WireType.LengthDelimited) {
        filtered = true;
        reader.bytes();
        return undefined;
      }
      if (field === 1 && wireType === WireType.LengthDelimited) {
        description =
          protobufFields(file, reader.bytes(), 'decks', (inner, f, t) => (f === 4 && t === WireType.LengthDelimited ? inner.string() : undefined)) ?? '';
      }
      return undefined;
    });
    out.set(num(r[0]), { name: str(r[1]).split('\x1f').join('::'), filtered, description });
  }
  return out;
}

/**
 * Walks one protobuf message's fields; `visit` reads the field it wants and returns a value to
 * stop, or returns undefined without reading to have the field skipped.
 */
function protobufFields<T>(file: string, bytes: Uint8Array, what: string, visit: (reader: BinaryReader, field: number, wireType: WireType) => T | undefined): T | undefined {
  try {
    const reader = new BinaryReader(bytes);
    while (reader.pos < reader.len) {
      const [field, wireType] = reader.tag();
      const start = reader.pos;
      const value = visit(reader, field, wireType);
      if (value !== undefined) return value;
      if (reader.pos === start) reader.skip(wireType, field);
    }
  } catch {
    throw new ImportError(file, `the collection's ${what} are damaged (their settings cannot be decoded)`);
  }
  return undefined;
}
