// Files that are not what they claim, damaged, empty or hostile: each is refused with one
// ImportError naming the file and the problem, and nothing else ever escapes the readers.
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../main/formats/bundle.ts';
import { openDatabase } from '../../../main/formats/sqlite.ts';
import { readAnkiCollection, readAnkiPackage } from '../../../main/formats/import/anki.ts';
import { buildCollection, buildPackage, sampleCollection, zstdRaw } from './fixtures/anki-fixtures.ts';

const MiB = 1024 * 1024;

async function failure(read: Promise<unknown>): Promise<string> {
  try {
    await read;
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return (e as Error).message;
  }
  throw new Error('the file was read without complaint');
}

/** Rewrites the unpacked size a zip declares for its first member, in both headers fflate writes. */
function lieAboutSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  view.setUint32(22, size, true);
  // fflate writes no archive comment, so the end record is the last 22 bytes; its field at 16
  // is where the central directory starts.
  const cd = view.getUint32(out.length - 22 + 16, true);
  view.setUint32(cd + 24, size, true);
  return out;
}

describe('refused Anki packages', () => {
  it('says a file that is not a zip is not one', async () => {
    expect(await failure(readAnkiPackage('notes.apkg', strToU8('front,back\nhello,world\n')))).toBe('notes.apkg: not a zip archive');
  });

  it('says an empty file is empty', async () => {
    expect(await failure(readAnkiPackage('empty.apkg', new Uint8Array()))).toBe('empty.apkg: the file is empty (0 bytes)');
  });

  it('says a truncated package is damaged', async () => {
    const whole = await buildPackage({ layout: 'collection.anki21', collection: await buildCollection(sampleCollection(11)) });
    expect(await failure(readAnkiPackage('cut.apkg', whole.subarray(0, Math.floor(whole.length / 2))))).toBe(
      'cut.apkg: the zip archive is damaged or incomplete (its table of contents cannot be read)',
    );
  });

  it('says a zip without a collection holds none', async () => {
    expect(await failure(readAnkiPackage('photos.apkg', zipSync({ 'cat.jpg': new Uint8Array([1, 2, 3]) })))).toBe('photos.apkg: the package holds no Anki collection');
  });

  it('says a package whose only collection is 0 bytes is empty', async () => {
    expect(await failure(readAnkiPackage('hollow.apkg', zipSync({ 'collection.anki2': new Uint8Array(), media: strToU8('{}') })))).toBe(
      'hollow.apkg: the collection is empty (0 bytes)',
    );
  });

  it('says a damaged database is damaged', async () => {
    const collection = await buildCollection(sampleCollection(11));
    collection.fill(0xab, 100, collection.length);
    expect(await failure(readAnkiPackage('broken.apkg', zipSync({ 'collection.anki2': collection })))).toMatch(
      /^broken\.apkg: the collection database is damaged and cannot be read \((database disk image is malformed|file is not a database)\)$/,
    );
  });

  it('says a collection that is not SQLite at all is not one', async () => {
    expect(await failure(readAnkiPackage('odd.apkg', zipSync({ 'collection.anki21': strToU8('x'.repeat(500)) })))).toBe(
      'odd.apkg: the collection is not an SQLite database: the file is damaged or not an Anki collection',
    );
  });

  it('refuses a member that declares more than the unpacking limit, before unpacking it', async () => {
    const bomb = zipSync({ 'collection.anki2': new Uint8Array(5 * MiB) });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(await failure(readAnkiPackage('bomb.apkg', bomb, { limits: { maxUnpackedBytes: 4 * MiB } }))).toBe(
      'bomb.apkg: would unpack to more than 4 MiB: refusing a possible zip bomb',
    );
  });

  it('refuses at the default 1 GiB limit a package declaring more', async () => {
    const bomb = lieAboutSize(zipSync({ 'collection.anki2': new Uint8Array(1000) }), 2 ** 31);
    expect(await failure(readAnkiPackage('huge.apkg', bomb))).toBe('huge.apkg: would unpack to more than 1 GiB: refusing a possible zip bomb');
  });

  it('stops unpacking a member that inflates past the size it declares', async () => {
    const liar = lieAboutSize(zipSync({ 'collection.anki2': new Uint8Array(3 * MiB) }), 1000);
    expect(await failure(readAnkiPackage('liar.apkg', liar))).toBe(
      "liar.apkg: the archive member 'collection.anki2' unpacks to more than the 1000 bytes it declares: the archive is damaged or hostile",
    );
  });

  it('stops a zstd collection that decompresses past the limit', async () => {
    const huge = zstdRaw(new Uint8Array(2 * MiB));
    const pkg = zipSync({ 'collection.anki21b': huge, meta: new Uint8Array([8, 3]) });
    expect(await failure(readAnkiPackage('zbomb.apkg', pkg, { limits: { maxUnpackedBytes: 3 * MiB } }))).toBe(
      'zbomb.apkg: would unpack to more than 3 MiB: refusing a possible zip bomb',
    );
  });

  it('refuses a file over the size limit without reading it', async () => {
    expect(await failure(readAnkiPackage('big.apkg', new Uint8Array(3 * MiB), { limits: { maxFileBytes: 2 * MiB } }))).toBe(
      'big.apkg: the file is 3 MiB, larger than the 2 MiB that can be imported',
    );
  });
});

describe('refused bare collections', () => {
  it('says a 0-byte collection is empty', async () => {
    expect(await failure(readAnkiCollection('collection.anki2', new Uint8Array()))).toBe('collection.anki2: the collection is empty (0 bytes)');
  });

  it('says an empty SQLite database holds no collection', async () => {
    const db = await openDatabase();
    db.exec('CREATE TABLE t (x)');
    const bytes = db.export();
    db.close();
    expect(await failure(readAnkiCollection('blank.anki2', bytes))).toBe("blank.anki2: the database holds no Anki collection (it has no 'col' table)");
  });

  it('refuses a collection older than Anki 2.0 by its version', async () => {
    const old = await buildCollection({ ...sampleCollection(11), ver: 1 });
    expect(await failure(readAnkiCollection('alpha.anki2', old))).toBe('alpha.anki2: collection format version 1 is older than Anki 2.0 and cannot be read');
  });

  it('says damaged zstd is damaged', async () => {
    const z = zstdRaw(await buildCollection(sampleCollection(18)));
    expect(await failure(readAnkiCollection('c.anki21b', z.subarray(0, z.length - 1000)))).toBe('c.anki21b: the collection is damaged: its zstd compression cannot be undone');
  });

  it('refuses more notes than one import may bring', async () => {
    expect(await failure(readAnkiCollection('many.anki2', await buildCollection(sampleCollection(11)), { limits: { maxNotes: 3 } }))).toBe(
      'many.anki2: the collection holds 4 notes, more than the 3 one import may bring',
    );
  });
});

describe('fuzzed input', () => {
  /** Either a bundle or an ImportError; anything else fails the property. */
  async function readsOrRefuses(read: Promise<unknown>): Promise<boolean> {
    try {
      await read;
      return true;
    } catch (e) {
      if (e instanceof ImportError) return true;
      throw e;
    }
  }

  it('random bytes: a bundle or an ImportError, never another exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), async (bytes, asPackage) =>
        readsOrRefuses(asPackage ? readAnkiPackage('fuzz.apkg', bytes) : readAnkiCollection('fuzz.anki2', bytes)),
      ),
      { numRuns: 150 },
    );
  });

  it('damaged and truncated real-shaped packages: a bundle or an ImportError', async () => {
    const packages = await Promise.all(
      (['collection.anki2', 'collection.anki21b'] as const).map(async (layout) =>
        buildPackage({
          layout,
          collection: await buildCollection(sampleCollection(layout === 'collection.anki21b' ? 18 : 11)),
          media: [{ name: 'a.mp3', bytes: new Uint8Array([1, 2, 3]) }],
        }),
      ),
    );
    const mutation = fc.record({
      which: fc.nat(packages.length - 1),
      edits: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
      keep: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    });
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(mutation, async ({ which, edits, keep }) => {
        const bytes = packages[which]!.slice();
        for (const [where, value] of edits) bytes[Math.floor(where * (bytes.length - 1))] = value;
        const cut = keep === null ? bytes : bytes.subarray(0, Math.floor(keep * bytes.length));
        return readsOrRefuses(readAnkiPackage('fuzz.apkg', cut, { limits: { maxUnpackedBytes: 64 * MiB } }));
      }),
      { numRuns: 150 },
    );
    // The 150 packages take well under a second (40-50 ms on two busy cores): the bound is there for
    // a damaged file that sends a reader into a crawl, and is far from anything load could cause.
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('damaged collections: a bundle or an ImportError', async () => {
    const collections = [await buildCollection(sampleCollection(11)), await buildCollection(sampleCollection(18))];
    await fc.assert(
      fc.asyncProperty(fc.nat(1), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 16 }), async (which, edits) => {
        const bytes = collections[which]!.slice();
        for (const [where, value] of edits) bytes[Math.floor(where * (bytes.length - 1))] = value;
        return readsOrRefuses(readAnkiCollection('fuzz.anki21', bytes));
      }),
      { numRuns: 150 },
    );
  });
});

describe('hostile collections', () => {
  it('reads only real tables, so a view standing in for one cannot run a query that never ends', async () => {
    const db = await openDatabase(await buildCollection(sampleCollection(18)));
    db.exec('DROP TABLE fields; CREATE VIEW fields AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT 1 AS ntid, i AS ord, "x" AS name FROM n');
    const bytes = db.export();
    db.close();
    expect(await failure(readAnkiCollection('trap.anki21', bytes))).toBe("trap.anki21: the collection is incomplete (it has no 'fields' table)");
  });
});

describe('zip checksums', () => {
  const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 200 }, (_, i) => (i * 37) % 251)]);

  /** The package with every member stored uncompressed, as some zip tools write it: a flipped byte stays a flipped byte. */
  async function storedPackage(): Promise<Uint8Array> {
    const packed = await buildPackage({ layout: 'collection.anki21', collection: await buildCollection(sampleCollection(11)), media: [{ name: 'cat.png', bytes: PNG }] });
    return zipSync(unzipSync(packed), { level: 0 });
  }

  function flipAt(zip: Uint8Array, needle: Uint8Array): Uint8Array {
    const at = Buffer.from(zip).indexOf(Buffer.from(needle));
    expect(at).toBeGreaterThan(0);
    const out = zip.slice();
    out[at + needle.length - 1]! ^= 0x01;
    return out;
  }

  it('reads a stored package whose members match their checksums', async () => {
    const bundle = await readAnkiPackage('ok.apkg', await storedPackage());
    expect(bundle.media.map((m) => m.name)).toEqual(['cat.png']);
  });

  it('refuses a package with a damaged picture, naming the picture and its member', async () => {
    const damaged = flipAt(await storedPackage(), PNG.subarray(100, 120));
    expect(await failure(readAnkiPackage('pictures.apkg', damaged))).toBe("pictures.apkg: the picture or sound 'cat.png' (archive member '0') is damaged: its content does not match its checksum (CRC-32)");
  });

  it('refuses a stored collection whose note text has a flipped byte, naming the collection', async () => {
    const damaged = flipAt(await storedPackage(), strToU8('Capital of France?'));
    expect(await failure(readAnkiPackage('flipped.apkg', damaged))).toBe("flipped.apkg: the archive member 'collection.anki21' is damaged: its content does not match its checksum (CRC-32)");
  });
});
