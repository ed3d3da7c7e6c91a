// A deck as the whole app computes with it: its title and description, the text it was made from,
// and the preset it studies with. Its notes and cards are kept apart, per deck, by the store.
import type { AnkiNotetype } from './anki-template.ts';
import type { Draft } from './drafter/draft.ts';

/** Who wrote the text a deck was made from, and where it appeared. */
export interface SourceInfo {
  author: string;
  publisher: string;
  subject: string;
}

export interface Deck {
  id: string;
  title: string;
  description: string;
  /** The shipped deck's version it was last updated from; 0 for a deck made here or imported. */
  version: number;
  source: SourceInfo | null;
  /** The text the deck was made from, kept so the Article view works for any deck. */
  article: string | null;
  /** The preset (limits, steps, retention) the deck studies with; the first preset when absent. */
  presetId?: string;
  /** When the article was published (`yyyy-mm-dd`), where its file said. */
  published?: string;
  /** Cards proposed from the article, waiting to be accepted or rejected; never studied. */
  drafts?: ArticleDraft[];
  /** The Anki note types of the deck's imported notes, by key, with their templates and CSS. */
  notetypes?: Record<string, AnkiNotetype>;
}

/** A card proposed from a deck's article: what the drafter proposed, kept with the deck under an id until the learner accepts or rejects it. */
export type ArticleDraft = Draft & { id: string };
