// The cards a search finds, fetched from the service a page at a time as the list reaches them, so
// 100,000 cards cost no more than the rows in view.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { BrowserRow, SearchArgs } from '../../../main/contract.ts';
import { call } from '../../api.ts';
import type { Filters } from './BrowseFilters.tsx';

const PAGE = 100;

export interface CardPages {
  /** How many cards match; null until the first page of the first search arrives. */
  total: number | null;
  rowAt(index: number): BrowserRow | undefined;
  /** Fetches the pages holding rows `first` to `last` that are neither loaded nor on their way. */
  load(first: number, last: number): void;
  /** Every matching id in order, fetched once per search (select all, Shift ranges beyond what is loaded). */
  allIds(): Promise<string[]>;
  /** Searches again from the first page, after the cards changed. */
  reload(): void;
}

/** Searches again whenever `filters` changes; `onError` must not change between renders (a state setter). */
export function useCardPages(filters: Filters, onError: (message: string) => void): CardPages {
  const [total, setTotal] = useState<number | null>(null);
  const [, setPagesVersion] = useState(0);
  const pages = useRef(new Map<number, BrowserRow[]>());
  const loading = useRef(new Set<number>());
  // Bumped by each search, so a page that arrives after the next search began is dropped.
  const generation = useRef(0);
  const everyId = useRef<{ generation: number; ids: string[] } | null>(null);

  const searchArgs = useCallback(
    (offset: number, limit: number): SearchArgs => ({
      query: filters.query,
      ...(filters.deckId ? { deckId: filters.deckId } : {}),
      ...(filters.tag ? { tag: filters.tag } : {}),
      ...(filters.state ? { state: filters.state } : {}),
      sort: filters.sort,
      descending: filters.descending,
      offset,
      limit,
    }),
    [filters],
  );

  const fetchPage = useCallback(
    async (page: number, gen: number) => {
      if (loading.current.has(page)) return;
      loading.current.add(page);
      try {
        const result = await call('searchCards', searchArgs(page * PAGE, PAGE));
        if (gen !== generation.current) return;
        pages.current.set(page, result.rows);
        setTotal(result.total);
        setPagesVersion((v) => v + 1);
      } catch (e) {
        if (gen === generation.current) onError((e as Error).message);
      } finally {
        loading.current.delete(page);
      }
    },
    [searchArgs],
  );

  const reload = useCallback(() => {
    const gen = ++generation.current;
    pages.current = new Map();
    loading.current = new Set();
    everyId.current = null;
    void fetchPage(0, gen);
    setPagesVersion((v) => v + 1);
  }, [fetchPage]);
  useEffect(reload, [reload]);

  const allIds = useCallback(async (): Promise<string[]> => {
    const gen = generation.current;
    if (everyId.current?.generation === gen) return everyId.current.ids;
    const result = await call('searchCards', { ...searchArgs(0, 0), allIds: true });
    everyId.current = { generation: gen, ids: result.allIds ?? [] };
    return everyId.current.ids;
  }, [searchArgs]);

  const count = total ?? 0;
  return {
    total,
    rowAt: (index) => pages.current.get(Math.floor(index / PAGE))?.[index % PAGE],
    load: (first, last) => {
      for (let p = Math.floor(first / PAGE); p <= Math.floor(Math.max(first, last) / PAGE); p++) if (!pages.current.has(p) && p * PAGE < count) void fetchPage(p, generation.current);
    },
    allIds,
    reload,
  };
}
