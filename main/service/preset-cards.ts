// The cards a preset schedules: those in decks using it now, suspended ones included.
import type { Card } from '../domain/card.ts';
import { presetFor, type Preset } from '../domain/settings.ts';
import type { ServiceContext } from './context.ts';

export function* presetCards(ctx: ServiceContext, preset: Preset): Generator<Card> {
  const { collection } = ctx;
  const settings = collection.settings;
  const usesPreset = new Map<string, boolean>();
  for (const card of collection.allCards()) {
    let uses = usesPreset.get(card.deckId);
    if (uses === undefined) usesPreset.set(card.deckId, (uses = presetFor(settings, collection.deck(card.deckId)?.presetId).id === preset.id));
    if (uses) yield card;
  }
}

/** Their ids, one a line: a single string crosses to the child process far faster than 100,000 small ones. */
export function presetCardIds(ctx: ServiceContext, preset: Preset): string {
  const ids: string[] = [];
  for (const card of presetCards(ctx, preset)) ids.push(card.id);
  return ids.join('\n');
}
