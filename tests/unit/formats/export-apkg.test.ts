import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MemoryState } from '../../../main/domain/card.ts';
import type { ExportInput } from '../../../main/formats/bundle.ts';
import { writeApkg } from '../../../main/formats/export/apkg.ts';
import { ExportError } from '../../../main/formats/export/export-error.ts';
import { openDatabase, type Database } from '../../../main/formats/sqlite.ts';
import { hasShared, REALDATA, sharedSkipReason } from '../shared-data.ts';
import { buildExport, NOTES } from './export-input.ts';

const REAL_APKG = path.join(REALDATA, 'tony363-anki-automations/Selected-Notes3.apkg');

async function open(apkg: Uint8Array): Promise<{ files: Record<string, Uint8Array>; db: Database }> {
  const files = unzipSync(apkg);
  expect(files['collection.anki21'], 'the package holds collection.anki21').toBeDefined();
  return { files, db: await openDatabase(files['collection.anki21']) };
}

function rows(db: Database, sql: string): Record<string, unknown>[] {
  const result = db.exec(sql)[0];
  if (!result) return [];
  return result.values.map((values) => Object.fromEntries(result.columns.map((c, i) => [c, values[i]])));
}

function colJson(db: Database): { crt: number; conf: Record<string, unknown>; models: Record<string, any>; decks: Record<string, any>; dconf: Record<string, any> } {
  const col = rows(db, 'SELECT crt, conf, models, decks, dconf FROM col')[0]!;
  return { crt: col.crt as number, conf: JSON.parse(col.conf as string), models: JSON.parse(col.models as string), decks: JSON.parse(col.decks as string), dconf: JSON.parse(col.dconf as string) };
}

const sha1Checksum = (text: string) => parseInt(createHash('sha1').update(text, 'utf8').digest('hex').slice(0, 8), 16);

/** Anki's day number for a time: calendar days between crt's study day and the time's (4 am local rollover). */
function ankiDay(ms: number, crtSeconds: number): number {
  const localDate = (t: number) => {
    const d = new Date(t - 4 * 3_600_000);
    return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  };
  return Math.round((localDate(ms) - localDate(crtSeconds * 1000)) / 86_400_000);
}

describe('writeApkg: an Anki 2.1 package', () => {
  it('is a zip with a sound collection.anki21 of schema 11, the media map and the media files', async () => {
    const built = buildExport();
    const { files, db } = await open(await writeApkg(built.input, { scheduling: true }));
    expect(rows(db, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(rows(db, 'SELECT ver FROM col')).toEqual([{ ver: 11 }]);
    expect(JSON.parse(strFromU8(files.media!))).toEqual({ '0': 'cat.jpg', '1': 'say hi.mp3' });
    expect([...files['0']!]).toEqual([...built.input.media[0]!.bytes]);
    expect([...files['1']!]).toEqual([...built.input.media[1]!.bytes]);
    expect(Object.keys(files).sort()).toEqual(['0', '1', 'collection.anki21', 'media']);
    db.close();
  });

  it.skipIf(!hasShared)(`has the tables, columns and indexes of a collection Anki wrote, and every key of its models, decks and options (${hasShared ? 'Selected-Notes3.apkg' : sharedSkipReason})`, async () => {
    const real = await open(readFileSync(REAL_APKG));
    const ours = await open(await writeApkg(buildExport().input, { scheduling: true }));
    const schema = (db: Database) => rows(db, "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
    expect(schema(ours.db)).toEqual(schema(real.db));
    for (const table of ['col', 'notes', 'cards', 'revlog', 'graves']) {
      expect(rows(ours.db, `PRAGMA table_info(${table})`), table).toEqual(rows(real.db, `PRAGMA table_info(${table})`));
    }

    const r = colJson(real.db);
    const o = colJson(ours.db);
    const keysOf = (objects: object[]) => [...new Set(objects.flatMap((x) => Object.keys(x)))].sort();
    const expectKeys = (ourObjects: object[], realObjects: object[], what: string) => {
      for (const x of ourObjects) expect(Object.keys(x), what).toEqual(expect.arrayContaining(keysOf(realObjects)));
    };
    const realModels = Object.values(r.models);
    const ourModels = Object.values(o.models);
    expect(ourModels.map((m) => m.name).sort()).toEqual(['Basic', 'Basic (and reversed card)', 'Cloze']);
    expectKeys(ourModels, realModels, 'model');
    expectKeys(ourModels.flatMap((m) => m.tmpls), realModels.flatMap((m) => m.tmpls), 'template');
    expectKeys(ourModels.flatMap((m) => m.flds), realModels.flatMap((m) => m.flds), 'field');
    expectKeys(Object.values(o.decks), Object.values(r.decks), 'deck');
    expectKeys(Object.values(o.dconf), Object.values(r.dconf), 'deck options');
    expectKeys([o.conf], [r.conf], 'collection config');
    for (const key of ['new', 'rev', 'lapse'] as const) expectKeys([o.dconf['1'][key]], [r.dconf['1'][key]], `deck options ${key}`);
    real.db.close();
    ours.db.close();
  });

  it('writes each deck by its nested title, with its missing parent and the Default deck', async () => {
    const { db } = await open(await writeApkg(buildExport().input, { scheduling: true }));
    const { decks } = colJson(db);
    const byName = Object.fromEntries(Object.values(decks).map((d) => [d.name, d]));
    expect(Object.keys(byName).sort()).toEqual(['Biology', 'Default', 'Languages', 'Languages::Japanese']);
    expect(byName.Default.id).toBe(1);
    expect(byName.Biology.desc).toBe('Cells');
    for (const d of Object.values(decks)) expect(String(d.id)).toBe(Object.keys(decks).find((k) => decks[k] === d));
    const cardDecks = rows(db, 'SELECT DISTINCT did FROM cards').map((r) => r.did).sort();
    expect(cardDecks).toEqual([byName.Biology.id, byName['Languages::Japanese'].id].sort());
    db.close();
  });

  it('writes notes as Anki does: fields as HTML, the stripped sort field and its SHA-1 checksum, tags, GUIDs', async () => {
    const built = buildExport();
    const { db } = await open(await writeApkg(built.input, { scheduling: true }));
    const { models } = colJson(db);
    const modelName = (mid: unknown) => models[String(mid)].name;
    const notes = rows(db, 'SELECT * FROM notes');
    expect(notes).toHaveLength(6);
    const bySfld = new Map(notes.map((n) => [String(n.sfld), n]));

    // Markdown becomes HTML; a lone paragraph loses its <p>.
    const mito = bySfld.get('What is the mitochondrion?')!;
    expect(mito.flds).toBe('What is the <strong>mitochondrion</strong>?\x1fThe <em>powerhouse</em> of the cell');
    expect(mito.csum).toBe(sha1Checksum('What is the mitochondrion?'));
    expect(mito.tags).toBe(' cells world_war ');
    expect(modelName(mito.mid)).toBe('Basic');

    // HTML goes as it is; the sort field keeps an image's file name and decodes entities, &nbsp; as a space.
    const hello = bySfld.get('Hello world &  cat.jpg ')!;
    expect(hello.flds).toBe(`${NOTES.hello.front}\x1f${NOTES.hello.back}`);
    expect(hello.csum).toBe(sha1Checksum('Hello world &  cat.jpg '));
    expect(hello.guid).toBe('Ab#c1!x');
    expect(hello.tags).toBe('');

    const thaad = bySfld.get('THAAD')!;
    expect(modelName(thaad.mid)).toBe('Basic (and reversed card)');
    expect(thaad.flds).toBe('THAAD\x1fA missile\tdefence &quot;system&quot;\nsecond line');

    const five = bySfld.get('{{c1::Stability}} before {{c2::denuclearization}}')!;
    expect(modelName(five.mid)).toBe('Cloze');
    expect(five.flds).toBe('{{c1::Stability}} before {{c2::denuclearization}}\x1fFrom the article');
    const paris = bySfld.get('{{c1::Paris}} is the capital')!;
    expect(paris.flds).toBe('<i>{{c1::Paris}}</i> is the capital\x1f');

    for (const n of notes) {
      expect(n.usn).toBe(-1);
      expect(n.flags).toBe(0);
      expect(n.data).toBe('');
      expect(String(n.guid)).toMatch(/^[^\s\x1f]+$/);
    }
    expect(new Set(notes.map((n) => n.guid)).size).toBe(6);
    db.close();
  });

  it('gives a note the same GUID on every export, and keeps the GUID of a note that came from Anki', async () => {
    const built = buildExport();
    const guids = async (input: ExportInput) => {
      const { db } = await open(await writeApkg(input, { scheduling: false }));
      const found = rows(db, 'SELECT guid, sfld FROM notes ORDER BY sfld').map((r) => `${r.sfld}=${r.guid}`);
      db.close();
      return found;
    };
    const first = await guids(built.input);
    const later = await guids({ ...built.input, now: built.input.now + 86_400_000, notes: [...built.input.notes].reverse() });
    expect(later).toEqual(first);
    expect(first).toContain('Hello world &  cat.jpg =Ab#c1!x');
  });

  it('makes one card per template: front 0, reverse 1, cloze cN at N − 1', async () => {
    const { db } = await open(await writeApkg(buildExport().input, { scheduling: true }));
    const perNote = rows(db, "SELECT notes.sfld AS sfld, group_concat(cards.ord, ',') AS ords FROM cards JOIN notes ON notes.id = cards.nid GROUP BY notes.id ORDER BY notes.sfld");
    expect(Object.fromEntries(perNote.map((r) => [r.sfld, String(r.ords).split(',').sort().join(',')]))).toEqual({
      '#1 starts with a hash': '0',
      'Hello world &  cat.jpg ': '0',
      THAAD: '0,1',
      'What is the mitochondrion?': '0',
      '{{c1::Paris}} is the capital': '0',
      '{{c1::Stability}} before {{c2::denuclearization}}': '0,1',
    });
    expect(rows(db, 'SELECT count(DISTINCT id) AS n FROM cards')).toEqual([{ n: 8 }]);
    db.close();
  });

  it('with scheduling, gives each card the type, queue, due, interval and FSRS memory of its state', async () => {
    const built = buildExport();
    const { db } = await open(await writeApkg(built.input, { scheduling: true }));
    const { crt } = colJson(db);
    const card = (sfld: string, ord: number) => rows(db, `SELECT cards.* FROM cards JOIN notes ON notes.id = cards.nid WHERE notes.sfld = '${sfld.replace(/'/g, "''")}' AND cards.ord = ${ord}`)[0]!;
    const ours = (id: string) => built.input.cards.find((c) => c.id === id)!;

    const mito = ours('bio/mito');
    expect(mito.memory.state).toBe(MemoryState.Review);
    const mitoRow = card('What is the mitochondrion?', 0);
    expect(mitoRow).toMatchObject({ type: 2, queue: 2, due: ankiDay(mito.memory.due, crt), ivl: mito.memory.scheduledDays, reps: 3, lapses: 0, factor: 2500 });
    expect(JSON.parse(mitoRow.data as string)).toEqual({ s: expect.closeTo(mito.memory.stability, 3), d: expect.closeTo(mito.memory.difficulty, 3) });

    const rev = ours('jp/thaad:reverse');
    expect(rev.memory.state).toBe(MemoryState.Learning);
    expect(card('THAAD', 1)).toMatchObject({ type: 1, queue: 1, due: Math.floor(rev.memory.due / 1000), ivl: 0 });

    // The undone Again left thaad in review.
    expect(card('THAAD', 0)).toMatchObject({ type: 2, queue: 2, reps: 1, lapses: 0 });

    const hello = ours('bio/hello');
    expect(hello.memory.state).toBe(MemoryState.Relearning);
    expect(card('Hello world &  cat.jpg ', 0)).toMatchObject({ type: 3, queue: -3, due: Math.floor(hello.memory.due / 1000), lapses: 1 });

    // Reset: new again, at its note's position.
    expect(card('{{c1::Stability}} before {{c2::denuclearization}}', 0)).toMatchObject({ type: 0, queue: 0, due: 1, ivl: 0, data: '' });
    // Suspended: new, and learned.
    expect(card('{{c1::Stability}} before {{c2::denuclearization}}', 1)).toMatchObject({ type: 0, queue: -1, due: 1 });
    expect(card('{{c1::Paris}} is the capital', 0)).toMatchObject({ type: 2, queue: -1 });
    // Never studied.
    expect(card('#1 starts with a hash', 0)).toMatchObject({ type: 0, queue: 0, due: 3, reps: 0, data: '' });
    for (const r of rows(db, 'SELECT usn, odue, odid, flags FROM cards')) expect(r).toEqual({ usn: -1, odue: 0, odid: 0, flags: 0 });
    db.close();
  });

  it('with scheduling, logs every kept answer in the revlog with its rating, time and type, and leaves out the undone one', async () => {
    const built = buildExport();
    const { db } = await open(await writeApkg(built.input, { scheduling: true }));
    const revlog = rows(db, 'SELECT * FROM revlog ORDER BY id');
    const answers = revlog.filter((r) => r.type !== 4);
    expect(answers.map((r) => r.ease)).toEqual(built.answers.map((a) => a.rating));
    expect(answers.map((r) => r.type)).toEqual(built.answers.map((a) => a.typeBefore));
    expect(answers.map((r) => r.time)).toEqual(built.answers.map((a) => Math.min(a.durationMs, 60_000)));
    expect(new Set(built.answers.map((a) => a.rating))).toEqual(new Set([1, 2, 3, 4]));
    // The undone Again is not there: nothing on the day it was given.
    expect(revlog.some((r) => Math.abs((r.id as number) - built.undoneAnswerAt) < 60_000)).toBe(false);
    // The reset is Anki's Forget: a manual entry with no rating and no interval.
    const manual = revlog.filter((r) => r.type === 4);
    expect(manual).toHaveLength(1);
    expect(manual[0]).toMatchObject({ ease: 0, ivl: 0 });
    expect(manual[0]!.id).toBe(built.resetAt);
    // Two answers given in the same millisecond both stay, one a millisecond later.
    expect(new Set(revlog.map((r) => r.id)).size).toBe(revlog.length);
    // Learning steps are negative seconds, review intervals days; lastIvl is the previous entry's.
    const mitoId = rows(db, "SELECT cards.id FROM cards JOIN notes ON notes.id = cards.nid WHERE notes.sfld = 'What is the mitochondrion?'")[0]!.id;
    const mito = revlog.filter((r) => r.cid === mitoId);
    expect(mito.map((r) => r.ease)).toEqual([1, 3, 3]);
    expect(mito[0]!.ivl).toBe(-60);
    expect(mito[1]!.ivl).toBe(-600);
    expect(mito[2]!.ivl as number).toBeGreaterThanOrEqual(1);
    expect(mito.map((r) => r.lastIvl)).toEqual([0, -60, -600]);
    for (const r of revlog) expect(r.usn).toBe(-1);
    db.close();
  });

  it('without scheduling, makes every card new, in note order, with no review history', async () => {
    const built = buildExport();
    const { db } = await open(await writeApkg(built.input, { scheduling: false }));
    const cards = rows(db, 'SELECT cards.*, notes.sfld FROM cards JOIN notes ON notes.id = cards.nid');
    expect(cards).toHaveLength(8);
    const position = new Map(built.input.notes.map((n) => [n.id, n.position]));
    for (const c of cards) {
      expect(c).toMatchObject({ type: 0, queue: 0, ivl: 0, factor: 0, reps: 0, lapses: 0, data: '' });
    }
    const hello = cards.find((c) => c.sfld === 'Hello world &  cat.jpg ')!;
    expect(hello.due).toBe(position.get('bio/hello'));
    expect(rows(db, 'SELECT count(*) AS n FROM revlog')).toEqual([{ n: 0 }]);
    db.close();
  });

  it('refuses an export whose card has no note, naming the card, and writes nothing', async () => {
    const built = buildExport();
    const input = { ...built.input, notes: built.input.notes.filter((n) => n.id !== 'jp/thaad') };
    await expect(writeApkg(input, { scheduling: true })).rejects.toThrow(new ExportError('card "jp/thaad"', 'its note "jp/thaad" is not in the export'));
    const twice = { ...built.input, media: [...built.input.media, built.input.media[0]!] };
    await expect(writeApkg(twice, { scheduling: true })).rejects.toThrow('media file "cat.jpg": appears twice in the export');
  });
});
