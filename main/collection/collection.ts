// The one owner of the collection's decks, notes, cards and settings (Anki's `Collection` with its
// `transact`, Signal Desktop's single data owner). The service reads through it and changes it only
// through the named changes below. Each change tells the store what to write and moves the
// collection's version on, so that what is derived from it (a deck's cards in study order, the last
// search) is keyed on a version instead of being reset by hand wherever something changes.
import { stagedLog, type StagedLog } from '../domain/history-log.ts';
import type { Card, Note } from '../domain/card.ts';
import type { Settings } from '../domain/settings.ts';
import { cardIdFor, templatesOf } from '../domain/notes.ts';
import { isWithin, sameTitlePath } from '../domain/deck-tree.ts';
import type { Clock } from '../clock.ts';
import type { Deck } from '../domain/deck.ts';
import type { NewReview } from '../domain/review-entry.ts';
import type { CollectionStore, Replacement } from '../store/collection-store.ts';
import type { StoredReview } from '../store/stored.ts';
import type { AnswerHistory } from '../domain/answer-history.ts';
import type { MediaFile } from '../domain/media.ts';
import { existingMediaBytes, listMediaFiles, readMediaFile, mediaDir, writeMediaFiles } from '../store/media-folder.ts';
import { backgroundWriteMessage, diskError, readOnlyError, readOnlyMessage } from './disk-errors.ts';
import type { StorageStatus } from '../domain/storage-status.ts';
import { UndoStack } from './undo.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../store/atomic-file.ts';

/** What a sync pass changes, applied in one step: records added or changed, records removed, cards set. */
export interface SyncChanges {
  decks: readonly Deck[];
  notes: readonly Note[];
  cards: readonly Card[];
  removedNotes: readonly Note[];
  removedDecks: readonly string[];
  settings: Settings | null;
}

/** Where the sync pass keeps its device id, its clock and the records it last published, in the data folder. */
const SYNC_STATE_FILE = 'sync-state.json';

/** An import after staging: everything it adds or changes, applied in one step. */
export interface StagedChanges {
  decks: readonly Deck[];
  notes: readonly Note[];
  cards: readonly Card[];
  /** History to append, oldest first; each entry carries the card after it. */
  log: readonly NewReview[] | StagedLog;
}

export class Collection {
  /** One undo history for every change that can be taken back; see undo.ts for when it ends. */
  readonly undo = new UndoStack();
  readonly #store: CollectionStore;
  readonly #clock: Clock;
  /** Moves on with every change; `version` and the per-deck versions are values it had. */
  #tick = 0;
  #version = 0;
  /** When each deck's notes, or which cards it has, or their order, last changed. */
  readonly #deckTicks = new Map<string, number>();
  /** When everything was replaced at once: every deck counts as changed then. */
  #replacedAt = 0;
  readonly #studyOrder = new Map<string, { at: number; ids: string[] }>();
  #idCounter = 0;

  constructor(store: CollectionStore, clock: Clock) {
    this.#store = store;
    this.#clock = clock;
  }

  // ---- Versions ----

  /** Changes with every change to the collection, answers included. */
  get version(): number {
    return this.#version;
  }

  /** Changes when a deck's notes change, or its cards come, go, or change order; not on answers. */
  deckVersion(deckId: string): number {
    return Math.max(this.#deckTicks.get(deckId) ?? 0, this.#replacedAt);
  }

  // ---- Reading ----

  get dataDir(): string {
    return this.#store.dir;
  }

  /** What went wrong while the store opened (damaged files moved aside). */
  get storeNotices(): readonly string[] {
    return this.#store.notices;
  }

  /** Whether changes are being saved: for the banner every screen shows when they are not. */
  storageStatus(): StorageStatus {
    if (this.#store.readOnly) return { state: 'read-only', message: readOnlyMessage(this.#store.dir) };
    const problem = this.#store.writeProblem();
    return problem ? { state: 'failing', message: backgroundWriteMessage(problem) } : { state: 'ok' };
  }

  get settings(): Readonly<Settings> {
    return this.#store.data.settings;
  }

  deck(deckId: string): Deck | undefined {
    return this.#store.data.decks.get(deckId);
  }

  decks(): IterableIterator<Deck> {
    return this.#store.data.decks.values();
  }

  deckIds(): string[] {
    return [...this.#store.data.decks.keys()];
  }

  get deckCount(): number {
    return this.#store.data.decks.size;
  }

  deckWithTitle(title: string): Deck | undefined {
    for (const d of this.decks()) if (sameTitlePath(d.title, title)) return d;
    return undefined;
  }

  /** A deck and the decks nested under it (`Parent::Child`), parent first. */
  subtree(deckId: string): string[] {
    const d = this.deck(deckId);
    if (!d) return [deckId];
    return [deckId, ...[...this.decks()].filter((x) => x.id !== deckId && isWithin(x.title, d.title)).map((x) => x.id)];
  }

  card(cardId: string): Card | undefined {
    return this.#store.data.cards.get(cardId);
  }

  /** Every card stored for a deck, those whose note a newer deck version dropped included. */
  storedCardsOf(deckId: string): Card[] {
    return this.#store.data.cards.ofDeck(deckId);
  }

  allCards(): IterableIterator<Card> {
    return this.#store.data.cards.values();
  }

  /** A deck's notes by id, read from disk the first time they are asked for. */
  notesOf(deckId: string): ReadonlyMap<string, Note> {
    return this.#store.notesOf(deckId);
  }

  note(noteId: string): Note | undefined {
    const deckId = noteId.slice(0, noteId.indexOf('/'));
    return this.#store.data.decks.has(deckId) ? this.notesOf(deckId).get(noteId) : undefined;
  }

  /** The card, if it exists and still has its note. */
  liveCard(cardId: string): Card | undefined {
    const card = this.card(cardId);
    return card && this.notesOf(card.deckId).has(card.noteId) ? card : undefined;
  }

  cardsOfNote(note: Note): Card[] {
    return templatesOf(note)
      .map((t) => this.card(cardIdFor(note.id, t)))
      .filter((c): c is Card => c !== undefined);
  }

  /**
   * A deck's live cards in the order new ones are introduced. A card whose note is gone (a deletion
   * in a later deck version) keeps its history but is not studied.
   */
  studyOrder(deckId: string): Card[] {
    const at = this.deckVersion(deckId);
    let cached = this.#studyOrder.get(deckId);
    if (cached?.at !== at) {
      const notes = this.notesOf(deckId);
      const ids = this.storedCardsOf(deckId)
        .filter((c) => notes.has(c.noteId))
        .sort((a, b) => a.position - b.position || a.template.localeCompare(b.template, 'en', { numeric: true }))
        .map((c) => c.id);
      cached = { at, ids };
      this.#studyOrder.set(deckId, cached);
    }
    return cached.ids.map((id) => this.card(id)).filter((c): c is Card => c !== undefined);
  }

  nextPosition(deckId: string): number {
    let max = -1;
    for (const n of this.notesOf(deckId).values()) max = Math.max(max, n.position);
    return max + 1;
  }

  /**
   * Notes and decks made here get ids a deck file can never use (its ids are lowercase words joined
   * by hyphens; these hold a dot), so a shipped deck's update can tell them from its own. The time
   * in base 36 and a counter, so two made in one millisecond still differ.
   */
  freshDeckId(): string {
    return this.#freshId('d.', (id) => this.#store.data.decks.has(id));
  }

  freshNoteId(deckId: string): string {
    return this.#freshId(`${deckId}/n.`, (id) => this.#store.data.decks.has(deckId) && this.notesOf(deckId).has(id));
  }

  #freshId(prefix: string, taken: (id: string) => boolean): string {
    let id: string;
    do id = `${prefix}${this.#clock().toString(36)}${(this.#idCounter++).toString(36)}`;
    while (taken(id));
    return id;
  }

  // ---- The review log and what is derived from it ----

  /** Log entries made at or after `since` (epoch ms), oldest first. */
  entriesSince(since: number): StoredReview[] {
    return this.#store.entriesSince(since);
  }

  /** Every log entry, oldest first. */
  /** The log's newest entry, read from the end of its newest file. */
  newestEntry(): StoredReview | null {
    return this.#store.newestEntry();
  }

  allEntries(): StoredReview[] {
    return this.#store.allEntries();
  }

  /** The log's lines as raw bytes, a piece at a time, read without holding up answers (for the optimiser's child). */
  logBytes(): AsyncIterable<Uint8Array> {
    return this.#store.logBytes();
  }

  answerHistory(): Promise<AnswerHistory> {
    return this.#store.answerHistory();
  }

  backups(): { name: string; createdAt: number }[] {
    return this.#store.backups();
  }

  // ---- Media: files named by the notes, content checked on every read ----

  mediaBytes(name: string): Uint8Array | undefined {
    return existingMediaBytes(this.#store.dir, name);
  }

  allMedia(): { name: string; bytes: Uint8Array }[] {
    return listMediaFiles(this.#store.dir);
  }

  /** A media file for the renderer, by one percent-encoded URL path segment; null when it must not be served. */
  readMedia(encodedName: string): Promise<MediaFile | null> {
    return readMediaFile(mediaDir(this.#store.dir), encodedName);
  }

  /** Media is stored by name before any note names it, so it is written ahead of the change that uses it. */
  async writeMedia(files: readonly { name: string; bytes: Uint8Array }[]): Promise<void> {
    this.#writable();
    try {
      await writeMediaFiles(this.#store.dir, files);
    } catch (e) {
      throw diskError(e, { thing: 'the import', retry: 'import again' });
    }
  }

  // ---- Named changes ----

  /** Replaces some of a deck's notes and drops those in `removed`. */
  putNotes(deckId: string, changed: readonly Note[], removed: ReadonlySet<string> = new Set()): void {
    this.#writable();
    const notes = new Map(this.notesOf(deckId));
    for (const id of removed) notes.delete(id);
    for (const n of changed) notes.set(n.id, n);
    this.#store.setNotes(deckId, [...notes.values()]);
    this.#changed([deckId]);
  }

  /** A deck's notes, all of them at once (a shipped deck's new version). */
  setDeckNotes(deckId: string, notes: readonly Note[]): void {
    this.#writable();
    this.#store.setNotes(deckId, notes);
    this.#changed([deckId]);
  }

  /** Stores cards as they are, without a log entry: new cards, and cards that changed place. */
  setCards(cards: readonly Card[]): void {
    this.#writable();
    this.#store.putCards(cards);
    this.#changed(cards.map((c) => c.deckId));
  }

  removeCards(cardIds: readonly string[]): void {
    this.#writable();
    const decks: string[] = [];
    for (const id of cardIds) {
      const card = this.card(id);
      if (card && this.#store.removeCard(id)) decks.push(card.deckId);
    }
    this.#changed(decks);
  }

  /** Removes notes and their cards; returns what was removed, each card with its memory. */
  removeNotes(notes: readonly Note[]): { notes: Note[]; cards: Card[] } {
    this.#writable();
    const cards: Card[] = [];
    const byDeck = new Map<string, Set<string>>();
    for (const note of notes) {
      cards.push(...this.cardsOfNote(note));
      byDeck.set(note.deckId, (byDeck.get(note.deckId) ?? new Set()).add(note.id));
    }
    this.removeCards(cards.map((c) => c.id));
    for (const [deckId, ids] of byDeck) this.putNotes(deckId, [], ids);
    return { notes: [...notes], cards };
  }

  /**
   * Changes to cards that go through the review log (answers, bury, suspend, moves, resets), made
   * durable with one sync before this returns; the cards change only once they are.
   */
  logChanges(reviews: readonly NewReview[]): StoredReview[] {
    this.#writable();
    const moved = reviews.filter(({ card }) => {
      const before = this.card(card.id);
      return !before || before.deckId !== card.deckId || before.position !== card.position;
    });
    let entries: StoredReview[];
    try {
      entries = this.#store.appendReviews(reviews);
    } catch (e) {
      const answer = reviews.length === 1 && !reviews[0]!.kind;
      throw diskError(e, answer ? { thing: 'this answer', retry: 'answer again' } : { thing: 'this change', retry: 'try again' });
    }
    this.#changed(moved.map((r) => r.card.deckId));
    return entries;
  }

  logChange(review: NewReview): StoredReview {
    return this.logChanges([review])[0]!;
  }

  /** Adds a deck or replaces its record (title, description, preset, article). */
  putDeck(record: Deck): void {
    this.#writable();
    const isNew = !this.#store.data.decks.has(record.id);
    this.#store.putDeck(record);
    if (isNew && !this.#store.notesOf(record.id).size) this.#store.setNotes(record.id, []);
    this.#changed([record.id]);
  }

  /** A new, empty deck with a fresh id. */
  addDeck(title: string): Deck {
    const record: Deck = { id: this.freshDeckId(), title, description: '', version: 0, source: null, article: null };
    this.putDeck(record);
    return record;
  }

  /** Takes decks out of the collection; their notes and cards go with `removeNotes`. */
  removeDecks(deckIds: readonly string[]): void {
    this.#writable();
    for (const id of deckIds) this.#store.removeDeck(id);
    this.#changed(deckIds);
  }

  setSettings(settings: Settings): void {
    this.#writable();
    this.#store.setSettings(settings);
    this.#changed([]);
  }

  /**
   * An import's decks, notes, cards and history at once. Cards with history take their states from
   * the log entries, in order, so the statistics see each imported answer with the state the card
   * was in before it; then every card is set as staged.
   */
  applyImport(staged: StagedChanges): void {
    this.#writable();
    // The journal and the history go first: they are the parts that can fail (a full disk), and a
    // failed append is cut back, so a refused import leaves nothing behind, in memory or on disk.
    // Once they are written, a crash before the snapshot is finishes the import on opening.
    const log = stagedLog(staged.log);
    try {
      this.#store.beginImport({ decks: staged.decks, notes: staged.notes, cards: staged.cards }, log.length, log.lastCardId);
    } catch (e) {
      throw diskError(e, { thing: 'the import', retry: 'import again' });
    }
    if (log.length > 0) {
      try {
        this.#store.appendHistory(log);
      } catch (e) {
        this.#store.abortImport();
        throw diskError(e, { thing: 'the import', retry: 'import again' });
      }
    }
    // New decks start with no notes; a deck the import only updates (its note types) keeps its own.
    for (const d of staged.decks) {
      const isNew = !this.#store.data.decks.has(d.id);
      this.#store.putDeck(d);
      if (isNew) this.#store.setNotes(d.id, []);
    }
    const notesByDeck = new Map<string, Note[]>();
    for (const n of staged.notes) (notesByDeck.get(n.deckId) ?? notesByDeck.set(n.deckId, []).get(n.deckId)!).push(n);
    for (const [deckId, notes] of notesByDeck) this.putNotes(deckId, notes);
    this.#store.putCards(staged.cards);
    this.#changed([...staged.decks.map((d) => d.id), ...staged.cards.map((c) => c.deckId)]);
    this.undo.clear();
  }

  /** Everything at once, history included (a full JSON backup); the state replaced is backed up first. */
  replaceAll(next: Replacement): void {
    this.#writable();
    try {
      this.#store.replaceWith(next);
    } catch (e) {
      throw diskError(e, { thing: 'the restored collection', retry: 'restore it again' });
    }
    this.#replaced();
  }

  /** Puts back a backup of the snapshot; the state replaced is backed up first. */
  restoreBackup(name: string): void {
    this.#writable();
    try {
      this.#store.restore(name);
    } catch (e) {
      throw diskError(e, { thing: 'the restored backup', retry: 'restore it again' });
    }
    this.#replaced();
  }

  /**
   * A sync pass's merge in one step. Notes go before decks are removed (a deck's notes go with
   * it), and cards after their notes. It ends the undo history, as an import does: undoing a
   * deletion the merge has since settled (its notes kept in Recovered under new ids, say) would
   * bring back copies of what is already there.
   */
  applySync(change: SyncChanges): void {
    this.#writable();
    this.undo.clear();
    if (change.removedNotes.length) this.removeNotes(change.removedNotes);
    for (const deck of change.decks) this.putDeck(deck);
    const byDeck = new Map<string, Note[]>();
    for (const note of change.notes) (byDeck.get(note.deckId) ?? byDeck.set(note.deckId, []).get(note.deckId)!).push(note);
    for (const [deckId, notes] of byDeck) this.putNotes(deckId, notes);
    if (change.cards.length) this.setCards(change.cards);
    if (change.removedDecks.length) this.removeDecks(change.removedDecks);
    if (change.settings) this.setSettings(change.settings);
  }

  /** What the last sync pass kept for the next, as it wrote it; null before the first pass. */
  syncState(): string | null {
    try {
      return readFileSync(path.join(this.#store.dir, SYNC_STATE_FILE), 'utf8');
    } catch {
      return null;
    }
  }

  saveSyncState(text: string): void {
    this.#writable();
    try {
      writeFileAtomic(path.join(this.#store.dir, SYNC_STATE_FILE), text);
    } catch (e) {
      throw diskError(e, { thing: 'the sync', retry: 'sync again' });
    }
  }

  /** Writes the snapshot now; resolves when it is on disk. */
  flush(): Promise<void> {
    return this.#store.flush();
  }

  close(): void {
    this.#store.close();
  }

  /** A collection opened from a folder that cannot be written takes no changes: they could not be kept. */
  #writable(): void {
    if (this.#store.readOnly) throw readOnlyError(this.#store.dir);
  }

  #changed(deckIds: Iterable<string>): void {
    this.#version = ++this.#tick;
    for (const id of deckIds) this.#deckTicks.set(id, this.#tick);
  }

  #replaced(): void {
    this.#replacedAt = this.#version = ++this.#tick;
    this.#deckTicks.clear();
    this.#studyOrder.clear();
    this.undo.clear();
  }
}
