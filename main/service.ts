// The application: everything the UI and the CLI can ask for, assembled from one module per
// feature over the one Collection. The interface below is the whole of it; ipc.ts exposes the
// API's part of it to the renderer, the CLI the rest.
import type { OptimiseStatus, PresetOptimisation, WorkloadView } from './contract.ts';
import type { AddArticleArgs, UpdateArticleArgs, ArticleSummary, DraftResult, DraftView, AnswerArgs, AnswerResult, AppInfo, ExportFormat, Article, BackupInfo, CardActionResult, DeckSummary, DeleteResult, ImportFileArgs, ImportFolderArgs, ImportReport, NoteView, SaveNoteArgs, SearchArgs, SearchResult, Settings, Stats, StorageStatus, StudyState, UndoResult, UpdateCardsArgs, UpdateCardsResult } from './contract.ts';
import type { Clock } from './clock.ts';
import { Collection } from './collection/collection.ts';
import type { SchedulerOptions } from './domain/scheduler.ts';
import type { ExportInput, ImportBundle } from './formats/bundle.ts';
import type { CollectionContent } from './formats/collection-json.ts';
import type { ImportOptions } from './service/import-staging.ts';
import type { CollectionStore } from './store/collection-store.ts';
import type { MediaFile } from './domain/media.ts';
import { Articles } from './service/articles.ts';
import { listBackups, restoreBackup } from './service/backups.ts';
import { Browse } from './service/browse.ts';
import { watchClock } from './service/clock-watch.ts';
import type { ServiceContext } from './service/context.ts';
import { listDecks } from './service/deck-list.ts';
import { Editing } from './service/editing.ts';
import { Queues } from './service/queues.ts';
import { loadShippedDecks } from './service/shipped-decks.ts';
import { collectionSummary, getStats, type CollectionSummary } from './service/stats.ts';
import { Study } from './service/study.ts';
import { devicesSeen, syncOnce, type SyncReport } from './service/sync.ts';
import type { DeviceSeen } from './sync/sync-pass.ts';
import { Transfer, type ExportedFile, type ImportPathArgs } from './service/transfer.ts';
import { Optimiser, type OptimiseArgs } from './service/optimise.ts';
import { simulateWorkload } from './service/workload.ts';
import { forkLauncher } from './optimiser/fork-launcher.ts';
import type { ChildLauncher } from './optimiser/supervisor.ts';

export { MAX_ANSWER_MS } from './domain/answer-time.ts';
export { UNDO_STEPS } from './collection/undo.ts';
export { NO_LIMIT } from './service/queues.ts';
export { MAX_BROWSER_ROWS } from './service/browse.ts';
export type { CollectionSummary, ExportedFile, ImportPathArgs };

export interface ServiceOptions {
  store: CollectionStore;
  clock: Clock;
  /** Folder of shipped decks (`<id>/deck.json`), loaded into the collection on start. */
  decksDir?: string;
  /** Fuzz is on in the app, off in tests; the rest of the scheduling comes from each deck's preset. */
  scheduler?: Pick<SchedulerOptions, 'fuzz'>;
  version?: string;
  /** Starts the optimiser's child process: Electron's utilityProcess in the app, child_process.fork otherwise. */
  optimiser?: ChildLauncher;
}

export interface DeckhandService {
  // The app
  getAppInfo(): AppInfo;
  /** Whether changes are being saved (a read-only folder, a full disk); the renderer shows a banner when not. */
  getStorageStatus(): StorageStatus;
  /** A media file for the renderer, by one percent-encoded name; null when it must not be served. */
  readMedia(encodedName: string): Promise<MediaFile | null>;
  close(): void;
  // Studying (service/study.ts, service/deck-list.ts)
  listDecks(): DeckSummary[];
  nextCard(args: { deckId: string }): StudyState;
  answer(args: AnswerArgs): AnswerResult;
  undo(): UndoResult;
  bury(args: { cardId: string }): CardActionResult;
  suspend(args: { cardId: string }): CardActionResult;
  unsuspend(args: { cardId: string }): CardActionResult;
  studyMore(args: { deckId: string; newCards: number; forgottenDays?: number }): StudyState;
  // Articles (service/articles.ts)
  getArticle(args: { deckId: string }): Article;
  listArticles(): ArticleSummary[];
  addArticle(args: AddArticleArgs): Promise<ArticleSummary>;
  updateArticle(args: UpdateArticleArgs): ArticleSummary;
  draftArticle(args: { deckId: string }): Promise<DraftResult>;
  listDrafts(args: { deckId: string }): DraftView[];
  acceptDrafts(args: { deckId: string; draftIds: string[] }): { notes: number; cards: number; message: string };
  rejectDrafts(args: { deckId: string; draftIds: string[] }): { rejected: number; message: string };
  addArticlePath(args: { path: string; title?: string; acceptAll?: boolean }): Promise<{ article: ArticleSummary; drafted: number }>;
  // Editing (service/editing.ts)
  getNote(args: { noteId: string }): NoteView;
  saveNote(args: SaveNoteArgs): NoteView;
  deleteNotes(args: { noteIds: string[] }): DeleteResult;
  createDeck(args: { title: string }): DeckSummary;
  renameDeck(args: { deckId: string; title: string }): DeckSummary;
  deleteDeck(args: { deckId: string }): DeleteResult;
  undoDelete(): DeleteResult;
  getSettings(): Settings;
  updateSettings(settings: Settings): Settings;
  setDeckPreset(args: { deckId: string; presetId: string }): DeckSummary;
  // Browsing (service/browse.ts)
  searchCards(args: SearchArgs): SearchResult;
  updateCards(args: UpdateCardsArgs): UpdateCardsResult;
  listTags(): string[];
  // Import, export, backups (service/transfer.ts, service/backups.ts)
  importBundle(bundle: ImportBundle, options?: ImportOptions): Promise<ImportReport>;
  importFile(args: ImportFileArgs): Promise<ImportReport>;
  importFolder(args: ImportFolderArgs): Promise<ImportReport>;
  importPath(args: ImportPathArgs): Promise<ImportReport>;
  restoreCollection(content: CollectionContent): Promise<void>;
  collectionContent(): CollectionContent;
  exportInput(deckId?: string): ExportInput;
  exportFile(args: { format: ExportFormat; deckId?: string; scheduling?: boolean }): Promise<ExportedFile>;
  listBackups(): BackupInfo[];
  restoreBackup(args: { id: string }): BackupInfo;
  // Statistics (service/stats.ts)
  getStats(args: { deckId?: string }): Promise<Stats>;
  collectionSummary(): CollectionSummary;
  // FSRS optimisation (service/optimise.ts)
  startOptimise(args: { presetId?: string }): OptimiseStatus;
  optimiseStatus(): OptimiseStatus;
  cancelOptimise(): OptimiseStatus;
  resetParameters(args: { presetId: string }): Settings;
  simulateWorkload(args: { presetId: string }): Promise<WorkloadView>;
  /** The command line's optimisation: awaits every preset asked for. */
  optimise(args: OptimiseArgs, onStatus?: (status: OptimiseStatus) => void): Promise<PresetOptimisation[]>;
  // Sync through a folder (service/sync.ts)
  syncOnce(args: { folder: string }): SyncReport;
  devicesSeen(): { devices: DeviceSeen[]; lastSyncAt: number | null };
}

export function createService(options: ServiceOptions): DeckhandService {
  const collection = new Collection(options.store, options.clock);
  const notices = [...collection.storeNotices];
  const ctx: ServiceContext = {
    collection,
    // Every reading of the time goes through the watch, so a clock set back is noticed wherever it is first seen.
    clock: watchClock(options.clock, collection, notices),
    notices,
    fuzz: options.scheduler?.fuzz ?? true,
    decksDir: options.decksDir,
    version: options.version ?? '0.0.0',
  };
  // A collection that cannot be written shows what it holds; shipped decks are brought up to date once it can be.
  if (collection.storageStatus().state !== 'read-only') ctx.notices.push(...loadShippedDecks(ctx));
  const queues = new Queues(ctx);
  const study = new Study(ctx, queues);
  const editing = new Editing(ctx, queues);
  const browse = new Browse(ctx);
  const transfer = new Transfer(ctx);
  const articles = new Articles(ctx, editing);
  const launcher = options.optimiser ?? forkLauncher();
  const optimiser = new Optimiser(ctx, launcher);
  return {
    getAppInfo: () => ({ version: ctx.version, dataDir: collection.dataDir, now: ctx.clock(), notices: ctx.notices }),
    getStorageStatus: () => collection.storageStatus(),
    readMedia: (name) => collection.readMedia(name),
    close: () => collection.close(),

    listDecks: () => listDecks(ctx, queues),
    nextCard: (a) => study.nextCard(a),
    answer: (a) => study.answer(a),
    undo: () => study.undo(),
    bury: (a) => study.bury(a),
    suspend: (a) => study.suspend(a),
    unsuspend: (a) => study.unsuspend(a),
    studyMore: (a) => study.studyMore(a),
    getArticle: (a) => articles.getArticle(a),
    listArticles: () => articles.listArticles(),
    addArticle: (a) => articles.addArticle(a),
    updateArticle: (a) => articles.updateArticle(a),
    draftArticle: (a) => articles.draftArticle(a),
    listDrafts: (a) => articles.listDrafts(a),
    acceptDrafts: (a) => articles.acceptDrafts(a),
    rejectDrafts: (a) => articles.rejectDrafts(a),
    addArticlePath: (a) => articles.addArticlePath(a),

    getNote: (a) => editing.getNote(a),
    saveNote: (a) => editing.saveNote(a),
    deleteNotes: (a) => editing.deleteNotes(a),
    createDeck: (a) => editing.createDeck(a),
    renameDeck: (a) => editing.renameDeck(a),
    deleteDeck: (a) => editing.deleteDeck(a),
    undoDelete: () => editing.undoDelete(),
    getSettings: () => editing.getSettings(),
    updateSettings: (s) => editing.updateSettings(s),
    setDeckPreset: (a) => editing.setDeckPreset(a),

    searchCards: (a) => browse.searchCards(a),
    updateCards: (a) => browse.updateCards(a),
    listTags: () => browse.listTags(),

    importBundle: (bundle, o) => transfer.importBundle(bundle, o),
    importFile: (a) => transfer.importFile(a),
    importFolder: (a) => transfer.importFolder(a),
    importPath: (a) => transfer.importPath(a),
    restoreCollection: (content) => transfer.restoreCollection(content),
    collectionContent: () => transfer.collectionContent(),
    exportInput: (deckId) => transfer.exportInput(deckId),
    exportFile: (a) => transfer.exportFile(a),
    listBackups: () => listBackups(ctx),
    restoreBackup: (a) => restoreBackup(ctx, a),

    getStats: (a) => getStats(ctx, a),
    collectionSummary: () => collectionSummary(ctx),

    startOptimise: (a) => optimiser.start(a.presetId ? { presetIds: [a.presetId] } : {}),
    optimiseStatus: () => optimiser.status(),
    cancelOptimise: () => optimiser.cancel(),
    resetParameters: (a) => optimiser.resetParameters(a.presetId),
    optimise: (a, onStatus) => optimiser.run(a, onStatus),
    simulateWorkload: (a) => simulateWorkload(ctx, launcher, a.presetId),
    syncOnce: (a) => syncOnce(ctx, a.folder),
    devicesSeen: () => devicesSeen(ctx),
  };
}
