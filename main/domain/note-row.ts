// A note as one row of JSON: how a deck's notes file (notes/<deck>.json) and the full JSON backup
// both write notes. Rows keep the file small at tens of thousands of notes, where an object per
// note would repeat every field name.
import type { AnkiFields } from './anki-template.ts';
import type { Note, NoteKind, NoteType } from './card.ts';
import { deckOf } from './notes.ts';

/** [id, kind, type, front, back, text, extra, tags, quote, position, format?, origin?, anki?]: the last three only when set (format and origin null when not). */
export type NoteRow = [string, NoteKind, NoteType, string, string, string, string | null, string[], string | null, number, ('html' | null)?, (string | null)?, AnkiFields?];

export function toNoteRow(n: Note): NoteRow {
  const row: NoteRow = [n.id, n.kind, n.type, n.front, n.back, n.text, n.extra, n.tags, n.quote, n.position];
  if (n.format === 'html' || n.origin !== undefined || n.anki) row.push(n.format ?? null);
  if (n.origin !== undefined || n.anki) row.push(n.origin ?? null);
  if (n.anki) row.push(n.anki);
  return row;
}

export function fromNoteRow(r: NoteRow): Note {
  const [id, kind, type, front, back, text, extra, tags, quote, position, format, origin, anki] = r;
  const note: Note = { id, deckId: deckOf(id), kind, type, front, back, text, extra, tags, quote, position };
  if (format === 'html') note.format = 'html';
  if (typeof origin === 'string') note.origin = origin;
  if (anki && typeof anki === 'object' && typeof anki.notetype === 'string' && Array.isArray(anki.fields)) note.anki = { notetype: anki.notetype, fields: anki.fields.map(String) };
  return note;
}
