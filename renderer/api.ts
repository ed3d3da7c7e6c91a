// The renderer's only way to the main process: window.deckhand, typed by the contract.
import type { ApiArgs, ApiMethod, ApiValue, DeckhandApi } from '../main/contract.ts';

declare global {
  interface Window {
    deckhand: DeckhandApi;
  }
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Calls one method and unwraps its envelope; a failure becomes an ApiError with the service's message. */
export async function call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiValue<M>> {
  if (!window.deckhand) throw new ApiError('unavailable', 'Deckhand cannot reach its collection: the app bridge is missing.');
  const fn = window.deckhand[method] as (a: ApiArgs<M>) => Promise<{ ok: true; value: ApiValue<M> } | { ok: false; error: { code: string; message: string } }>;
  const result = await fn(args);
  if (!result.ok) {
    // A change refused because the collection cannot be written: the banner checks at once.
    if (result.error.code === 'unavailable' && method !== 'getStorageStatus') window.dispatchEvent(new Event(STORAGE_CHECK));
    throw new ApiError(result.error.code, result.error.message);
  }
  return result.value;
}

/** The event that asks the storage banner to check again. */
export const STORAGE_CHECK = 'deckhand:storage-check';

/**
 * A failure's message as the person reads it beside what they typed: without the method's name
 * that the dispatcher puts before a message about bad arguments ("createDeck: ").
 */
export const withoutMethodName = (message: string): string => message.replace(/^\w+: /, '');
