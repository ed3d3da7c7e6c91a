import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiArgs, ApiMethod, ApiValue } from '../main/contract.ts';
import { call } from './api.ts';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; value: T };

/** Loads one API value for a screen, with a reload for after changes. */
export function useApi<M extends ApiMethod>(method: M, args: ApiArgs<M>): [Loaded<ApiValue<M>>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<ApiValue<M>>>({ state: 'loading' });
  const key = JSON.stringify(args);
  const load = useCallback(() => {
    call(method, args).then(
      (value) => setLoaded({ state: 'ready', value }),
      (e: Error) => setLoaded({ state: 'error', message: e.message }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [method, key]);
  useEffect(load, [load]);
  return [loaded, load];
}
