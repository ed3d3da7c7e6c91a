// Bringing cards in and taking them out: imports of every format (all or nothing), exports, and
// restoring a full JSON backup.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../app-error.ts';
import type { ExportFormat, ImportFileArgs, ImportFolderArgs, ImportReport } from '../contract.ts';
import type { Note } from '../domain/card.ts';
import { createScheduler } from '../domain/scheduler.ts';
import { presetFor } from '../domain/settings.ts';
import { ImportError, type ExportInput, type ExportReview, type ImportBundle } from '../formats/bundle.ts';
import { writeCollectionJson, type CollectionContent } from '../formats/collection-json.ts';
import type { ReadResult } from '../formats/import/read-import.ts';
import type { ImportOptions } from './import-staging.ts';
import { fromLoggedCard } from '../domain/review-entry.ts';
import { mediaNamesIn } from '../domain/media.ts';
import { deckOrThrow, type ServiceContext } from './context.ts';
import { loadShippedDecks } from './shipped-decks.ts';

// The readers and writers of other formats (SQLite in WebAssembly, zip, zstd, CSV, Markdown) load
// on the first import or export: opening the collection and studying never wait for them (at
// 100,000 cards they added a third to the time to the first card).
const importers = () => import('../formats/import/read-import.ts');
const staging = () => import('./import-staging.ts');
const folders = () => import('../formats/import/read-folder.ts');
const exporters = async () => ({ ...(await import('../formats/export/apkg.ts')), ...(await import('../formats/export/csv.ts')), ...(await import('../formats/export/anki-note.ts')) });

export interface ExportedFile {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
  /** What it holds, in words. */
  summary: string;
}

/** A file or folder on disk to import (the command line): read here, then imported as the app imports. */
export interface ImportPathArgs {
  path: string;
  deck?: string;
  replaceCollection?: boolean;
}

export class Transfer {
  readonly #ctx: ServiceContext;
  /** One import at a time: each plans its media against what the last one wrote. */
  #importing: Promise<unknown> = Promise.resolve();

  constructor(ctx: ServiceContext) {
    this.#ctx = ctx;
  }

  /**
   * Brings a file that has been read into the collection, all of it or nothing: everything is
   * staged first, then applied at once, made durable in the review log and written to disk.
   */
  importBundle(bundle: ImportBundle, options: ImportOptions = {}): Promise<ImportReport> {
    const run = this.#importing.then(() => this.#apply(bundle, options));
    this.#importing = run.catch(() => undefined);
    return run;
  }

  /** Reads a file the user chose and imports it, all or nothing; a full backup replaces the collection only when asked to. */
  async importFile({ name, data, deck, replaceCollection }: ImportFileArgs): Promise<ImportReport> {
    const read = await readOrRefuse(async () => (await importers()).readImportFile(name, data, deck ? { deck } : {}));
    return this.#importRead(name, read, { ...(deck ? { deck } : {}), replaceCollection: replaceCollection ?? false });
  }

  /** Reads a folder of notes the learner chose and imports it, all or nothing. */
  async importFolder({ name, files, deck }: ImportFolderArgs): Promise<ImportReport> {
    const bundle = await readOrRefuse(async () => (await folders()).readNotesFolder(name, files, deck ? { deck } : {}));
    return this.importBundle(bundle, {});
  }

  /** A file or a folder of notes on disk, read and imported as `importFile` and `importFolder` do. */
  async importPath({ path: file, deck, replaceCollection }: ImportPathArgs): Promise<ImportReport> {
    const name = path.basename(file);
    const options = deck ? { deck } : {};
    const read: ReadResult = statSync(file).isDirectory()
      ? { kind: 'bundle', bundle: await readOrRefuse(async () => (await folders()).readFolder(file, options)) }
      : await readOrRefuse(async () => (await importers()).readImportFile(file, readFileSync(file), options));
    // A bare collection's pictures and sounds are in the `collection.media` folder beside it.
    if (read.kind === 'bundle' && read.bundle.format === 'anki-collection') read.bundle.media.push(...(await import('../formats/import/anki-media-folder.ts')).mediaBeside(file, read.bundle));
    return this.#importRead(name, read, { ...options, replaceCollection: replaceCollection ?? false });
  }

  /**
   * Replaces the whole collection with a full JSON backup. The state replaced is backed up first
   * (with its review log), and shows in Backups.
   */
  async restoreCollection(content: CollectionContent): Promise<void> {
    const { collection } = this.#ctx;
    await collection.writeMedia(content.media);
    collection.replaceAll({
      decks: content.decks,
      settings: content.settings,
      notes: content.notes,
      cards: content.cards,
      history: content.history.map((e) => ({ id: e.id, cardId: e.cardId, ...(e.kind ? { kind: e.kind } : {}), ...(e.undoes ? { undoes: e.undoes } : {}), ...(e.answerKind ? { answerKind: e.answerKind } : {}), rating: e.rating, reviewedAt: e.reviewedAt, durationMs: e.durationMs, card: fromLoggedCard(e.card, e.card.position ?? 0) })),
    });
    this.#ctx.notices.push(...loadShippedDecks(this.#ctx));
    await collection.flush();
  }

  /** Everything the collection holds, for a full JSON backup. */
  collectionContent(): CollectionContent {
    const { collection } = this.#ctx;
    const decks = [...collection.decks()];
    return {
      decks,
      settings: collection.settings,
      notes: decks.flatMap((d) => [...collection.notesOf(d.id).values()]),
      cards: [...collection.allCards()],
      history: collection.allEntries(),
      media: collection.allMedia(),
    };
  }

  /** What the apkg and CSV exporters write: one deck and the decks under it, or everything. */
  exportInput(deckId?: string): ExportInput {
    const { collection } = this.#ctx;
    const deckIds = deckId ? collection.subtree(deckOrThrow(this.#ctx, deckId).id) : collection.deckIds();
    const notes = deckIds.flatMap((d) => [...collection.notesOf(d).values()]);
    const noteIds = new Set(notes.map((n) => n.id));
    const cards = deckIds.flatMap((d) => collection.storedCardsOf(d)).filter((c) => noteIds.has(c.noteId));
    const cardIds = new Set(cards.map((c) => c.id));
    const reviews: ExportReview[] = collection
      .allEntries()
      .filter((e) => cardIds.has(e.cardId))
      .map((e) => ({ id: e.id, cardId: e.cardId, ...(e.kind ? { kind: e.kind } : {}), ...(e.undoes ? { undoes: e.undoes } : {}), ...(e.answerKind ? { answerKind: e.answerKind } : {}), rating: e.rating, reviewedAt: e.reviewedAt, durationMs: e.durationMs, after: { scheduledDays: e.card.scheduledDays, state: e.card.state, stability: e.card.stability, difficulty: e.card.difficulty, due: e.card.due } }));
    const used = new Set(notes.flatMap((n) => mediaNamesIn([n.front, n.back, n.text, n.extra ?? ''].join('\n'))));
    const media = [...used].flatMap((name) => {
      const bytes = collection.mediaBytes(name);
      return bytes ? [{ name, bytes }] : [];
    });
    const decks = deckIds.map((id) => deckOrThrow(this.#ctx, id));
    return { decks: decks.map((d) => ({ id: d.id, title: d.title, description: d.description })), notes, cards, reviews, media, now: this.#ctx.clock() };
  }

  /** A file to save: the collection or one deck (and the decks under it) as .apkg or CSV, or the whole collection as a JSON backup. */
  async exportFile({ format, deckId, scheduling = true }: { format: ExportFormat; deckId?: string; scheduling?: boolean }): Promise<ExportedFile> {
    const now = this.#ctx.clock();
    const stamp = new Date(now).toISOString().slice(0, 10);
    const base = deckId ? deckOrThrow(this.#ctx, deckId).title.replace(/::/g, ' - ').replace(/[^\p{L}\p{N} ._-]+/gu, '').trim() || 'deck' : 'Deckhand collection';
    if (format === 'json') {
      const content = this.collectionContent();
      return { fileName: `${base} ${stamp}.json`, mime: 'application/json', bytes: new TextEncoder().encode(writeCollectionJson(content, now)), summary: `${content.cards.length} cards, ${content.history.length} log entries, ${content.media.length} media files` };
    }
    const { writeApkg, writeCsv } = await exporters();
    const input = this.exportInput(deckId);
    const summary = `${input.notes.length} notes, ${input.cards.length} cards${format === 'apkg' && scheduling ? `, ${input.reviews.filter((r) => !r.kind).length} reviews` : ''}${format === 'apkg' ? `, ${input.media.length} media files` : ''}`;
    if (format === 'csv') return { fileName: `${base} ${stamp}.csv`, mime: 'text/csv', bytes: new TextEncoder().encode(writeCsv(input)), summary };
    return { fileName: `${base} ${stamp}.apkg`, mime: 'application/octet-stream', bytes: await writeApkg(input, { scheduling }), summary };
  }

  /**
   * What was read becomes an import, or, for a full backup, a restore: that replaces the whole
   * collection, so only when asked to, or when there is nothing to replace.
   */
  async #importRead(name: string, read: ReadResult, options: ImportOptions & { replaceCollection: boolean }): Promise<ImportReport> {
    if (read.kind === 'bundle') return this.importBundle(read.bundle, options.deck ? { deck: options.deck } : {});
    if (!options.replaceCollection && this.#ctx.collection.deckCount > 0) throw new AppError('conflict', `${name} is a full Deckhand backup: restoring it replaces your whole collection (which is backed up first).`);
    const { content } = read;
    await this.restoreCollection(content);
    return { file: name, decksAdded: content.decks.map((d) => d.title), notesAdded: content.notes.length, notesUpdated: 0, notesUnchanged: 0, cardsAdded: content.cards.length, cardsUpdated: 0, reviewsAdded: content.history.filter((e) => !e.kind && e.rating > 0).length, mediaAdded: content.media.length, skipped: [], notices: [], restored: true };
  }

  async #apply(bundle: ImportBundle, options: ImportOptions): Promise<ImportReport> {
    const { collection } = this.#ctx;
    const [{ planMedia, stageImport }, { ankiGuid }] = await Promise.all([staging(), exporters()]);
    const defaultPreset = presetFor(collection.settings, undefined);
    const mediaPlan = planMedia(bundle, (name) => collection.mediaBytes(name));
    // The files are on disk before any note names them; the rest is applied in one synchronous step.
    await collection.writeMedia(mediaPlan.media);
    const byOrigin = this.#notesByOrigin(ankiGuid);
    const staged = stageImport(
      bundle,
      {
        now: this.#ctx.clock(),
        deckByTitle: (title) => collection.deckWithTitle(title),
        deck: (id) => collection.deck(id),
        noteByOrigin: (origin) => byOrigin.get(origin),
        card: (id) => collection.card(id),
        nextPosition: (deckId) => collection.nextPosition(deckId),
        freshDeckId: () => collection.freshDeckId(),
        freshNoteId: (deckId) => collection.freshNoteId(deckId),
        scheduler: createScheduler({ fuzz: false, desiredRetention: defaultPreset.desiredRetention, learningSteps: defaultPreset.learningSteps, relearningSteps: defaultPreset.relearningSteps, maximumIntervalDays: defaultPreset.maximumIntervalDays }),
        existingMedia: (name) => collection.mediaBytes(name),
      },
      options,
      mediaPlan,
    );
    collection.applyImport(staged);
    await collection.flush();
    return staged.report;
  }

  /**
   * A note is found by where it came from, or by the GUID its own export gave it, so a deck
   * exported to Anki (or to CSV) and imported back updates its notes instead of copying them.
   */
  #notesByOrigin(ankiGuid: (note: Note) => string): Map<string, Note> {
    const { collection } = this.#ctx;
    const byOrigin = new Map<string, Note>();
    const derived: [string, Note][] = [];
    for (const deckId of collection.deckIds()) {
      for (const n of collection.notesOf(deckId).values()) {
        if (n.origin) byOrigin.set(n.origin, n);
        const guid = ankiGuid(n);
        derived.push([`anki:${guid}`, n], [`csv:${guid}`, n]);
      }
    }
    for (const [key, n] of derived) if (!byOrigin.has(key)) byOrigin.set(key, n);
    return byOrigin;
  }
}

/** A file that cannot be read is refused by name, and nothing changes. */
async function readOrRefuse<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof ImportError) throw new AppError('bad-request', `${e.message}. Nothing was imported.`);
    throw e;
  }
}
