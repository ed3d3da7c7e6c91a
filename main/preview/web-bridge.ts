// window.deckhand for a plain browser: the same methods as the preload builds, over fetch to the
// preview server. Paths are relative, so the token in the page's address goes with every call.
import { API_METHODS, type DeckhandApi, type Result } from '../contract.ts';

const api = Object.fromEntries(
  API_METHODS.map((method) => [
    method,
    async (args: unknown): Promise<Result<unknown>> => {
      try {
        const res = await fetch(`./api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args ?? {}) });
        if (!res.ok) return { ok: false, error: { code: 'unavailable', message: `The preview server refused the call (${res.status}): ${await res.text()}` } };
        return (await res.json()) as Result<unknown>;
      } catch (e) {
        return { ok: false, error: { code: 'unavailable', message: `The preview server cannot be reached: ${(e as Error).message}` } };
      }
    },
  ]),
) as unknown as DeckhandApi;

Object.defineProperty(window, 'deckhand', { value: Object.freeze(api), writable: false, configurable: false });
