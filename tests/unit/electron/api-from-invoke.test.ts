import { describe, expect, it } from 'vitest';
import { API_METHODS, channelFor } from '../../../main/contract.ts';
import { buildApi } from '../../../main/electron/api-from-invoke.ts';

describe('buildApi', () => {
  it('exposes exactly the methods of the contract, each a function', () => {
    const api = buildApi(async () => ({ ok: true, value: null }));
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
    for (const method of API_METHODS) expect(typeof api[method]).toBe('function');
  });

  it("calls each method on its own channel with the caller's arguments, and returns the envelope as it came", async () => {
    const calls: Array<[string, unknown]> = [];
    const api = buildApi(async (channel, args) => {
      calls.push([channel, args]);
      return { ok: true, value: `from ${channel}` };
    });
    for (const method of API_METHODS) {
      const args = { probe: method };
      const result = await (api[method] as (a: unknown) => Promise<unknown>)(args);
      expect(result).toEqual({ ok: true, value: `from ${channelFor(method)}` });
      expect(calls.at(-1)).toEqual([channelFor(method), args]);
      expect(calls.at(-1)![1]).toBe(args);
    }
    expect(calls).toHaveLength(API_METHODS.length);
  });

  it('passes error envelopes from the main process through unchanged', async () => {
    const failure = { ok: false, error: { code: 'not-found', message: 'No deck "x".' } };
    const api = buildApi(async () => failure);
    expect(await api.nextCard({ deckId: 'x' })).toBe(failure);
  });

  it('turns a call with no handler on the other side into an "unavailable" envelope', async () => {
    const api = buildApi(async (channel) => {
      throw new Error(`No handler registered for '${channel}'`);
    });
    const result = await api.listDecks({});
    expect(result).toEqual({ ok: false, error: { code: 'unavailable', message: expect.stringContaining("No handler registered for 'deckhand:listDecks'") } });
  });
});
