// Real review logs from ../shared/realdata as the review log's entries, for the optimiser's tests
// and the benchmark: Anki revlog dumps (id,cid,usn,ease,ivl,lastIvl,factor,time,type) and py-fsrs's
// log (card_id,review_rating,review_time,review_duration).
import { readFileSync } from 'node:fs';
import { MemoryState } from '../../main/domain/card.ts';
import type { HistoryEntry } from '../../main/domain/fsrs-items.ts';

/** An Anki revlog dump: answers as answers, Forget (type 4, ivl 0) as a reset, other type 4/5 as manual and rescheduled, cram (type 3, factor 0) as cram. */
export function entriesOfAnkiRevlog(file: string): HistoryEntry[] {
  const lines = readFileSync(file, 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [id, cid, , ease, ivl, , factor, , type] = line.split(',').map(Number) as number[];
    const base = { id: String(id), cardId: String(cid), reviewedAt: id!, rating: 0 };
    if (type === 4 && ivl === 0) return { ...base, kind: 'reset', card: { state: MemoryState.New } };
    if (type === 4 || ease === 0) return { ...base, kind: 'manual', card: { state: MemoryState.Review } };
    if (type === 5) return { ...base, kind: 'rescheduled', card: { state: MemoryState.Review } };
    if (type === 3 && factor === 0) return { ...base, kind: 'cram', card: { state: MemoryState.Review } };
    return { ...base, rating: ease!, card: { state: ivl! < 0 ? MemoryState.Learning : MemoryState.Review } };
  });
}

/** py-fsrs's review log: every row an answer. */
export function entriesOfPyFsrsLog(file: string): HistoryEntry[] {
  const lines = readFileSync(file, 'utf8').trim().split('\n').slice(1);
  return lines.map((line, i) => {
    const [cardId, rating, time] = line.split(',');
    return { id: `r${i}`, cardId: cardId!, rating: Number(rating), reviewedAt: Date.parse(time!), card: { state: MemoryState.Review } };
  });
}
