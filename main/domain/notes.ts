// How a note becomes cards, and what each card shows.
import type { Card, Note } from './card.ts';
import { clozeOrdinals, renderCloze } from './cloze.ts';

/** The templates a note makes cards for: one per side it is studied from. */
export function templatesOf(note: Pick<Note, 'type' | 'text'>): string[] {
  switch (note.type) {
    case 'basic':
      return ['front'];
    case 'reversed':
      return ['front', 'reverse'];
    case 'cloze':
      return clozeOrdinals(note.text).map((n) => `c${n}`);
  }
}

/** Note ids are `<deckId>/<noteId>`. */
export const deckOf = (noteId: string): string => noteId.slice(0, noteId.indexOf('/'));

export function cardIdFor(noteId: string, template: string): string {
  return template === 'front' ? noteId : `${noteId}:${template}`;
}

/** The text shown before and after "Show answer": Markdown, or HTML for a note whose format is HTML. */
export function cardFaces(note: Note, card: Pick<Card, 'template'>): { front: string; back: string } {
  if (note.type === 'cloze') return renderCloze(note.text, Number(card.template.slice(1)), note.format ?? 'markdown');
  if (card.template === 'reverse') return { front: note.back, back: note.front };
  return { front: note.front, back: note.back };
}
