// The search box and the filters above the card list.
import type { Dispatch, StateUpdater } from 'preact/hooks';
import { useEffect, useState } from 'preact/hooks';
import type { CardStateFilter, DeckSummary, SearchSort } from '../../../main/contract.ts';
import { deckOptionLabel } from '../../format.ts';

export interface Filters {
  query: string;
  deckId: string;
  tag: string;
  state: '' | CardStateFilter;
  sort: SearchSort;
  descending: boolean;
}

export const NO_FILTERS: Filters = { query: '', deckId: '', tag: '', state: '', sort: 'added', descending: false };

/** Typing searches after this pause, not on every key. */
const TYPING_PAUSE_MS = 150;

interface Props {
  filters: Filters;
  setFilters: Dispatch<StateUpdater<Filters>>;
  decks: readonly DeckSummary[];
  tags: readonly string[];
  /** Enter or Down in the search box: search at once and go on to the results. */
  onSearch: () => void;
}

export function BrowseFilters({ filters, setFilters, decks, tags, onSearch }: Props) {
  const [query, setQuery] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setFilters((f) => (f.query === query ? f : { ...f, query })), TYPING_PAUSE_MS);
    return () => clearTimeout(t);
  }, [query]);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <div class="browser-filters" role="search">
      <label class="field grow">
        <span>Search</span>
        <input
          type="search"
          aria-label="Search cards"
          placeholder="Words in the front, back or cloze text"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'Enter') {
              e.preventDefault();
              set({ query });
              onSearch();
            }
          }}
        />
      </label>
      <label class="field">
        <span>Deck</span>
        <select value={filters.deckId} onChange={(e) => set({ deckId: e.currentTarget.value })}>
          <option value="">All decks</option>
          {decks.map((d) => (
            <option key={d.id} value={d.id}>
              {deckOptionLabel(d)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>Tag</span>
        <select value={filters.tag} onChange={(e) => set({ tag: e.currentTarget.value })}>
          <option value="">Any tag</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>State</span>
        <select value={filters.state} onChange={(e) => set({ state: e.currentTarget.value as Filters['state'] })}>
          <option value="">Any state</option>
          <option value="new">New</option>
          <option value="learning">Learning</option>
          <option value="due">Due</option>
          <option value="suspended">Suspended</option>
          <option value="buried">Buried</option>
        </select>
      </label>
      <label class="field">
        <span>Sort by</span>
        <select value={filters.sort} onChange={(e) => set({ sort: e.currentTarget.value as SearchSort })}>
          <option value="added">Added</option>
          <option value="due">Due date</option>
          <option value="interval">Interval</option>
          <option value="difficulty">Difficulty</option>
        </select>
      </label>
      <button type="button" class="button secondary sort-direction" aria-pressed={filters.descending} onClick={() => set({ descending: !filters.descending })}>
        {filters.descending ? 'Descending ↓' : 'Ascending ↑'}
      </button>
    </div>
  );
}
