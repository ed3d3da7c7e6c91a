// Two computers used apart, through the real service and store, syncing through one folder at
// random moments: after a few passes each way they hold the same decks, notes and card memories,
// and one more pass changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../main/app-error.ts';
import { createService } from '../../main/service.ts';
import { openCollectionStore } from '../../main/store/collection-store.ts';
import { tempDir } from './temp-dir.ts';

const START = new Date(2026, 6, 1, 9).getTime();
const TITLES = ['Spanish', 'French', 'Verbs', 'Nouns'];

type Action =
  | { t: 'deck'; title: number }
  | { t: 'note'; deck: number; front: number }
  | { t: 'edit'; note: number; back: number }
  | { t: 'move'; note: number; deck: number }
  | { t: 'deleteNote'; note: number }
  | { t: 'rename'; deck: number; title: number }
  | { t: 'deleteDeck'; deck: number }
  | { t: 'undoDelete' }
  | { t: 'answer'; deck: number; rating: 1 | 2 | 3 | 4 }
  | { t: 'later'; ms: number }
  | { t: 'sync' };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ t: fc.constant('deck' as const), title: fc.nat({ max: 3 }) }),
  { arbitrary: fc.record({ t: fc.constant('note' as const), deck: fc.nat(), front: fc.nat({ max: 20 }) }), weight: 3 },
  { arbitrary: fc.record({ t: fc.constant('edit' as const), note: fc.nat(), back: fc.nat({ max: 20 }) }), weight: 2 },
  fc.record({ t: fc.constant('move' as const), note: fc.nat(), deck: fc.nat() }),
  fc.record({ t: fc.constant('deleteNote' as const), note: fc.nat() }),
  fc.record({ t: fc.constant('rename' as const), deck: fc.nat(), title: fc.nat({ max: 3 }) }),
  fc.record({ t: fc.constant('deleteDeck' as const), deck: fc.nat() }),
  fc.record({ t: fc.constant('undoDelete' as const) }),
  { arbitrary: fc.record({ t: fc.constant('answer' as const), deck: fc.nat(), rating: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const) }), weight: 3 },
  fc.record({ t: fc.constant('later' as const), ms: fc.integer({ min: -3_600_000, max: 2 * 86_400_000 }) }),
  { arbitrary: fc.record({ t: fc.constant('sync' as const) }), weight: 2 },
);

async function computer(start: number) {
  let now = start;
  const clock = () => ++now;
  const store = await openCollectionStore(tempDir('deckhand-data-'), { now: clock });
  return { service: createService({ store, clock, scheduler: { fuzz: true } }), store, advance: (ms: number) => (now += ms) };
}
type Computer = Awaited<ReturnType<typeof computer>>;

function act(c: Computer, a: Action, folder: string): void {
  const s = c.service;
  const decks = s.listDecks();
  const notes = s.collectionContent().notes;
  const deck = (i: number) => decks[i % Math.max(1, decks.length)];
  const note = (i: number) => notes[i % Math.max(1, notes.length)];
  try {
    switch (a.t) {
      case 'deck':
        return void s.createDeck({ title: TITLES[a.title]! });
      case 'note':
        if (deck(a.deck)) s.saveNote({ deckId: deck(a.deck)!.id, type: a.front % 3 === 0 ? 'reversed' : 'basic', front: `front ${a.front}`, back: 'back', tags: [] });
        return;
      case 'edit': {
        const n = note(a.note);
        if (n) s.saveNote({ noteId: n.id, deckId: n.deckId, type: n.type, front: n.front, back: `back ${a.back}`, tags: n.tags });
        return;
      }
      case 'move': {
        const n = note(a.note);
        if (n && deck(a.deck)) s.saveNote({ noteId: n.id, deckId: deck(a.deck)!.id, type: n.type, front: n.front, back: n.back, tags: n.tags });
        return;
      }
      case 'deleteNote':
        if (note(a.note)) s.deleteNotes({ noteIds: [note(a.note)!.id] });
        return;
      case 'rename':
        if (deck(a.deck)) s.renameDeck({ deckId: deck(a.deck)!.id, title: TITLES[a.title]! });
        return;
      case 'deleteDeck':
        if (deck(a.deck)) s.deleteDeck({ deckId: deck(a.deck)!.id });
        return;
      case 'undoDelete':
        return void s.undoDelete();
      case 'answer': {
        const d = deck(a.deck);
        const card = d ? s.nextCard({ deckId: d.id }).card : null;
        if (card) s.answer({ cardId: card.id, rating: a.rating, shownAt: card.shownAt, durationMs: 3000 });
        return;
      }
      case 'later':
        return void c.advance(a.ms);
      case 'sync':
        return void s.syncOnce({ folder });
    }
  } catch (e) {
    // What the app refuses a learner (a title taken, nothing to undo) is refused here too.
    if (!(e instanceof AppError)) throw e;
  }
}

/** What a learner would compare between the two computers. */
function collectionOf(c: Computer) {
  const content = c.service.collectionContent();
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    decks: byId(content.decks).map((d) => [d.id, d.title]),
    notes: byId(content.notes).map((n) => [n.id, n.deckId, n.type, n.front, n.back]),
    cards: byId(content.cards).map((c) => [c.id, c.memory, c.suspended]),
  };
}

describe('two computers syncing through the service', () => {
  it('end with the same collection, and a further pass changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.boolean(), action), { minLength: 1, maxLength: 30 }), async (script) => {
        const folder = tempDir('deckhand-sync-');
        const pair = [await computer(START), await computer(START + 7000)];
        try {
          // They start in step: two decks with a few notes, one of them studied.
          const [a] = pair;
          for (const title of ['Spanish', 'French']) {
            const d = a!.service.createDeck({ title });
            for (let i = 0; i < 2; i++) a!.service.saveNote({ deckId: d.id, type: i ? 'reversed' : 'basic', front: `${title} ${i}`, back: 'back', tags: [] });
          }
          act(a!, { t: 'answer', deck: 0, rating: 3 }, folder);
          for (const c of pair) c.service.syncOnce({ folder });
          for (const [which, step] of script) act(pair[which ? 1 : 0]!, step, folder);
          for (let round = 0; round < 3; round++) for (const c of pair) c.service.syncOnce({ folder });
          expect(collectionOf(pair[1]!)).toEqual(collectionOf(pair[0]!));
          for (const c of pair) expect(c.service.syncOnce({ folder }).applied).toEqual({ decks: 0, notes: 0, cards: 0, removedNotes: 0, removedDecks: 0, settings: false });
        } finally {
          for (const c of pair) c.store.close();
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
