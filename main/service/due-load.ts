// How many reviews fall due on each coming study day, for load balancing (domain/load-balance.ts).
// Counted over the whole collection, since that is the load the learner feels, and kept under the
// collection's version and the day, so a run of previews for one card counts once.
import { MemoryState } from '../domain/card.ts';
import { dayStart } from '../domain/day.ts';
import type { Load } from '../domain/load-balance.ts';
import type { ServiceContext } from './context.ts';

const DAY_MS = 86_400_000;
const NORMAL_WEEK = [1, 1, 1, 1, 1, 1, 1];

export class DueLoad {
  readonly #ctx: ServiceContext;
  #cached: { version: number; today: number; counts: Map<number, number> } | null = null;

  constructor(ctx: ServiceContext) {
    this.#ctx = ctx;
  }

  /** Without `countDue` (load balancing off, easy days on) every day counts as empty, so only the weekday shares decide. */
  at(now: number, countDue = true): Load {
    const { collection } = this.#ctx;
    const today = dayStart(now, collection.settings.rolloverHour);
    if (this.#cached?.version !== collection.version || this.#cached.today !== today) this.#cached = { version: collection.version, today, counts: this.#count(today) };
    const counts = this.#cached.counts;
    return {
      dueOn: (offset) => (countDue ? (counts.get(offset) ?? 0) : 0),
      // Noon of that day, so a daylight-saving change never moves it to the day before.
      weekdayOf: (offset) => new Date(today + offset * DAY_MS + DAY_MS / 2).getDay(),
      easyDays: collection.settings.easyDays ?? NORMAL_WEEK,
    };
  }

  #count(today: number): Map<number, number> {
    const counts = new Map<number, number>();
    for (const c of this.#ctx.collection.allCards()) {
      if (c.suspended || c.memory.state !== MemoryState.Review) continue;
      const offset = Math.floor((c.memory.due - today) / DAY_MS);
      if (offset >= 0) counts.set(offset, (counts.get(offset) ?? 0) + 1);
    }
    return counts;
  }
}
