import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryState } from '../../../main/domain/card.ts';
import { createScheduler, memoryFromSm2, newMemory } from '../../../main/domain/scheduler.ts';
import { hasShared, REALDATA, sharedSkipReason } from '../shared-data.ts';

const DAY = 86_400_000;

interface Vector {
  id: string;
  params: { w: number[] | string };
  ratings: (1 | 2 | 3 | 4)[];
  days_before_each_review?: number[];
  expected: Record<string, unknown>;
}

function vector(id: string): Vector {
  const file = JSON.parse(readFileSync(path.join(REALDATA, 'fsrs-vectors/fsrs_test_vectors.json'), 'utf8')) as { vectors: Vector[] };
  return file.vectors.find((v) => v.id === id)!;
}

describe.skipIf(!hasShared)(`scheduling against the FSRS reference vectors (${hasShared ? 'realdata present' : sharedSkipReason})`, () => {
  it('turns an SM-2 card (ease and interval, no history) into the memory state fsrs-rs computes', () => {
    const v = vector('fsrs-rs/memory_state_from_sm2') as unknown as { cases: { ease_factor: number; interval: number; sm2_retention: number; expected: { stability: number; difficulty: number } }[] };
    expect(v.cases.length).toBeGreaterThan(3);
    for (const c of v.cases) {
      const m = memoryFromSm2({ ease: c.ease_factor, intervalDays: c.interval, due: 0 }, c.sm2_retention);
      expect(m.stability).toBeCloseTo(c.expected.stability, 3);
      expect(m.difficulty).toBeCloseTo(c.expected.difficulty, 3);
      expect(m.state).toBe(MemoryState.Review);
    }
  });

  it('gives the reference interval history for Good×6, Again×2, Good×5 (FSRS-6)', () => {
    const v = vector('ts-fsrs/FSRS-6/ivl_history');
    const scheduler = createScheduler({ fuzz: false, weights: v.params.w as number[] });
    let now = new Date(2022, 11, 29, 12, 30).getTime();
    let memory = newMemory(now);
    const intervals: number[] = [];
    for (const rating of v.ratings) {
      memory = scheduler.answer(memory, rating, now);
      intervals.push(memory.scheduledDays);
      now = memory.due;
    }
    expect(intervals).toEqual((v.expected as { scheduled_days: number[] }).scheduled_days);
  });

  it('reaches the reference stability and difficulty after Again then five Goods', () => {
    const v = vector('ts-fsrs/FSRS-6/memory_state');
    const scheduler = createScheduler({ fuzz: false, weights: v.params.w as number[] });
    let now = new Date(2022, 11, 29, 12, 30).getTime();
    let memory = newMemory(now);
    v.ratings.forEach((rating, i) => {
      now += v.days_before_each_review![i]! * DAY;
      memory = scheduler.answer(memory, rating, now);
    });
    const expected = (v.expected as { enable_short_term_true: { stability: number; difficulty: number } }).enable_short_term_true;
    expect(memory.stability).toBeCloseTo(expected.stability, 4);
    expect(memory.difficulty).toBeCloseTo(expected.difficulty, 4);
  });

  it('puts a new card on the 1m and 10m learning steps, and Easy straight into review', () => {
    const v = vector('ts-fsrs/learning-steps/first-step');
    const expected = v.expected as Record<'Again' | 'Hard' | 'Good', { due_minus_now_ms: number }>;
    const scheduler = createScheduler({ fuzz: false });
    const now = new Date(2026, 2, 2, 9).getTime();
    const preview = scheduler.preview(newMemory(now), now);
    expect(preview[1].due - now).toBe(expected.Again.due_minus_now_ms);
    expect(preview[2].due - now).toBe(expected.Hard.due_minus_now_ms);
    expect(preview[3].due - now).toBe(expected.Good.due_minus_now_ms);
    expect(preview[4].state).toBe(MemoryState.Review);
    expect(preview[4].scheduledDays).toBe(8);
  });
});

describe('the scheduling wrapper', () => {
  const now = new Date(2026, 2, 2, 9).getTime();

  it('relearns a forgotten review card on the 10m relearning step', () => {
    const s = createScheduler({ fuzz: false });
    let m = s.answer(newMemory(now), 4, now);
    const later = m.due;
    m = s.answer(m, 1, later);
    expect(m.state).toBe(MemoryState.Relearning);
    expect(m.due - later).toBe(10 * 60_000);
    expect(m.lapses).toBe(1);
  });

  it('asks for more reviews at a higher desired retention', () => {
    const at = (r: number) => createScheduler({ fuzz: false, desiredRetention: r }).answer(newMemory(now), 4, now).scheduledDays;
    expect(at(0.97)).toBeLessThan(at(0.9));
    expect(at(0.9)).toBeLessThan(at(0.8));
  });

  it('spreads due dates with fuzz on, and never with fuzz off', () => {
    const card = (s: ReturnType<typeof createScheduler>, t: number) => {
      let m = s.answer(newMemory(t), 4, t);
      m = s.answer(m, 3, m.due);
      return m.scheduledDays;
    };
    const plain = new Set(Array.from({ length: 20 }, (_, i) => card(createScheduler({ fuzz: false }), now + i * 1000)));
    const fuzzed = new Set(Array.from({ length: 20 }, (_, i) => card(createScheduler({ fuzz: true }), now + i * 1000)));
    expect(plain.size).toBe(1);
    expect(fuzzed.size).toBeGreaterThan(1);
  });

  it('does not change the memory it is given', () => {
    const s = createScheduler({ fuzz: false });
    const m = newMemory(now);
    const copy = structuredClone(m);
    s.answer(m, 3, now);
    s.preview(m, now);
    expect(m).toEqual(copy);
  });
});
