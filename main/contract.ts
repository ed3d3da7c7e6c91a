// The one contract between the renderer and the main process. The preload, the web bridge, the
// dispatcher in ipc.ts and the renderer all derive from this file; nothing else names a method.

import type { NoteType } from './domain/card.ts';
import type { ArticleDraft, SourceInfo } from './domain/deck.ts';
import type { CardStatus, DeckCounts } from './domain/queue.ts';
import type { Rating } from './domain/scheduler.ts';
import type { Preset, Settings } from './domain/settings.ts';
import type { Stats } from './domain/stats.ts';
import type { StorageStatus } from './domain/storage-status.ts';

// Types the domain computes with live in main/domain/, which imports nothing outside itself; the
// API hands them out as they are, so the renderer names them from here like every other type.
export type { CardStatus, DeckCounts, NoteType, Preset, Rating, Settings, SourceInfo, Stats, StorageStatus };
export type { StepUnit } from './domain/settings.ts';
export type { Bin, ButtonCounts, PassFail, RetentionRow } from './domain/stats.ts';

export { MAX_ANSWER_MS } from './domain/answer-time.ts';
export { plural } from './domain/words.ts';
export { IMPORT_LIMITS } from './domain/import-limits.ts';
export { DEFAULT_PARAMETERS } from './domain/optimise.ts';
/** Anki's comparison of a typed answer with the expected one, as HTML: the renderer makes it when the answer is shown. */
export { compareTyped } from './domain/anki-template.ts';

export interface DeckSummary {
  id: string;
  title: string;
  description: string;
  cardCount: number;
  counts: DeckCounts;
  /** Present when the deck was made from a text that ships with it (the Article view). */
  source: SourceInfo | null;
  /** The preset it studies with. */
  presetId: string;
  /** Nested decks (`Parent::Child` titles): the parent deck's id, null at the top. */
  parentId: string | null;
  /** How deep in the deck tree; 0 at the top. */
  depth: number;
  /** The title without the parent's path, as the tree shows it. */
  name: string;
  /** This deck's cards and today's counts plus those of every deck under it. */
  rollup: { cardCount: number; counts: DeckCounts };
}

export interface StudyCard {
  id: string;
  /** The note the card is made from, which the editor opens. */
  noteId: string;
  deckId: string;
  kind: 'fact' | 'argument';
  type: 'basic' | 'reversed' | 'cloze';
  /** Shown first; Markdown, or HTML when `format` says so (imported Anki notes). */
  front: string;
  /** Shown after "Show answer", in the same format. */
  back: string;
  /** How `front`, `back` and `extra` are written; HTML is sanitised before it is shown. */
  format: 'markdown' | 'html';
  extra: string | null;
  quote: string | null;
  sourceAuthor: string | null;
  status: CardStatus;
  /** What each rating would schedule, as a short label: "10m", "1d", "4d". */
  intervals: Record<Rating, string>;
  /** The service's clock when the card was handed out; echo it back in `answer`. */
  shownAt: number;
  /** Which state of the card was shown; echo it back in `answer` as `cardVersion`. */
  version: number;
  /**
   * An imported Anki note whose note type is known: the card as Anki renders it (HTML, sanitised
   * before it is shown) and the note type's CSS confined to the `.anki-card` element it is shown in.
   */
  anki?: { question: string; answer: string; css: string };
}

export interface StudyState {
  deckId: string;
  deckTitle: string;
  card: StudyCard | null;
  counts: DeckCounts;
  /** Cards answered in this deck since the day began. */
  studiedToday: number;
}

export interface AnswerArgs {
  cardId: string;
  rating: Rating;
  shownAt: number;
  durationMs: number;
  /** The card's `version` as it was shown: the answer is refused if the card changed since, whatever the clock did meanwhile. */
  cardVersion?: number;
}

export interface AnswerResult {
  cardId: string;
  rating: Rating;
  /** When the card comes back, epoch ms. */
  due: number;
  interval: string;
}

export interface ArticleSegment {
  text: string;
  /** Cards quoting this stretch of text; empty for text no card quotes. */
  cardIds: string[];
}

export interface ArticleCard {
  id: string;
  front: string;
  status: CardStatus;
  due: number | null;
}

export interface Article {
  deckId: string;
  title: string;
  source: SourceInfo;
  /** When the article was published, `yyyy-mm-dd`, where the file says. */
  date: string | null;
  paragraphs: ArticleSegment[][];
  cards: Record<string, ArticleCard>;
  /** How much of the article has cards: sentences some card quotes, of all its sentences. */
  coverage: { quoted: number; sentences: number };
  /** Drafts waiting in the inbox. */
  drafts: number;
}

/** An article in the library: a deck made from a text, with how far its cards cover it. */
export interface ArticleSummary {
  deckId: string;
  title: string;
  author: string | null;
  date: string | null;
  words: number;
  cardCount: number;
  coverage: { quoted: number; sentences: number };
  drafts: number;
}

/** Adds an article from a file (`name` and its bytes, `data`) or from pasted `text`; nothing is fetched. */
export interface AddArticleArgs {
  name?: string;
  /** The file's content, as bytes: never base64 text (see ImportFileArgs.data). */
  data?: Uint8Array;
  text?: string;
  /** Replaces the title the file gives. */
  title?: string;
  author?: string;
  date?: string;
}

/** Changes what an article says of itself after it was added; a field left out stays as it is. */
export interface UpdateArticleArgs {
  deckId: string;
  /** The deck's title too: unique, and without `::`, which would nest it under another deck. */
  title?: string;
  /** Empty clears it. */
  author?: string;
  /** `yyyy-mm-dd`; empty clears it. */
  date?: string;
}

/** A card proposed from an article, waiting in its inbox until accepted or rejected, with the paragraph its sentence sits in (`context`), to show it there. */
export type DraftView = ArticleDraft & { context: string };

export interface DraftResult {
  drafts: DraftView[];
  /** Drafts this call added to the inbox (a draft already there or already a card is not added twice). */
  added: number;
  /** False when the article does not read as English: drafting is English only; reading and cards made by hand work for any language. */
  english: boolean;
  message: string;
}

export interface AppInfo {
  version: string;
  dataDir: string;
  now: number;
  /** Problems found while loading decks or the collection, for the user to read. */
  notices: string[];
}

export interface UndoResult {
  cardId: string;
  deckId: string;
  undone: 'answer' | 'bury' | 'suspend';
}

export interface CardActionResult {
  cardId: string;
  suspended: boolean;
  buriedUntil: number | null;
}

export interface BackupInfo {
  id: string;
  /** Epoch ms. */
  createdAt: number;
  /** Taken automatically just before an earlier restore replaced the collection. */
  beforeRestore: boolean;
}

/** A note as the editor shows it: the text its cards are made from. */
export interface NoteView {
  id: string;
  deckId: string;
  deckTitle: string;
  type: NoteType;
  front: string;
  back: string;
  /** Cloze text with `{{c1::…}}` deletions; empty for basic and reversed notes. */
  text: string;
  extra: string;
  tags: string[];
  /** The ids of the cards the note makes, one per side or deletion. */
  cardIds: string[];
}

/** Without `noteId` a new note is added to `deckId`; with it the note is changed (and moved when `deckId` differs). */
export interface SaveNoteArgs {
  noteId?: string;
  deckId: string;
  type: NoteType;
  front?: string;
  back?: string;
  text?: string;
  extra?: string;
  tags: string[];
  /** The sentence of the deck's article the note quotes (made while reading); it must be in the article. */
  quote?: string;
  kind?: 'fact' | 'argument';
  /** A draft of the deck's inbox this note is made from (edited before it was accepted); it leaves the inbox. */
  fromDraft?: string;
}

export type CardStateFilter = 'new' | 'learning' | 'due' | 'suspended' | 'buried';
export type SearchSort = 'due' | 'interval' | 'difficulty' | 'added';

export interface SearchArgs {
  query: string;
  /** This deck and the decks under it. */
  deckId?: string;
  tag?: string;
  state?: CardStateFilter;
  sort: SearchSort;
  descending: boolean;
  offset: number;
  limit: number;
  /** Also return every matching card id, in order (for "select all"). */
  allIds?: boolean;
}

export interface BrowserRow {
  cardId: string;
  noteId: string;
  deckId: string;
  deckTitle: string;
  type: NoteType;
  /** 'front', 'reverse' or 'c1', 'c2', … */
  template: string;
  /** The question side, cut to one line. */
  front: string;
  tags: string[];
  status: CardStatus;
  suspended: boolean;
  buried: boolean;
  /** Epoch ms; null for a new card. */
  due: number | null;
  intervalDays: number;
  difficulty: number;
}

export interface SearchResult {
  total: number;
  offset: number;
  rows: BrowserRow[];
  allIds?: string[];
}

export type CardsAction =
  | { action: 'suspend' | 'unsuspend' | 'bury' | 'reset' | 'delete' }
  | { action: 'addTag' | 'removeTag'; tag: string }
  | { action: 'move'; deckId: string };

export type UpdateCardsArgs = { cardIds: string[] } & CardsAction;

export interface UpdateCardsResult {
  /** Cards (or, for tags, moves and deletes, notes) that changed. */
  changed: number;
  /** What was done, in a sentence for the status line. */
  message: string;
  /** True when the change was a deletion that `undoDelete` can bring back. */
  undoable: boolean;
}

export interface DeleteResult {
  notes: number;
  cards: number;
  decks: number;
  message: string;
}

/** What an import did, for the report at its end. */
export interface ImportReport {
  file: string;
  /** Titles of the decks it made. */
  decksAdded: string[];
  notesAdded: number;
  notesUpdated: number;
  notesUnchanged: number;
  cardsAdded: number;
  cardsUpdated: number;
  /** Answers of imported history. */
  reviewsAdded: number;
  mediaAdded: number;
  /** What was left out, and why. */
  skipped: { what: string; reason: string }[];
  /** How the file was read, where the user should know ("note type X became front/back"). */
  notices: string[];
  /** True when the file was a full backup that replaced the collection. */
  restored: boolean;
}

export interface ImportFileArgs {
  /** The file's name, for the reader to choose by and for messages. */
  name: string;
  /**
   * Its content, as bytes: Electron's IPC clones a Uint8Array as it is, and the preview's bridge
   * sends it as the raw body (main/preview/wire.ts). At most IMPORT_LIMITS.maxFileBytes.
   */
  data: Uint8Array;
  /** Put every note in this deck instead of the decks the file names. */
  deck?: string;
  /** A full JSON backup replaces the collection only when this is true. */
  replaceCollection?: boolean;
}

/** A folder the learner chose: an Obsidian vault (or any folder of Markdown notes), or a deck folder. */
export interface ImportFolderArgs {
  /** The folder's name, for messages. */
  name: string;
  /** Its Markdown notes, its deck.json, and the vault's spaced-repetition plugin settings when it has them; paths relative to the folder, with `/`. */
  files: { path: string; text: string }[];
  /** The deck for notes whose tags name none. */
  deck?: string;
}

export type ExportFormat = 'apkg' | 'csv' | 'json';

export interface ExportFileArgs {
  format: ExportFormat;
  /** This deck and the decks under it; the whole collection when absent (always for json). */
  deckId?: string;
  /** apkg only: with review history and due dates (default), or every card new. */
  scheduling?: boolean;
}

export interface ExportedFileView {
  fileName: string;
  mime: string;
  /** The file's bytes. */
  data: Uint8Array;
  summary: string;
}

export interface DeckhandApi {
  getAppInfo(args: Record<string, never>): Promise<Result<AppInfo>>;
  getStorageStatus(args: Record<string, never>): Promise<Result<StorageStatus>>;
  listDecks(args: Record<string, never>): Promise<Result<DeckSummary[]>>;
  nextCard(args: { deckId: string }): Promise<Result<StudyState>>;
  answer(args: AnswerArgs): Promise<Result<AnswerResult>>;
  getArticle(args: { deckId: string }): Promise<Result<Article>>;
  undo(args: Record<string, never>): Promise<Result<UndoResult>>;
  bury(args: { cardId: string }): Promise<Result<CardActionResult>>;
  suspend(args: { cardId: string }): Promise<Result<CardActionResult>>;
  unsuspend(args: { cardId: string }): Promise<Result<CardActionResult>>;
  /** More new cards today, and/or another look at cards answered Again in the last `forgottenDays` days. */
  studyMore(args: { deckId: string; newCards: number; forgottenDays?: number }): Promise<Result<StudyState>>;
  getSettings(args: Record<string, never>): Promise<Result<Settings>>;
  updateSettings(args: Settings): Promise<Result<Settings>>;
  setDeckPreset(args: { deckId: string; presetId: string }): Promise<Result<DeckSummary>>;
  listBackups(args: Record<string, never>): Promise<Result<BackupInfo[]>>;
  restoreBackup(args: { id: string }): Promise<Result<BackupInfo>>;
  getNote(args: { noteId: string }): Promise<Result<NoteView>>;
  saveNote(args: SaveNoteArgs): Promise<Result<NoteView>>;
  deleteNotes(args: { noteIds: string[] }): Promise<Result<DeleteResult>>;
  createDeck(args: { title: string }): Promise<Result<DeckSummary>>;
  renameDeck(args: { deckId: string; title: string }): Promise<Result<DeckSummary>>;
  deleteDeck(args: { deckId: string }): Promise<Result<DeleteResult>>;
  /** Brings back the last deletion (notes, or a deck) with its cards' memory. */
  undoDelete(args: Record<string, never>): Promise<Result<DeleteResult>>;
  searchCards(args: SearchArgs): Promise<Result<SearchResult>>;
  updateCards(args: UpdateCardsArgs): Promise<Result<UpdateCardsResult>>;
  listTags(args: Record<string, never>): Promise<Result<string[]>>;
  /** Reads a file and imports it, all or nothing. */
  importFile(args: ImportFileArgs): Promise<Result<ImportReport>>;
  /** Reads a folder of notes and imports it, all or nothing. */
  importFolder(args: ImportFolderArgs): Promise<Result<ImportReport>>;
  exportFile(args: ExportFileArgs): Promise<Result<ExportedFileView>>;
  /** The Statistics screen's numbers for a deck (with the decks under it) or, without `deckId`, for every deck. */
  getStats(args: { deckId?: string }): Promise<Result<Stats>>;
  /** Every deck made from an article, with its coverage and inbox. */
  listArticles(args: Record<string, never>): Promise<Result<ArticleSummary[]>>;
  /** Reads an article (file or pasted text) into a new deck of its own; refuses a URL, since nothing is fetched. */
  addArticle(args: AddArticleArgs): Promise<Result<ArticleSummary>>;
  /** Edits an article's title, author or date. */
  updateArticle(args: UpdateArticleArgs): Promise<Result<ArticleSummary>>;
  /** Proposes cards for the whole article into its inbox, offline. */
  draftArticle(args: { deckId: string }): Promise<Result<DraftResult>>;
  listDrafts(args: { deckId: string }): Promise<Result<DraftView[]>>;
  /** Accepted drafts become ordinary notes quoting their sentence; they leave the inbox. */
  acceptDrafts(args: { deckId: string; draftIds: string[] }): Promise<Result<{ notes: number; cards: number; message: string }>>;
  rejectDrafts(args: { deckId: string; draftIds: string[] }): Promise<Result<{ rejected: number; message: string }>>;
  /** Fits FSRS parameters to the history of one preset (or every preset) in a child process; returns at once, `optimiseStatus` follows it. */
  startOptimise(args: { presetId?: string }): Promise<Result<OptimiseStatus>>;
  optimiseStatus(args: Record<string, never>): Promise<Result<OptimiseStatus>>;
  cancelOptimise(args: Record<string, never>): Promise<Result<OptimiseStatus>>;
  /** Puts a preset back on FSRS-6's default parameters. */
  resetParameters(args: { presetId: string }): Promise<Result<Settings>>;
  /** Simulates the preset's next year for each desired retention from 0.70 to 0.97, in the child process. */
  simulateWorkload(args: { presetId: string }): Promise<Result<WorkloadView>>;
}

/** What an optimisation found for one preset (service/optimise.ts). */
export interface PresetOptimisation {
  presetId: string;
  name: string;
  reviews: number;
  /** Training items: answers a day or more after the card's previous one. */
  items: number;
  cards: number;
  /** 'none' under 9 items, 'initial' (first four parameters) under 64, else 'full'. */
  scope: 'none' | 'initial' | 'full';
  /** Time-series split check: the previous parameters and the fitting on reviews neither was fitted on. */
  before: { logLoss: number; rmseBins: number } | null;
  after: { logLoss: number; rmseBins: number } | null;
  kept: 'new' | 'old';
  /** The parameters the preset uses now (or would, on a dry run). */
  params: number[];
  /** Whether the preset's parameters were changed. */
  applied: boolean;
  /** In words: the verdict, the history it learned from, and warnings. */
  health: { verdict: string; history: string; warnings: string[] };
}

export interface OptimiseStatus {
  running: boolean;
  /** The preset being optimised now. */
  current: string | null;
  stage: 'fitting' | 'checking' | 'simulating' | null;
  /** 0–1 over all the presets asked for. */
  fraction: number;
  results: PresetOptimisation[];
  /** Why the last run stopped short: cancelled, or the optimiser died. */
  error: string | null;
}

/** "Help me decide": a preset's workload over the next year for each desired retention (service/workload.ts). */
export interface WorkloadView {
  presetId: string;
  /** The preset's desired retention now, to mark on the chart. */
  chosen: number;
  days: number;
  /** Cards studied and not yet studied that the simulation started from. */
  cards: number;
  newCards: number;
  points: { retention: number; reviewsPerDay: number; minutesPerDay: number; remembered: number }[];
}

export type ApiMethod = keyof DeckhandApi;
export type ApiArgs<M extends ApiMethod> = Parameters<DeckhandApi[M]>[0];
export type ApiValue<M extends ApiMethod> = Awaited<ReturnType<DeckhandApi[M]>> extends Result<infer V> ? V : never;

export type ErrorCode = 'bad-request' | 'not-found' | 'conflict' | 'unavailable' | 'internal';

export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** Every method, once. `satisfies` makes the compiler reject a missing or misspelt name. */
export const API_METHODS = [
  'getAppInfo',
  'getStorageStatus',
  'listDecks',
  'nextCard',
  'answer',
  'undo',
  'bury',
  'suspend',
  'unsuspend',
  'studyMore',
  'getSettings',
  'updateSettings',
  'setDeckPreset',
  'getArticle',
  'listBackups',
  'restoreBackup',
  'getNote',
  'saveNote',
  'deleteNotes',
  'createDeck',
  'renameDeck',
  'deleteDeck',
  'undoDelete',
  'searchCards',
  'updateCards',
  'listTags',
  'importFile',
  'importFolder',
  'exportFile',
  'getStats',
  'listArticles',
  'addArticle',
  'updateArticle',
  'draftArticle',
  'listDrafts',
  'acceptDrafts',
  'rejectDrafts',
  'startOptimise',
  'optimiseStatus',
  'cancelOptimise',
  'resetParameters',
  'simulateWorkload',
] as const satisfies readonly ApiMethod[];

type Missing = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
// Fails to compile when a method of DeckhandApi is left out of API_METHODS.
export const API_METHODS_COMPLETE: Missing extends never ? true : Missing = true;

/** The IPC channel for a method; the preload and the Electron shell both use this. */
export const channelFor = (method: ApiMethod): string => `deckhand:${method}`;

/**
 * A file the operating system opened with Deckhand (a double-click, "Open with", the dock icon), as
 * the desktop app's preload posts it to the page: window.postMessage({ type: OPENED_FILE_MESSAGE,
 * flow, name, bytes }). The page posts { type: READY_FOR_FILES_MESSAGE } once it listens; files
 * opened before that wait in the preload.
 */
export const OPENED_FILE_MESSAGE = 'deckhand:opened-file';
export const READY_FOR_FILES_MESSAGE = 'deckhand:ready-for-files';

export interface OpenedFileMessage {
  type: typeof OPENED_FILE_MESSAGE;
  /** 'import' for an Anki package, 'article' for a text the library adds. */
  flow: 'import' | 'article';
  name: string;
  bytes: Uint8Array;
}

export function isOpenedFileMessage(value: unknown): value is OpenedFileMessage {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.type === OPENED_FILE_MESSAGE && (v.flow === 'import' || v.flow === 'article') && typeof v.name === 'string' && v.name.length > 0 && v.name.length <= 255 && v.bytes instanceof Uint8Array;
}
