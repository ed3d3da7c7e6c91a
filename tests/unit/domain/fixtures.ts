import { MemoryState, type Card, type Memory } from '../../../main/domain/card.ts';

let next = 0;

/** A card in the given state; times are epoch ms. */
export function card(overrides: Partial<Omit<Card, 'memory'>> & { memory?: Partial<Memory> } = {}): Card {
  const id = overrides.id ?? `c${++next}`;
  return {
    id,
    noteId: overrides.noteId ?? `deck/${id}`,
    deckId: overrides.deckId ?? 'deck',
    template: overrides.template ?? 'front',
    position: overrides.position ?? 0,
    suspended: overrides.suspended ?? false,
    buriedUntil: overrides.buriedUntil ?? null,
    addedAt: overrides.addedAt ?? 0,
    introducedAt: overrides.introducedAt ?? null,
    updatedAt: overrides.updatedAt ?? 0,
    memory: {
      due: 0,
      stability: 0,
      difficulty: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      state: MemoryState.New,
      lastReview: null,
      ...overrides.memory,
    },
  };
}
