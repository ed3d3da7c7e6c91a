// Reads the other devices' files from the sync folder. Nothing read is trusted: names are matched
// exactly, sizes capped before reading, every entry validated and tied to the device whose folder
// holds it, and nothing here throws on what a file holds. A file not yet whole is reported as
// waited for, and read on a later pass.
import { parseHlc } from './hlc.ts';
import { DEVICE_ID, MEDIA_NAME, SEGMENT_NAME, SYNC_FORMAT, SYNC_LIMITS, TAIL_NAME, deviceDir, devicesDir, formatOnlySchema, manifestSchema, ordinalOf, parseOp, parseReview, type StreamName, type SyncOp, type SyncReview } from './folder-format.ts';
import { decodeSegment, decodeTail, sha256 } from './stream-file.ts';
import type { SyncFs } from './sync-fs.ts';

export interface DeviceRead {
  device: string;
  name: string;
  reviews: SyncReview[];
  ops: SyncOp[];
  /** How many of the device's ops were read without a gap from its first: what a deletion may say it has seen. */
  opsPrefix: number;
  /** Files of this device not yet whole, or missing between others: read again on the next pass. */
  waiting: string[];
}

export interface FolderRead {
  devices: DeviceRead[];
  /** Devices writing a format newer than this version reads: named, and not read. */
  newer: { device: string; name: string; format: number }[];
  /** What was wrong with what was read, for the learner; never a reason to stop. */
  problems: string[];
}

export function readFolder(fs: SyncFs, folder: string, self: string): FolderRead {
  const result: FolderRead = { devices: [], newer: [], problems: [] };
  const names = fs.list(devicesDir(folder)).filter((n) => DEVICE_ID.test(n) && n !== self).sort();
  if (names.length > SYNC_LIMITS.devices) result.problems.push(`The sync folder holds ${names.length} devices; only the first ${SYNC_LIMITS.devices} are read.`);
  for (const device of names.slice(0, SYNC_LIMITS.devices)) {
    const read = readDevice(fs, folder, device);
    if (read.kind === 'newer') result.newer.push({ device, name: read.name, format: read.format });
    else if (read.kind === 'problem') result.problems.push(read.problem);
    else if (read.kind === 'ok') {
      result.problems.push(...read.problems);
      result.devices.push(read.device);
    }
  }
  return result;
}

export type DeviceReadResult = { kind: 'ok'; device: DeviceRead; problems: string[] } | Exclude<ManifestRead, { kind: 'ok' }>;

/** One device's folder: this device's own too, whose files are what it has published. */
export function readDevice(fs: SyncFs, folder: string, device: string): DeviceReadResult {
  const dir = deviceDir(folder, device);
  const manifest = readManifest(fs, dir, device);
  if (manifest.kind !== 'ok') return manifest;
  const reviews = readStream(fs, dir, 'reviews', device, (v) => reviewOf(v, device));
  const ops = readStream(fs, dir, 'ops', device, (v) => opOf(v, device));
  return { kind: 'ok', device: { device, name: manifest.name, reviews: reviews.entries, ops: ops.entries, opsPrefix: ops.prefix, waiting: [...reviews.waiting, ...ops.waiting] }, problems: [...reviews.problems, ...ops.problems] };
}

type ManifestRead = { kind: 'ok'; name: string } | { kind: 'newer'; name: string; format: number } | { kind: 'problem'; problem: string } | { kind: 'missing' };

function readManifest(fs: SyncFs, dir: string, device: string): ManifestRead {
  const bytes = fs.read(`${dir}/manifest.json`, SYNC_LIMITS.manifestBytes);
  if (bytes === 'missing') return { kind: 'missing' };
  if (bytes === 'too-large') return { kind: 'problem', problem: `${dir}/manifest.json is larger than a manifest can be; device "${device}" is not read.` };
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'), (k, v: unknown) => (k === '__proto__' ? undefined : v));
  } catch {
    // Half-copied: the engine has not finished with it.
    return { kind: 'missing' };
  }
  const format = formatOnlySchema.safeParse(value);
  const named = manifestSchema.safeParse(value);
  const name = named.success ? named.data.name : device;
  if (format.success && format.data.format > SYNC_FORMAT) return { kind: 'newer', name, format: format.data.format };
  if (!named.success) return { kind: 'problem', problem: `${dir}/manifest.json is not a Deckhand sync manifest; device "${device}" is not read.` };
  if (named.data.device !== device) return { kind: 'problem', problem: `${dir}/manifest.json names device "${named.data.device}", not the folder's "${device}"; it is not read.` };
  return { kind: 'ok', name };
}

interface StreamRead<T> {
  entries: T[];
  prefix: number;
  waiting: string[];
  problems: string[];
}

/**
 * Every whole segment and the tail of one stream. Entries come back in stream order; `prefix`
 * counts those read without a gap from the first, judged by file ranges (a segment is `from` and
 * its line count; the tail says where it starts).
 */
function readStream<T>(fs: SyncFs, dir: string, stream: StreamName, device: string, accept: (v: unknown) => T | null): StreamRead<T> {
  const out: StreamRead<T> = { entries: [], prefix: 0, waiting: [], problems: [] };
  const ranges: [number, number][] = [];
  let rejected = 0;
  const take = (values: unknown[]) => {
    for (const v of values) {
      const entry = accept(v);
      if (entry === null) rejected++;
      else out.entries.push(entry);
    }
  };
  const names = fs.list(`${dir}/${stream}`);
  const segments = names.flatMap((n) => {
    const m = SEGMENT_NAME.exec(n);
    return m ? [{ name: n, from: Number(m[1]) }] : [];
  });
  segments.sort((a, b) => a.from - b.from);
  for (const segment of segments.slice(0, SYNC_LIMITS.segmentsPerDevice)) {
    const file = `${dir}/${stream}/${segment.name}`;
    const bytes = fs.read(file, SYNC_LIMITS.streamFileBytes);
    const read = bytes instanceof Uint8Array ? decodeSegment(bytes) : null;
    if (bytes === 'too-large') out.problems.push(`${file} is larger than a segment can be; it is not read.`);
    else if (read === null || !read.whole) out.waiting.push(file);
    else {
      take(read.values);
      rejected += read.badLines;
      ranges.push([segment.from, segment.from + read.values.length + read.badLines]);
    }
  }
  if (names.includes(TAIL_NAME)) {
    const file = `${dir}/${stream}/${TAIL_NAME}`;
    const bytes = fs.read(file, SYNC_LIMITS.streamFileBytes);
    const tail = bytes instanceof Uint8Array ? decodeTail(bytes) : null;
    if (bytes === 'too-large') out.problems.push(`${file} is larger than a tail can be; it is not read.`);
    else if (tail === null || tail.from === null) out.waiting.push(file);
    else {
      take(tail.values);
      rejected += tail.badLines;
      ranges.push([tail.from, tail.from + tail.values.length + tail.badLines]);
    }
  }
  out.prefix = contiguousFromZero(ranges);
  // Folded, not spread: a device may have many thousands of segments.
  const last = ranges.reduce((max, [, end]) => Math.max(max, end), 0);
  if (out.prefix < last) {
    const resumes = ranges.reduce((min, [from]) => (from > out.prefix ? Math.min(min, from) : min), last);
    out.waiting.push(`${dir}/${stream}: entries ${out.prefix}–${resumes - 1} of ${last}`);
  }
  if (rejected > 0) out.problems.push(`${dir}/${stream}: ${rejected} entr${rejected === 1 ? 'y was' : 'ies were'} not valid and skipped.`);
  return out;
}

function contiguousFromZero(ranges: [number, number][]): number {
  let covered = 0;
  for (const [from, end] of [...ranges].sort((a, b) => a[0] - b[0])) if (from <= covered) covered = Math.max(covered, end);
  return covered;
}

/** A review of this device's: its id must be the device's, so no folder speaks for another. */
function reviewOf(value: unknown, device: string): SyncReview | null {
  const review = parseReview(value);
  return review && ordinalOf(review.id, device) !== null && (review.undoes === undefined || ordinalOf(review.undoes, device) !== null) ? review : null;
}

function opOf(value: unknown, device: string): SyncOp | null {
  const op = parseOp(value);
  if (!op || ordinalOf(op.id, device) === null) return null;
  return parseHlc(op.hlc)?.device === device ? op : null;
}

/** A media file's bytes from any device that has them whole (a half-copied file does not match its hash); null until one does. */
export function readMedia(fs: SyncFs, folder: string, devices: readonly string[], hash: string): Uint8Array | null {
  if (!MEDIA_NAME.test(hash)) return null;
  for (const device of devices) {
    const bytes = fs.read(`${deviceDir(folder, device)}/media/${hash}`, SYNC_LIMITS.mediaBytes);
    if (bytes instanceof Uint8Array && sha256(bytes) === hash) return bytes;
  }
  return null;
}
