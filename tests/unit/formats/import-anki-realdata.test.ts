// The Anki readers on real packages and collections from ../shared/realdata, against the counts
// SOURCES.md lists for each file (and, for history, against the revlog dumps beside them).
// Skipped, with the reason, where ../shared is absent.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError, type ImportBundle } from '../../../main/formats/bundle.ts';
import { readAnkiFile } from '../../../main/formats/import/anki.ts';
import { openDatabase } from '../../../main/formats/sqlite.ts';
import { hasShared, REALDATA, sharedSkipReason } from '../shared-data.ts';

const bytesOf = (rel: string) => new Uint8Array(readFileSync(path.join(REALDATA, rel)));
const read = (rel: string) => readAnkiFile(path.basename(rel), bytesOf(rel));
const counts = (b: ImportBundle) => ({ notes: b.notes.length, cards: b.cards.length, reviews: b.reviews.length });

/** What must hold for any bundle: every reference resolves, history is oldest first. */
function expectConsistent(b: ImportBundle) {
  const decks = new Set(b.decks.map((d) => d.key));
  const notes = new Set(b.notes.map((n) => n.key));
  const cards = new Set(b.cards.map((c) => c.key));
  expect(notes.size).toBe(b.notes.length);
  expect(cards.size).toBe(b.cards.length);
  for (const n of b.notes) expect(decks.has(n.deckKey), `deck of note ${n.key}`).toBe(true);
  for (const c of b.cards) {
    expect(notes.has(c.noteKey), `note of card ${c.key}`).toBe(true);
    expect(decks.has(c.deckKey), `deck of card ${c.key}`).toBe(true);
  }
  for (const r of b.reviews) expect(cards.has(r.cardKey)).toBe(true);
  expect(b.reviews.map((r) => r.reviewedAt)).toEqual(b.reviews.map((r) => r.reviewedAt).sort((x, y) => x - y));
}

function csvRows(rel: string): Record<string, number>[] {
  const [header, ...lines] = readFileSync(path.join(REALDATA, rel), 'utf8').trim().split('\n');
  const names = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i]!, Number(v)])));
}

describe.skipIf(!hasShared)(`real Anki files (${hasShared ? 'from ../shared/realdata' : sharedSkipReason})`, () => {
  it('diffmodels2-1/-2: the same note, first with one card, then with a second template and two', async () => {
    const one = await read('anki-pylib-tests/diffmodels2-1.apkg');
    const two = await read('anki-pylib-tests/diffmodels2-2.apkg');
    expect(counts(one)).toEqual({ notes: 1, cards: 1, reviews: 0 });
    expect(counts(two)).toEqual({ notes: 1, cards: 2, reviews: 0 });
    expect(one.notes[0]).toMatchObject({ type: 'basic', front: 'front', back: 'back' });
    expect(two.notes[0]).toMatchObject({ key: one.notes[0]!.key, type: 'reversed' });
    expect(two.cards.map((c) => c.template)).toEqual(['front', 'reverse']);
    expectConsistent(two);
  });

  it('diffmodeltemplates-1/-2: a custom note type, its deck and two .dat media members', async () => {
    for (const rel of ['anki-pylib-tests/diffmodeltemplates-1.apkg', 'anki-pylib-tests/diffmodeltemplates-2.apkg']) {
      const b = await read(rel);
      expect(counts(b)).toEqual({ notes: 1, cards: 1, reviews: 0 });
      expect(b.notes[0]).toMatchObject({ front: 'question?', back: 'answer!' });
      expect(b.decks.map((d) => d.title)).toEqual(['testdeck']);
      expect(b.notices).toEqual(["1 note of note type 'testt' (fields Front, Back) was imported as front = first field, back = the rest"]);
      expect(b.media.map((m) => [m.name, m.bytes.length]).sort()).toEqual([
        ['_IncrementalReadingExtension.dat', 7009],
        ['_ViewSizeAdjustAddon.dat', 387],
      ]);
    }
  });

  it('media.apkg: one note that plays foo.wav, and foo.wav itself', async () => {
    const b = await read('anki-pylib-tests/media.apkg');
    expect(counts(b)).toEqual({ notes: 1, cards: 1, reviews: 0 });
    expect(b.notes[0]!.front).toContain('[sound:foo.wav]');
    expect(b.media.map((m) => [m.name, m.bytes.length])).toEqual([['foo.wav', 4]]);
  });

  it('update1/update2: the same GUID, "hello" then "goodbye", so a re-import updates the note', async () => {
    const before = await read('anki-pylib-tests/update1.apkg');
    const after = await read('anki-pylib-tests/update2.apkg');
    expect(after.notes[0]!.key).toBe(before.notes[0]!.key);
    expect([before.notes[0]!.front, after.notes[0]!.front]).toEqual(['hello', 'goodbye']);
    expect(after.cards.map((c) => c.key)).toEqual(before.cards.map((c) => c.key));
  });

  it('anki2-alpha.anki2 (col.ver 1) is refused by its version', async () => {
    await expect(read('anki-pylib-tests/anki2-alpha.anki2')).rejects.toThrow(
      new ImportError('anki2-alpha.anki2', 'collection format version 1 is older than Anki 2.0 and cannot be read'),
    );
  });

  it('mediacheck.anki2: 3 notes, 3 cards, 2 reviews, odd media references kept as written', async () => {
    const b = await read('anki-pylib-tests/mediacheck.anki2');
    expect(counts(b)).toEqual({ notes: 3, cards: 3, reviews: 2 });
    expect(b.notes.map((n) => n.front + n.back).join(' ')).toContain('[sound:foo[.jpg]');
    expectConsistent(b);
  });

  it('ap_gov_vocab_anki11.apkg: 242 reversed notes, 484 cards, deck "Gov Vocab"', async () => {
    const b = await read('anki-pwa-tests/ap_gov_vocab_anki11.apkg');
    expect(counts(b)).toEqual({ notes: 242, cards: 484, reviews: 0 });
    expect(new Set(b.notes.map((n) => n.type))).toEqual(new Set(['reversed']));
    expect(b.decks.map((d) => d.title)).toEqual(['Gov Vocab']);
    expect(b.notices).toEqual([]);
    expectConsistent(b);
  });

  it('example_music_intervals.apkg (anki21b, schema 18): 340 notes in nested decks', async () => {
    const b = await read('anki-pwa-tests/example_music_intervals.apkg');
    expect(counts(b)).toEqual({ notes: 340, cards: 340, reviews: 0 });
    expect(b.decks.map((d) => d.title)).toEqual([
      'Music Intervals',
      'Music Intervals::1/ Easy - major 2nd, 3rd, perfect 5th',
      'Music Intervals::2/ Middle - minor 2nd, perfect 4th, 6th, 7th',
      'Music Intervals::3/ Hard - uncommon notes, aug / dim 4th, 5th, 7th',
      'Music Intervals::4/ Chords - 9th, 11th, 13th',
    ]);
    expect(b.notices).toEqual(["340 notes of note type 'Basic+' (fields Front, Back) were imported as front = first field, back = the rest"]);
    expect(b.notes.some((n) => n.front.includes('Please update'))).toBe(false);
    expectConsistent(b);
  });

  it('jap2.apkg: 46 notes and the 46 mp3 files their [sound:] tags name', async () => {
    const b = await read('anki-terminal/jap2.apkg');
    expect(counts(b)).toEqual({ notes: 46, cards: 46, reviews: 0 });
    expect(b.media).toHaveLength(46);
    const named = new Set(b.notes.flatMap((n) => [...(n.front + n.back).matchAll(/\[sound:([^\]]+)\]/g)].map((m) => m[1]!)));
    expect(new Set(b.media.map((m) => m.name))).toEqual(named);
    expect(b.media.every((m) => m.bytes.length > 1000)).toBe(true);
  });

  it('jap21.apkg: 50 notes from the anki21 beside a 0-byte anki2; each media file it lists but lacks is skipped', async () => {
    const b = await read('anki-terminal/jap21.apkg');
    expect(counts(b)).toEqual({ notes: 50, cards: 50, reviews: 0 });
    expect(b.media).toEqual([]);
    const listed = Object.values(JSON.parse(new TextDecoder().decode(unzipSync(bytesOf('anki-terminal/jap21.apkg')).media!)) as Record<string, string>);
    expect(b.skipped.filter((s) => s.reason === 'it is listed in the package but not in it').map((s) => s.what).sort()).toEqual(listed.map((n) => `media '${n}'`).sort());
    expectConsistent(b);
  });

  it('Selected-Notes3.apkg: 7 notes, 14 cards, 5 suspended, and its 103 reviews as the revlog has them', async () => {
    const b = await read('tony363-anki-automations/Selected-Notes3.apkg');
    expect(counts(b)).toEqual({ notes: 7, cards: 14, reviews: 103 });
    expect(b.cards.filter((c) => c.suspended)).toHaveLength(5);
    const tally = (xs: (string | number)[]) => xs.reduce<Record<string, number>>((t, x) => ({ ...t, [x]: (t[x] ?? 0) + 1 }), {});
    expect(tally(b.reviews.map((r) => r.rating))).toEqual({ 1: 14, 2: 3, 3: 63, 4: 23 });
    expect(tally(b.reviews.map((r) => r.kind))).toEqual({ learn: 26, review: 67, relearn: 10 });
    const dump = csvRows('derived-revlog-csv/tony363_Selected-Notes3_revlog.csv');
    expect(b.reviews.map((r) => [Number(r.key), Number(r.cardKey), r.rating, r.durationMs])).toEqual(dump.map((r) => [r.id, r.cid, r.ease, r.time]));
    expectConsistent(b);
  });

  it('yourchocobro collection.anki2: 2740 notes, 4110 cards, 4490 reviews, 100 suspended, the filtered-deck card at home', async () => {
    const rel = 'yourchocobro-collection/collection.anki2';
    const b = await read(rel);
    expect(counts(b)).toEqual({ notes: 2740, cards: 4110, reviews: 4490 });
    expect(b.cards.filter((c) => c.suspended)).toHaveLength(100);
    expect(b.decks.map((d) => d.title)).not.toContain('Custom Study Session');
    const db = await openDatabase(bytesOf(rel));
    const borrowed = db.exec('SELECT id, odid FROM cards WHERE odid != 0')[0]!.values;
    db.close();
    expect(borrowed).toHaveLength(1);
    expect(b.cards.find((c) => c.key === String(borrowed[0]![0]))!.deckKey).toBe(String(borrowed[0]![1]));
    const dump = csvRows('derived-revlog-csv/yourchocobro_collection_revlog.csv');
    expect(b.reviews.map((r) => r.key)).toEqual(dump.map((r) => String(r.id)));
    expect(b.reviews.filter((r) => r.rating === 0)).toHaveLength(dump.filter((r) => r.ease === 0 || (r.type ?? 0) >= 4).length);
    expect(b.notices.some((n) => n.startsWith("1369 notes of note type 'Japanese' (fields Expression, Meaning, Reading)"))).toBe(true);
    expectConsistent(b);
  });

  it('skinatro collection.anki21: 167 notes, 190 cards, 15 reviews and its nested decks, four levels deep', async () => {
    const b = await read('skinatro-collection/collection.anki21');
    expect(counts(b)).toEqual({ notes: 167, cards: 190, reviews: 15 });
    // The file's 16 decks: Default, empty and so left out, and 15 under "Mirage's Deck".
    expect(b.decks).toHaveLength(15);
    expect(b.decks.every((d) => d.title.startsWith("Mirage's Deck"))).toBe(true);
    expect(b.decks.map((d) => d.title)).toContain("Mirage's Deck::Jee::Chemistry::Redox");
    expect(Math.max(...b.decks.map((d) => d.title.split('::').length))).toBe(4);
    expect(new Set(b.reviews.map((r) => r.kind))).toEqual(new Set(['learn']));
    expectConsistent(b);
  });
});

describe.skipIf(!hasShared)(`real Anki cards through their own templates (${hasShared ? 'from ../shared/realdata' : sharedSkipReason})`, () => {
  const FILES = [
    'skinatro-collection/collection.anki21',
    'anki-terminal/jap21.apkg',
    'anki-terminal/jap2.apkg',
    'anki-pwa-tests/ap_gov_vocab_anki11.apkg',
    'anki-pwa-tests/example_music_intervals.apkg',
    'tony363-anki-automations/Selected-Notes3.apkg',
    'anki-pylib-tests/media.apkg',
    'anki-pylib-tests/mediacheck.anki2',
    'anki-pylib-tests/diffmodels2-2.apkg',
    'anki-pylib-tests/diffmodeltemplates-2.apkg',
    'yourchocobro-collection/collection.anki2',
  ];
  it.each(FILES)('%s: every imported card renders its question and answer with no problem, no raw {{ and a question that is not empty', async (rel) => {
    const { renderTemplate } = await import('../../../main/domain/anki-template.ts');
    const b = await read(rel);
    const notetypes = new Map((b.notetypes ?? []).map((n) => [n.key, n]));
    const notes = new Map(b.notes.map((n) => [n.key, n]));
    const failures: string[] = [];
    for (const c of b.cards) {
      const note = notes.get(c.noteKey)!;
      const nt = notetypes.get(note.anki!.notetypeKey)!;
      const template = nt.templates[nt.cloze ? 0 : c.ord!]!;
      const card = { fields: Object.fromEntries(nt.fields.map((name, i) => [name, note.anki!.fields[i]!])), cloze: nt.cloze ? c.ord! + 1 : 0, tags: note.tags, deck: '', card: template.name, notetype: nt.name };
      const question = renderTemplate(template.question, card, { side: 'question' });
      const answer = renderTemplate(template.answer, card, { side: 'answer', frontSide: question.html });
      const problems = [...question.problems, ...answer.problems];
      if (problems.length || /\{\{/.test(question.html + answer.html) || question.html.trim() === '') failures.push(`card ${c.key}: ${problems.join('; ') || 'raw {{ or an empty question'}`);
    }
    expect(failures).toEqual([]);
    expect(b.cards.length).toBeGreaterThan(0);
  });
});
