// Seeded randomness, so every store in a run (and every run) sees the same collection and the same
// answers. mulberry32 is written out because it is eight lines and the numbers need no quality
// beyond "spread out and repeatable".
import type { Rating } from '../../main/contract.ts';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shares seen in real review logs: mostly Good, 15% Again, a few Hard and Easy (the mix). */
export function drawRating(random: () => number): Rating {
  const r = random();
  if (r < 0.15) return 1;
  if (r < 0.2) return 2;
  if (r < 0.9) return 3;
  return 4;
}

/** Seconds spent on a card before answering, 2–15 s; only stored, never timed. */
export function drawDurationMs(random: () => number): number {
  return Math.round(2000 + random() * 13_000);
}
