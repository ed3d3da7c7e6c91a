// The drafter's public face: the service imports from here.
export { draftCards, draftCardsStepwise, draftFromSentences, draftLimit, DRAFTS_PER_100_WORDS, type DraftProgress } from './draft-cards.ts';
export type { Draft, DraftKind, DraftOptions, DraftResult } from './draft.ts';
