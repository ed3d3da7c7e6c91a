// The Statistics screen's numbers: pure functions over the cards, the answer history, the time
// and the study day's rollover hour. Answers are binned by study day (day.ts), never by position
// in the log: imported history can sit later in the log than newer answers.
import { AnswerHistory, NOT_A_REVIEW } from './answer-history.ts';
import { isLearning, MemoryState, type Card } from './card.ts';
import { dayStart } from './day.ts';
import { retrievability } from './scheduler.ts';

/** Answers passed (Hard, Good, Easy) and failed (Again). */
export interface PassFail {
  passed: number;
  failed: number;
}

/**
 * True retention over one window, as Anki's table defines it: only answers given to a card in
 * review, young when the interval before the answer was under 21 days, mature otherwise.
 */
export interface RetentionRow {
  period: 'today' | 'week' | 'month' | 'year';
  /** Study days in the window, today included. */
  days: number;
  young: PassFail;
  mature: PassFail;
}

/** One bar of a distribution: values from `from` up to `to` (null: no upper bound). */
export interface Bin {
  from: number;
  to: number | null;
  count: number;
}

/** Presses of Again, Hard, Good, Easy, in that order. */
export type ButtonCounts = [number, number, number, number];

/** The Statistics screen: for one deck with the decks under it, or for every deck. */
export interface Stats {
  /** null for every deck. */
  deckId: string | null;
  title: string;
  now: number;
  rolloverHour: number;
  heatmap: {
    /** The study day of `counts[0]`, as a local date `YYYY-MM-DD`; the last entry is today. */
    firstDay: string;
    /** Answers per study day, oldest first, 365 days. */
    counts: number[];
    total: number;
    daysStudied: number;
    /** Days in a row with answers, up to today (or yesterday while today has none yet). */
    streak: number;
  };
  forecast: {
    /** Cards due per study day from today on; today's includes overdue and learning cards. */
    daily: number[];
    next7: number;
    next30: number;
    next90: number;
  };
  retention: RetentionRow[];
  cardCounts: { new: number; learning: number; young: number; mature: number; suspended: number; total: number };
  /** Answer buttons pressed over the last `days` study days, by the card's kind before the answer. */
  buttons: { days: number; learning: ButtonCounts; young: ButtonCounts; mature: ButtonCounts };
  memory: {
    /** Cards with a memory state (answered at least once). */
    cards: number;
    /** Mean predicted chance of recall now over those cards; null when there are none. */
    averageRetrievability: number | null;
    retrievability: Bin[];
    /** Days. */
    stability: Bin[];
    /** FSRS difficulty, 1 (easiest) to 10. */
    difficulty: Bin[];
  };
}

const DAY_MS = 86_400_000;

/** Anki's line between young and mature cards: an interval of 21 days. */
export const MATURE_DAYS = 21;
export const HEATMAP_DAYS = 365;
export const FORECAST_DAYS = 90;
/** How far back a streak is followed. */
const STREAK_DAYS = 3650;

/** The windows of Anki's true retention table that the issue asks for. */
export const RETENTION_PERIODS: readonly { period: RetentionRow['period']; days: number }[] = [
  { period: 'today', days: 1 },
  { period: 'week', days: 7 },
  { period: 'month', days: 30 },
  { period: 'year', days: 365 },
];

/**
 * Study days around `now`: `dayOf(t)` is t's study day relative to today (0 today, -1 yesterday,
 * 1 tomorrow), or null outside [-back, ahead]. Days are 23 or 25 hours long across daylight-saving
 * changes, so the boundaries come from the calendar and a guess by 24 hours is corrected against them.
 */
export function studyDays(now: number, rolloverHour: number, back: number, ahead: number) {
  const today = new Date(dayStart(now, rolloverHour));
  const starts = new Float64Array(back + ahead + 2);
  for (let k = 0; k < starts.length; k++) starts[k] = new Date(today.getFullYear(), today.getMonth(), today.getDate() - back + k, rolloverHour).getTime();
  const first = starts[0]!;
  const end = starts[starts.length - 1]!;
  return {
    /** When study day `d` (relative to today) starts. */
    startOf: (d: number): number => starts[d + back]!,
    dayOf(t: number): number | null {
      if (t < first || t >= end) return null;
      let k = Math.min(starts.length - 2, Math.floor((t - first) / DAY_MS));
      while (t < starts[k]!) k--;
      while (t >= starts[k + 1]!) k++;
      return k - back;
    },
  };
}

/** The local calendar date a study day starting at `start` is named by. */
export function isoDate(start: number): string {
  const d = new Date(start);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Answers per study day over the last year, with the current streak. Undone answers do not count. */
export function heatmap(history: AnswerHistory, decks: Uint8Array | null, now: number, rolloverHour: number): Stats['heatmap'] {
  const days = studyDays(now, rolloverHour, STREAK_DAYS - 1, 0);
  const perDay = new Uint32Array(STREAK_DAYS);
  for (let i = 0; i < history.length; i++) {
    if (history.undone[i] || (decks && !decks[history.deck[i]!])) continue;
    const d = days.dayOf(history.at[i]!);
    if (d !== null) perDay[d + STREAK_DAYS - 1]!++;
  }
  const counts = Array.from(perDay.subarray(STREAK_DAYS - HEATMAP_DAYS));
  let streak = 0;
  // Today is not over: without answers yet it does not break yesterday's streak.
  let k = perDay[STREAK_DAYS - 1] ? STREAK_DAYS - 1 : STREAK_DAYS - 2;
  while (k >= 0 && perDay[k]! > 0) {
    streak++;
    k--;
  }
  let total = 0;
  let daysStudied = 0;
  for (const c of counts) {
    total += c;
    if (c > 0) daysStudied++;
  }
  return { firstDay: isoDate(days.startOf(-(HEATMAP_DAYS - 1))), counts, total, daysStudied, streak };
}

/**
 * Anki's true retention: of answers to cards in review (revlog type 1), the share passed (not
 * Again), young when the interval before the answer was under 21 days, mature otherwise. "Last 7
 * days" is today and the six study days before it.
 */
export function trueRetention(history: AnswerHistory, decks: Uint8Array | null, now: number, rolloverHour: number): RetentionRow[] {
  const longest = Math.max(...RETENTION_PERIODS.map((p) => p.days));
  const days = studyDays(now, rolloverHour, longest - 1, 0);
  const rows = RETENTION_PERIODS.map(({ period, days: n }) => ({ period, days: n, young: { passed: 0, failed: 0 }, mature: { passed: 0, failed: 0 } }));
  for (let i = 0; i < history.length; i++) {
    const last = history.lastInterval[i]!;
    if (last === NOT_A_REVIEW || history.undone[i] || (decks && !decks[history.deck[i]!])) continue;
    const d = days.dayOf(history.at[i]!);
    if (d === null) continue;
    const passed = history.rating[i]! > 1;
    for (const row of rows) {
      if (-d >= row.days) continue;
      const group = last < MATURE_DAYS ? row.young : row.mature;
      if (passed) group.passed++;
      else group.failed++;
    }
  }
  return rows;
}

/** Again, Hard, Good and Easy pressed over the last `days` study days, split like Anki's graph by the card's kind before the answer. */
export function answerButtons(history: AnswerHistory, decks: Uint8Array | null, now: number, rolloverHour: number, days = HEATMAP_DAYS): Stats['buttons'] {
  const window = studyDays(now, rolloverHour, days - 1, 0);
  const learning: ButtonCounts = [0, 0, 0, 0];
  const young: ButtonCounts = [0, 0, 0, 0];
  const mature: ButtonCounts = [0, 0, 0, 0];
  for (let i = 0; i < history.length; i++) {
    if (history.undone[i] || (decks && !decks[history.deck[i]!]) || window.dayOf(history.at[i]!) === null) continue;
    const last = history.lastInterval[i]!;
    const group = last === NOT_A_REVIEW ? learning : last < MATURE_DAYS ? young : mature;
    const button = history.rating[i]! - 1;
    group[button] = group[button]! + 1;
  }
  return { days, learning, young, mature };
}

/**
 * Cards due on each of the next `days` study days. Overdue cards and learning cards due later
 * today count for today; a buried card counts from the day it comes back; new and suspended cards
 * are not due.
 */
export function forecast(cards: Iterable<Card>, now: number, rolloverHour: number, days = FORECAST_DAYS): Stats['forecast'] {
  const window = studyDays(now, rolloverHour, 0, days);
  const daily = new Array<number>(days).fill(0);
  for (const card of cards) {
    if (card.suspended || card.memory.state === MemoryState.New) continue;
    const due = card.buriedUntil !== null && card.buriedUntil > now ? Math.max(card.memory.due, card.buriedUntil) : card.memory.due;
    const d = due < window.startOf(0) ? 0 : window.dayOf(due);
    if (d !== null && d < days) daily[d]!++;
  }
  const sum = (n: number) => daily.slice(0, n).reduce((a, b) => a + b, 0);
  return { daily, next7: sum(7), next30: sum(30), next90: sum(90) };
}

/** Cards by state, as Anki's card counts: suspended cards count only as suspended. */
export function cardCounts(cards: Iterable<Card>): Stats['cardCounts'] {
  const counts = { new: 0, learning: 0, young: 0, mature: 0, suspended: 0, total: 0 };
  for (const card of cards) {
    counts.total++;
    if (card.suspended) counts.suspended++;
    else if (card.memory.state === MemoryState.New) counts.new++;
    else if (isLearning(card)) counts.learning++;
    else if (card.memory.scheduledDays < MATURE_DAYS) counts.young++;
    else counts.mature++;
  }
  return counts;
}

export const RETRIEVABILITY_EDGES = Array.from({ length: 21 }, (_, i) => i / 20);
/** Days: short intervals in detail, then doubling, as a learner reads them. */
export const STABILITY_EDGES = [0, 1, 2, 4, 7, 14, 30, 60, 120, 240, 365, 730, Infinity];
export const DIFFICULTY_EDGES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** Bins over `edges`; each value goes in the bin whose [from, to) holds it, the highest value into the last bin. */
function binsOf(edges: readonly number[]): { bins: Bin[]; add(value: number): void } {
  const bins: Bin[] = edges.slice(0, -1).map((from, i) => ({ from, to: Number.isFinite(edges[i + 1]!) ? edges[i + 1]! : null, count: 0 }));
  return {
    bins,
    add(value) {
      let k = bins.length - 1;
      while (k > 0 && value < edges[k]!) k--;
      bins[k]!.count++;
    },
  };
}

/**
 * FSRS memory over the cards answered at least once: how likely each is recalled now
 * (retrievability), how long its memory lasts (stability), how hard it is (difficulty), and the
 * average predicted retention now. `weightsOf` gives a card's preset's fitted parameters (their
 * forgetting curve), FSRS-6's defaults when it gives none.
 */
export function memoryStats(cards: Iterable<Card>, now: number, weightsOf: (card: Card) => readonly number[] | undefined = () => undefined): Stats['memory'] {
  const r = binsOf(RETRIEVABILITY_EDGES);
  const s = binsOf(STABILITY_EDGES);
  const d = binsOf(DIFFICULTY_EDGES);
  let n = 0;
  let sum = 0;
  for (const card of cards) {
    const m = card.memory;
    if (m.state === MemoryState.New || m.lastReview === null || !(m.stability > 0)) continue;
    const recall = retrievability(m, now, weightsOf(card));
    n++;
    sum += recall;
    r.add(recall);
    s.add(m.stability);
    d.add(m.difficulty);
  }
  return { cards: n, averageRetrievability: n ? sum / n : null, retrievability: r.bins, stability: s.bins, difficulty: d.bins };
}
