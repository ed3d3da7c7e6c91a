// True retention on real Anki review logs: each revlog is turned into our log lines and the table
// our function gives is compared with a count made here straight from the CSV, by Anki's own
// definition (review-type rows, type 1; passed when ease > 1; young when lastIvl < 21 days).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { historyFromLog, type LogLine } from '../../../main/domain/answer-history.ts';
import { MemoryState } from '../../../main/domain/card.ts';
import type { LogKind } from '../../../main/domain/review-entry.ts';
import { RETENTION_PERIODS, trueRetention } from '../../../main/domain/stats.ts';
import { hasShared, REALDATA, sharedSkipReason } from '../shared-data.ts';

const DIR = path.join(REALDATA, 'derived-revlog-csv');
const ROLLOVER = 4;
const HOUR = 3_600_000;

interface Row {
  id: number;
  cid: number;
  ease: number;
  ivl: number;
  lastIvl: number;
  type: number;
}

function readRevlog(file: string): Row[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`${file}: ${parsed.errors[0]!.message} (row ${parsed.errors[0]!.row})`);
  return parsed.data.map((r) => ({ id: Number(r.id), cid: Number(r.cid), ease: Number(r.ease), ivl: Number(r.ivl), lastIvl: Number(r.lastIvl), type: Number(r.type) }));
}

/**
 * A revlog row says what kind of card was answered (its type) and its interval before (lastIvl),
 * not the state after; ours is the reverse. Each answer becomes a line with the state after it,
 * preceded by a `rescheduled` line whenever the card's state before (as the row tells it) is not
 * the one our previous line left: Anki changed the card without a revlog row (older versions'
 * "set due date", a reset). Manual rows (type 4, ease 0) become `manual` lines. Cram answers
 * (type 3) had the card in a filtered deck, which Anki's table does not count as review.
 */
function toLogLines(rows: readonly Row[]): LogLine[] {
  const lines: LogLine[] = [];
  const current = new Map<number, { state: number; scheduledDays: number }>();
  let seq = 0;
  const days = (ivl: number) => Math.max(0, ivl);
  const push = (row: Row, rating: number, state: number, scheduledDays: number, kind?: LogKind) => {
    lines.push({ seq: ++seq, cardId: String(row.cid), rating, reviewedAt: row.id, card: { deckId: 'anki', state, scheduledDays }, ...(kind ? { kind } : {}) });
    current.set(row.cid, { state, scheduledDays });
  };
  for (const row of [...rows].sort((a, b) => a.id - b.id)) {
    if (row.type === 4 || row.ease === 0) {
      push(row, 0, row.ivl > 0 ? MemoryState.Review : MemoryState.New, days(row.ivl), 'manual');
      continue;
    }
    const before = row.type === 1 ? MemoryState.Review : row.type === 2 ? MemoryState.Relearning : MemoryState.Learning;
    const known = current.get(row.cid);
    if (!known || known.state !== before || (before === MemoryState.Review && known.scheduledDays !== days(row.lastIvl))) {
      push(row, 0, before, days(row.lastIvl), 'rescheduled');
    }
    const after = row.ivl > 0 ? MemoryState.Review : before === MemoryState.Learning ? MemoryState.Learning : MemoryState.Relearning;
    push(row, row.ease, after, days(row.ivl));
  }
  return lines;
}

/** The study day's start, `back` days before the one holding `now`, computed here from the calendar. */
function windowStart(now: number, back: number): number {
  const d = new Date(now);
  const sameDay = d.getHours() >= ROLLOVER ? 0 : 1;
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - sameDay - back, ROLLOVER).getTime();
}

function ankiCount(rows: readonly Row[], now: number, days: number) {
  const from = windowStart(now, days - 1);
  const to = windowStart(now, -1);
  const count = { young: { passed: 0, failed: 0 }, mature: { passed: 0, failed: 0 } };
  for (const r of rows) {
    if (r.type !== 1 || r.id < from || r.id >= to) continue;
    const group = r.lastIvl < 21 ? count.young : count.mature;
    if (r.ease > 1) group.passed++;
    else group.failed++;
  }
  return count;
}

const files = hasShared ? readdirSync(DIR).filter((f) => f.endsWith('.csv')) : [];

describe.skipIf(!hasShared)(`true retention against real Anki review logs (${hasShared ? DIR : sharedSkipReason})`, () => {
  it('finds the review logs', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    const rows = readRevlog(path.join(DIR, file));
    const history = historyFromLog(toLogLines(rows));
    const times = rows.map((r) => r.id).sort((a, b) => a - b);
    // The hour after the last review, a quarter and half way through, and a week after the end.
    const nows = [times.at(-1)! + HOUR, times[Math.floor(times.length / 4)]!, times[Math.floor(times.length / 2)]!, times.at(-1)! + 7 * 24 * HOUR];

    it(`${file}: matches Anki's count for today, 7, 30 and 365 days at ${nows.length} points in time`, () => {
      let counted = 0;
      for (const now of nows) {
        const ours = trueRetention(history, null, now, ROLLOVER);
        for (const { period, days } of RETENTION_PERIODS) {
          const expected = ankiCount(rows, now, days);
          const row = ours.find((r) => r.period === period)!;
          expect({ now: new Date(now).toISOString(), period, young: row.young, mature: row.mature }).toEqual({ now: new Date(now).toISOString(), period, ...expected });
          counted += expected.young.passed + expected.young.failed + expected.mature.passed + expected.mature.failed;
        }
      }
      // The windows must hold real reviews for the comparison to mean anything.
      expect(counted).toBeGreaterThan(0);
    });
  }
});
