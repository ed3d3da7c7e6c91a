// The cards a note read from text makes. Text sources have no card ids of their own, so a card's
// key is its note's key and template, which a re-import finds again.
import { clozeOrdinals } from '../../domain/cloze.ts';
import type { BundleCard, BundleNote } from '../bundle.ts';

export function cardsOf(note: BundleNote): BundleCard[] {
  const templates = note.type === 'cloze' ? clozeOrdinals(note.text).map((n) => `c${n}`) : note.type === 'reversed' ? ['front', 'reverse'] : ['front'];
  return templates.map((template) => ({
    key: `${note.key}:${template}`,
    noteKey: note.key,
    template,
    deckKey: note.deckKey,
    suspended: false,
    addedAt: null,
    schedule: null,
  }));
}
