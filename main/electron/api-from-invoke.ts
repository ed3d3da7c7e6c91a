// window.deckhand as the preload builds it, minus Electron: one function per method of the
// contract, each a call on that method's channel. Kept apart from preload.ts so a unit test can
// check it without an Electron binary.
import { API_METHODS, channelFor, type DeckhandApi, type Result } from '../contract.ts';

export type Invoke = (channel: string, args: unknown) => Promise<unknown>;

export function buildApi(invoke: Invoke): DeckhandApi {
  const api = Object.fromEntries(
    API_METHODS.map((method) => [
      method,
      async (args: unknown): Promise<Result<unknown>> => {
        try {
          return (await invoke(channelFor(method), args)) as Result<unknown>;
        } catch (e) {
          // Rejects only when the main process has no handler (still starting, or shutting down);
          // the renderer expects an envelope either way, as from the web bridge.
          return { ok: false, error: { code: 'unavailable', message: `Deckhand's main process did not answer ${method}: ${(e as Error).message ?? String(e)}` } };
        }
      },
    ]),
  );
  return api as unknown as DeckhandApi;
}
