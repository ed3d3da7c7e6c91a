// Each card's state after its last log line, as the answer history needs it for the next answer
// (young or mature, review or learning). Loaded from the saved history as sorted columns and
// searched in place: turning 100,000 saved states into a Map costs more than the lookups the log
// written since ever makes. Changes go to a small map on top.
import type { StateBefore } from '../domain/answer-history.ts';

export class CardStates {
  private readonly changed = new Map<string, StateBefore>();

  /** `ids` sorted (by `<`), with each card's state and interval in days at the same index. */
  constructor(
    private readonly ids: readonly string[] = [],
    private readonly state: ArrayLike<number> = [],
    private readonly days: ArrayLike<number> = [],
  ) {}

  get(id: string): StateBefore | undefined {
    const c = this.changed.get(id);
    if (c) return c;
    let lo = 0;
    let hi = this.ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = this.ids[mid]!;
      if (m === id) return { state: this.state[mid]!, scheduledDays: this.days[mid]! };
      if (m < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  set(id: string, s: StateBefore): void {
    this.changed.set(id, s);
  }

  /** Every card's state, sorted by id, for saving. */
  sorted(): { ids: string[]; state: Uint8Array; days: Float32Array } {
    const extra = [...this.changed.keys()].sort();
    const ids: string[] = [];
    let i = 0;
    let j = 0;
    while (i < this.ids.length || j < extra.length) {
      const a = this.ids[i];
      const b = extra[j];
      if (b === undefined || (a !== undefined && a < b)) ids.push(this.ids[i++]!);
      else {
        if (a === b) i++;
        ids.push(extra[j++]!);
      }
    }
    const state = new Uint8Array(ids.length);
    const days = new Float32Array(ids.length);
    ids.forEach((id, k) => {
      const s = this.get(id)!;
      state[k] = s.state;
      days[k] = s.scheduledDays;
    });
    return { ids, state, days };
  }
}
