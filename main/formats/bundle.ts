// What every importer reads a file into, and what every exporter writes from: plain data in the
// source's own terms, before any id of ours is given out. Readers (Anki packages and collections,
// CSV/TSV, Markdown, deck.json) are pure: bytes in, a bundle or an ImportError out. The service
// turns a bundle into decks, notes, cards and review history in one step, all or nothing.
import type { Card, Note } from '../domain/card.ts';
import type { LoggedCard, ReviewEntry } from '../domain/review-entry.ts';

export type BundleFormat = 'apkg' | 'colpkg' | 'anki-collection' | 'csv' | 'markdown' | 'deck-json';

export interface ImportBundle {
  /** The file's name as the user gave it, for messages. */
  file: string;
  format: BundleFormat;
  decks: BundleDeck[];
  notes: BundleNote[];
  cards: BundleCard[];
  /** Oldest first. */
  reviews: BundleReview[];
  media: BundleMedia[];
  /** Anki files: the note types with their templates and CSS, as Anki renders the notes. */
  notetypes?: BundleNotetype[];
  /** What the user should know about how the file was read ("12 notes of type 'Japanese' became front = first field, back = the rest"). */
  notices: string[];
  /** What was left out, one entry per item (or per group of alike items), with the reason. */
  skipped: Skipped[];
}

export interface Skipped {
  /** "card 1612345678901", "line 14", "notes/bio.md: question 3". */
  what: string;
  reason: string;
}

export interface BundleNotetype {
  /** The source's note type id. */
  key: string;
  name: string;
  cloze: boolean;
  fields: string[];
  templates: { name: string; question: string; answer: string }[];
  css: string;
}

export interface BundleDeck {
  /** The source's deck id (Anki's deck id as a string, the CSV's deck column value, the Markdown tag). */
  key: string;
  /** Nested with `::`, as Deckhand titles are (`Languages::Japanese`). */
  title: string;
  description: string;
}

export interface BundleNote {
  /**
   * Stable across re-imports of the same source, so importing again updates in place: Anki's
   * GUID, a CSV's GUID column (or its first field), a Markdown file's path and question.
   */
  key: string;
  deckKey: string;
  type: 'basic' | 'reversed' | 'cloze';
  /** Anki fields are HTML, shown through DOMPurify; the rest is Markdown. */
  format: 'html' | 'markdown';
  /** Basic and reversed notes: the two sides. Empty for cloze. */
  front: string;
  back: string;
  /** Cloze notes: the text with `{{c1::…}}` deletions. Empty otherwise. */
  text: string;
  /** Shown under the answer on every card of the note. */
  extra: string;
  tags: string[];
  /** Epoch ms; null when the source does not say. */
  addedAt: number | null;
  /** Anki notes: the note type and every field as Anki holds it, in the note type's order. */
  anki?: { notetypeKey: string; fields: string[] };
}

export interface BundleCard {
  /** The source's card id (Anki's card id as a string); for text sources, `<noteKey>:<template>`. */
  key: string;
  noteKey: string;
  /** 'front', 'reverse' or 'c1', 'c2', …: the same names Deckhand's notes use. */
  template: string;
  /** Anki cards: which template of the note type (0-based), or which cloze number less one. */
  ord?: number;
  /** Anki lets a card sit in another deck than its note's first card; usually the note's deck. */
  deckKey: string;
  suspended: boolean;
  addedAt: number | null;
  /**
   * Scheduling the source states without a review history (an Obsidian `<!--SR:…-->` comment, an
   * Anki card whose revlog was not exported): its due date and interval. Null for a new card, or
   * when `reviews` hold the history to compute the memory from.
   */
  schedule: { due: number; intervalDays: number; ease: number | null } | null;
}

/**
 * `cram`: an answer in a filtered deck that did not reschedule (Anki's revlog type 3 with factor 0),
 * which changed no memory; `reset`: the card was made new again (Anki's Forget), so its memory
 * starts over from there.
 */
export type BundleReviewKind = 'learn' | 'review' | 'relearn' | 'filtered' | 'manual' | 'rescheduled' | 'cram' | 'reset';

export interface BundleReview {
  /** The source's id for the entry (Anki's revlog id), so a re-import adds only new history. */
  key: string;
  cardKey: string;
  /** Epoch ms. */
  reviewedAt: number;
  /** 1–4 for an answer; 0 for a manual, rescheduling, cram or reset entry, which is history but not an answer. */
  rating: 0 | 1 | 2 | 3 | 4;
  kind: BundleReviewKind;
  durationMs: number;
}

export interface BundleMedia {
  /** The name the notes use (`<img src="cat.jpg">`, `[sound:a.mp3]`); a bare file name. */
  name: string;
  bytes: Uint8Array;
}

/** A file that cannot be read. The message names the file and says what is wrong with it. */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'ImportError';
  }
}

/** What an exporter writes: the collection (or one deck and the decks under it) as it is. */
export interface ExportInput {
  decks: { id: string; title: string; description: string }[];
  notes: Note[];
  cards: Card[];
  /** The review log's entries for these cards, oldest first. */
  reviews: ExportReview[];
  media: BundleMedia[];
  /** Epoch ms; the export's timestamp. */
  now: number;
}

/**
 * A review-log entry as the exporters read it. Of the card after the entry they write only its
 * schedule (Anki's revlog keeps an interval, an ease and a due time, not a card), so the entry
 * carries just that, under another name than `card` so that it is not taken for the whole card.
 */
export type ExportReview = Omit<ReviewEntry, 'card'> & {
  /** The card's state after the entry: interval in days, FSRS state (0 new … 3 relearning), stability, difficulty, due. */
  after: Pick<LoggedCard, 'scheduledDays' | 'state' | 'stability' | 'difficulty' | 'due'>;
};
