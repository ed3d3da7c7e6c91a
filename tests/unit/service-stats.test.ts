// The Statistics screen's numbers through the service: from the review log on disk, kept current
// by answers and undos, and consistent with what the study queue says.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../main/app-error.ts';
import { createService } from '../../main/service.ts';
import { HISTORY_FILE } from '../../main/store/answer-history-file.ts';
import { openCollectionStore } from '../../main/store/collection-store.ts';
import { listSegments } from '../../main/store/log-segments.ts';
import { closeWhenDone, tempDir } from './temp-dir.ts';

const START = new Date(2026, 2, 2, 9).getTime();
const DAY = 86_400_000;

function decks() {
  const dir = tempDir('deckhand-decks-');
  for (const id of ['d', 'e']) {
    mkdirSync(path.join(dir, id));
    const cards = Array.from({ length: 6 }, (_, i) => ({ id: `${id}${i}`, kind: 'fact', type: 'basic', front: `Q ${id}${i}`, back: `A ${id}${i}` }));
    writeFileSync(path.join(dir, id, 'deck.json'), JSON.stringify({ id, version: 1, title: id.toUpperCase(), cards }));
  }
  return dir;
}

async function open(dataDir: string, decksDir: string, start = START) {
  let now = start;
  const clock = () => ++now;
  const store = closeWhenDone(await openCollectionStore(dataDir, { now: clock }));
  return { store, service: createService({ store, clock, decksDir, scheduler: { fuzz: false } }), advance: (ms: number) => (now += ms) };
}

type Service = Awaited<ReturnType<typeof open>>['service'];
const answer = (s: Service, deckId: string, rating: 1 | 2 | 3 | 4) => {
  const card = s.nextCard({ deckId }).card!;
  return s.answer({ cardId: card.id, rating, shownAt: card.shownAt, durationMs: 1000 });
};
const today = (counts: number[]) => counts.at(-1);

describe('statistics', () => {
  it("shows today's answers per deck and for all decks, and forecasts tomorrow's due count", async () => {
    const decksDir = decks();
    const { service, advance } = await open(tempDir('deckhand-data-'), decksDir);
    for (let i = 0; i < 4; i++) answer(service, 'd', 4);
    answer(service, 'e', 3);
    const d = await service.getStats({ deckId: 'd' });
    const all = await service.getStats({});
    expect(today(d.heatmap.counts)).toBe(4);
    expect(today(all.heatmap.counts)).toBe(5);
    expect(d.heatmap.streak).toBe(1);
    expect(all.title).toBe('All decks');
    expect(d.cardCounts).toMatchObject({ new: 2, total: 6 });
    expect(d.buttons.learning).toEqual([0, 0, 0, 4]);

    const dueLater = d.forecast.daily.findIndex((n, i) => i > 0 && n > 0);
    expect(dueLater).toBeGreaterThan(0);
    advance(dueLater * DAY);
    const { counts } = service.nextCard({ deckId: 'd' });
    expect(counts.due + counts.learning).toBe(d.forecast.daily[dueLater]);
    service.close();
  });

  it('keeps the history current after it was read: new answers count, undone ones stop counting', async () => {
    const { service } = await open(tempDir('deckhand-data-'), decks());
    answer(service, 'd', 3);
    expect(today((await service.getStats({})).heatmap.counts)).toBe(1);
    answer(service, 'd', 1);
    answer(service, 'd', 3);
    expect(today((await service.getStats({})).heatmap.counts)).toBe(3);
    service.undo();
    const after = await service.getStats({});
    expect(today(after.heatmap.counts)).toBe(2);
    expect(after.buttons.learning.reduce((a, b) => a + b)).toBe(2);
    service.close();
  });

  it('counts each answer once when answers and a snapshot come while the log is being read', async () => {
    const dataDir = tempDir('deckhand-data-');
    const { service, store } = await open(dataDir, decks());
    for (let i = 0; i < 3; i++) answer(service, 'd', 3);
    const reading = service.getStats({});
    answer(service, 'd', 4);
    const sealed = store.flush(); // moves the active log aside while it is being read
    answer(service, 'e', 2);
    const stats = await reading;
    await sealed;
    expect(today(stats.heatmap.counts)).toBe(5);
    expect(today((await service.getStats({})).heatmap.counts)).toBe(5);
    service.close();

    const reopened = await open(dataDir, decks(), START + 1000);
    const again = await reopened.service.getStats({});
    expect(today(again.heatmap.counts)).toBe(5);
    expect(again.buttons).toEqual(stats.buttons);
    reopened.service.close();
  });

  it('saves the history on quit and, reopened, reads it plus only the log written since', async () => {
    const dataDir = tempDir('deckhand-data-');
    const decksDir = decks();
    const first = await open(dataDir, decksDir);
    for (let i = 0; i < 3; i++) answer(first.service, 'd', 3);
    await first.service.getStats({});
    first.service.close();
    expect(existsSync(path.join(dataDir, HISTORY_FILE))).toBe(true);
    // The log the saved history holds is gone: what is still counted must come from the saved file.
    for (const segment of listSegments(dataDir)) rmSync(segment.file);

    const second = await open(dataDir, decksDir, START + 1000);
    answer(second.service, 'e', 4);
    second.service.close(); // no statistics asked for: the saved history stays as it was
    const third = await open(dataDir, decksDir, START + 2000);
    answer(third.service, 'e', 1);
    const stats = await third.service.getStats({});
    expect(today(stats.heatmap.counts)).toBe(5);
    expect(stats.buttons.learning).toEqual([1, 0, 3, 1]);
    third.service.close();
  });

  it('knows from the saved history that a card answered after reopening was in review', async () => {
    const dataDir = tempDir('deckhand-data-');
    const decksDir = decks();
    const first = await open(dataDir, decksDir);
    const { due } = answer(first.service, 'd', 4);
    await first.service.getStats({});
    first.service.close();
    for (const segment of listSegments(dataDir)) rmSync(segment.file);

    const later = await open(dataDir, decksDir, due + 60_000);
    answer(later.service, 'd', 3);
    const today = (await later.service.getStats({ deckId: 'd' })).retention[0]!;
    expect(today.young).toEqual({ passed: 1, failed: 0 });
    later.service.close();
  });

  it('reads the whole log again when the saved history is damaged', async () => {
    const dataDir = tempDir('deckhand-data-');
    const decksDir = decks();
    const first = await open(dataDir, decksDir);
    for (let i = 0; i < 3; i++) answer(first.service, 'd', 3);
    await first.service.getStats({});
    first.service.close();
    writeFileSync(path.join(dataDir, HISTORY_FILE), 'not a history');
    const second = await open(dataDir, decksDir, START + 1000);
    expect(today((await second.service.getStats({})).heatmap.counts)).toBe(3);
    second.service.close();
  });

  it('refuses a deck that does not exist, naming it', async () => {
    const { service } = await open(tempDir('deckhand-data-'), decks());
    await expect(service.getStats({ deckId: 'nope' })).rejects.toThrow(new AppError('not-found', 'There is no deck "nope".'));
    service.close();
  });
});
