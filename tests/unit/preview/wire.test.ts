import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WireError, decodeWithBytes, encodeWithBytes } from '../../../main/preview/wire.ts';

describe('the preview bridge’s wire format for bytes', () => {
  it('sends a file as its bytes after the JSON, not as base64, and reads it back the same', () => {
    const file = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    const body = encodeWithBytes({ name: 'a.apkg', data: file, deck: 'D' })!;
    // The JSON header, then the bytes themselves: only a few bytes more than the file.
    expect(body.length).toBeLessThan(file.length + 100);
    expect(decodeWithBytes(body)).toEqual({ name: 'a.apkg', data: file, deck: 'D' });
  });

  it('leaves a value without bytes to plain JSON', () => {
    expect(encodeWithBytes({ query: 'x' })).toBeNull();
  });

  it('round-trips any JSON value with byte arrays anywhere in it, in order', () => {
    const leaf = fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string().filter((k) => k !== '__proto__'), tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(fc.string().filter((k) => k !== '__proto__'), value, { maxKeys: 4 }), fc.uint8Array({ minLength: 0, maxLength: 20 }), (args, data) => {
        const body = encodeWithBytes({ ...args, data })!;
        expect(decodeWithBytes(body)).toEqual({ ...args, data });
      }),
    );
  });

  it('refuses a body whose lengths do not add up: cut short, padded, or a header past its end', () => {
    const body = encodeWithBytes({ data: new Uint8Array([1, 2, 3]) })!;
    expect(() => decodeWithBytes(body.subarray(0, body.length - 1))).toThrow(new WireError('The request body is shorter than its parts say.'));
    expect(() => decodeWithBytes(new Uint8Array([...body, 0]))).toThrow(new WireError('The request body is longer than its parts say.'));
    expect(() => decodeWithBytes(new Uint8Array([0, 0, 1, 0, 123]))).toThrow(new WireError('The request body is shorter than its header says.'));
    expect(() => decodeWithBytes(new Uint8Array([0, 0]))).toThrow(new WireError('The request body is too short.'));
    const notJson = new Uint8Array([0, 0, 0, 2, 123, 123]);
    expect(() => decodeWithBytes(notJson)).toThrow(new WireError('The request body is not valid JSON.'));
  });
});
