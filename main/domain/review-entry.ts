// One entry of the review log: an answer, or another change to a card, with the card's state after
// it. The store appends entries as JSON lines and the full JSON backup carries them as they are,
// so the shape and its conversions to and from the domain's Card live here, for both of them.
import { memoryStateOf, type Card } from './card.ts';

/**
 * Every kind of entry but an answer. `import` records a card's state as an import set it; `manual`
 * and `rescheduled` are imported history that changed a card's schedule without an answer (Anki's
 * revlog type 4, ease 0); `cram` is an imported answer in a filtered deck that did not reschedule
 * (type 3, factor 0), which changed no memory and is no review to learn from.
 */
export const LOG_KINDS = ['undo', 'bury', 'suspend', 'unsuspend', 'reset', 'edit', 'import', 'manual', 'rescheduled', 'cram'] as const;
export type LogKind = (typeof LOG_KINDS)[number];

/**
 * How the program an answer was imported from logged it (Anki's revlog type): kept so that an
 * export writes it back as it was, a filtered-deck (cram) answer included, instead of deriving it
 * again from Deckhand's own card states. Absent for answers given here.
 */
export const ANSWER_KINDS = ['learn', 'review', 'relearn', 'filtered'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

/** A card as one review-log line carries it: named fields, so the log reads on its own. */
export interface LoggedCard {
  id: string;
  noteId: string;
  deckId: string;
  template: string;
  position?: number;
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: number | null;
  introducedAt: number | null;
  updatedAt: number;
  suspended?: boolean;
  buriedUntil?: number | null;
  addedAt?: number;
}

/**
 * One entry of the review log. The store's line adds its place in the log (`StoredReview`), an
 * entry not yet logged has no id and holds a domain Card (`NewReview`), and an export keeps only
 * the part of the card an exporter writes (`ExportReview`); each says why beside it.
 */
export interface ReviewEntry {
  /** `<deviceId>-<seq>`: unique across devices, so two logs merge by union. */
  id: string;
  cardId: string;
  /** Absent for an answer. An undo names the entry it takes back; the other kinds change no memory. */
  kind?: LogKind;
  undoes?: string;
  /** Imported answers only: how the source logged it. */
  answerKind?: AnswerKind;
  /** 1–4 for an answer; 0 for every other kind. */
  rating: number;
  reviewedAt: number;
  durationMs: number;
  /** The card's state after the entry. */
  card: LoggedCard;
}

/** A review-log entry not yet logged: the log gives it its id, and turns its card, as the domain has it after the change, into the logged shape. */
export type NewReview = Omit<ReviewEntry, 'id' | 'card'> & { card: Card };

export function toLoggedCard(c: Card): LoggedCard {
  const m = c.memory;
  return {
    id: c.id,
    noteId: c.noteId,
    deckId: c.deckId,
    template: c.template,
    position: c.position,
    due: m.due,
    stability: m.stability,
    difficulty: m.difficulty,
    scheduledDays: m.scheduledDays,
    learningSteps: m.learningSteps,
    reps: m.reps,
    lapses: m.lapses,
    state: m.state,
    lastReview: m.lastReview,
    introducedAt: c.introducedAt,
    updatedAt: c.updatedAt,
    suspended: c.suspended,
    buriedUntil: c.buriedUntil,
    addedAt: c.addedAt,
  };
}

/** `position` came to log lines with format 3; an older line takes the one the collection knows. */
export function fromLoggedCard(s: LoggedCard, knownPosition = 0): Card {
  return {
    id: s.id,
    noteId: s.noteId,
    deckId: s.deckId,
    template: s.template,
    position: s.position ?? knownPosition,
    memory: {
      due: s.due,
      stability: s.stability,
      difficulty: s.difficulty,
      scheduledDays: s.scheduledDays,
      learningSteps: s.learningSteps,
      reps: s.reps,
      lapses: s.lapses,
      state: memoryStateOf(s.state),
      lastReview: s.lastReview,
    },
    introducedAt: s.introducedAt,
    updatedAt: s.updatedAt,
    suspended: s.suspended ?? false,
    buriedUntil: s.buriedUntil ?? null,
    addedAt: s.addedAt ?? s.introducedAt ?? s.updatedAt,
  };
}
