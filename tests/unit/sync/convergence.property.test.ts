// Two or three devices study, edit, delete and rename offline; their files reach each other in
// any order, twice over, half-copied, beside temp files and conflict copies. Once everything has
// arrived whole, every device has the same collection, nothing any of them was told was saved is
// missing, and another pass changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rating } from '../../../main/domain/scheduler.ts';
import type { SyncReview } from '../../../main/sync/folder-format.ts';
import { mergeLedger, RECOVERED_DECK } from '../../../main/sync/merge.ts';
import { mergeOptions, plain, SimDevice } from './sim-device.ts';

const T0 = Date.UTC(2026, 2, 1, 8);
const DECKS = ['d0', 'd1', 'd2'];
const NOTES = ['n0', 'n1', 'n2', 'n3', 'n4'];
const TITLES = ['French', 'German', 'Verbs', 'Français'];

type Step =
  | { t: 'deck'; d: number; k: number; title: number }
  | { t: 'deleteDeck'; d: number; k: number }
  | { t: 'note'; d: number; k: number; deck: number; reversed: boolean }
  | { t: 'edit'; d: number; k: number; field: 'front' | 'back'; v: number }
  | { t: 'deleteNote'; d: number; k: number }
  | { t: 'answer'; d: number; k: number; rating: Rating }
  | { t: 'undo'; d: number }
  | { t: 'clock'; d: number; ms: number }
  | { t: 'sync'; d: number }
  | { t: 'deliver'; from: number; to: number; pick: number; how: 'whole' | 'half' | 'conflict-copy' | 'temp-file' };

const device = fc.nat({ max: 2 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ t: fc.constant('answer' as const), d: device, k: fc.nat({ max: 9 }), rating: fc.constantFrom<Rating>(1, 2, 3, 4) }), weight: 4 },
  { arbitrary: fc.record({ t: fc.constant('edit' as const), d: device, k: fc.nat({ max: 4 }), field: fc.constantFrom('front' as const, 'back' as const), v: fc.nat({ max: 99 }) }), weight: 2 },
  fc.record({ t: fc.constant('deck' as const), d: device, k: fc.nat({ max: 2 }), title: fc.nat({ max: 3 }) }),
  fc.record({ t: fc.constant('deleteDeck' as const), d: device, k: fc.nat({ max: 2 }) }),
  fc.record({ t: fc.constant('note' as const), d: device, k: fc.nat({ max: 4 }), deck: fc.nat({ max: 2 }), reversed: fc.boolean() }),
  fc.record({ t: fc.constant('edit' as const), d: device, k: fc.nat({ max: 4 }), field: fc.constantFrom('front' as const, 'back' as const), v: fc.nat({ max: 99 }) }),
  fc.record({ t: fc.constant('deleteNote' as const), d: device, k: fc.nat({ max: 4 }) }),
  fc.record({ t: fc.constant('answer' as const), d: device, k: fc.nat({ max: 9 }), rating: fc.constantFrom<Rating>(1, 2, 3, 4) }),
  fc.record({ t: fc.constant('undo' as const), d: device }),
  // The clock moves on by up to three days, or back by up to two hours.
  fc.record({ t: fc.constant('clock' as const), d: device, ms: fc.integer({ min: -7_200_000, max: 3 * 86_400_000 }) }),
  fc.record({ t: fc.constant('sync' as const), d: device }),
  fc.record({ t: fc.constant('deliver' as const), from: device, to: device, pick: fc.nat(), how: fc.constantFrom('whole' as const, 'whole' as const, 'half' as const, 'conflict-copy' as const, 'temp-file' as const) }),
);

/** Copies one of `from`'s files into `to`'s copy of the folder, as an engine might leave it. */
function deliver(from: SimDevice, to: SimDevice, pick: number, how: Extract<Step, { t: 'deliver' }>['how']): void {
  const files = from.ownFiles();
  if (from === to || files.length === 0) return;
  const [file, bytes] = files[pick % files.length]!;
  const dir = file.slice(0, file.lastIndexOf('/'));
  const name = file.slice(file.lastIndexOf('/') + 1);
  if (how === 'whole') to.fs.files.set(file, bytes);
  else if (how === 'half') to.fs.files.set(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
  else if (how === 'conflict-copy') to.fs.files.set(`${dir}/${name.replace('.', '.sync-conflict-20260301-101010-ABCDEFG.')}`, bytes);
  else to.fs.files.set(`${dir}/.syncthing.${name}.tmp`, bytes.subarray(0, Math.floor(bytes.length / 3)));
}

/** Does what the step says on its device, when the device's own view allows it (one cannot answer a card one does not have). */
function run(devices: SimDevice[], s: Step, answers: Map<SimDevice, SyncReview[]>): void {
  if (s.t === 'deliver') return deliver(devices[s.from % devices.length]!, devices[s.to % devices.length]!, s.pick, s.how);
  const d = devices[s.d % devices.length]!;
  const view = d.view;
  switch (s.t) {
    case 'deck':
      return void d.set('deck', DECKS[s.k]!, { title: TITLES[s.title]! });
    case 'deleteDeck':
      if (view.decks.has(DECKS[s.k]!)) d.delete('deck', DECKS[s.k]!);
      return;
    case 'note': {
      const deckId = DECKS[s.deck]!;
      if (!view.decks.has(deckId)) return;
      const key = NOTES[s.k]!;
      if (view.notes.has(key)) d.set('note', key, { deckId });
      else d.set('note', key, { deckId, type: s.reversed ? 'reversed' : 'basic', front: `${key} front`, back: `${key} back`, text: '' });
      return;
    }
    case 'edit':
      if (view.notes.has(NOTES[s.k]!)) d.set('note', NOTES[s.k]!, { [s.field]: `${s.field} ${s.v} by ${d.id}` });
      return;
    case 'deleteNote':
      if (view.notes.has(NOTES[s.k]!)) d.delete('note', NOTES[s.k]!);
      return;
    case 'answer': {
      const cards = [...view.cards.keys()];
      if (cards.length > 0) answers.get(d)!.push(d.answer(cards[s.k % cards.length]!, s.rating));
      return;
    }
    case 'undo': {
      const last = answers.get(d)!.pop();
      if (last) d.undo(last);
      return;
    }
    case 'clock':
      d.now += s.ms;
      return;
    case 'sync':
      return void d.sync();
  }
}

/** Every device writes, every file reaches every other device whole, every device reads. */
function settle(devices: SimDevice[]): string[][] {
  const written = devices.map((d) => d.sync().written);
  for (const from of devices) for (const to of devices) if (from !== to) for (const [file, bytes] of from.ownFiles()) to.fs.files.set(file, bytes);
  for (const d of devices) d.sync();
  return written;
}

describe('devices that studied and edited apart', () => {
  it('converge to the same collection whatever order their files arrive in, losing nothing acknowledged, and stay there', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 3 }), fc.array(step, { minLength: 1, maxLength: 80 }), (count, steps) => {
        const devices = Array.from({ length: count }, (_, i) => new SimDevice(['desktop', 'laptop', 'phone'][i]!, T0 + i * 1000));
        const answers = new Map(devices.map((d) => [d, [] as SyncReview[]]));
        // They start in step: three decks, a note in each of two.
        for (const [i, key] of DECKS.entries()) devices[0]!.set('deck', key, { title: TITLES[i]! });
        for (const [i, key] of NOTES.slice(0, 2).entries()) devices[0]!.set('note', key, { deckId: DECKS[i]!, type: 'reversed', front: `${key} front`, back: `${key} back`, text: '' });
        settle(devices);
        for (const s of steps) run(devices, s, answers);
        settle(devices);

        // The same collection everywhere, and the same as merging the ledger afresh, without the replay cache.
        const first = plain(devices[0]!.view);
        for (const d of devices) {
          expect(plain(d.view)).toEqual(first);
          expect(plain(mergeLedger(d.ledger, mergeOptions()))).toEqual(first);
          expect(d.view.pending).toEqual([]);
        }

        // Every review any device logged is in every device's history, and each card counts every answer not undone.
        const all = devices.flatMap((d) => d.reviews);
        const undone = new Set(all.flatMap((r) => (r.undoes ? [r.undoes] : [])));
        for (const d of devices) expect([...d.ledger.reviews.keys()].sort()).toEqual(all.map((r) => r.id).sort());
        for (const [cardId, card] of devices[0]!.view.cards) {
          expect(card.answers).toBe(all.filter((r) => r.cardId === cardId && r.kind === undefined && !undone.has(r.id)).length);
        }

        // A note no one deleted, in decks no one deleted, is there with each field's latest edit.
        const ops = devices.flatMap((d) => d.ops);
        const deletedDecks = new Set(ops.filter((o) => o.kind === 'deck' && o.delete).map((o) => o.key));
        for (const key of NOTES) {
          const mine = ops.filter((o) => o.kind === 'note' && o.key === key);
          const fields = (o: (typeof ops)[number]) => (o.set ?? {}) as Record<string, unknown>;
          if (mine.length === 0 || mine.some((o) => o.delete || deletedDecks.has(String(fields(o).deckId)))) continue;
          // Stamps sort as text: the latest is the greatest.
          const latest = (field: string) => fields(mine.filter((o) => field in fields(o)).sort((a, b) => (a.hlc < b.hlc ? 1 : -1))[0]!)[field];
          expect(devices[0]!.view.notes.get(key)).toMatchObject({ front: latest('front'), back: latest('back'), deckId: latest('deckId') });
        }
        // No note is left in a deck that is gone.
        for (const note of devices[0]!.view.notes.values()) expect(devices[0]!.view.decks.has(note.deckId) || note.deckId === RECOVERED_DECK.key).toBe(true);

        // A second pass writes nothing and changes nothing.
        expect(settle(devices)).toEqual(devices.map(() => []));
        for (const d of devices) expect(plain(d.view)).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });
});
