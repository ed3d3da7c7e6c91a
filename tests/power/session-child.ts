// Run by power-cut.test.ts and crash-ops.test.ts: a scripted session on one collection, the way the
// app drives the store (answers through the store, an import and a restore through the Collection).
// It prints to stdout, each line after the call it reports has returned:
//   ack <review id> <card id> <reps>   an answer was acknowledged
//   done <n> <operation>               operation n finished (the import, the restore, ... are acknowledged)
// and `end` when the script is over. The parent cuts the power or kills it somewhere along the way.
import { Collection } from '../../main/collection/collection.ts';
import type { Note } from '../../main/domain/card.ts';
import { openCollectionStore, type CollectionStore } from '../../main/store/collection-store.ts';
import { answeredCard, deckRecord, EXTRA_NOTE, importedDeck, MEDIA, newCard, note, SESSION_CLOCK_START } from './session-data.ts';

const dir = process.argv[2]!;
const script = process.argv[3] ?? 'session';

let t = SESSION_CLOCK_START;
// Every step moves the clock on a little; a backup op moves it past the 30 minutes between backups.
const clock = () => t;
const open = async () => {
  const store = await openCollectionStore(dir, { now: clock, snapshotDelayMs: 1, maxPendingReviews: 2 });
  return { store, collection: new Collection(store, clock) };
};
let { store, collection } = await open();
let op = 0;
const say = (line: string) => process.stdout.write(`${line}\n`);
const done = (name: string) => say(`done ${++op} ${name}`);
const turn = () => new Promise((r) => setImmediate(r));

function answer(s: CollectionStore, cardId: string): void {
  t += 1000;
  const before = s.data.cards.get(cardId)!;
  const card = answeredCard(before, t);
  const entry = s.appendReview({ cardId, rating: 3, reviewedAt: t, durationMs: 1500, card });
  say(`ack ${entry.id} ${cardId} ${card.memory.reps}`);
}

/** `count` answers, letting the scheduled snapshot run between them as it does between IPC calls. */
async function answers(count: number, deck = 'deck-a', cards = 40): Promise<void> {
  for (let i = 0; i < count; i++) {
    answer(store, `${deck}/n${(op * 7 + i) % cards}`);
    await turn();
  }
}

async function session(): Promise<void> {
  // 1: a deck of 40 notes and new cards, written.
  const notes: Note[] = Array.from({ length: 40 }, (_, i) => note('deck-a', i));
  store.putDeck(deckRecord('deck-a', 'Deck A'));
  store.setNotes('deck-a', notes);
  store.putCards(notes.map((n, i) => newCard(n, i, t)));
  await store.flush();
  done('create deck');
  await answers(5);
  done('answers');
  await store.flush();
  done('snapshot');
  await answers(5);
  done('answers');
  // Each flush after an answer seals the log into a segment: more than 32 small ones, so closing folds them.
  for (let i = 0; i < 36; i++) {
    answer(store, `deck-a/n${i % 40}`);
    await store.flush();
  }
  done('seal 36 segments');
  collection.close();
  done('close: fold segments, back up');
  ({ store, collection } = await open());
  done('reopen');
  await answers(5);
  done('answers');
  // An import as the service applies it: media first, then the notes, cards and history in one step, then the snapshot.
  const imported = importedDeck('deck-b', t);
  await collection.writeMedia([MEDIA]);
  collection.applyImport(imported);
  await collection.flush();
  done('import');
  await answers(5, 'deck-b', 20);
  done('answers');
  // Whatever snapshot the answers started is written first, so that the backup is taken after the next answer's.
  await store.flush();
  t += 31 * 60_000;
  answer(store, 'deck-a/n0');
  await store.flush();
  done('snapshot and background backup');
  // A note added to each deck after the backup, then the backup restored: the restore takes both
  // notes away or, cut short, neither (it rewrites each deck's files before collection.json).
  const backup = store.backups()[0]!.name;
  for (const deck of ['deck-a', 'deck-b']) store.setNotes(deck, [...store.notesOf(deck).values(), note(deck, EXTRA_NOTE)]);
  await store.flush();
  done('add a note to each deck');
  // The backup holds the cards as they are: restoring it keeps every answer, through all of the restore's writes.
  const before = JSON.stringify([...store.data.cards.values()].map((c) => [c.id, c.memory.reps]));
  collection.restoreBackup(backup);
  if (JSON.stringify([...store.data.cards.values()].map((c) => [c.id, c.memory.reps])) !== before) throw new Error('The newest backup was not of the state as it was');
  done('restore');
  await answers(5);
  done('answers');
  collection.close();
  done('close');
}

if (script === 'session') await session();
say('end');
