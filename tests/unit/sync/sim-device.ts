// A device studying and editing offline with its own copy of the sync folder, as the merge tests
// drive it: every change is an op or a review in its own streams, written to its own folder on
// sync; the other devices' files reach its copy only as a test delivers them.
import { createScheduler } from '../../../main/domain/scheduler.ts';
import type { Rating } from '../../../main/domain/scheduler.ts';
import { deviceDir, type Fields, type RecordKind, type SyncOp, type SyncReview } from '../../../main/sync/folder-format.ts';
import { formatHlc, tickHlc, ZERO_HLC, type Hlc } from '../../../main/sync/hlc.ts';
import { absorb, emptyLedger, mergeLedger, type Ledger, type MergedCollection, type ReplayCache } from '../../../main/sync/merge.ts';
import { runSyncPass, type SyncPassResult } from '../../../main/sync/sync-pass.ts';
import { memoryFs, type MemoryFs } from './memory-fs.ts';

export const FOLDER = '/sync';
export const SEGMENT = 3;
const scheduler = createScheduler({ fuzz: false });
export const mergeOptions = (cache?: ReplayCache) => ({ schedulerFor: () => scheduler, ...(cache ? { cache } : {}) });

export class SimDevice {
  readonly fs: MemoryFs = memoryFs();
  readonly reviews: SyncReview[] = [];
  readonly ops: SyncOp[] = [];
  readonly ledger: Ledger = emptyLedger();
  readonly cache: ReplayCache = new Map();
  clock: Hlc = ZERO_HLC;
  view: MergedCollection;

  constructor(
    readonly id: string,
    /** The computer's clock: tests move it, back as well as forward. */
    public now: number,
  ) {
    this.view = mergeLedger(this.ledger, mergeOptions(this.cache));
  }

  private record(kind: RecordKind, key: string, change: Pick<SyncOp, 'set' | 'delete'>): SyncOp {
    this.clock = tickHlc(this.clock, this.now, this.id);
    const op: SyncOp = { id: `${this.id}-${this.ops.length}`, hlc: formatHlc(this.clock), kind, key, ...change };
    this.ops.push(op);
    absorb(this.ledger, this.id, [], [op], this.ops.length);
    this.refresh();
    return op;
  }

  set<K extends RecordKind>(kind: K, key: string, fields: Fields<K>): SyncOp {
    return this.record(kind, key, { set: fields });
  }

  /** A deletion names how much of every device's changes this device has read. */
  delete(kind: RecordKind, key: string): SyncOp {
    const seen = Object.fromEntries(this.ledger.opsPrefix);
    seen[this.id] = this.ops.length;
    return this.record(kind, key, { delete: { seen } });
  }

  answer(cardId: string, rating: Rating): SyncReview {
    return this.log({ cardId, rating, reviewedAt: this.now, durationMs: 5000 });
  }

  undo(review: SyncReview): SyncReview {
    return this.log({ cardId: review.cardId, kind: 'undo', undoes: review.id, rating: 0, reviewedAt: this.now, durationMs: 0 });
  }

  log(entry: Omit<SyncReview, 'id'>): SyncReview {
    const review: SyncReview = { id: `${this.id}-${this.reviews.length + 1}`, ...entry };
    this.reviews.push(review);
    absorb(this.ledger, this.id, [review], []);
    this.refresh();
    return review;
  }

  /** One pass: writes its own files, reads the others' whatever state they are in, merges. */
  sync(): SyncPassResult {
    const pass = runSyncPass({ fs: this.fs, folder: FOLDER, device: { id: this.id, name: this.id.toUpperCase() }, own: { reviews: this.reviews, ops: this.ops }, ledger: this.ledger, clock: this.clock, now: this.now, merge: mergeOptions(this.cache), segmentEntries: SEGMENT });
    this.clock = pass.clock;
    this.view = pass.merged;
    return pass;
  }

  /** This device's own files in its copy of the folder. */
  ownFiles(): [string, Uint8Array][] {
    const prefix = `${deviceDir(FOLDER, this.id)}/`;
    return [...this.fs.files].filter(([file]) => file.startsWith(prefix));
  }

  private refresh(): void {
    this.view = mergeLedger(this.ledger, mergeOptions(this.cache));
  }
}

/** The collection as plain, key-sorted data, so two devices' views compare as equal values. */
export function plain(view: MergedCollection): unknown {
  const sorted = <V>(m: Map<string, V>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { decks: sorted(view.decks), notes: sorted(view.notes), presets: sorted(view.presets), settings: view.settings, media: sorted(view.media), cards: sorted(view.cards), recovered: [...view.recovered].sort(), pending: [...view.pending].sort() };
}
