// window.deckhand for a plain browser: the same methods as the preload builds, over fetch to the
// preview server. Paths are relative, so the token in the page's address goes with every call.
import { API_METHODS, type DeckhandApi, type Result } from '../contract.ts';
import { BYTES_CONTENT_TYPE, decodeWithBytes, encodeParts } from './wire.ts';

const api = Object.fromEntries(
  API_METHODS.map((method) => [
    method,
    async (args: unknown): Promise<Result<unknown>> => {
      try {
        // A file goes as its bytes after the JSON (wire.ts), as Electron's IPC clones it; a Blob of
        // the pieces sends them without copying the file into one more buffer.
        const parts = encodeParts(args ?? {});
        const res = await fetch(`./api/${method}`, {
          method: 'POST',
          headers: { 'content-type': parts ? BYTES_CONTENT_TYPE : 'application/json' },
          body: parts ? new Blob(parts as Uint8Array<ArrayBuffer>[]) : JSON.stringify(args ?? {}),
        });
        if (!res.ok) return { ok: false, error: { code: 'unavailable', message: `The preview server refused the call (${res.status}): ${await res.text()}` } };
        if (res.headers.get('content-type') === BYTES_CONTENT_TYPE) return decodeWithBytes(new Uint8Array(await res.arrayBuffer())) as Result<unknown>;
        return (await res.json()) as Result<unknown>;
      } catch (e) {
        return { ok: false, error: { code: 'unavailable', message: `The preview server cannot be reached: ${(e as Error).message}` } };
      }
    },
  ]),
) as unknown as DeckhandApi;

Object.defineProperty(window, 'deckhand', { value: Object.freeze(api), writable: false, configurable: false });
