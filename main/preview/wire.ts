// How a call or an answer that carries bytes (a file to import, an exported file) crosses the
// preview's HTTP bridge without becoming base64: the JSON with each Uint8Array replaced by
// {"$bytes": length}, then the bytes themselves, in order. Electron's IPC clones a Uint8Array as it
// is; this gives the web bridge the same, for the same dispatcher. Runs in the browser (the web
// bridge) and in Node (the server), so it uses only what both have.
//
// Layout: 4 bytes (big-endian) giving the JSON's length in bytes, the JSON in UTF-8, the bytes.

export const BYTES_CONTENT_TYPE = 'application/vnd.deckhand.bytes';

export class WireError extends Error {}

const isPlaceholder = (v: unknown): v is { $bytes: number } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && Number.isSafeInteger((v as { $bytes?: unknown }).$bytes) && (v as { $bytes: number }).$bytes >= 0;

/**
 * `value` as the pieces of a body, in order (the header, then each array as it is, not copied):
 * null when it holds no Uint8Array (send it as plain JSON then). A Blob of them is the body.
 */
export function encodeParts(value: unknown): Uint8Array[] | null {
  const parts: Uint8Array[] = [];
  const json = JSON.stringify(value ?? {}, (_key, v: unknown) => {
    if (!(v instanceof Uint8Array)) return v;
    parts.push(v);
    return { $bytes: v.length };
  });
  if (parts.length === 0) return null;
  const text = new TextEncoder().encode(json);
  const head = new Uint8Array(4 + text.length);
  new DataView(head.buffer).setUint32(0, text.length);
  head.set(text, 4);
  return [head, ...parts];
}

/** `value` as one body: null when it holds no Uint8Array. */
export function encodeWithBytes(value: unknown): Uint8Array | null {
  const parts = encodeParts(value);
  if (parts === null) return null;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * The value in a body `encodeWithBytes` made, each placeholder given its bytes (views on `body`,
 * not copies). A body whose lengths do not add up exactly is refused.
 */
export function decodeWithBytes(body: Uint8Array): unknown {
  if (body.length < 4) throw new WireError('The request body is too short.');
  const jsonLength = new DataView(body.buffer, body.byteOffset, body.byteLength).getUint32(0);
  if (4 + jsonLength > body.length) throw new WireError('The request body is shorter than its header says.');
  let at = 4 + jsonLength;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(4, at)), (_key, v: unknown) => {
      if (!isPlaceholder(v)) return v;
      if (at + v.$bytes > body.length) throw new WireError('The request body is shorter than its parts say.');
      const part = body.subarray(at, at + v.$bytes);
      at += v.$bytes;
      return part;
    });
  } catch (e) {
    if (e instanceof WireError) throw e;
    throw new WireError('The request body is not valid JSON.');
  }
  if (at !== body.length) throw new WireError('The request body is longer than its parts say.');
  return value;
}
