// The design the issue compares against: SQLite in WAL mode with full sync, the card's row updated
// and the review inserted in one transaction per answer. Queries follow our queue's order.
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Clock } from '../../../main/clock.ts';
import type { Rating } from '../../../main/contract.ts';
import { MemoryState, type Memory } from '../../../main/domain/card.ts';
import { dayStart, nextDayStart } from '../../../main/domain/day.ts';
import { DEFAULT_LIMITS, LEARN_AHEAD_MS } from '../../../main/domain/queue.ts';
import { createScheduler } from '../../../main/domain/scheduler.ts';
import { readCards, readJsonLines, reviewsFile, type DatasetReview } from '../dataset.ts';
import type { BenchStore, ShownCard } from './bench-store.ts';

const FILE = 'collection.sqlite';

const SCHEMA = `
CREATE TABLE notes (id TEXT PRIMARY KEY, deck_id TEXT NOT NULL, front TEXT NOT NULL, back TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE cards (
  id TEXT PRIMARY KEY, deck_id TEXT NOT NULL, note_id TEXT NOT NULL, position INTEGER NOT NULL,
  due INTEGER NOT NULL, stability REAL NOT NULL, difficulty REAL NOT NULL, scheduled_days INTEGER NOT NULL,
  learning_steps INTEGER NOT NULL, reps INTEGER NOT NULL, lapses INTEGER NOT NULL, state INTEGER NOT NULL,
  last_review INTEGER, introduced_at INTEGER, updated_at INTEGER NOT NULL
);
CREATE TABLE reviews (
  id TEXT PRIMARY KEY, card_id TEXT NOT NULL, rating INTEGER NOT NULL, reviewed_at INTEGER NOT NULL, duration_ms INTEGER NOT NULL,
  due INTEGER NOT NULL, stability REAL NOT NULL, difficulty REAL NOT NULL, scheduled_days INTEGER NOT NULL,
  learning_steps INTEGER NOT NULL, reps INTEGER NOT NULL, lapses INTEGER NOT NULL, state INTEGER NOT NULL, last_review INTEGER
);`;

// Built after the bulk load, which is faster than keeping them up to date row by row.
// (deck_id, state, due) serves learning and review cards in due order; new cards are found by
// state first and then taken in deck order, hence (deck_id, state, position). A card's history
// is looked up by card, as the app's statistics would.
const INDEXES = `
CREATE INDEX cards_queue ON cards (deck_id, state, due);
CREATE INDEX cards_new ON cards (deck_id, state, position);
CREATE INDEX reviews_card ON reviews (card_id, reviewed_at);`;

interface CardRow {
  id: string;
  deck_id: string;
  due: number;
  stability: number;
  difficulty: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review: number | null;
  introduced_at: number | null;
  updated_at: number;
  front: string;
  back: string;
}

const memoryOf = (r: CardRow): Memory => ({
  due: r.due,
  stability: r.stability,
  difficulty: r.difficulty,
  scheduledDays: r.scheduled_days,
  learningSteps: r.learning_steps,
  reps: r.reps,
  lapses: r.lapses,
  state: r.state as MemoryState,
  lastReview: r.last_review,
});

const memoryParams = (m: Memory) => ({
  due: m.due,
  stability: m.stability,
  difficulty: m.difficulty,
  scheduled_days: m.scheduledDays,
  learning_steps: m.learningSteps,
  reps: m.reps,
  lapses: m.lapses,
  state: m.state,
  last_review: m.lastReview,
});

export function createSqliteStore(): BenchStore {
  const scheduler = createScheduler({ fuzz: false });
  let db: Database.Database | null = null;
  let clock: Clock = Date.now;
  let queries: ReturnType<typeof prepare> | null = null;
  let reviewSeq = 0;

  function prepare(db: Database.Database) {
    const withText = 'SELECT c.*, n.front, n.back FROM cards c JOIN notes n ON n.id = c.note_id';
    const update = db.prepare(
      `UPDATE cards SET due = @due, stability = @stability, difficulty = @difficulty, scheduled_days = @scheduled_days,
       learning_steps = @learning_steps, reps = @reps, lapses = @lapses, state = @state, last_review = @last_review,
       introduced_at = @introduced_at, updated_at = @updated_at WHERE id = @id`,
    );
    const insertReview = db.prepare(
      `INSERT INTO reviews VALUES (@id, @card_id, @rating, @reviewed_at, @duration_ms, @due, @stability, @difficulty,
       @scheduled_days, @learning_steps, @reps, @lapses, @state, @last_review)`,
    );
    return {
      learningDue: db.prepare<[string, number], CardRow>(`${withText} WHERE c.deck_id = ? AND c.state IN (1, 3) AND c.due <= ? ORDER BY c.due LIMIT 1`),
      reviewDue: db.prepare<[string, number], CardRow>(`${withText} WHERE c.deck_id = ? AND c.state = 2 AND c.due < ? ORDER BY c.due LIMIT 1`),
      introducedToday: db.prepare<[string, number], { n: number }>('SELECT COUNT(*) AS n FROM cards WHERE deck_id = ? AND introduced_at >= ?'),
      firstNew: db.prepare<[string], CardRow>(`${withText} WHERE c.deck_id = ? AND c.state = 0 ORDER BY c.position LIMIT 1`),
      card: db.prepare<[string], CardRow>(`${withText} WHERE c.id = ?`),
      record: db.transaction((card: Record<string, unknown>, review: Record<string, unknown>) => {
        update.run(card);
        insertReview.run(review);
      }),
    };
  }

  const q = () => {
    if (!queries) throw new Error('The sqlite store is not open.');
    return queries;
  };

  return {
    setup(datasetDir, workDir) {
      const setupDb = new Database(path.join(workDir, FILE));
      // Loading is not measured: no journal and no syncs make it quick.
      setupDb.pragma('journal_mode = OFF');
      setupDb.pragma('synchronous = OFF');
      setupDb.exec(SCHEMA);
      const rows = readCards(datasetDir);
      const insertNote = setupDb.prepare('INSERT INTO notes VALUES (?, ?, ?, ?, ?)');
      const insertCard = setupDb.prepare('INSERT INTO cards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
      const insertReview = setupDb.prepare('INSERT INTO reviews VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
      setupDb.transaction(() => {
        for (const { note, card } of rows) {
          const m = card.memory;
          insertNote.run(note.id, note.deckId, note.front, note.back, note.position);
          insertCard.run(card.id, card.deckId, card.noteId, note.position, m.due, m.stability, m.difficulty, m.scheduledDays, m.learningSteps, m.reps, m.lapses, m.state, m.lastReview, card.introducedAt, card.updatedAt);
        }
        for (const r of readJsonLines<DatasetReview>(reviewsFile(datasetDir))) {
          const m = r.memory;
          insertReview.run(r.id, r.cardId, r.rating, r.reviewedAt, r.durationMs, m.due, m.stability, m.difficulty, m.scheduledDays, m.learningSteps, m.reps, m.lapses, m.state, m.lastReview);
        }
      })();
      setupDb.exec(INDEXES);
      setupDb.exec('ANALYZE');
      setupDb.pragma('journal_mode = WAL');
      setupDb.close();
    },

    async open(workDir, storeClock) {
      clock = storeClock;
      db = new Database(path.join(workDir, FILE));
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      queries = prepare(db);
    },

    next(deckId): ShownCard | null {
      const now = clock();
      const { learningDue, reviewDue, introducedToday, firstNew } = q();
      const today = dayStart(now, DEFAULT_LIMITS.rolloverHour);
      let row = learningDue.get(deckId, now) ?? reviewDue.get(deckId, nextDayStart(now, DEFAULT_LIMITS.rolloverHour));
      if (!row && introducedToday.get(deckId, today)!.n < DEFAULT_LIMITS.newPerDay) row = firstNew.get(deckId);
      // As the queue does when nothing else is left: a learning card due within the learn-ahead limit.
      row ??= learningDue.get(deckId, now + LEARN_AHEAD_MS);
      return row ? { id: row.id, deckId, shownAt: now } : null;
    },

    answer(shown, rating: Rating, durationMs) {
      const { card, record } = q();
      const row = card.get(shown.id);
      if (!row) throw new Error(`There is no card "${shown.id}".`);
      const now = clock();
      if (row.updated_at > shown.shownAt) throw new Error(`Card "${shown.id}" was answered after it was shown.`);
      const memory = scheduler.answer(memoryOf(row), rating, now);
      const introducedAt = row.introduced_at ?? (row.state === MemoryState.New ? now : null);
      record(
        { id: row.id, ...memoryParams(memory), introduced_at: introducedAt, updated_at: now },
        { id: `session-${++reviewSeq}`, card_id: row.id, rating, reviewed_at: now, duration_ms: durationMs, ...memoryParams(memory) },
      );
    },

    close() {
      db?.close();
      db = null;
      queries = null;
    },
  };
}
