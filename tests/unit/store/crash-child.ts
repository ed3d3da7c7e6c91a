// Run by crash.test.ts: answers cards as fast as it can and prints "ack <cardId> <reps>" after each
// answer is acknowledged, until the parent kills it with SIGKILL.
import { MemoryState } from '../../../main/domain/card.ts';
import { openCollectionStore } from '../../../main/store/collection-store.ts';

const dir = process.argv[2]!;
const store = await openCollectionStore(dir, { snapshotDelayMs: 3, maxPendingReviews: 15 });
let t = Date.UTC(2026, 2, 2, 9) + Number(process.argv[3] ?? 0);
for (let i = 0; ; i++) {
  const id = `deck/c${i % 40}`;
  const before = store.data.cards.get(id);
  const reps = (before?.memory.reps ?? 0) + 1;
  t++;
  store.appendReview({
    cardId: id,
    rating: 3,
    reviewedAt: t,
    durationMs: 1,
    card: { id, noteId: id, deckId: 'deck', template: 'front', position: i % 40, suspended: false, buriedUntil: null, addedAt: before?.addedAt ?? t, introducedAt: before?.introducedAt ?? t, updatedAt: t, memory: { due: t + 60_000, stability: reps, difficulty: 5, scheduledDays: 0, learningSteps: 1, reps, lapses: 0, state: MemoryState.Learning, lastReview: t } },
  });
  process.stdout.write(`ack ${id} ${reps}\n`);
  // Let the snapshot writer run between answers, as it does between IPC calls in the app.
  if (i % 3 === 0) await new Promise((r) => setImmediate(r));
}
