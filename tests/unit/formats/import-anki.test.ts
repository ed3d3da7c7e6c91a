// Reading Anki packages and collections that the tests build themselves: every layout and schema,
// the way note types become Deckhand notes, decks, tags, suspension, review history and media.
import { describe, expect, it } from 'vitest';
import type { ImportBundle } from '../../../main/formats/bundle.ts';
import { readAnkiCollection, readAnkiFile, readAnkiPackage } from '../../../main/formats/import/anki.ts';
import { BASIC, buildCollection, buildPackage, CLOZE, sampleCollection, zstdRaw, type FixtureNotetype, type Layout } from './fixtures/anki-fixtures.ts';

const OPTIONAL_REVERSED: FixtureNotetype = { id: 1005, name: 'Basic (optional reversed card)', fields: ['Front', 'Back', 'Add Reverse'], templates: ['Card 1', 'Card 2'] };

const LAYOUTS: [Layout, 11 | 18][] = [
  ['collection.anki2', 11],
  ['collection.anki21', 11],
  ['collection.anki21b', 18],
];

const DAY = 86_400_000;
const note = (b: ImportBundle, key: string) => b.notes.find((n) => n.key === key)!;
const cardsOf = (b: ImportBundle, noteKey: string) => b.cards.filter((c) => c.noteKey === noteKey);

describe.each(LAYOUTS)('a package with %s (schema %i)', (layout, schema) => {
  const read = async () => readAnkiPackage('shared.apkg', await buildPackage({ layout, collection: await buildCollection(sampleCollection(schema)) }));

  it('reads the real collection, not the dummy beside it', async () => {
    const b = await read();
    expect(b.format).toBe('apkg');
    expect(b.notes.map((n) => n.key)).toEqual(['basic-guid', 'rev-guid', 'cloze-guid', 'jp-guid']);
    expect(b.notes.some((n) => n.front.includes('Please update'))).toBe(false);
  });

  it('maps basic, reversed and cloze note types to Deckhand notes and cards, keeping the HTML', async () => {
    const b = await read();
    expect(note(b, 'basic-guid')).toMatchObject({ type: 'basic', format: 'html', front: 'Capital of France?', back: '<b>Paris</b>', tags: ['geo', 'capitals'], addedAt: 1_600_000_001_000 });
    expect(note(b, 'rev-guid')).toMatchObject({ type: 'reversed', front: '犬', back: 'dog' });
    expect(cardsOf(b, 'rev-guid').map((c) => [c.key, c.template])).toEqual([
      ['1600000002100', 'front'],
      ['1600000002200', 'reverse'],
    ]);
    expect(note(b, 'cloze-guid')).toMatchObject({ type: 'cloze', text: '{{c1::Tokyo}} is in {{c2::Japan}}', extra: 'a hint', front: '', back: '', tags: ['grammar'] });
    expect(cardsOf(b, 'cloze-guid').map((c) => c.template)).toEqual(['c1', 'c2']);
  });

  it('imports another note type as front = first field, back = the rest, says so, and skips its third template', async () => {
    const b = await read();
    expect(note(b, 'jp-guid')).toMatchObject({ type: 'basic', front: '食べる', back: 'to eat' });
    expect(b.notices).toEqual(["1 note of note type 'Japanese' (fields Expression, Meaning, Reading) was imported as front = first field, back = the rest"]);
    expect(b.skipped).toContainEqual({ what: 'card 1600000004200', reason: "it is made by template 'Writing' of note type 'Japanese'; only the first two templates of a note type become front and reverse cards" });
    expect(cardsOf(b, 'jp-guid').map((c) => c.template)).toEqual(['front']);
  });

  it('keeps nested decks with their descriptions, files a filtered-deck card in its home deck, and leaves out the filtered and the empty default deck', async () => {
    const b = await read();
    expect(b.decks).toEqual([
      { key: '10', title: 'Languages', description: 'All my languages' },
      { key: '11', title: 'Languages::Japanese', description: '' },
      { key: '12', title: 'Languages::Japanese::Kana', description: '' },
    ]);
    expect(b.cards.find((c) => c.key === '1600000003200')!.deckKey).toBe('12');
    expect(note(b, 'basic-guid').deckKey).toBe('10');
  });

  it('keeps a suspended card suspended and only that one', async () => {
    const b = await read();
    expect(b.cards.filter((c) => c.suspended).map((c) => c.key)).toEqual(['1600000002200']);
  });

  it('converts the revlog oldest first: answers keep their rating; manual, rescheduled and cram entries are not answers', async () => {
    const b = await read();
    expect(b.reviews.map((r) => [r.cardKey.slice(-4), r.rating, r.kind, r.durationMs])).toEqual([
      ['3100', 1, 'learn', 8000],
      ['3100', 3, 'learn', 4000],
      ['3100', 4, 'review', 3000],
      ['3100', 2, 'relearn', 2000],
      ['3200', 3, 'filtered', 1000],
      ['3200', 0, 'cram', 1000],
      ['3100', 0, 'manual', 0],
      ['3100', 0, 'rescheduled', 0],
    ]);
    expect(b.reviews[0]).toMatchObject({ key: '1600100000000', reviewedAt: 1_600_100_000_000 });
    expect(b.skipped).toContainEqual({ what: 'review history of card 9999', reason: '1 review entry belongs to a card that is not imported' });
  });

  it('states the schedule only of a studied card whose history is not in the file', async () => {
    const b = await read();
    const withSchedule = b.cards.filter((c) => c.schedule);
    expect(withSchedule.map((c) => c.key)).toEqual(['1600000001100']);
    expect(withSchedule[0]!.schedule).toEqual({ due: 1_600_000_000_000 + 30 * DAY, intervalDays: 12, ease: 2.5 });
  });
});

describe('media in packages', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
  const mp3 = new Uint8Array([0x49, 0x44, 0x33, 9, 9]);

  it.each(['collection.anki21', 'collection.anki21b'] as Layout[])('reads the %s media map and each file it names', async (layout) => {
    const collection = await buildCollection(sampleCollection(layout === 'collection.anki21b' ? 18 : 11));
    const b = await readAnkiPackage('m.apkg', await buildPackage({ layout, collection, media: [{ name: 'cat.png', bytes: png }, { name: 'ねこ.mp3', bytes: mp3 }] }));
    expect(b.media).toEqual([
      { name: 'cat.png', bytes: png },
      { name: 'ねこ.mp3', bytes: mp3 },
    ]);
    expect(b.skipped.filter((s) => s.what.startsWith('media'))).toEqual([]);
  });

  it('imports the notes but skips a listed file the package does not hold', async () => {
    const collection = await buildCollection(sampleCollection(11));
    const b = await readAnkiPackage('m.apkg', await buildPackage({ layout: 'collection.anki2', collection, media: [{ name: 'gone.mp3' }, { name: 'here.mp3', bytes: mp3 }] }));
    expect(b.notes).toHaveLength(4);
    expect(b.media.map((m) => m.name)).toEqual(['here.mp3']);
    expect(b.skipped).toContainEqual({ what: "media 'gone.mp3'", reason: 'it is listed in the package but not in it' });
  });

  it.each(['collection.anki21', 'collection.anki21b'] as Layout[])('never takes a media name that could write outside the media folder (%s)', async (layout) => {
    const collection = await buildCollection(sampleCollection(layout === 'collection.anki21b' ? 18 : 11));
    const unsafe = ['../evil.sh', '/etc/passwd', 'sub/dir.png', '..\\win.exe', 'C:evil.bat', '..', ''];
    const b = await readAnkiPackage('m.apkg', await buildPackage({ layout, collection, media: [...unsafe.map((name) => ({ name, bytes: png })), { name: 'ok..png', bytes: png }] }));
    expect(b.media.map((m) => m.name)).toEqual(['ok..png']);
    expect(b.skipped.filter((s) => s.what.startsWith('media')).map((s) => s.what)).toEqual(unsafe.map((n) => `media '${n}'`));
  });
});

describe('bare collections', () => {
  it('reads a schema-11 SQLite file and a schema-18 one, plain or zstd-compressed (.anki21b)', async () => {
    const legacy = await readAnkiCollection('collection.anki2', await buildCollection(sampleCollection(11)));
    const modern = await buildCollection(sampleCollection(18));
    const plain = await readAnkiCollection('collection.anki21', modern);
    const compressed = await readAnkiCollection('collection.anki21b', zstdRaw(modern));
    expect(legacy.format).toBe('anki-collection');
    for (const b of [plain, compressed]) {
      expect({ ...b, file: '' }).toEqual({ ...legacy, file: '' });
    }
  });

  it('tells a package from a collection by its bytes', async () => {
    const collection = await buildCollection(sampleCollection(11));
    expect((await readAnkiFile('x.colpkg', await buildPackage({ layout: 'collection.anki21', collection }))).format).toBe('colpkg');
    expect((await readAnkiFile('x.anki2', collection)).format).toBe('anki-collection');
  });

  it('makes the missing cards of a note whose cards are gone, as new cards, and says so', async () => {
    const spec = {
      schema: 11 as const,
      notetypes: [BASIC, CLOZE],
      decks: [{ id: 1, name: 'Default' }],
      notes: [
        { id: 5, guid: 'lonely', mid: BASIC.id, fields: ['Q', 'A'] },
        { id: 6, guid: 'lonely-cloze', mid: CLOZE.id, fields: ['{{c2::a}} {{c1::b}} {{c2::c}}', ''] },
      ],
      cards: [{ id: 7, nid: 99, did: 1, ord: 0 }],
    };
    const b = await readAnkiCollection('c.anki2', await buildCollection(spec));
    expect(b.cards.map((c) => [c.key, c.template, c.deckKey])).toEqual([
      ['lonely:front', 'front', '1'],
      ['lonely-cloze:c1', 'c1', '1'],
      ['lonely-cloze:c2', 'c2', '1'],
    ]);
    expect(b.notices).toContain('2 notes have no cards in the file; their cards were made as new cards');
    expect(b.skipped).toContainEqual({ what: 'card 7', reason: 'its note (id 99) is not in the file' });
  });

  it('states a learning card without history by its due time in seconds, and leaves new cards unscheduled', async () => {
    const spec = {
      schema: 11 as const,
      notetypes: [BASIC, OPTIONAL_REVERSED],
      decks: [{ id: 1, name: 'Default' }],
      notes: [
        { id: 5, guid: 'learning', mid: BASIC.id, fields: ['Q', 'A'] },
        { id: 6, guid: 'one-way', mid: OPTIONAL_REVERSED.id, fields: ['Front side', 'Back side', ''] },
      ],
      cards: [
        { id: 7, nid: 5, did: 1, ord: 0, type: 1, queue: 1, due: 1_700_000_600, ivl: 0, factor: 0 },
        { id: 8, nid: 6, did: 1, ord: 0 },
      ],
    };
    const b = await readAnkiCollection('c.anki2', await buildCollection(spec));
    expect(b.cards.map((c) => [c.key, c.schedule])).toEqual([
      ['7', { due: 1_700_000_600_000, intervalDays: 0, ease: null }],
      ['8', null],
    ]);
    // The optional-reversed type's third field is a switch, not content, and this note has no reverse card.
    expect(note(b, 'one-way')).toMatchObject({ type: 'basic', front: 'Front side', back: 'Back side' });
    expect(b.notices).toEqual([]);
  });

  it('re-reading a changed note keeps its GUID as the key, so a re-import updates it in place', async () => {
    const base = sampleCollection(11);
    const first = await readAnkiCollection('c.anki2', await buildCollection(base));
    base.notes[0]!.fields = ['Capital of Italy?', 'Rome'];
    const second = await readAnkiCollection('c.anki2', await buildCollection(base));
    expect(note(second, 'basic-guid').front).toBe('Capital of Italy?');
    expect(second.notes.map((n) => n.key)).toEqual(first.notes.map((n) => n.key));
    expect(second.cards.map((c) => c.key)).toEqual(first.cards.map((c) => c.key));
  });
});

describe('note types as Anki renders them', () => {
  const VOCAB: FixtureNotetype = {
    id: 2001,
    name: 'Vocab (type in)',
    fields: ['Word', 'Meaning', 'Example'],
    templates: ['Recall'],
    formats: [{ question: '{{Meaning}}{{#Example}}<i>{{Example}}</i>{{/Example}}{{type:Word}}', answer: '{{FrontSide}}<hr id=answer>{{type:Word}}' }],
    css: '.card { color: navy; } .word { font-size: 2em; }',
  };
  for (const schema of [11, 18] as const) {
    it(`keeps each note type's templates, CSS and the note's every field (schema ${schema})`, async () => {
      const collection = await buildCollection({
        schema,
        notetypes: [VOCAB],
        decks: [{ id: 1, name: 'Default' }],
        notes: [{ id: 1_600_000_000_001, guid: 'g1', mid: VOCAB.id, fields: ['perro', 'dog', ''] }],
        cards: [{ id: 1_600_000_000_101, nid: 1_600_000_000_001, did: 1, ord: 0 }],
      });
      const b = await readAnkiCollection('vocab.anki21', collection);
      expect(b.notetypes).toEqual([{ key: '2001', name: 'Vocab (type in)', cloze: false, fields: ['Word', 'Meaning', 'Example'], templates: [{ name: 'Recall', ...VOCAB.formats![0]! }], css: VOCAB.css }]);
      expect(b.notes[0]!.anki).toEqual({ notetypeKey: '2001', fields: ['perro', 'dog', ''] });
      expect(b.cards[0]!.ord).toBe(0);
    });
  }
});
