// The sync folder read back as other devices see it, including what sync engines leave behind.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readFolder, readMedia } from '../../../main/sync/folder-reader.ts';
import { writeDeviceFiles, writeMedia } from '../../../main/sync/folder-writer.ts';
import { parseOp, parseReview, SYNC_LIMITS, type SyncOp, type SyncReview } from '../../../main/sync/folder-format.ts';
import { formatHlc } from '../../../main/sync/hlc.ts';
import { nodeSyncFs } from '../../../main/sync/sync-fs.ts';
import { memoryFs, text } from './memory-fs.ts';
import { tempDir } from '../temp-dir.ts';

const F = '/sync';
const A = `${F}/deckhand/devices/laptop`;

const review = (n: number, device = 'laptop'): SyncReview => ({ id: `${device}-${n}`, cardId: 'd1/n1', rating: 3, reviewedAt: 1_700_000_000_000 + n * 60_000, durationMs: 4000 });
const op = (n: number, device = 'laptop'): SyncOp => ({ id: `${device}-${n}`, hlc: formatHlc({ wall: 1_700_000_000_000 + n, counter: 0, device }), kind: 'note', key: 'n1', set: { front: `front ${n}` } });
const reviews = (count: number) => Array.from({ length: count }, (_, i) => review(i + 1));
const ops = (count: number) => Array.from({ length: count }, (_, i) => op(i));

function laptopWrote(reviewCount: number, opCount: number) {
  const fs = memoryFs();
  writeDeviceFiles(fs, F, { id: 'laptop', name: 'Laptop' }, { reviews: reviews(reviewCount), ops: ops(opCount) }, 3);
  return fs;
}

describe('the sync folder, read by another device', () => {
  it('reads back every review and change a device wrote, in order, from sealed segments and its tail', () => {
    const fs = laptopWrote(8, 4);
    expect([...fs.files.keys()].filter((f) => f.includes('/reviews/'))).toEqual([`${A}/reviews/000000000000.jsonl`, `${A}/reviews/000000000003.jsonl`, `${A}/reviews/tail.jsonl`]);
    const read = readFolder(fs, F, 'desktop');
    expect(read.problems).toEqual([]);
    expect(read.devices).toEqual([{ device: 'laptop', name: 'Laptop', reviews: reviews(8), ops: ops(4), opsPrefix: 4, waiting: [] }]);
    expect(readFolder(fs, F, 'laptop').devices).toEqual([]);
  });

  it('writes a sealed segment once and then only the tail as the device studies on', () => {
    const fs = laptopWrote(8, 0);
    const written = writeDeviceFiles(fs, F, { id: 'laptop', name: 'Laptop' }, { reviews: reviews(10), ops: [] }, 3);
    expect(written).toEqual([`${A}/reviews/000000000006.jsonl`, `${A}/reviews/tail.jsonl`]);
    expect(writeDeviceFiles(fs, F, { id: 'laptop', name: 'Laptop' }, { reviews: reviews(10), ops: [] }, 3)).toEqual([]);
  });

  it('waits for a half-copied segment, reads what comes before it, and reads it once it is whole', () => {
    const fs = laptopWrote(8, 0);
    const whole = fs.files.get(`${A}/reviews/000000000003.jsonl`)!;
    for (const cut of [whole.length - 1, Math.floor(whole.length / 2), 0]) {
      fs.files.set(`${A}/reviews/000000000003.jsonl`, whole.subarray(0, cut));
      const [laptop] = readFolder(fs, F, 'desktop').devices;
      expect(laptop!.reviews.map((r) => r.id)).toEqual(['laptop-1', 'laptop-2', 'laptop-3', 'laptop-7', 'laptop-8']);
      expect(laptop!.waiting).toContain(`${A}/reviews/000000000003.jsonl`);
    }
    // Full length, its end in place, but a block in the middle not filled in yet (an engine that
    // writes blocks out of order into a preallocated file).
    const holed = Uint8Array.from(whole);
    holed.fill(0x20, 40, 80);
    fs.files.set(`${A}/reviews/000000000003.jsonl`, holed);
    expect(readFolder(fs, F, 'desktop').devices[0]!.waiting).toContain(`${A}/reviews/000000000003.jsonl`);
    fs.files.set(`${A}/reviews/000000000003.jsonl`, whole);
    expect(readFolder(fs, F, 'desktop').devices[0]!.reviews).toEqual(reviews(8));
  });

  it('reads the complete lines of a tail cut short, and says which changes it has not seen when a segment has not arrived', () => {
    const fs = laptopWrote(2, 5);
    const tail = fs.files.get(`${A}/reviews/tail.jsonl`)!;
    fs.files.set(`${A}/reviews/tail.jsonl`, tail.subarray(0, tail.length - 5));
    fs.files.delete(`${A}/ops/000000000000.jsonl`);
    const [laptop] = readFolder(fs, F, 'desktop').devices;
    expect(laptop!.reviews).toEqual(reviews(1));
    expect(laptop!.ops).toEqual(ops(5).slice(3));
    expect(laptop!.opsPrefix).toBe(0);
    expect(laptop!.waiting).toEqual([`${A}/ops: entries 0–2 of 5`]);
  });

  it("ignores sync engines' temp files and conflict copies, whatever they hold", () => {
    const fs = laptopWrote(4, 0);
    const other = laptopWrote(7, 3);
    const junk = other.files.get(`${A}/reviews/tail.jsonl`)!;
    for (const name of ['.syncthing.tail.jsonl.tmp', '~syncthing~tail.jsonl.tmp', 'tail.sync-conflict-20250101-120000-ABCDEFG.jsonl', "tail (Desktop's conflicted copy 2025-01-01).jsonl", 'tail-LAPTOP.jsonl', '000000000003 (1).jsonl', '000000000003.jsonl.part']) {
      fs.files.set(`${A}/reviews/${name}`, junk);
    }
    fs.files.set(`${A}/manifest.sync-conflict-20250101-120000-ABCDEFG.json`, text('{"format":99}'));
    const read = readFolder(fs, F, 'desktop');
    expect(read.devices[0]!.reviews).toEqual(reviews(4));
    expect(read.problems).toEqual([]);
  });

  it('names a device that writes a newer format and reads none of its files', () => {
    const fs = laptopWrote(4, 2);
    fs.files.set(`${A}/manifest.json`, text(JSON.stringify({ format: 2, device: 'laptop', name: 'Laptop', somethingNew: true })));
    expect(readFolder(fs, F, 'desktop')).toEqual({ devices: [], newer: [{ device: 'laptop', name: 'Laptop', format: 2 }], problems: [] });
  });

  it('does not let one folder speak for another device, reach outside the folder, or pass anything invalid', () => {
    const fs = laptopWrote(2, 2);
    // The laptop's files copied into a folder named for the desktop, manifest and all: none of it counts as the desktop's.
    for (const [file, bytes] of [...fs.files]) fs.files.set(file.replace('/laptop/', '/desktop/'), bytes);
    fs.files.set(`${F}/deckhand/devices/desktop/manifest.json`, text(JSON.stringify({ format: 1, device: 'desktop', name: 'Desktop' })));
    fs.files.set(`${F}/deckhand/devices/../manifest.json`, text('{}'));
    const hostile = [
      { ...review(9), rating: 7 },
      { ...review(10), cardId: 'x'.repeat(1000) },
      { ...op(2), set: { front: 'x', injected: '<script>' } },
      { ...op(3), hlc: formatHlc({ wall: 1, counter: 0, device: 'desktop' }) },
      JSON.parse('{"__proto__":{"polluted":true},"id":"laptop-4","cardId":"d1/n1","rating":3,"reviewedAt":1,"durationMs":1}') as unknown,
    ];
    const tail = Buffer.concat([fs.files.get(`${A}/reviews/tail.jsonl`)!, text(hostile.map((h) => JSON.stringify(h)).join('\n') + '\n'), text('{"__proto__": {"polluted": true}}\nnot json\n[1,2]\n')]);
    fs.files.set(`${A}/reviews/tail.jsonl`, tail);
    const read = readFolder(fs, F, 'phone');
    expect(read.devices.map((d) => [d.device, d.reviews.length, d.ops.length])).toEqual([
      ['desktop', 0, 0],
      ['laptop', 2, 2],
    ]);
    expect(read.problems.join('\n')).toMatch(/desktop\/reviews: 2 entries were not valid/);
    expect(read.problems.join('\n')).toMatch(/laptop\/reviews: 8 entries were not valid/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not read a file larger than the limit, and says so', () => {
    const fs = laptopWrote(2, 0);
    fs.files.set(`${A}/reviews/tail.jsonl`, new Uint8Array(SYNC_LIMITS.streamFileBytes + 1));
    const read = readFolder(fs, F, 'desktop');
    expect(read.devices[0]!.reviews).toEqual([]);
    expect(read.problems).toEqual([`${A}/reviews/tail.jsonl is larger than a tail can be; it is not read.`]);
  });

  it('keeps media by the hash of its bytes, and does not hand out a half-copied file', () => {
    const fs = memoryFs();
    const bytes = text('GIF89a pretend image');
    const hash = writeMedia(fs, F, 'laptop', bytes);
    expect(Buffer.from(readMedia(fs, F, ['laptop'], hash)!)).toEqual(Buffer.from(bytes));
    fs.files.set(`${A}/media/${hash}`, bytes.subarray(0, 5));
    expect(readMedia(fs, F, ['laptop'], hash)).toBeNull();
    expect(readMedia(fs, F, ['laptop'], '../../etc/passwd')).toBeNull();
  });

  it('writes and reads the same files on disk, leaving no temp file behind', () => {
    const dir = tempDir();
    const fs = nodeSyncFs();
    writeDeviceFiles(fs, dir, { id: 'laptop', name: 'Laptop' }, { reviews: reviews(5), ops: ops(1) }, 3);
    expect(readFolder(fs, dir, 'desktop').devices[0]!.reviews).toEqual(reviews(5));
    const deviceFolder = path.join(dir, 'deckhand/devices/laptop');
    expect(readdirSync(path.join(deviceFolder, 'reviews')).sort()).toEqual(['000000000000.jsonl', 'tail.jsonl']);
    expect(JSON.parse(readFileSync(path.join(deviceFolder, 'manifest.json'), 'utf8'))).toEqual({ format: 1, device: 'laptop', name: 'Laptop' });
  });

  it('never throws on whatever bytes a folder holds, and passes on only valid entries of the folder\'s own device', () => {
    const names = fc.constantFrom('manifest.json', 'reviews/tail.jsonl', 'reviews/000000000000.jsonl', 'reviews/000000000003.jsonl', 'ops/tail.jsonl', 'ops/000000000000.jsonl', 'media/x');
    const line = fc.oneof(
      fc.json(),
      fc.string(),
      fc.constant('{"tail":{"from":0}}'),
      fc.constant('{"id":"laptop-9","hlc":"0000000001.0000.laptop","kind":"note","key":"k","set":{"__proto__":{"polluted":1}}}'),
      fc.constant('{"format":1,"device":"laptop","name":"L"}'),
      fc.record({ id: fc.constantFrom('laptop-1', 'desktop-1', 'laptop-x'), cardId: fc.string(), rating: fc.integer({ min: -1, max: 5 }), reviewedAt: fc.double(), durationMs: fc.integer() }).map((r) => JSON.stringify(r)),
    );
    const content = fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.array(line, { maxLength: 6 }).map((lines) => text(lines.join('\n') + '\n')));
    fc.assert(
      fc.property(fc.array(fc.tuple(names, content), { maxLength: 8 }), (files) => {
        const fs = laptopWrote(4, 4);
        for (const [name, bytes] of files) fs.files.set(`${A}/${name}`, bytes);
        const read = readFolder(fs, F, 'desktop');
        for (const d of read.devices) {
          for (const r of d.reviews) expect(parseReview(r)).toEqual(r);
          for (const o of d.ops) expect(parseOp(o)).toEqual(o);
          expect([...d.reviews, ...d.ops].every((e) => e.id.startsWith('laptop-'))).toBe(true);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
