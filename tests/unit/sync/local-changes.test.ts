// What a device publishes of its own changes adds up, on every other device, to its collection.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Note } from '../../../main/domain/card.ts';
import type { Deck } from '../../../main/domain/deck.ts';
import type { ReviewEntry } from '../../../main/domain/review-entry.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../main/domain/settings.ts';
import { readFolder } from '../../../main/sync/folder-reader.ts';
import { writeDeviceFiles } from '../../../main/sync/folder-writer.ts';
import { parseReview, type SyncOp } from '../../../main/sync/folder-format.ts';
import { ZERO_HLC } from '../../../main/sync/hlc.ts';
import { changesBetween, noteOfMerged, snapshotRecords, stampChanges, syncReviewOf, type LocalCollection, type RecordSnapshot } from '../../../main/sync/local-changes.ts';
import { absorb, emptyLedger, mergeLedger } from '../../../main/sync/merge.ts';
import { memoryFs } from './memory-fs.ts';
import { mergeOptions } from './sim-device.ts';

type Edit =
  | { t: 'addDeck'; title: string }
  | { t: 'renameDeck'; i: number; title: string }
  | { t: 'deleteDeck'; i: number }
  | { t: 'addNote'; i: number; front: string; back: string; tags: string[]; html: boolean }
  | { t: 'editNote'; i: number; field: 'front' | 'back' | 'extra'; value: string }
  | { t: 'deleteNote'; i: number }
  | { t: 'settings'; rolloverHour: number; retention: number; theme: Settings['theme'] };

const anyText = fc.string({ maxLength: 30, unit: 'grapheme' });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ t: fc.constant('addDeck' as const), title: fc.string({ minLength: 1, maxLength: 20 }) }),
  fc.record({ t: fc.constant('renameDeck' as const), i: fc.nat(), title: fc.string({ minLength: 1, maxLength: 20 }) }),
  fc.record({ t: fc.constant('deleteDeck' as const), i: fc.nat() }),
  fc.record({ t: fc.constant('addNote' as const), i: fc.nat(), front: anyText, back: anyText, tags: fc.array(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 3 }), html: fc.boolean() }),
  fc.record({ t: fc.constant('editNote' as const), i: fc.nat(), field: fc.constantFrom('front' as const, 'back' as const, 'extra' as const), value: anyText }),
  fc.record({ t: fc.constant('deleteNote' as const), i: fc.nat() }),
  fc.record({ t: fc.constant('settings' as const), rolloverHour: fc.integer({ min: 0, max: 23 }), retention: fc.constantFrom(0.8, 0.9, 0.95), theme: fc.constantFrom('system' as const, 'light' as const, 'dark' as const) }),
);

/** A collection a learner edits: decks get fresh ids, as the Collection gives them. */
class Model implements LocalCollection {
  decks: Deck[] = [];
  notes: Note[] = [];
  settings: Settings = structuredClone(DEFAULT_SETTINGS);
  private made = 0;

  apply(e: Edit): void {
    const deck = this.decks[('i' in e ? e.i : 0) % Math.max(1, this.decks.length)];
    const note = this.notes[('i' in e ? e.i : 0) % Math.max(1, this.notes.length)];
    if (e.t === 'addDeck') this.decks.push({ id: `deck${this.made++}`, title: e.title, description: '', version: 0, source: null, article: null });
    else if (e.t === 'renameDeck' && deck) deck.title = e.title;
    else if (e.t === 'deleteDeck' && deck) {
      this.decks = this.decks.filter((d) => d !== deck);
      this.notes = this.notes.filter((n) => n.deckId !== deck.id);
    } else if (e.t === 'addNote' && deck) {
      const n: Note = { id: `${deck.id}/n${this.made++}`, deckId: deck.id, kind: 'fact', type: 'basic', front: e.front || 'x', back: e.back, text: '', extra: null, tags: e.tags, quote: null, position: this.made };
      if (e.html) n.format = 'html';
      this.notes.push(n);
    } else if (e.t === 'editNote' && note) Object.assign(note, { [e.field]: e.value });
    else if (e.t === 'deleteNote' && note) this.notes = this.notes.filter((n) => n !== note);
    else if (e.t === 'settings') this.settings = { ...this.settings, theme: e.theme, rolloverHour: e.rolloverHour, presets: [{ ...this.settings.presets[0]!, desiredRetention: e.retention }] };
  }
}

describe("a device's own changes, published as ops", () => {
  it('merge, on a device that reads them from the folder, into the collection that made them', () => {
    fc.assert(
      fc.property(fc.array(fc.array(edit, { maxLength: 6 }), { minLength: 1, maxLength: 8 }), (passes) => {
        const model = new Model();
        const fs = memoryFs();
        const ops: SyncOp[] = [];
        // A device's first pass publishes everything it has.
        let base: RecordSnapshot = new Map();
        let clock = ZERO_HLC;
        let now = 1_800_000_000_000;
        for (const edits of passes) {
          for (const e of edits) model.apply(e);
          const current = snapshotRecords(model);
          const stamped = stampChanges(changesBetween(base, current), 'desktop', ops.length, clock, (now -= 1000), {});
          expect(stamped.refused).toEqual([]);
          ops.push(...stamped.ops);
          clock = stamped.clock;
          base = current;
          writeDeviceFiles(fs, '/sync', { id: 'desktop', name: 'Desktop' }, { reviews: [], ops }, 4);

          const ledger = emptyLedger();
          const [desktop] = readFolder(fs, '/sync', 'laptop').devices;
          expect(desktop!.ops).toEqual(ops);
          absorb(ledger, 'desktop', desktop!.reviews, desktop!.ops, desktop!.opsPrefix);
          const merged = mergeLedger(ledger, mergeOptions());
          const sorted = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
          expect(sorted([...merged.notes].map(([key, n]) => noteOfMerged(key, n)))).toEqual(sorted(model.notes));
          expect([...merged.decks].map(([id, d]) => [id, d.title]).sort()).toEqual(model.decks.map((d) => [d.id, d.title]).sort());
          expect(merged.settings).toMatchObject({ theme: model.settings.theme, rolloverHour: model.settings.rolloverHour });
          expect(merged.presets.get('default')).toMatchObject({ desiredRetention: model.settings.presets[0]!.desiredRetention });
        }
        // Nothing changed since the last pass: nothing to publish.
        expect(changesBetween(base, snapshotRecords(model))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("publishes the log's entries in the shape the other devices accept", () => {
    const card = { id: 'd/n', noteId: 'd/n', deckId: 'd', template: 'front', due: 5, stability: 2.5, difficulty: 5, scheduledDays: 1, learningSteps: 0, reps: 1, lapses: 0, state: 2, lastReview: 4, introducedAt: 4, updatedAt: 4 };
    const entries: ReviewEntry[] = [
      { id: 'a1b2-1', cardId: 'd/n', rating: 3, reviewedAt: 4, durationMs: 3500.4, card },
      { id: 'a1b2-2', cardId: 'd/n', kind: 'undo', undoes: 'a1b2-1', rating: 0, reviewedAt: 6, durationMs: 0, card },
      { id: 'a1b2-3', cardId: 'd/n', kind: 'reset', rating: 0, reviewedAt: 7, durationMs: 0, card: { ...card, state: 0 } },
    ];
    const reviews = entries.map(syncReviewOf);
    expect(reviews.map((r) => parseReview(JSON.parse(JSON.stringify(r))))).toEqual(reviews);
    expect(reviews[0]).toEqual({ id: 'a1b2-1', cardId: 'd/n', rating: 3, reviewedAt: 4, durationMs: 3500, placed: { due: 5, scheduledDays: 1 } });
    expect(reviews[2]!.memory).toMatchObject({ state: 0, stability: 2.5 });
  });
});
