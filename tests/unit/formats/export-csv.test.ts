import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../../main/formats/export/csv.ts';
import { writeApkg } from '../../../main/formats/export/apkg.ts';
import { ExportError } from '../../../main/formats/export/export-error.ts';
import { openDatabase } from '../../../main/formats/sqlite.ts';
import { unzipSync } from 'fflate';
import { buildExport, NOTES } from './export-input.ts';

/** The file as Anki's importer sees it: `#key:value` header lines, then tab-separated records. */
function readBack(text: string): { header: Record<string, string>; records: string[][] } {
  const lines = text.split('\n');
  const header: Record<string, string> = {};
  let i = 0;
  for (; lines[i]?.startsWith('#'); i++) {
    const [key, value] = lines[i]!.slice(1).split(':');
    header[key!] = value!;
  }
  const parsed = Papa.parse<string[]>(lines.slice(i).join('\n'), { delimiter: '\t', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { header, records: parsed.data };
}

describe('writeCsv: Anki\'s "Notes in Plain Text"', () => {
  it('starts with the header lines Anki writes: tab, HTML, and the GUID, notetype, deck and tags columns', () => {
    const text = writeCsv(buildExport().input);
    expect(text.split('\n').slice(0, 6)).toEqual(['#separator:tab', '#html:true', '#guid column:1', '#notetype column:2', '#deck column:3', '#tags column:6']);
  });

  it('writes one record per note that reads back to the note: GUID, notetype, deck, fields as HTML, tags', async () => {
    const { input } = buildExport();
    const { header, records } = readBack(writeCsv(input));
    expect(records).toHaveLength(input.notes.length);
    const col = (name: string) => Number(header[`${name} column`]) - 1;
    for (const r of records) expect(r).toHaveLength(6);

    // The same GUIDs the .apkg gives, so either file updates the same notes in Anki.
    const files = unzipSync(await writeApkg(input, { scheduling: false }));
    const db = await openDatabase(files['collection.anki21']);
    const apkg = db.exec('SELECT guid, flds FROM notes')[0]!.values.map(([guid, flds]) => [guid, ...String(flds).split('\x1f')]);
    db.close();
    expect(records.map((r) => [r[col('guid')], r[3], r[4]]).sort()).toEqual(apkg.sort());

    const byFirst = new Map(records.map((r) => [r[3], r]));
    const thaad = byFirst.get('THAAD')!;
    // Tab, quotes and line break survive inside one field.
    expect(thaad).toEqual([expect.any(String), 'Basic (and reversed card)', 'Languages::Japanese', 'THAAD', 'A missile\tdefence &quot;system&quot;\nsecond line', 'terms']);
    expect(byFirst.get('What is the <strong>mitochondrion</strong>?')).toEqual([expect.any(String), 'Basic', 'Biology', 'What is the <strong>mitochondrion</strong>?', 'The <em>powerhouse</em> of the cell', 'cells world_war']);
    expect(byFirst.get(NOTES.hello.front)).toEqual(['Ab#c1!x', 'Basic', 'Biology', NOTES.hello.front, NOTES.hello.back, '']);
    expect(byFirst.get('{{c1::Stability}} before {{c2::denuclearization}}')![col('notetype')]).toBe('Cloze');
    expect(byFirst.get('{{c1::Stability}} before {{c2::denuclearization}}')![4]).toBe('From the article');
    // An HTML field's leading and trailing spaces are kept (quoted), not trimmed away.
    expect(byFirst.get('#1 starts with a hash')![4]).toBe(' padded ');
  });

  it('quotes a value that would start a line with #, which Anki would read as a comment', () => {
    const { input } = buildExport();
    const hashGuid = { ...NOTES.mito, id: 'bio/hash', origin: 'anki:#abc' };
    const text = writeCsv({ ...input, notes: [hashGuid] });
    const lines = text.split('\n').filter((l) => l !== '');
    expect(lines.slice(6).every((l) => !l.startsWith('#'))).toBe(true);
    expect(readBack(text).records[0]![0]).toBe('#abc');
  });

  it('names the note whose deck is not in the export', () => {
    const { input } = buildExport();
    expect(() => writeCsv({ ...input, decks: input.decks.filter((d) => d.id !== 'jp') })).toThrow(new ExportError('note "jp/thaad"', 'its deck "jp" is not in the export'));
  });
});
