// The day's queue of each deck and the schedulers behind it: what Home counts and what Study shows
// next. "Study more" allowances live here because they change both.
import type { Card } from '../domain/card.ts';
import { followStudyDay, type LivedDay, type StudyDay } from '../domain/day.ts';
import { buildDayQueue, studiedToday, type DayQueue, type QueueLimits } from '../domain/queue.ts';
import { balancedScheduler } from '../domain/load-balance.ts';
import { createScheduler, type Scheduler } from '../domain/scheduler.ts';
import { presetFor, type Preset } from '../domain/settings.ts';
import type { ServiceContext } from './context.ts';
import { DueLoad } from './due-load.ts';

/** Collection-wide limits at or above this are no limit. */
export const NO_LIMIT = 9999;

export class Queues {
  readonly #ctx: ServiceContext;
  readonly #schedulers = new Map<string, { key: string; scheduler: Scheduler }>();
  /** "Study more": extra new cards allowed today, per deck. */
  readonly #extraNew = new Map<string, { day: number; count: number }>();
  /** The study day as this run has lived it, so a change of time zone neither repeats nor skips one. */
  #day: LivedDay | null = null;
  readonly #load: DueLoad;

  constructor(ctx: ServiceContext) {
    this.#ctx = ctx;
    this.#load = new DueLoad(ctx);
  }

  presetOf(deckId: string): Preset {
    const { collection } = this.#ctx;
    return presetFor(collection.settings, collection.deck(deckId)?.presetId);
  }

  limitsOf(deckId: string): QueueLimits {
    const preset = this.presetOf(deckId);
    return { newPerDay: preset.newPerDay, reviewsPerDay: preset.reviewsPerDay, rolloverHour: this.#ctx.collection.settings.rolloverHour };
  }

  /** One scheduler per preset, made again only when the preset's scheduling changes. */
  schedulerOf(deckId: string): Scheduler {
    const p = this.presetOf(deckId);
    // Load balancing and easy days take the place of random fuzz, so they act only where fuzz is (not in tests).
    const { loadBalancing, easyDays } = this.#ctx.collection.settings;
    const balanced = this.#ctx.fuzz && (loadBalancing !== false || (easyDays ?? []).some((share) => share < 1));
    const key = JSON.stringify([p.desiredRetention, p.learningSteps, p.relearningSteps, p.maximumIntervalDays, p.weights ?? null, balanced, loadBalancing ?? true, easyDays ?? null]);
    const cached = this.#schedulers.get(p.id);
    if (cached?.key === key) return cached.scheduler;
    const base = createScheduler({ fuzz: this.#ctx.fuzz && !balanced, desiredRetention: p.desiredRetention, learningSteps: p.learningSteps, relearningSteps: p.relearningSteps, maximumIntervalDays: p.maximumIntervalDays, ...(p.weights ? { weights: p.weights } : {}) });
    const scheduler = balanced ? balancedScheduler(base, { maximumIntervalDays: p.maximumIntervalDays, load: (now) => this.#load.at(now, loadBalancing !== false) }) : base;
    this.#schedulers.set(p.id, { key, scheduler });
    return scheduler;
  }

  /** The study day `now` is in; asked at every reading of the clock that studying makes. */
  dayOf(now: number): StudyDay {
    this.#day = followStudyDay(this.#day, now, this.#ctx.collection.settings.rolloverHour);
    return { start: this.#day.start, end: this.#day.end };
  }

  /** Lets `count` more new cards into today's queue of a deck. */
  allowMoreNew(deckId: string, now: number, count: number): void {
    const today = this.dayOf(now).start;
    const current = this.#extraNew.get(deckId);
    this.#extraNew.set(deckId, { day: today, count: (current?.day === today ? current.count : 0) + count });
  }

  /**
   * The day's queue for a deck, within its preset's limits and what the whole collection still
   * allows. Studying a parent deck studies its children too (`withChildren`), as its rolled-up
   * counts on Home promise; Home's own per-deck counts leave them out.
   */
  queueOf(deckId: string, now: number, withChildren = false): { cards: Card[]; queue: DayQueue } {
    const { collection } = this.#ctx;
    const cards = withChildren ? collection.subtree(deckId).flatMap((id) => collection.studyOrder(id)) : collection.studyOrder(deckId);
    const limits = this.limitsOf(deckId);
    const day = this.dayOf(now);
    const extra = this.#extraNew.get(deckId);
    const queueOptions: { extraNew?: number; capNew?: number; capReviews?: number; day: StudyDay } = { extraNew: extra?.day === day.start ? extra.count : 0, day };
    // The collection-wide limits mean looking at every deck's cards, so only when one is set below "no limit".
    const { settings } = collection;
    if (settings.newPerDay < NO_LIMIT || settings.reviewsPerDay < NO_LIMIT) {
      const all = studiedToday([...collection.allCards()], day);
      queueOptions.capNew = Math.max(0, settings.newPerDay - all.newCards);
      queueOptions.capReviews = Math.max(0, settings.reviewsPerDay - all.reviews);
    }
    return { cards, queue: buildDayQueue(cards, now, limits, queueOptions) };
  }
}
