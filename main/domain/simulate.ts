// "Help me decide": what each desired retention would cost and give over the next year, simulated
// on the learner's own cards with their preset's parameters. Each day: the due cards are reviewed
// (each remembered with the chance FSRS predicts), then new cards are introduced up to the daily
// limit; reviewing costs the learner's own average answer times. Every retention starts from the
// same seed, so runs are repeatable and differ less by chance than independent draws would.
import { FSRSAlgorithm, forgetting_curve, generatorParameters, type Grade } from 'ts-fsrs';
import type { HistoryEntry } from './fsrs-items.ts';

export interface SimCard {
  stability: number;
  difficulty: number;
  /** Days from today (0) until it is due; negative when overdue. */
  dueDay: number;
  /** Day of its last review, relative to today (0 or less). */
  lastDay: number;
}

export interface SimulationInput {
  /** Cards already studied (in review or learning). */
  cards: SimCard[];
  /** Cards not studied yet, introduced at `newPerDay`. */
  newCards: number;
  newPerDay: number;
  reviewsPerDay: number;
  parameters: readonly number[];
  maximumIntervalDays: number;
  days: number;
  /** Seconds an answer takes: remembered, forgotten, and a new card's first answers together. */
  seconds: { remembered: number; forgotten: number; learned: number };
  /** The learner's first answers to new cards, shares of Again, Hard, Good, Easy. */
  firstRatings: [number, number, number, number];
}

export interface WorkloadPoint {
  retention: number;
  reviewsPerDay: number;
  minutesPerDay: number;
  /** Expected number of cards the learner would recall at the end of the period. */
  remembered: number;
}

/** Desired retentions to simulate: 0.70 to 0.97. */
export const RETENTIONS: readonly number[] = Array.from({ length: 28 }, (_, i) => Math.round((0.7 + i * 0.01) * 100) / 100);

/** A small seeded generator (mulberry32): the same seed, the same draws. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function simulate(input: SimulationInput, retention: number, seed = 1): WorkloadPoint {
  const algorithm = new FSRSAlgorithm(generatorParameters({ w: [...input.parameters], request_retention: retention, maximum_interval: input.maximumIntervalDays, enable_fuzz: false }));
  const random = seeded(seed);
  const cards = input.cards.map((c) => ({ ...c }));
  let reviews = 0;
  let seconds = 0;
  let introduced = 0;
  const interval = (s: number) => Math.min(input.maximumIntervalDays, Math.max(1, algorithm.next_interval(s, 0)));
  for (let day = 0; day < input.days; day++) {
    let budget = input.reviewsPerDay;
    for (const c of cards) {
      if (c.dueDay > day || budget <= 0) continue;
      budget--;
      const elapsed = day - c.lastDay;
      const remembered = random() < forgetting_curve(input.parameters, elapsed, c.stability);
      const next = algorithm.next_state({ stability: c.stability, difficulty: c.difficulty }, elapsed, remembered ? 3 : 1);
      c.stability = next.stability;
      c.difficulty = next.difficulty;
      c.lastDay = day;
      c.dueDay = day + interval(next.stability);
      reviews++;
      seconds += remembered ? input.seconds.remembered : input.seconds.forgotten;
    }
    const fresh = Math.min(input.newPerDay, input.newCards - introduced);
    for (let i = 0; i < fresh; i++) {
      const first = algorithm.next_state(null, 0, firstRating(input.firstRatings, random()));
      cards.push({ stability: first.stability, difficulty: first.difficulty, lastDay: day, dueDay: day + interval(first.stability) });
      seconds += input.seconds.learned;
    }
    introduced += Math.max(0, fresh);
  }
  let remembered = 0;
  for (const c of cards) remembered += forgetting_curve(input.parameters, input.days - c.lastDay, c.stability);
  return { retention, reviewsPerDay: reviews / input.days, minutesPerDay: seconds / 60 / input.days, remembered };
}

function firstRating(shares: [number, number, number, number], draw: number): Grade {
  const total = shares.reduce((a, b) => a + b, 0) || 1;
  let acc = 0;
  for (let g = 0; g < 4; g++) {
    acc += shares[g]! / total;
    if (draw < acc) return (g + 1) as Grade;
  }
  return 3;
}

/** The whole curve, one point per desired retention. */
export function workloadCurve(input: SimulationInput, retentions: readonly number[] = RETENTIONS, onPoint: (done: number) => void = () => {}): WorkloadPoint[] {
  return retentions.map((r, i) => {
    const point = simulate(input, r);
    onPoint(i + 1);
    return point;
  });
}

/**
 * The learner's average answer times (remembered, forgotten; a new card's first answers take its
 * learning steps' worth of them) and first ratings, from the answers to `cardIds` in the log;
 * Anki's defaults where there are none.
 */
export function answerHabits(entries: Iterable<HistoryEntry>, cardIds: ReadonlySet<string>, learningSteps: number): Pick<SimulationInput, 'seconds' | 'firstRatings'> {
  const sums: Record<'remembered' | 'forgotten', [number, number]> = { remembered: [0, 0], forgotten: [0, 0] };
  const firstRatings: [number, number, number, number] = [0, 0, 0, 0];
  const answered = new Set<string>();
  for (const e of entries) {
    if (e.kind !== undefined || e.rating < 1 || e.rating > 4 || !cardIds.has(e.cardId)) continue;
    const sum = e.rating === 1 ? sums.forgotten : sums.remembered;
    sum[0] += e.durationMs ?? 0;
    sum[1]++;
    if (!answered.has(e.cardId)) {
      answered.add(e.cardId);
      firstRatings[(e.rating - 1) as 0 | 1 | 2 | 3]++;
    }
  }
  const mean = (s: [number, number], fallback: number) => (s[1] > 0 ? s[0] / s[1] / 1000 : fallback);
  const remembered = mean(sums.remembered, 8);
  return {
    seconds: { remembered, forgotten: mean(sums.forgotten, 20), learned: remembered * (1 + learningSteps) },
    firstRatings: answered.size > 0 ? firstRatings : [0.2, 0.05, 0.7, 0.05],
  };
}
