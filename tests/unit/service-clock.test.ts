// The computer's clock set back or jumped forward while a collection is in use: every card can
// still be studied, nothing is scheduled before the answer it follows, the learner is told once,
// and the study day follows the new time.
import { describe, expect, it } from 'vitest';
import type { StudyCard } from '../../main/contract.ts';
import { createService, type DeckhandService } from '../../main/service.ts';
import { openCollectionStore } from '../../main/store/collection-store.ts';
import { shippedDeck } from './service-fixtures.ts';
import { closeWhenDone, tempDir } from './temp-dir.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
const START = new Date(2026, 2, 2, 9).getTime();

/** A service whose clock moves only when told to, by a millisecond per reading like the app's. */
async function open(cards: number, dataDir = tempDir('deckhand-data-'), decksDir = shippedDeck(cards), start = START) {
  let now = start;
  const clock = () => ++now;
  const store = await openCollectionStore(dataDir, { now: clock, snapshotDelayMs: 60_000 });
  const service = closeWhenDone(createService({ store, clock, decksDir, scheduler: { fuzz: false } }));
  return { service, dataDir, decksDir, setTime: (t: number) => (now = t), time: () => now };
}

const clockNotices = (s: DeckhandService) => s.getAppInfo().notices.filter((n) => /clock/i.test(n));

function answerShown(s: DeckhandService, card: StudyCard, rating: 1 | 2 | 3 | 4) {
  return s.answer({ cardId: card.id, rating, shownAt: card.shownAt, durationMs: 1000, cardVersion: card.version });
}

/**
 * A collection studied for a while: six of its eight cards learned on the first day and reviewed a
 * month later, one of them forgotten then (answered Again at `reviewedAt`), three left due.
 */
async function studied() {
  const opened = await open(8);
  const settings = opened.service.getSettings();
  opened.service.updateSettings({ ...settings, presets: [{ ...settings.presets[0]!, newPerDay: 6 }] });
  const { service, setTime } = opened;
  for (let i = 0; i < 6; i++) answerShown(service, service.nextCard({ deckId: 'd' }).card!, 4);
  const reviewedAt = setTime(START + 30 * DAY);
  const forgotten = service.nextCard({ deckId: 'd' }).card!;
  answerShown(service, forgotten, 1);
  for (let i = 0; i < 2; i++) answerShown(service, service.nextCard({ deckId: 'd' }).card!, 3);
  return { ...opened, reviewedAt, forgottenId: forgotten.id };
}

/** Answers `card` with each rating in turn, taking each answer back; returns what each gave. */
function everyRating(s: DeckhandService, card: StudyCard, newestAnswer: number) {
  for (const label of Object.values(card.intervals)) expect(label).toMatch(/^\d/);
  for (const rating of [1, 2, 3, 4] as const) {
    const shown = s.nextCard({ deckId: 'd' }).card!;
    expect(shown.id).toBe(card.id);
    const result = answerShown(s, shown, rating);
    expect(result.due).toBeGreaterThan(newestAnswer);
    expect(result.interval).toMatch(/^\d/);
    expect(s.undo()).toMatchObject({ cardId: card.id, undone: 'answer' });
  }
}

describe.each([
  ['5 minutes', 5 * MINUTE],
  ['3 days', 3 * DAY],
  ['a year', 365 * DAY],
])('the clock set back by %s', (_name, back) => {
  it('every due card can still be answered with every rating, never before its last answer, and undone', async () => {
    const { service, setTime, reviewedAt } = await studied();
    setTime(reviewedAt - back);
    const seen = new Set<string>();
    for (let card = service.nextCard({ deckId: 'd' }).card; card; card = service.nextCard({ deckId: 'd' }).card) {
      expect(seen.has(card.id)).toBe(false);
      seen.add(card.id);
      everyRating(service, card, reviewedAt - back);
      // Easy takes it out of today's study, so each card is seen once.
      answerShown(service, service.nextCard({ deckId: 'd' }).card!, 4);
    }
    // The two new cards can always be studied; the three cards left due a month on still are
    // unless the clock went back to before they were learned.
    expect(seen.size).toBe(back < 30 * DAY ? 5 + (back < 20 * MINUTE ? 1 : 0) : 2);
  });

  it('the card forgotten just before the clock went back can be reviewed again, counting from that answer', async () => {
    const { service, setTime, reviewedAt, forgottenId } = await studied();
    setTime(reviewedAt - back);
    const more = service.studyMore({ deckId: 'd', newCards: 0, forgottenDays: 1 });
    // The forgotten card comes after the day's due cards.
    for (let card = more.card; card && card.id !== forgottenId; card = service.nextCard({ deckId: 'd' }).card) answerShown(service, card, 3);
    const card = service.nextCard({ deckId: 'd' }).card!;
    expect(card.id).toBe(forgottenId);
    everyRating(service, card, reviewedAt);
    answerShown(service, service.nextCard({ deckId: 'd' }).card!, 4);
    expect(service.nextCard({ deckId: 'd' }).card).toBeNull();
  });

  it('says once that the clock seems to be behind, and by how much', async () => {
    const { service, setTime, reviewedAt } = await studied();
    expect(clockNotices(service)).toEqual([]);
    setTime(reviewedAt - back);
    const [notice, ...more] = clockNotices(service);
    expect(more).toEqual([]);
    expect(notice).toMatch(back < DAY ? /5 minutes/ : back < 30 * DAY ? /3 days/ : /1 year/);
    expect(notice).toMatch(/still/);
    for (let card = service.nextCard({ deckId: 'd' }).card; card; card = service.nextCard({ deckId: 'd' }).card) answerShown(service, card, 3);
    setTime(reviewedAt - back - 10 * MINUTE);
    service.listDecks();
    expect(clockNotices(service)).toHaveLength(1);
  });

  it('says so on the next start too, while the clock is still behind the collection', async () => {
    const { service, setTime, reviewedAt, dataDir, decksDir } = await studied();
    setTime(reviewedAt + MINUTE);
    service.close();
    const reopened = await open(8, dataDir, decksDir, reviewedAt - back);
    expect(clockNotices(reopened.service)).toHaveLength(1);
  });
});

describe('a card changed while the clock was behind', () => {
  it('gets a version of its own: an answer to the state shown before is still refused', async () => {
    const { service, setTime } = await open(1);
    const first = service.nextCard({ deckId: 'd' }).card!;
    answerShown(service, first, 1);
    // One window shows the card; another answers it, then the clock is set back so that burying
    // it happens at the very time the first window's version names.
    const shownHere = service.nextCard({ deckId: 'd' }).card!;
    expect(shownHere.id).toBe(first.id);
    setTime(START + 2 * MINUTE);
    const elsewhere = service.nextCard({ deckId: 'd' }).card!;
    answerShown(service, elsewhere, 3);
    setTime(shownHere.version - 1);
    service.bury({ cardId: first.id });
    expect(() => answerShown(service, shownHere, 4)).toThrow(/answered after it was shown/);
  });

  it('can still be answered once more after an undo, whatever the clock did in between', async () => {
    const { service, setTime, time } = await open(1);
    const card = service.nextCard({ deckId: 'd' }).card!;
    answerShown(service, card, 1);
    setTime(time() - DAY);
    service.undo();
    const again = service.nextCard({ deckId: 'd' }).card!;
    expect(again).toMatchObject({ id: card.id, status: 'new' });
    expect(again.version).not.toBe(card.version);
    answerShown(service, again, 4);
    expect(() => answerShown(service, card, 4)).toThrow(/answered after it was shown/);
  });
});

describe('the new-card limit with the clock set back', () => {
  async function threeLearned() {
    const opened = await open(10);
    const settings = opened.service.getSettings();
    opened.service.updateSettings({ ...settings, presets: [{ ...settings.presets[0]!, newPerDay: 3 }] });
    for (let i = 0; i < 3; i++) answerShown(opened.service, opened.service.nextCard({ deckId: 'd' }).card!, 3);
    expect(opened.service.nextCard({ deckId: 'd' })).toMatchObject({ studiedToday: 3, counts: { new: 0 } });
    return opened;
  }

  it('still counts the day’s answers when the clock went back minutes within the day', async () => {
    const { service, setTime, time } = await threeLearned();
    setTime(time() - 5 * MINUTE);
    expect(service.nextCard({ deckId: 'd' })).toMatchObject({ studiedToday: 3, counts: { new: 0 } });
  });

  it('counts only what was done on the day the clock now shows when it went back days', async () => {
    const { service, setTime } = await threeLearned();
    setTime(START - 3 * DAY);
    const state = service.nextCard({ deckId: 'd' });
    expect(state).toMatchObject({ studiedToday: 0, counts: { new: 3, learning: 0, due: 0 } });
    answerShown(service, state.card!, 3);
    expect(service.nextCard({ deckId: 'd' })).toMatchObject({ studiedToday: 1, counts: { new: 2 } });
  });
});

describe('the clock jumped forward a year', () => {
  it('shows every card due, with the new day’s full allowance, and rolls over at 4 am local time', async () => {
    const { service, setTime, reviewedAt } = await studied();
    const settings = service.getSettings();
    service.updateSettings({ ...settings, presets: [{ ...settings.presets[0]!, newPerDay: 2 }] });
    const later = new Date(reviewedAt);
    const yearOn = (hour: number, minute = 0, dayOffset = 0) => new Date(later.getFullYear() + 1, later.getMonth(), later.getDate() + dayOffset, hour, minute).getTime();
    setTime(yearOn(9));
    const state = service.nextCard({ deckId: 'd' });
    // The card forgotten a year ago is still in relearning; the five others are due reviews.
    expect(state.counts).toMatchObject({ due: 5, learning: 1, new: 2 });
    expect(state.studiedToday).toBe(0);
    expect(clockNotices(service)).toEqual([]);
    for (let card = state.card; card; card = service.nextCard({ deckId: 'd' }).card) answerShown(service, card, 3);
    expect(service.nextCard({ deckId: 'd' }).studiedToday).toBe(8);
    setTime(yearOn(3, 59, 1));
    expect(service.nextCard({ deckId: 'd' }).studiedToday).toBe(8);
    setTime(yearOn(4, 0, 1));
    expect(service.nextCard({ deckId: 'd' }).studiedToday).toBe(0);
  });
});

describe('a card buried before the clock went back', () => {
  it('stays buried for the rest of the day, but not for the days the clock lost', async () => {
    const { service, setTime, time } = await open(2);
    service.bury({ cardId: service.nextCard({ deckId: 'd' }).card!.id });
    expect(service.nextCard({ deckId: 'd' }).counts.new).toBe(1);
    setTime(time() - 5 * MINUTE);
    expect(service.nextCard({ deckId: 'd' }).counts.new).toBe(1);
    setTime(START - 3 * DAY);
    expect(service.nextCard({ deckId: 'd' }).counts.new).toBe(2);
  });
});
