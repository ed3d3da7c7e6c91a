import { describe, expect, it } from 'vitest';
import type { Note } from '../../../main/domain/card.ts';
import { fromNoteRow, toNoteRow } from '../../../main/domain/note-row.ts';

const note = (extra: Partial<Note> = {}): Note => ({ id: 'deck/n1', deckId: 'deck', kind: 'fact', type: 'basic', front: 'Q', back: 'A', text: '', extra: null, tags: ['t'], quote: null, position: 3, ...extra });

describe('note rows on disk', () => {
  it('keeps a Markdown note made here as the ten fields older versions wrote', () => {
    expect(toNoteRow(note())).toHaveLength(10);
    expect(fromNoteRow(toNoteRow(note()))).toEqual(note());
  });

  it('keeps whether an imported note is HTML and where it came from', () => {
    const html = note({ format: 'html', origin: 'anki:Ab1?x' });
    expect(fromNoteRow(JSON.parse(JSON.stringify(toNoteRow(html))))).toEqual(html);
    const markdown = note({ origin: 'md:notes/a.md#What is it?' });
    expect(fromNoteRow(JSON.parse(JSON.stringify(toNoteRow(markdown))))).toEqual(markdown);
  });
});
