// Turns an ImportBundle into what the collection gains: decks, notes, cards with the memory their
// history gives them, review-log entries and media. Nothing here changes the collection; the
// service applies the staged result in one step, so an import is all or nothing.
import { createHash } from 'node:crypto';
import { nextVersion, type Card, type Memory, type Note } from '../domain/card.ts';
import { cappedAnswerMs } from '../domain/answer-time.ts';
import { clozeOrdinals } from '../domain/cloze.ts';
import { joinTitle, titlePath } from '../domain/deck-tree.ts';
import { mediaNamesIn, safeMediaName, sniffMedia } from '../domain/media.ts';
import { cardIdFor, templatesOf } from '../domain/notes.ts';
import { ankiFields } from '../formats/export/anki-note.ts';
import { memoryFromSm2, newMemory, type Scheduler } from '../domain/scheduler.ts';
import { IMPORT_LIMITS } from '../domain/import-limits.ts';
import { type BundleCard, type BundleMedia, type BundleNote, type BundleReview, type ImportBundle, type Skipped } from '../formats/bundle.ts';
import type { ImportReport, Rating } from '../contract.ts';

export type { ImportReport } from '../contract.ts';
import type { Deck } from '../domain/deck.ts';
import { HistoryLog } from '../domain/history-log.ts';
import { ANSWER_KINDS, type AnswerKind } from '../domain/review-entry.ts';

export interface ImportContext {
  now: number;
  deckByTitle(title: string): Deck | undefined;
  deck(id: string): Deck | undefined;
  noteByOrigin(origin: string): Note | undefined;
  card(id: string): Card | undefined;
  nextPosition(deckId: string): number;
  freshDeckId(): string;
  freshNoteId(deckId: string): string;
  /** Replays imported history; no fuzz, so the same file always gives the same due dates. */
  scheduler: Scheduler;
  /** The bytes of a media file the collection already has under this name. */
  existingMedia(name: string): Uint8Array | undefined;
}

export interface ImportOptions {
  /** Put every note in this deck (created when missing) instead of the source's decks. */
  deck?: string;
}


export interface StagedImport {
  decks: Deck[];
  notes: Note[];
  cards: Card[];
  /** The history to append, compactly: a million imported reviews must fit in memory. */
  log: HistoryLog;
  media: BundleMedia[];
  report: ImportReport;
}

const ORIGIN_PREFIX = { apkg: 'anki', colpkg: 'anki', 'anki-collection': 'anki', csv: 'csv', markdown: 'md', 'deck-json': 'deck' } as const;

export function originOf(bundle: Pick<ImportBundle, 'format'>, key: string): string {
  const prefix = ORIGIN_PREFIX[bundle.format];
  return key.startsWith(`${prefix}:`) ? key : `${prefix}:${key}`;
}

export interface MediaPlan {
  /** The files to write, under their final names. */
  media: BundleMedia[];
  /** Names changed to avoid a clash with a different file of the same name. */
  renamed: Map<string, string>;
  skipped: Skipped[];
}

/**
 * Which of a bundle's media files to keep and under what names: only images and audio recognised
 * by their bytes, only bare file names; a name the collection already uses for other bytes gets
 * a suffix, and the notes that name it are changed to match.
 */
export function planMedia(bundle: ImportBundle, existingMedia: (name: string) => Uint8Array | undefined): MediaPlan {
  const plan: MediaPlan = { media: [], renamed: new Map(), skipped: [] };
  const taken = new Set<string>();
  for (const m of bundle.media) {
    const name = safeMediaName(m.name);
    if (!name) {
      plan.skipped.push({ what: `media "${m.name}"`, reason: 'its name is not a plain file name, so it could point outside the media folder' });
      continue;
    }
    if (!sniffMedia(m.bytes)) {
      plan.skipped.push({ what: `media "${m.name}"`, reason: 'its content is not an image or audio file of a known type' });
      continue;
    }
    let finalName = name;
    const existing = existingMedia(name);
    if ((existing && !sameBytes(existing, m.bytes)) || taken.has(name)) {
      const dot = name.lastIndexOf('.');
      const hash = createHash('sha1').update(m.bytes).digest('hex').slice(0, 8);
      finalName = dot > 0 ? `${name.slice(0, dot)}-${hash}${name.slice(dot)}` : `${name}-${hash}`;
      plan.renamed.set(m.name, finalName);
      if (existingMedia(finalName) || taken.has(finalName)) continue;
    } else if (existing) continue;
    taken.add(finalName);
    plan.media.push({ name: finalName, bytes: m.bytes });
  }
  return plan;
}

export function stageImport(bundle: ImportBundle, ctx: ImportContext, options: ImportOptions = {}, mediaPlan: MediaPlan = planMedia(bundle, ctx.existingMedia)): StagedImport {
  const report: ImportReport = { file: bundle.file, decksAdded: [], notesAdded: 0, notesUpdated: 0, notesUnchanged: 0, cardsAdded: 0, cardsUpdated: 0, reviewsAdded: 0, mediaAdded: 0, skipped: [...bundle.skipped], notices: [...bundle.notices], restored: false };
  const { now } = ctx;

  report.skipped.push(...mediaPlan.skipped);
  report.mediaAdded = mediaPlan.media.length;
  const withMedia = (text: string) => {
    let out = text;
    for (const [from, to] of mediaPlan.renamed) out = out.split(from).join(to);
    return out;
  };

  // Decks, by title; `options.deck` gathers everything into one.
  const decks: Deck[] = [];
  const deckIdOfTitle = new Map<string, string>();
  function deckFor(title: string): string {
    const clean = joinTitle(titlePath(title).map((p) => p || 'Untitled'));
    const key = clean.toLowerCase();
    const known = deckIdOfTitle.get(key) ?? ctx.deckByTitle(clean)?.id;
    if (known) {
      deckIdOfTitle.set(key, known);
      return known;
    }
    const parts = titlePath(clean);
    for (let n = 1; n < parts.length; n++) deckFor(joinTitle(parts.slice(0, n)));
    const id = ctx.freshDeckId();
    decks.push({ id, title: clean, description: '', version: 0, source: null, article: null });
    deckIdOfTitle.set(key, id);
    report.decksAdded.push(clean);
    return id;
  }
  const deckTitleOfKey = new Map(bundle.decks.map((d) => [d.key, d.title]));

  const cardsOfNote = new Map<string, BundleCard[]>();
  for (const c of bundle.cards) (cardsOfNote.get(c.noteKey) ?? cardsOfNote.set(c.noteKey, []).get(c.noteKey)!).push(c);
  const reviewsOfCard = new Map<string, BundleReview[]>();
  for (const r of bundle.reviews) (reviewsOfCard.get(r.cardKey) ?? reviewsOfCard.set(r.cardKey, []).get(r.cardKey)!).push(r);

  const notes: Note[] = [];
  const cards: Card[] = [];
  const log = new HistoryLog();
  const positions = new Map<string, number>();
  const seenOrigins = new Set<string>();
  const referenced = new Set<string>();
  const movedSiblings: { from: string; to: string }[] = [];
  const unchanged: Note[] = [];

  for (const bn of bundle.notes) {
    const origin = originOf(bundle, bn.key);
    if (seenOrigins.has(origin)) {
      report.skipped.push({ what: `note "${shortKey(bn.key)}"`, reason: 'the file holds it twice; the first was imported' });
      continue;
    }
    seenOrigins.add(origin);
    const longest = Math.max(bn.front.length, bn.back.length, bn.text.length, bn.extra.length);
    if (longest > IMPORT_LIMITS.maxFieldChars) {
      report.skipped.push({ what: `note "${shortKey(bn.key)}"`, reason: `a field is ${longest.toLocaleString('en')} characters long; notes over ${IMPORT_LIMITS.maxFieldChars.toLocaleString('en')} are not imported` });
      continue;
    }
    const fields = noteFields(bn, withMedia);
    if (!fields) {
      report.skipped.push({ what: `note "${shortKey(bn.key)}"`, reason: bn.type === 'cloze' ? 'its cloze text has no {{c1::…}} deletion' : 'its front is empty' });
      continue;
    }
    const existing = ctx.noteByOrigin(origin);
    let note: Note;
    if (existing) {
      note = withAnki({ ...existing, ...fields }, bn, withMedia);
      if (bn.format === 'html') note.format = 'html';
      else delete note.format;
      if (sameNote(existing, note) || isOwnExport(existing, bn, fields)) {
        note = existing;
        unchanged.push(existing);
        report.notesUnchanged++;
      } else {
        report.notesUpdated++;
        notes.push(note);
      }
    } else {
      const title = options.deck ?? deckTitleOfKey.get(bn.deckKey) ?? 'Imported';
      const deckId = deckFor(title);
      const position = positions.get(deckId) ?? ctx.nextPosition(deckId);
      positions.set(deckId, position + 1);
      note = withAnki({ id: ctx.freshNoteId(deckId), deckId, kind: 'fact', quote: null, position, ...fields }, bn, withMedia);
      if (bn.format === 'html') note.format = 'html';
      note.origin = origin;
      notes.push(note);
      report.notesAdded++;
    }

    for (const name of mediaNamesIn([note.front, note.back, note.text, note.extra ?? ''].join('\n'))) referenced.add(name);
    const sourceCards = new Map((cardsOfNote.get(bn.key) ?? []).map((c) => [c.template, c]));
    for (const template of templatesOf(note)) {
      const id = cardIdFor(note.id, template);
      const source = sourceCards.get(template);
      const current = ctx.card(id);
      const history = (source ? (reviewsOfCard.get(source.key) ?? []) : []).slice().sort((a, b) => a.reviewedAt - b.reviewedAt);
      if (current) {
        // Only history newer than what the card already knows is replayed on top of it.
        // Entries that are not answers leave no trace in the memory; those dated before the card
        // last changed here were imported with it (a never-answered card's manual entries).
        const since = current.memory.lastReview ?? -Infinity;
        const fresh = history.filter((r) => r.reviewedAt > since && (r.rating > 0 || r.reviewedAt > current.updatedAt));
        if (fresh.length === 0) {
          if (current.position !== note.position) cards.push({ ...current, position: note.position });
          continue;
        }
        const replayed = replay({ ...current, position: note.position, updatedAt: nextVersion(current, now) }, fresh, ctx.scheduler, log);
        cards.push(replayed);
        report.cardsUpdated++;
        report.reviewsAdded += fresh.filter((r) => r.rating > 0).length;
        continue;
      }
      if (source && source.deckKey !== bn.deckKey && !options.deck) movedSiblings.push({ from: deckTitleOfKey.get(source.deckKey) ?? source.deckKey, to: deckTitleOfKey.get(bn.deckKey) ?? bn.deckKey });
      const addedAt = source?.addedAt ?? bn.addedAt ?? now;
      const base: Card = { id, noteId: note.id, deckId: note.deckId, template, position: note.position, addedAt, memory: newMemory(addedAt), introducedAt: null, updatedAt: now, suspended: source?.suspended ?? false, buriedUntil: null };
      report.cardsAdded++;
      const answers = history.filter((r) => r.rating > 0);
      if (answers.length > 0) {
        cards.push(replay(base, history, ctx.scheduler, log));
        report.reviewsAdded += answers.length;
      } else if (source?.schedule) {
        const memory: Memory = memoryFromSm2({ ease: source.schedule.ease ?? 2.5, intervalDays: source.schedule.intervalDays, due: source.schedule.due });
        const card: Card = { ...base, memory, introducedAt: memory.lastReview };
        cards.push(card);
        log.push({ kind: 'import', rating: 0, reviewedAt: now, durationMs: 0 }, card);
      } else {
        cards.push(base);
        if (base.suspended) log.push({ kind: 'import', rating: 0, reviewedAt: now, durationMs: 0 }, base);
      }
      for (const r of history) if (r.rating === 0 && answers.length === 0) log.push({ kind: logKindOf(r), rating: 0, reviewedAt: r.reviewedAt, durationMs: 0 }, cards[cards.length - 1]!);
    }
    for (const [template, c] of sourceCards) {
      if (!templatesOf(note).includes(template)) report.skipped.push({ what: `card "${shortKey(c.key)}"`, reason: `its note makes no "${template}" card in Deckhand` });
    }
  }
  report.notices.push(...(movedSiblings.length ? [siblingNotice(movedSiblings)] : []), ...missingMediaNotices(missingMedia(referenced, bundle, mediaPlan, ctx.existingMedia)));
  decks.push(...notetypeDecks(bundle, [...notes, ...unchanged], decks, ctx));
  // Every deck the file has comes in, empty ones too, so a shared deck keeps its structure; a file
  // none of whose notes could be imported adds nothing.
  if (!options.deck && report.notesAdded + report.notesUpdated + report.notesUnchanged > 0) {
    for (const d of bundle.decks) deckFor(d.title);
  }
  for (const d of bundle.decks) {
    const added = decks.find((x) => x.title.toLowerCase() === joinTitle(titlePath(d.title)).toLowerCase());
    if (added && d.description && !options.deck) added.description = d.description;
  }
  return { decks, notes, cards, log, media: mediaPlan.media, report };
}

/** The note with the Anki note type and fields it came with, or without any when it came with none. */
function withAnki(note: Note, bn: BundleNote, withMedia: (s: string) => string): Note {
  if (!bn.anki) {
    delete note.anki;
    return note;
  }
  note.anki = { notetype: bn.anki.notetypeKey, fields: bn.anki.fields.map(withMedia) };
  return note;
}

/**
 * Each deck the imported Anki notes are in keeps their note types (templates and CSS): new decks
 * get them in their record, existing decks an updated record, staged with the new ones.
 */
function notetypeDecks(bundle: ImportBundle, notes: readonly Note[], staged: Deck[], ctx: ImportContext): Deck[] {
  const byKey = new Map((bundle.notetypes ?? []).map((nt) => [nt.key, nt]));
  const wanted = new Map<string, Set<string>>();
  for (const n of notes) if (n.anki && byKey.has(n.anki.notetype)) (wanted.get(n.deckId) ?? wanted.set(n.deckId, new Set()).get(n.deckId)!).add(n.anki.notetype);
  const updated: Deck[] = [];
  for (const [deckId, keys] of wanted) {
    const types = Object.fromEntries([...keys].map((k) => {
      const { key: _key, ...nt } = byKey.get(k)!;
      return [k, nt];
    }));
    const fresh = staged.find((d) => d.id === deckId);
    if (fresh) fresh.notetypes = { ...fresh.notetypes, ...types };
    else {
      const current = ctx.deck(deckId);
      const merged = { ...current?.notetypes, ...types };
      if (current && JSON.stringify(merged) !== JSON.stringify(current.notetypes)) updated.push({ ...current, notetypes: merged });
    }
  }
  return updated;
}

/**
 * Anki lets a note's cards sit in different decks; Deckhand keeps a note's cards in its deck (the
 * deck of its first card), and says which cards that moved, by the decks they came from.
 */
function siblingNotice(moved: readonly { from: string; to: string }[]): string {
  const byPair = new Map<string, number>();
  for (const m of moved) byPair.set(`“${m.from}” → “${m.to}”`, (byPair.get(`“${m.from}” → “${m.to}”`) ?? 0) + 1);
  const pairs = [...byPair].slice(0, 3).map(([pair, n]) => `${n} from ${pair}`);
  const more = byPair.size > 3 ? ` and ${byPair.size - 3} more pairs of decks` : '';
  const n = moved.length;
  return `${n} ${n === 1 ? 'card was' : 'cards were'} in another Anki deck than ${n === 1 ? 'its' : 'their'} note's first card; Deckhand keeps a note's cards together, in the first card's deck: ${pairs.join(', ')}${more}`;
}

/** Pictures and sounds the imported notes name that neither the file nor the collection has. */
function missingMedia(referenced: Set<string>, bundle: ImportBundle, plan: MediaPlan, existing: (name: string) => Uint8Array | undefined): string[] {
  const inFile = new Set(bundle.media.map((m) => m.name));
  const renamedTo = new Set(plan.renamed.values());
  return [...referenced].filter((name) => !inFile.has(name) && !renamedTo.has(name) && !existing(name)).sort((a, b) => a.localeCompare(b));
}

/** How many are missing, and the first few by name (a collection can name hundreds); nothing when none is. */
export function missingMediaNotices(names: readonly string[]): string[] {
  return names.length ? [missingMediaNotice(names)] : [];
}

function missingMediaNotice(names: readonly string[]): string {
  const shown = names.slice(0, 5).map((n) => `“${n}”`);
  const more = names.length > shown.length ? ` and ${(names.length - shown.length).toLocaleString('en')} more` : '';
  const count = names.length === 1 ? '1 picture or sound the notes show is' : `${names.length.toLocaleString('en')} pictures or sounds the notes show are`;
  return `${count} not in the file and not in your collection, so ${names.length === 1 ? 'it shows' : 'they show'} as missing: ${shown.join(', ')}${more}`;
}

const answerKindOf = (r: BundleReview): AnswerKind | undefined => ((ANSWER_KINDS as readonly string[]).includes(r.kind) ? (r.kind as AnswerKind) : undefined);
const logKindOf = (r: BundleReview): 'manual' | 'rescheduled' | 'reset' | 'cram' => (r.kind === 'rescheduled' || r.kind === 'reset' || r.kind === 'cram' ? r.kind : 'manual');

/** Replays answers (and keeps manual, rescheduling, reset and cram entries as history) from a card's state. */
function replay(start: Card, history: readonly BundleReview[], scheduler: Scheduler, log: HistoryLog): Card {
  let card = start;
  for (const r of history) {
    if (r.rating === 0) {
      // A reset makes the card new: the answers before it no longer count toward its memory.
      if (r.kind === 'reset') card = { ...card, memory: newMemory(r.reviewedAt) };
      log.push({ kind: logKindOf(r), rating: 0, reviewedAt: r.reviewedAt, durationMs: 0 }, card);
      continue;
    }
    const memory = scheduler.answer(card.memory, r.rating as Rating, r.reviewedAt);
    card = { ...card, memory, introducedAt: card.introducedAt ?? r.reviewedAt };
    log.push({ rating: r.rating, answerKind: answerKindOf(r), reviewedAt: r.reviewedAt, durationMs: cappedAnswerMs(r.durationMs) }, card);
  }
  return card;
}

function noteFields(bn: BundleNote, withMedia: (s: string) => string): Pick<Note, 'type' | 'front' | 'back' | 'text' | 'extra' | 'tags'> | null {
  const tags = [...new Set(bn.tags.map((t) => t.trim()).filter(Boolean))];
  if (bn.type === 'cloze') {
    const text = withMedia(bn.text);
    if (clozeOrdinals(text).length === 0) return null;
    return { type: 'cloze', front: '', back: '', text, extra: bn.extra ? withMedia(bn.extra) : null, tags };
  }
  const front = withMedia(bn.front);
  if (front.trim() === '') return null;
  return { type: bn.type, front, back: withMedia(bn.back), text: '', extra: bn.extra ? withMedia(bn.extra) : null, tags };
}

/**
 * A Markdown note exported as HTML (to Anki or CSV) and imported back unchanged: its fields are
 * what the export wrote, so the note stays as it is, Markdown and all.
 */
function isOwnExport(existing: Note, bn: BundleNote, fields: Pick<Note, 'type' | 'tags'>): boolean {
  if (existing.format === 'html' || bn.format !== 'html' || existing.type !== fields.type) return false;
  const exported = ankiFields(existing);
  const incoming = bn.type === 'cloze' ? [bn.text, bn.extra] : [bn.front, bn.back];
  return exported[0] === incoming[0] && exported[1] === incoming[1] && existing.tags.join('\u0000') === fields.tags.join('\u0000');
}

function sameNote(a: Note, b: Note): boolean {
  return JSON.stringify(a.anki) === JSON.stringify(b.anki) && a.format === b.format && a.type === b.type && a.front === b.front && a.back === b.back && a.text === b.text && (a.extra ?? '') === (b.extra ?? '') && a.tags.join('\u0000') === b.tags.join('\u0000');
}

/** A note's key as the report shows it: CSV keys are a whole first field, which can be long. */
function shortKey(key: string): string {
  const line = key.replace(/\s+/g, ' ');
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}
