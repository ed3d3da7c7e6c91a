// The study day where the clock's local time changes under it: summer time beginning and ending in
// New York, and a trip across time zones in the middle of a session. The day rolls over at local
// 4 am on both sides, and no day is had twice or skipped for the new-card limit. Node follows
// `process.env.TZ` when it is assigned, so each test sets the zone it means.
import { afterAll, describe, expect, it } from 'vitest';
import type { DeckhandService } from '../../main/service.ts';
import { createService } from '../../main/service.ts';
import { studyDayOf } from '../../main/domain/day.ts';
import { openCollectionStore } from '../../main/store/collection-store.ts';
import { shippedDeck } from './service-fixtures.ts';
import { closeWhenDone, tempDir } from './temp-dir.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const originalZone = process.env.TZ;
afterAll(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

const inZone = (zone: string) => {
  process.env.TZ = zone;
};
/** A local time in the zone set now; months count from 1. */
const local = (year: number, month: number, day: number, hour: number, minute = 0) => new Date(year, month - 1, day, hour, minute).getTime();

/** A service over ten new cards with three new a day, its clock set by the test. */
async function open(start: number) {
  let now = start;
  const clock = () => ++now;
  const store = await openCollectionStore(tempDir('deckhand-data-'), { now: clock, snapshotDelayMs: 60_000 });
  const service = closeWhenDone(createService({ store, clock, decksDir: shippedDeck(10), scheduler: { fuzz: false } }));
  const settings = service.getSettings();
  service.updateSettings({ ...settings, presets: [{ ...settings.presets[0]!, newPerDay: 3 }] });
  return { service, setTime: (t: number) => (now = t) };
}

/** Learns three new cards (Easy, so they leave the day's study). */
function learnThree(service: DeckhandService) {
  for (let i = 0; i < 3; i++) {
    const card = service.nextCard({ deckId: 'd' }).card!;
    service.answer({ cardId: card.id, rating: 4, shownAt: card.shownAt, durationMs: 1000, cardVersion: card.version });
  }
}

const today = (service: DeckhandService) => {
  const state = service.nextCard({ deckId: 'd' });
  return { newLeft: state.counts.new, studied: state.studiedToday };
};

describe.each([
  ['March', [2026, 3, 7], [24, 24, 23, 24]],
  ['November', [2026, 10, 31], [24, 24, 25, 24]],
] as const)('New York, when summer time changes in %s', (_month, [year, month, eve], hours) => {
  it('every study day begins at local 4 am, follows on from the one before, and the day of the change is as long as it is', () => {
    inZone('America/New_York');
    const starts: number[] = [];
    for (let t = local(year, month, eve - 1, 0); t < local(year, month, eve + 2, 0); t += 15 * MINUTE) {
      const day = studyDayOf(t);
      expect(t).toBeGreaterThanOrEqual(day.start);
      expect(t).toBeLessThan(day.end);
      expect([new Date(day.start).getHours(), new Date(day.end).getHours()]).toEqual([4, 4]);
      expect(studyDayOf(day.end).start).toBe(day.end);
      if (starts.at(-1) !== day.start) starts.push(day.start);
    }
    expect(starts.map((s) => (studyDayOf(s).end - s) / HOUR)).toEqual(hours);
  });

  it('a session the evening before keeps its day until 4 am after the change, then the new day has its full allowance', async () => {
    inZone('America/New_York');
    const { service, setTime } = await open(local(year, month, eve, 23));
    const buried = service.nextCard({ deckId: 'd' }).card!;
    service.bury({ cardId: buried.id });
    learnThree(service);
    expect(today(service)).toEqual({ newLeft: 0, studied: 3 });
    setTime(local(year, month, eve + 1, 3, 59));
    expect(today(service)).toEqual({ newLeft: 0, studied: 3 });
    setTime(local(year, month, eve + 1, 4));
    expect(today(service)).toEqual({ newLeft: 3, studied: 0 });
    expect(service.nextCard({ deckId: 'd' }).card?.id).toBe(buried.id);
  });
});

describe('a time-zone change in the middle of a session', () => {
  it('flying east (Berlin to Tokyo) into a new date: a new day, without the evening just studied', async () => {
    inZone('Europe/Berlin');
    const { service, setTime } = await open(local(2026, 3, 2, 21));
    learnThree(service);
    expect(today(service)).toEqual({ newLeft: 0, studied: 3 });
    inZone('Asia/Tokyo');
    // Berlin's 21:00 is Tokyo's 05:00 the next morning: past Tokyo's 4 am, so a new day.
    expect(new Date(service.getAppInfo().now).getHours()).toBe(5);
    expect(today(service)).toEqual({ newLeft: 3, studied: 0 });
    learnThree(service);
    setTime(local(2026, 3, 4, 3, 59));
    expect(today(service)).toEqual({ newLeft: 0, studied: 3 });
    setTime(local(2026, 3, 4, 4));
    expect(today(service)).toEqual({ newLeft: 3, studied: 0 });
  });

  it('flying west (Tokyo to Berlin) back onto the same date: the same day goes on, no second allowance', async () => {
    inZone('Asia/Tokyo');
    const { service, setTime } = await open(local(2026, 3, 3, 10));
    learnThree(service);
    inZone('Europe/Berlin');
    // Twelve hours on: Berlin's 14:00 on the same date, ten hours after Berlin's 4 am.
    setTime(local(2026, 3, 3, 14));
    expect(today(service)).toEqual({ newLeft: 0, studied: 3 });
    setTime(local(2026, 3, 4, 3, 59));
    expect(today(service)).toEqual({ newLeft: 0, studied: 3 });
    setTime(local(2026, 3, 4, 4));
    expect(today(service)).toEqual({ newLeft: 3, studied: 0 });
  });
});
