// A note begun elsewhere (words selected in the article, a draft from the inbox) is handed to the
// editor here: the editor's route names only the deck, and a sentence with its selection is too
// long and too private for the address bar. A reload drops it and the editor opens empty.
import type { NoteType } from '../main/contract.ts';

export interface NoteStart {
  deckId: string;
  type: NoteType;
  front: string;
  back: string;
  text: string;
  /** The article's sentence the note quotes, verbatim. */
  quote: string;
  kind: 'fact' | 'argument';
  /** The inbox draft the note is made from: saving it accepts the draft. */
  fromDraft?: string;
}

let pending: NoteStart | null = null;

export function handOffNote(start: NoteStart): void {
  pending = start;
}

/** The note handed over for this deck, once; null when there is none. */
export function takeNoteStart(deckId: string): NoteStart | null {
  const start = pending?.deckId === deckId ? pending : null;
  pending = null;
  return start;
}
