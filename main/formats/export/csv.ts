// Writes notes as Anki's "Notes in Plain Text" export does (rslib `export_note_csv`): tab-separated,
// header lines naming the columns Anki's importer reads back, then one row per note: GUID,
// notetype, deck, the fields as HTML, tags. Anki and our own text importer both read it, and a
// re-import into Anki updates the same notes by their GUID.
import Papa from 'papaparse';
import type { ExportInput } from '../bundle.ts';
import { ankiFields, ankiGuid, ankiTag, NOTETYPE_NAMES } from './anki-note.ts';
import { ExportError } from './export-error.ts';

/** Both stock notetypes we write have two fields, so every row has the same columns. */
const FIELD_COLUMNS = 2;
const GUID_COLUMN = 1;
const NOTETYPE_COLUMN = 2;
const DECK_COLUMN = 3;
const TAGS_COLUMN = DECK_COLUMN + FIELD_COLUMNS + 1;

export function writeCsv(input: ExportInput): string {
  const deckTitles = new Map(input.decks.map((d) => [d.id, d.title]));
  const rows = [...input.notes]
    .sort((a, b) => (a.deckId < b.deckId ? -1 : a.deckId > b.deckId ? 1 : a.position - b.position))
    .map((note) => {
      const deck = deckTitles.get(note.deckId);
      if (deck === undefined) throw new ExportError(`note "${note.id}"`, `its deck "${note.deckId}" is not in the export`);
      const tags = note.tags.map(ankiTag).filter((t) => t !== '');
      return [ankiGuid(note), NOTETYPE_NAMES[note.type], deck, ...ankiFields(note), tags.join(' ')];
    });
  const header = ['#separator:tab', '#html:true', `#guid column:${GUID_COLUMN}`, `#notetype column:${NOTETYPE_COLUMN}`, `#deck column:${DECK_COLUMN}`, `#tags column:${TAGS_COLUMN}`];
  if (rows.length === 0) return `${header.join('\n')}\n`;
  const body = Papa.unparse(rows, {
    delimiter: '\t',
    newline: '\n',
    // Anki's reader takes a line starting with `#` for a comment, so a value there is quoted, as
    // Anki's own writer does; papaparse already quotes tabs, quotes, line breaks and edge spaces.
    quotes: (value: unknown, column: number) => column === 0 && typeof value === 'string' && value.startsWith('#'),
  });
  return `${header.join('\n')}\n${body}\n`;
}
