// Load balancing and easy days through the service, as a learner sees them: thirty cards learned
// together come back spread over the days FSRS allows, not all on one; a day off gets none; and
// with both turned off, the app fuzzes at random again.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../main/contract.ts';
import { createService } from '../../main/service.ts';
import { openCollectionStore } from '../../main/store/collection-store.ts';
import { closeWhenDone, tempDir } from './temp-dir.ts';

// A Monday.
const START = new Date(2026, 2, 2, 9).getTime();
const DAY = 86_400_000;

async function learnThirty(settings: Partial<Settings>) {
  const decks = tempDir('deckhand-decks-');
  mkdirSync(path.join(decks, 'd'));
  writeFileSync(path.join(decks, 'd/deck.json'), JSON.stringify({ id: 'd', version: 1, title: 'D', cards: Array.from({ length: 30 }, (_, i) => ({ id: `c${i}`, kind: 'fact', type: 'basic', front: `Q ${i}`, back: `A ${i}` })) }));
  let now = START;
  const clock = () => ++now;
  const store = closeWhenDone(await openCollectionStore(tempDir('deckhand-data-'), { now: clock }));
  // Fuzz on, as in the app: balancing takes its place.
  const service = closeWhenDone(createService({ store, clock, decksDir: decks, scheduler: { fuzz: true } }));
  const current = service.getSettings();
  service.updateSettings({ ...current, ...settings, presets: current.presets.map((p) => ({ ...p, newPerDay: 30 })) });
  const dueDays: number[] = [];
  for (let i = 0; i < 30; i++) {
    const card = service.nextCard({ deckId: 'd' }).card!;
    // Easy on a new card goes straight to review, about eight days out: a fuzz range of several days.
    const result = service.answer({ cardId: card.id, rating: 4, shownAt: card.shownAt, durationMs: 1000 });
    dueDays.push(Math.floor((result.due - new Date(2026, 2, 2).getTime()) / DAY));
  }
  return dueDays;
}

const perDay = (days: number[]) => {
  const counts = new Map<number, number>();
  for (const d of days) counts.set(d, (counts.get(d) ?? 0) + 1);
  return counts;
};

describe('load balancing', () => {
  it('spreads cards learned together evenly over the days their fuzz range allows', async () => {
    const counts = [...perDay(await learnThirty({})).values()];
    expect(counts.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('keeps a day off free of reviews', async () => {
    // Sunday (weekday 0) off: 2 March 2026 is a Monday, so days 6 and 13 are Sundays.
    const days = await learnThirty({ easyDays: [0, 1, 1, 1, 1, 1, 1] });
    expect(days.filter((d) => d % 7 === 6)).toEqual([]);
  });

  it('can be turned off, and then cards learned together land at random within the range', async () => {
    const days = await learnThirty({ loadBalancing: false });
    const counts = [...perDay(days).values()];
    // Random fuzz (its draws fixed by the test clock): not the even spread balancing gives.
    expect(Math.max(...counts) - Math.min(...counts)).toBeGreaterThan(1);
  });
});
