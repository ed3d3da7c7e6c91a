// The only place that talks to ts-fsrs. Pure: the time is always passed in, nothing is stored.
import { createEmptyCard, default_w, forgetting_curve, fsrs, generatorParameters, type Card as FsrsCard, type Grade, type StepUnit } from 'ts-fsrs';
import { MemoryState, type Memory } from './card.ts';

/** The answer buttons: Again, Hard, Good, Easy (FSRS's grades). */
export type Rating = 1 | 2 | 3 | 4;

export interface SchedulerOptions {
  desiredRetention: number;
  learningSteps: StepUnit[];
  relearningSteps: StepUnit[];
  maximumIntervalDays: number;
  /** Spread due dates a little so cards learned together do not stay together. Off in tests. */
  fuzz: boolean;
  /** FSRS weights; ts-fsrs's FSRS-6 defaults when absent. */
  weights?: readonly number[];
}

export const DEFAULT_SCHEDULER_OPTIONS: SchedulerOptions = {
  desiredRetention: 0.9,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  maximumIntervalDays: 36500,
  fuzz: true,
};

export interface Scheduler {
  /** The memory state each rating would produce, without changing anything. */
  preview(memory: Memory, now: number): Record<Rating, Memory>;
  answer(memory: Memory, rating: Rating, now: number): Memory;
}

/**
 * When an answer at `now` counts as given: never before the card's last review. With the clock set
 * back, the time since the last review would be negative (ts-fsrs refuses it for a review card), so
 * the new interval counts from the latest answer instead.
 */
export const answeredAt = (memory: Memory, now: number): number => Math.max(now, memory.lastReview ?? now);

export const RATINGS: readonly Rating[] = [1, 2, 3, 4];

export function createScheduler(options: Partial<SchedulerOptions> = {}): Scheduler {
  const o = { ...DEFAULT_SCHEDULER_OPTIONS, ...options };
  const f = fsrs(
    generatorParameters({
      request_retention: o.desiredRetention,
      learning_steps: o.learningSteps,
      relearning_steps: o.relearningSteps,
      maximum_interval: o.maximumIntervalDays,
      enable_fuzz: o.fuzz,
      enable_short_term: true,
      ...(o.weights ? { w: [...o.weights] } : {}),
    }),
  );
  return {
    preview(memory, now) {
      const p = f.repeat(toFsrs(memory), answeredAt(memory, now));
      return { 1: fromFsrs(p[1].card), 2: fromFsrs(p[2].card), 3: fromFsrs(p[3].card), 4: fromFsrs(p[4].card) };
    },
    answer(memory, rating, now) {
      return fromFsrs(f.next(toFsrs(memory), answeredAt(memory, now), rating as Grade).card);
    },
  };
}

const DAY_MS = 86_400_000;

/**
 * The predicted chance of recalling a card at `now` (FSRS's retrievability), 0 for a new card.
 * Elapsed time counts in whole days, as ts-fsrs's own `get_retrievability` does; this calls its
 * forgetting curve directly so that 100,000 cards need no Date objects.
 */
export function retrievability(memory: Memory, now: number, weights: readonly number[] | undefined = default_w): number {
  if (memory.state === MemoryState.New || memory.lastReview === null || !(memory.stability > 0)) return 0;
  const elapsedDays = Math.max(0, Math.floor((now - memory.lastReview) / DAY_MS));
  return forgetting_curve(weights ?? default_w, elapsedDays, memory.stability);
}

export function newMemory(now: number): Memory {
  return fromFsrs(createEmptyCard(now));
}

function toFsrs(m: Memory): FsrsCard {
  return {
    due: new Date(m.due),
    stability: m.stability,
    difficulty: m.difficulty,
    // Deprecated in ts-fsrs and recomputed from last_review; kept only to satisfy its type.
    elapsed_days: 0,
    scheduled_days: m.scheduledDays,
    learning_steps: m.learningSteps,
    reps: m.reps,
    lapses: m.lapses,
    state: m.state,
    ...(m.lastReview === null ? {} : { last_review: new Date(m.lastReview) }),
  };
}

function fromFsrs(c: FsrsCard): Memory {
  return {
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state as MemoryState,
    lastReview: c.last_review ? c.last_review.getTime() : null,
  };
}

/**
 * The memory state of a card that only has SM-2 scheduling (an interval and an ease, no usable
 * history), as fsrs-rs's `memory_state_from_sm2` computes it: the stability that makes the card's
 * recall at its interval equal to the retention SM-2 was giving (0.9 by default), and the difficulty
 * that explains its ease. ts-fsrs has no equivalent, so the formula is carried over here.
 */
export function memoryFromSm2(sm2: { ease: number; intervalDays: number; due: number }, sm2Retention = 0.9, weights: readonly number[] = default_w): Memory {
  const w = (i: number) => weights[i] ?? 0;
  const decay = -w(20);
  const stability = (Math.max(sm2.intervalDays, 0.001) * (0.9 ** (1 / decay) - 1)) / (sm2Retention ** (1 / decay) - 1);
  const difficulty = 11 - (sm2.ease - 1) / (Math.exp(w(8)) * stability ** -w(9) * Math.expm1((1 - sm2Retention) * w(10)));
  const interval = Math.max(1, Math.round(sm2.intervalDays));
  return {
    due: sm2.due,
    stability,
    difficulty: Math.min(10, Math.max(1, difficulty)),
    scheduledDays: interval,
    learningSteps: 0,
    reps: 1,
    lapses: 0,
    state: MemoryState.Review,
    lastReview: sm2.due - interval * DAY_MS,
  };
}
