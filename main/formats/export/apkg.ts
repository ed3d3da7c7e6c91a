// Writes an Anki deck package (.apkg) in the Anki 2.1 legacy layout: a zip holding
// `collection.anki21` (a schema-11 SQLite collection), the `media` map and the media files named
// `0`, `1`, …. Every Anki since 2.1 and AnkiDroid read this layout; Anki 2.1.50+ also writes it
// when "Support older Anki versions" is ticked.
//
// No dummy `collection.anki2` is written. Anki's importer picks `collection.anki21` whenever it is
// present (rslib `Meta::from_archive`; the 2.1 Python importer did the same), so the dummy only
// changes the message Anki 2.0 shows, and a reader that took it for the collection would find a
// "please update" note instead of the cards.
import { zipSync, strToU8, type Zippable } from 'fflate';
import { MemoryState, type Card, type Note } from '../../domain/card.ts';
import { dayStart, DEFAULT_ROLLOVER_HOUR } from '../../domain/day.ts';
import { openDatabase, type Database } from '../sqlite.ts';
import type { ExportInput, ExportReview } from '../bundle.ts';
import { ankiFields, ankiGuid, ankiTag, fieldChecksum, stripHtmlPreservingMedia } from './anki-note.ts';
import { ANKI_INDEXES_11, ANKI_SCHEMA_VERSION, ANKI_TABLES_11, defaultDeckConfig, LEARNING_STEPS, legacyDeck, MAX_ANSWER_SECONDS, NOTETYPE_IDS, RELEARNING_STEPS, stockModels } from './anki-schema.ts';
import { ExportError } from './export-error.ts';

export interface ApkgOptions {
  /** With scheduling: each card's state, FSRS memory and review history; without: every card new. */
  scheduling: boolean;
}

const DAY_MS = 86_400_000;
const DEFAULT_DECK_ID = 1;

/** The .apkg bytes for `input`. Throws an ExportError naming what is inconsistent before anything is written. */
export async function writeApkg(input: ExportInput, options: ApkgOptions): Promise<Uint8Array> {
  const collection = planCollection(input, options);
  const db = await openDatabase();
  let bytes: Uint8Array;
  try {
    // A scratch database in memory, thrown away on any error: no journal is needed to undo.
    db.exec('PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;');
    db.exec(ANKI_TABLES_11);
    db.exec('BEGIN');
    db.run('INSERT INTO col VALUES (1, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, ?)', collection.col);
    insertAll(db, 'INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, \'\')', collection.notes);
    insertAll(db, 'INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)', collection.cards);
    insertAll(db, 'INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)', collection.revlog);
    db.exec('COMMIT');
    db.exec(ANKI_INDEXES_11);
    bytes = db.export();
  } finally {
    db.close();
  }
  const files: Zippable = { 'collection.anki21': bytes };
  const map: Record<string, string> = {};
  input.media.forEach((file, i) => {
    map[String(i)] = file.name;
    // Media is mostly already compressed (images, audio): stored, not deflated again.
    files[String(i)] = [file.bytes, { level: 0 }];
  });
  files.media = strToU8(JSON.stringify(map));
  return zipSync(files);
}

type Row = (string | number | null)[];

function insertAll(db: Database, sql: string, rows: Row[]): void {
  const statement = db.prepare(sql);
  try {
    for (const row of rows) statement.run(row);
  } finally {
    statement.free();
  }
}

interface PlannedCollection {
  col: Row;
  notes: Row[];
  cards: Row[];
  revlog: Row[];
}

/** Every row of the collection, computed (and every reference checked) before a database exists. */
function planCollection(input: ExportInput, options: ApkgOptions): PlannedCollection {
  checkMedia(input);
  const modSeconds = Math.floor(input.now / 1000);
  const deckIds = ankiDeckIds(input);
  const notesById = new Map(input.notes.map((n) => [n.id, n]));
  const cardsByNote = new Map<string, Card[]>();
  for (const card of input.cards) {
    const note = notesById.get(card.noteId);
    if (!note) throw new ExportError(`card "${card.id}"`, `its note "${card.noteId}" is not in the export`);
    if (!deckIds.has(card.deckId)) throw new ExportError(`card "${card.id}"`, `its deck "${card.deckId}" is not in the export`);
    const ofNote = cardsByNote.get(card.noteId);
    if (ofNote) ofNote.push(card);
    else cardsByNote.set(card.noteId, [card]);
  }
  for (const note of input.notes) {
    if (!deckIds.has(note.deckId)) throw new ExportError(`note "${note.id}"`, `its deck "${note.deckId}" is not in the export`);
  }

  // Anki's ids are creation times in ms; ours become the time each note and card was added, made unique.
  const noteAdded = new Map<string, number>();
  for (const card of input.cards) noteAdded.set(card.noteId, Math.min(noteAdded.get(card.noteId) ?? input.now, card.addedAt));
  const addedAt = (note: Note) => noteAdded.get(note.id) ?? input.now;
  const orderedNotes = [...input.notes].sort((a, b) => addedAt(a) - addedAt(b) || a.position - b.position || compare(a.id, b.id));
  const noteIds = uniqueIds(orderedNotes.map(addedAt));
  const ankiNoteId = new Map(orderedNotes.map((n, i) => [n.id, noteIds[i]!]));
  const orderedCards = [...input.cards].sort((a, b) => a.addedAt - b.addedAt || ankiNoteId.get(a.noteId)! - ankiNoteId.get(b.noteId)! || ordOf(notesById.get(a.noteId)!, a) - ordOf(notesById.get(b.noteId)!, b));
  const cardIds = uniqueIds(orderedCards.map((c) => c.addedAt));
  const ankiCardId = new Map(orderedCards.map((c, i) => [c.id, cardIds[i]!]));

  const crt = collectionDayZero(input);

  const notes: Row[] = orderedNotes.map((note) => {
    const fields = ankiFields(note);
    const firstField = stripHtmlPreservingMedia(fields[0]!);
    const cards = cardsByNote.get(note.id) ?? [];
    const mod = Math.floor(cards.reduce((latest, c) => Math.max(latest, c.updatedAt), 0) / 1000) || modSeconds;
    const tags = note.tags.map(ankiTag).filter((t) => t !== '');
    // Anki keeps tags space-separated with a space at each end, so ` tag ` matches a whole tag.
    const tagText = tags.length === 0 ? '' : ` ${tags.join(' ')} `;
    return [ankiNoteId.get(note.id)!, ankiGuid(note), NOTETYPE_IDS[note.type], mod, tagText, fields.join('\x1f'), firstField, fieldChecksum(firstField)];
  });

  const cards: Row[] = orderedCards.map((card) => {
    const note = notesById.get(card.noteId)!;
    const schedule = options.scheduling ? scheduledCard(card, crt, input.now) : newCard(card);
    return [ankiCardId.get(card.id)!, ankiNoteId.get(note.id)!, deckIds.get(card.deckId)!, ordOf(note, card), Math.floor(card.updatedAt / 1000), ...schedule];
  });

  const revlog = options.scheduling ? revlogRows(input.reviews, ankiCardId) : [];

  const decks = Object.fromEntries([...ankiDecks(input, deckIds, modSeconds)].map((d) => [String(d.id), d]));
  const maxPosition = input.notes.reduce((max, n) => Math.max(max, n.position), -1);
  const conf = {
    activeDecks: [DEFAULT_DECK_ID],
    curDeck: DEFAULT_DECK_ID,
    newSpread: 0,
    collapseTime: 1200,
    timeLim: 0,
    estTimes: true,
    dueCounts: true,
    curModel: NOTETYPE_IDS.basic,
    nextPos: maxPosition + 1,
    sortType: 'noteFld',
    sortBackwards: false,
    addToCur: true,
    dayLearnFirst: false,
    schedVer: 2,
    // With the creation offset and rollover given, Anki counts days as calendar days in local
    // time from `crt`'s date, as `dueDay` below does; without them it would count 24-hour blocks.
    creationOffset: new Date(crt * 1000).getTimezoneOffset(),
    rollover: DEFAULT_ROLLOVER_HOUR,
  };
  const col: Row = [crt, input.now, input.now, ANKI_SCHEMA_VERSION, JSON.stringify(conf), JSON.stringify(stockModels(modSeconds)), JSON.stringify(decks), JSON.stringify(defaultDeckConfig(modSeconds)), '{}'];
  return { col, notes, cards, revlog };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Each wanted id, moved up past the ones already given when two fall on the same millisecond. */
function uniqueIds(wanted: number[]): number[] {
  const next = idAllocator();
  return wanted.map(next);
}

/**
 * Gives out ids near the wanted ones, each once. Where to look next is remembered per wanted id,
 * so the thousand cards of one bulk change, which share a millisecond, cost linear time.
 */
function idAllocator(): (wanted: number) => number {
  const used = new Set<number>();
  const resume = new Map<number, number>();
  return (wanted) => {
    const base = Math.max(1, Math.floor(wanted));
    let id = resume.get(base) ?? base;
    while (used.has(id)) id++;
    used.add(id);
    resume.set(base, id + 1);
    return id;
  };
}

/** The card's template index in its notetype: Front 0 and Back 1 for reversed notes, cloze N at N − 1. */
function ordOf(note: Note, card: Card): number {
  const valid = (ord: number) => {
    if (!Number.isInteger(ord) || ord < 0) throw new ExportError(`card "${card.id}"`, `template "${card.template}" does not belong to a ${note.type} note`);
    return ord;
  };
  if (note.type === 'cloze') return valid(/^c\d+$/.test(card.template) ? Number(card.template.slice(1)) - 1 : -1);
  if (card.template === 'front') return 0;
  return valid(note.type === 'reversed' && card.template === 'reverse' ? 1 : -1);
}

/** Anki's id for each exported deck, and for each missing parent of a `Parent::Child` title. */
function ankiDeckIds(input: ExportInput): Map<string, number> {
  const ids = new Map<string, number>();
  const titles = [...input.decks].sort((a, b) => compare(a.title, b.title));
  titles.forEach((deck, i) => {
    if (ids.has(deck.id)) throw new ExportError(`deck "${deck.id}"`, 'appears twice in the export');
    // A deck titled Default is Anki's Default deck; two decks of one name would confuse Anki.
    ids.set(deck.id, deck.title.toLowerCase() === 'default' ? DEFAULT_DECK_ID : input.now + i);
  });
  return ids;
}

function ankiDecks(input: ExportInput, ids: Map<string, number>, modSeconds: number) {
  const byName = new Map<string, ReturnType<typeof legacyDeck>>();
  byName.set('Default', legacyDeck(DEFAULT_DECK_ID, 'Default', '', 0));
  for (const deck of input.decks) {
    const id = ids.get(deck.id)!;
    const name = id === DEFAULT_DECK_ID ? 'Default' : deck.title;
    if (byName.has(name) && id !== DEFAULT_DECK_ID) throw new ExportError(`deck "${deck.id}"`, `another deck is also titled "${deck.title}"`);
    byName.set(name, legacyDeck(id, name, deck.description, modSeconds));
  }
  // Anki expects every parent of a nested deck to exist as a deck of its own.
  let nextId = input.now + input.decks.length;
  for (const name of [...byName.keys()]) {
    const parts = name.split('::');
    for (let depth = 1; depth < parts.length; depth++) {
      const parent = parts.slice(0, depth).join('::');
      if (!byName.has(parent)) byName.set(parent, legacyDeck(nextId++, parent, '', modSeconds));
    }
  }
  return byName.values();
}

/** A bare file name, once: the media map is keyed by it and notes refer to it. */
function checkMedia(input: ExportInput): void {
  const seen = new Set<string>();
  for (const file of input.media) {
    if (file.name === '' || /[/\\\x00]/.test(file.name) || file.name === '.' || file.name === '..') throw new ExportError(`media file "${file.name}"`, 'is not a bare file name');
    if (seen.has(file.name)) throw new ExportError(`media file "${file.name}"`, 'appears twice in the export');
    seen.add(file.name);
  }
}

/**
 * Day 0 of the collection (`col.crt`, epoch seconds): the start of the study day (4 am local time,
 * as Anki and Deckhand begin a day) of the earliest moment the export mentions, so no due day is
 * negative.
 */
function collectionDayZero(input: ExportInput): number {
  let earliest = input.now;
  for (const card of input.cards) earliest = Math.min(earliest, card.addedAt, card.memory.state === MemoryState.Review ? card.memory.due : earliest);
  for (const review of input.reviews) earliest = Math.min(earliest, review.reviewedAt);
  return Math.floor(dayStart(earliest) / 1000);
}

/** The Anki day number (days since `crt`) of the study day holding `ms`; rounded so a DST hour does not shift it. */
function dueDay(ms: number, crt: number): number {
  return Math.round((dayStart(ms) - crt * 1000) / DAY_MS);
}

// [type, queue, due, ivl, factor, reps, lapses, left, data]
type Schedule = [number, number, number, number, number, number, number, number, string];

function newCard(card: Card): Schedule {
  return [0, 0, card.position, 0, 0, 0, 0, 0, ''];
}

/**
 * FSRS state → Anki's card columns. New 0/0 due at the note's position; Learning 1/1 and
 * Relearning 3/1 due at an epoch second; Review 2/2 due on a day number. Suspended cards sit in
 * queue −1, cards buried past `now` in −3 (buried by the user; Anki lets them back the next day).
 * `factor` is Anki's starting ease, 2500, once a card has graduated: Deckhand keeps no SM-2 ease,
 * and FSRS, which Anki uses when the memory state below is present, ignores it. `left` is the
 * learning steps still to go in the exported deck options, so Good moves a learning card on a
 * step in Anki as it would here. `data` carries the FSRS memory the way Anki ≥ 23.10 stores it
 * (`{"s":…,"d":…}`, rounded to 3 places as Anki does, rslib `CardData`).
 */
function scheduledCard(card: Card, crt: number, now: number): Schedule {
  const m = card.memory;
  const data = m.state !== MemoryState.New && m.stability > 0 ? JSON.stringify({ s: round3(m.stability), d: round3(m.difficulty) }) : '';
  const stepsLeft = (steps: number[]) => {
    const remaining = Math.max(1, steps.length - m.learningSteps);
    return remaining * 1000 + remaining;
  };
  let schedule: Schedule;
  switch (m.state) {
    case MemoryState.New:
      schedule = [0, 0, card.position, 0, 0, m.reps, m.lapses, 0, ''];
      break;
    case MemoryState.Learning:
      schedule = [1, 1, Math.floor(m.due / 1000), 0, 0, m.reps, m.lapses, stepsLeft(LEARNING_STEPS), data];
      break;
    case MemoryState.Review:
      schedule = [2, 2, dueDay(m.due, crt), Math.max(1, m.scheduledDays), 2500, m.reps, m.lapses, 0, data];
      break;
    case MemoryState.Relearning:
      schedule = [3, 1, Math.floor(m.due / 1000), Math.max(1, m.scheduledDays), 2500, m.reps, m.lapses, stepsLeft(RELEARNING_STEPS), data];
      break;
  }
  if (card.suspended) schedule[1] = -1;
  else if (card.buriedUntil !== null && card.buriedUntil > now) schedule[1] = -3;
  return schedule;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The review log → Anki's revlog, one row per entry that Anki would have logged:
 *
 * | our entry                 | type                                   | ease   |
 * |---------------------------|----------------------------------------|--------|
 * | answer                    | from the state before: 0 learn (new or | rating |
 * |                           | learning), 1 review, 2 relearn         |        |
 * | imported answer           | as its source logged it (3 filtered)   | rating |
 * | `manual` (imported)       | 4 manual                               | 0      |
 * | `rescheduled` (imported)  | 5 rescheduled, as Anki ≥ 23.10 logs an | 0      |
 * |                           | FSRS reschedule                        |        |
 * | `reset`                   | 4 manual, ivl 0: Anki's Forget         | 0      |
 * | `bury`, `suspend`,        | none: Anki logs no review for these;   |        |
 * | `unsuspend`, `edit`,      | an import's and an edit's state still  |        |
 * | `import`                  | counts as the state before the next    |        |
 * | `undo` and its target     | none: both are left out                |        |
 *
 * `ivl` is days, or negative seconds while the card is in (re)learning, as Anki writes it;
 * `lastIvl` is the previous kept entry's `ivl` for the card; `factor` is the FSRS difficulty
 * mapped to 100–1100 (Anki's `difficulty_shifted` × 1000), 0 for a new card; `time` is capped at
 * the deck options' maximum answer time, as Anki caps it; `id` is the time in ms, moved up a
 * millisecond where two entries share one, since it is the table's key.
 */
const REVLOG_TYPE = { learn: 0, review: 1, relearn: 2, filtered: 3 } as const;

function revlogRows(reviews: ExportReview[], ankiCardId: Map<string, number>): Row[] {
  const undone = undoneEntries(reviews);
  const last = new Map<string, { state: number; ivl: number }>();
  const revlogId = idAllocator();
  const rows: Row[] = [];
  for (const review of reviews) {
    const cid = ankiCardId.get(review.cardId);
    if (cid === undefined) throw new ExportError(`review "${review.id}"`, `its card "${review.cardId}" is not in the export`);
    if (review.kind === 'undo' || undone.has(review.id)) continue;
    const before = last.get(review.cardId) ?? { state: MemoryState.New, ivl: 0 };
    const ivl = review.kind === 'reset' ? 0 : revlogInterval(review);
    last.set(review.cardId, { state: review.after.state, ivl });
    let type: number;
    let ease = 0;
    if (review.kind === undefined) {
      if (!Number.isInteger(review.rating) || review.rating < 1 || review.rating > 4) throw new ExportError(`review "${review.id}"`, `rating ${review.rating} is not 1–4`);
      ease = review.rating;
      // An imported answer goes back as its source logged it; one given here by the card's state.
      type = review.answerKind ? REVLOG_TYPE[review.answerKind] : before.state === MemoryState.Review ? 1 : before.state === MemoryState.Relearning ? 2 : 0;
    } else if (review.kind === 'manual' || review.kind === 'reset') type = 4;
    else if (review.kind === 'rescheduled') type = 5;
    else continue;
    const id = revlogId(review.reviewedAt);
    const factor = review.after.state === MemoryState.New || review.after.difficulty <= 0 ? 0 : Math.trunc(((review.after.difficulty - 1) / 9 + 0.1) * 1000);
    const time = Math.min(Math.max(0, Math.round(review.durationMs)), MAX_ANSWER_SECONDS * 1000);
    rows.push([id, cid, ease, ivl, before.ivl, factor, time, type]);
  }
  return rows;
}

/** The interval after an entry: negative seconds to the next step while learning, else days. */
function revlogInterval(review: ExportReview): number {
  const { state, due, scheduledDays } = review.after;
  if (state === MemoryState.Learning || state === MemoryState.Relearning) {
    const seconds = Math.max(1, Math.round((due - review.reviewedAt) / 1000));
    // A step of a day or more is an interday step: Anki logs those in days.
    return seconds >= DAY_MS / 1000 ? Math.round(seconds / (DAY_MS / 1000)) : -seconds;
  }
  return state === MemoryState.New ? 0 : scheduledDays;
}

/**
 * The entries an undo takes back. An undo names its target when the log says; otherwise it is the
 * card's latest entry still in effect, which is the only one Deckhand lets an undo take back (any
 * later change to the card makes the undo fail).
 */
function undoneEntries(reviews: ExportReview[]): Set<string> {
  const undone = new Set<string>();
  const live = new Map<string, string[]>();
  for (const review of reviews) {
    const stack = live.get(review.cardId) ?? [];
    live.set(review.cardId, stack);
    if (review.kind !== 'undo') {
      stack.push(review.id);
      continue;
    }
    const target = review.undoes ?? stack.at(-1);
    if (target === undefined) continue;
    undone.add(target);
    const at = stack.lastIndexOf(target);
    if (at >= 0) stack.splice(at, 1);
  }
  return undone;
}
