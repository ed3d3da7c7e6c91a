import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../temp-dir.ts';
import { MemoryState } from '../../../main/domain/card.ts';
import { CardTable } from '../../../main/store/card-table.ts';
import { replayLog } from '../../../main/store/log-replay.ts';
import { LOG_FILE, sealActiveLog } from '../../../main/store/log-segments.ts';
import { ReviewLogWriter } from '../../../main/store/review-log.ts';
import { toLoggedCard } from '../../../main/domain/review-entry.ts';
import { card } from '../domain/fixtures.ts';

const T = Date.UTC(2026, 2, 2, 9);

/** A collection folder whose log holds `reps` answers to deck/a, the first `sealedUpTo` of them in a sealed segment. */
function logOf(reps: number, sealedUpTo: number, device = 'abcd') {
  const dir = tempDir('deckhand-replay-');
  let writer = new ReviewLogWriter(path.join(dir, LOG_FILE));
  for (let seq = 1; seq <= reps; seq++) {
    const after = card({ id: 'deck/a', noteId: 'deck/a', updatedAt: T + seq, memory: { state: MemoryState.Review, reps: seq } });
    writer.append({ id: `${device}-${seq}`, seq, cardId: 'deck/a', rating: 3, reviewedAt: T + seq, durationMs: 1, card: toLoggedCard(after) });
    if (seq === sealedUpTo) {
      writer.close();
      sealActiveLog(dir, seq);
      writer = new ReviewLogWriter(path.join(dir, LOG_FILE));
    }
  }
  writer.close();
  return dir;
}

describe('replaying the log', () => {
  it('applies only what the snapshot does not hold, and continues after the last position on disk', () => {
    const dir = logOf(5, 3);
    const cards = new CardTable();
    const replayed = replayLog(dir, { logSeq: 4, deviceId: 'abcd' }, cards, () => T, []);
    expect(cards.get('deck/a')?.memory.reps).toBe(5);
    expect(replayed).toEqual({ seq: 5, activeEntries: 2, deviceId: 'abcd', replayed: new Map([[5, { cardId: 'deck/a' }]]), latestSeq: new Map([['deck/a', 5]]) });
    const untouched = new CardTable();
    expect(replayLog(dir, { logSeq: 5, deviceId: 'abcd' }, untouched, () => T, []).seq).toBe(5);
    expect(untouched.size).toBe(0);
  });

  it('names new entries after the device that wrote the log when the snapshot lost its device id', () => {
    const dir = logOf(2, 0, 'f00d-cafe');
    expect(replayLog(dir, { logSeq: 0, deviceId: '' }, new CardTable(), () => T, []).deviceId).toBe('f00d-cafe');
    const empty = tempDir('deckhand-replay-');
    expect(replayLog(empty, { logSeq: 0, deviceId: '' }, new CardTable(), () => T, []).deviceId).toMatch(/^[0-9a-f]{16}$/);
  });
});
