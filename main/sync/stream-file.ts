// How a stream of entries (reviews or ops) is written to files: sealed segments that end with the
// hash of their bytes, and a tail that starts by saying where it starts. Decoding never throws.
import { createHash } from 'node:crypto';
import { SYNC_LIMITS } from './folder-format.ts';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function encodeSegment(entries: readonly unknown[]): Uint8Array {
  const body = Buffer.from(entries.map((e) => `${JSON.stringify(e)}\n`).join(''), 'utf8');
  const seal = Buffer.from(`${JSON.stringify({ seal: { count: entries.length, sha256: sha256(body) } })}\n`, 'utf8');
  return Buffer.concat([body, seal]);
}

export function encodeTail(from: number, entries: readonly unknown[]): Uint8Array {
  return Buffer.from([{ tail: { from } }, ...entries].map((e) => `${JSON.stringify(e)}\n`).join(''), 'utf8');
}

export type SegmentRead = { whole: true; values: unknown[]; badLines: number } | { whole: false };

/** A sealed segment's lines, or not whole: no seal yet, or bytes that do not match it (still being copied, or cut short). */
export function decodeSegment(bytes: Uint8Array): SegmentRead {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length === 0 || buf[buf.length - 1] !== 0x0a) return { whole: false };
  const sealStart = buf.lastIndexOf(0x0a, buf.length - 2) + 1;
  const seal = parseLine(buf.subarray(sealStart, buf.length - 1).toString('utf8')) as { seal?: { count?: unknown; sha256?: unknown } } | null;
  const body = buf.subarray(0, sealStart);
  if (!seal?.seal || seal.seal.sha256 !== sha256(body)) return { whole: false };
  const { values, badLines } = decodeLines(body);
  if (values.length + badLines !== seal.seal.count) return { whole: false };
  return { whole: true, values, badLines };
}

export interface TailRead {
  /** The ordinal of its first entry; null when the header is missing (a file cut to nothing). */
  from: number | null;
  values: unknown[];
  badLines: number;
}

/** A tail's complete lines: a last line without its newline is being written or copied, and waits. */
export function decodeTail(bytes: Uint8Array): TailRead {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const complete = buf.subarray(0, buf.lastIndexOf(0x0a) + 1);
  const { values, badLines } = decodeLines(complete);
  const header = values[0] as { tail?: { from?: unknown } } | undefined;
  const from = header?.tail?.from;
  if (typeof from !== 'number' || !Number.isSafeInteger(from) || from < 0) return { from: null, values: [], badLines };
  return { from, values: values.slice(1), badLines };
}

function decodeLines(buf: Buffer): { values: unknown[]; badLines: number } {
  const values: unknown[] = [];
  let badLines = 0;
  for (const line of buf.toString('utf8').split('\n')) {
    if (line === '') continue;
    const value = line.length > SYNC_LIMITS.lineChars ? null : parseLine(line);
    if (value === null) badLines++;
    else values.push(value);
  }
  return { values, badLines };
}

/** A key that would reach an object's prototype when copied: refused wherever it appears. */
const refuseProtoKeys = (key: string, value: unknown): unknown => {
  if (key === '__proto__') throw new Error('a "__proto__" key');
  return value;
};

function parseLine(line: string): unknown {
  try {
    const value: unknown = JSON.parse(line, refuseProtoKeys);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

export { sha256 };
