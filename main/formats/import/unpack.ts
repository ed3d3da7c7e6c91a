// Zip and zstd unpacking with limits, for archives a user picked and that may be hostile. fflate
// and fzstd do the decoding; this file only decides what to unpack and stops when a member grows
// past what it declared or past the import's byte budget (a zip or zstd bomb).
import zlib from 'node:zlib';
import { Unzip, UnzipInflate, unzipSync, type UnzipFileInfo } from 'fflate';
import { Decompress } from 'fzstd';
import { ImportError } from '../bundle.ts';

export interface ZipMember {
  name: string;
  /** The size the central directory declares once unpacked. */
  declaredSize: number;
  /** The CRC-32 the central directory declares for the unpacked bytes; null when it cannot be read. */
  crc: number | null;
}

/** Bytes fed to the decoders at a time: deflate expands at most ~1032×, so one step stays small. */
const STEP = 64 * 1024;

export const bombMessage = (limit: number) => `would unpack to more than ${formatBytes(limit)}: refusing a possible zip bomb`;

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3 && n % 1024 ** 3 === 0) return `${n / 1024 ** 3} GiB`;
  if (n >= 1024 ** 2) return `${Math.round((n / 1024 ** 2) * 10) / 10} MiB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KiB`;
  return `${n} bytes`;
}

const isZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);

/**
 * The archive's members as its central directory lists them, without unpacking anything. Refuses
 * a file that is not a zip, a damaged directory, an unknown compression method, and a declared
 * total over `maxUnpackedBytes`.
 */
export function listZip(file: string, bytes: Uint8Array, maxUnpackedBytes: number): ZipMember[] {
  if (!isZip(bytes)) throw new ImportError(file, 'not a zip archive');
  const members: ZipMember[] = [];
  let declared = 0;
  try {
    unzipSync(bytes, {
      filter: (info: UnzipFileInfo) => {
        if (info.compression !== 0 && info.compression !== 8) {
          throw new ImportError(file, `the archive member '${info.name}' uses compression method ${info.compression}, which is not supported (only stored and deflate)`);
        }
        declared += info.originalSize;
        if (info.originalSize > maxUnpackedBytes || declared > maxUnpackedBytes) throw new ImportError(file, bombMessage(maxUnpackedBytes));
        members.push({ name: info.name, declaredSize: info.originalSize, crc: null });
        return false;
      },
    });
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(file, 'the zip archive is damaged or incomplete (its table of contents cannot be read)');
  }
  const crcs = centralCrcs(bytes);
  for (const m of members) m.crc = crcs.get(m.name) ?? null;
  return members;
}

/**
 * Each member's CRC-32 as the central directory states it (APPNOTE 4.3.12), which fflate reads but
 * does not hand out. Empty when the directory cannot be walked (fflate has read it by then, so a
 * damaged one was refused already).
 */
function centralCrcs(bytes: Uint8Array): Map<string, number> {
  const crcs = new Map<string, number>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return crcs;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names = new TextDecoder();
  for (let i = 0; i < count && at + 46 <= bytes.length; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) break;
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    crcs.set(names.decode(bytes.subarray(at + 46, at + 46 + nameLength)), view.getUint32(at + 16, true));
    at += 46 + skip;
  }
  return crcs;
}

/** CRC-32 (ISO-HDLC, as zip uses it) of `data`, continuing from `crc`. */
export function crc32(data: Uint8Array, crc = 0): number {
  if (typeof zlib.crc32 === 'function') return zlib.crc32(data, crc);
  let c = ~crc >>> 0;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/**
 * Unpacks the members `wanted` accepts. Each is held to the size its directory entry declares
 * (fflate's one-shot unzip would silently cut it there, after inflating all of it), and all of
 * them together to `maxUnpackedBytes`.
 */
export function unzipMembers(
  file: string,
  bytes: Uint8Array,
  members: ZipMember[],
  wanted: (name: string) => boolean,
  maxUnpackedBytes: number,
): Map<string, Uint8Array> {
  const declared = new Map(members.map((m) => [m.name, m]));
  const done = new Map<string, Uint8Array>();
  let total = 0;
  let failure: ImportError | null = null;
  const fail = (problem: string) => {
    failure ??= new ImportError(file, problem);
    throw failure;
  };
  const unzip = new Unzip((member) => {
    if (failure || !wanted(member.name) || done.has(member.name)) return;
    const entry = declared.get(member.name);
    if (entry === undefined) return;
    const limit = entry.declaredSize;
    // Unpacked straight into one buffer of the declared size: no second copy of a large collection.
    const out = new Uint8Array(limit);
    let size = 0;
    let crc = 0;
    member.ondata = (err, data, final) => {
      if (err) fail(`the archive member '${member.name}' is damaged and cannot be unpacked`);
      size += data.length;
      total += data.length;
      if (total > maxUnpackedBytes) fail(bombMessage(maxUnpackedBytes));
      if (size > limit) fail(`the archive member '${member.name}' unpacks to more than the ${limit} bytes it declares: the archive is damaged or hostile`);
      out.set(data, size - data.length);
      crc = crc32(data, crc);
      if (!final) return;
      if (entry.crc !== null && crc !== entry.crc) {
        failure ??= new DamagedMember(file, member.name);
        throw failure;
      }
      done.set(member.name, size === limit ? out : out.subarray(0, size));
    };
    member.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length; at += STEP) unzip.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length);
  } catch (e) {
    if (failure) throw failure;
    if (e instanceof ImportError) throw e;
    throw new ImportError(file, 'the zip archive is damaged or incomplete');
  }
  if (failure) throw failure;
  for (const m of members) {
    if (wanted(m.name) && !done.has(m.name)) throw new ImportError(file, `the archive member '${m.name}' is damaged or incomplete`);
  }
  return done;
}

/** A member whose bytes do not match the CRC-32 its directory entry states. */
export class DamagedMember extends ImportError {
  constructor(
    file: string,
    readonly member: string,
    what = `the archive member '${member}'`,
  ) {
    super(file, `${what} is damaged: its content does not match its checksum (CRC-32)`);
  }
}

export const isZstd = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x28 && bytes[1] === 0xb5 && bytes[2] === 0x2f && bytes[3] === 0xfd;

/**
 * Decompresses a zstd stream (`what` names it in messages), stopping past `maxBytes`, the budget
 * left; `limit` is the whole import's limit, the number the user is told.
 */
export function unzstd(file: string, what: string, bytes: Uint8Array, maxBytes: number, limit = maxBytes): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let over = false;
  const stream = new Decompress((data) => {
    size += data.length;
    if (size > maxBytes) {
      over = true;
      throw new ImportError(file, bombMessage(limit));
    }
    chunks.push(data);
  });
  try {
    // fzstd sizes its window from the frame header; refuse a header that asks for more than the
    // budget before it allocates (it only refuses windows over 2 GiB itself).
    const declared = zstdWindow(bytes);
    if (declared > maxBytes) throw new ImportError(file, bombMessage(limit));
    for (let at = 0; at < bytes.length; at += STEP) stream.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length);
    if (bytes.length === 0) stream.push(bytes, true);
  } catch (e) {
    if (over || e instanceof ImportError) throw e;
    throw new ImportError(file, `${what} is damaged: its zstd compression cannot be undone`);
  }
  return concat(chunks, size);
}

/**
 * The memory the first zstd frame asks for: its window size, or its content size for a
 * single-segment frame (RFC 8878 §3.1.1.1). Read here only to refuse a bomb before fzstd
 * allocates; fzstd does the decoding.
 */
function zstdWindow(bytes: Uint8Array): number {
  if (!isZstd(bytes) || bytes.length < 6) return 0;
  const descriptor = bytes[4]!;
  const singleSegment = (descriptor >> 5) & 1;
  const fcsFlag = descriptor >> 6;
  const dictBytes = [0, 1, 2, 4][descriptor & 3]!;
  if (!singleSegment) {
    const w = bytes[5]!;
    const base = 2 ** (10 + (w >> 3));
    return base + (base / 8) * (w & 7);
  }
  const fcsBytes = [1, 2, 4, 8][fcsFlag]!;
  let size = 0;
  for (let i = 0; i < fcsBytes; i++) size += (bytes[5 + dictBytes + i] ?? 0) * 2 ** (8 * i);
  return fcsFlag === 1 ? size + 256 : size;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
