// The card browser: search, filter and sort every card, select many and change them at once.
// The list is virtualised: only the rows in view (and a few around them) are in the page, and rows
// are fetched from the service a page at a time, so 100,000 cards scroll like 100.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { BrowserRow, CardsAction, CardStateFilter, DeckSummary, SearchSort } from '../../main/contract.ts';
import { call, withoutMethodName } from '../api.ts';
import { dateLabel, deckOptionLabel, intervalLabel, plural } from '../format.ts';
import { navigate } from '../router.ts';
import { ErrorMessage, Frame } from './Frame.tsx';

export const ROW_HEIGHT = 44;
const PAGE = 100;
const OVERSCAN = 8;

interface Filters {
  query: string;
  deckId: string;
  tag: string;
  state: '' | CardStateFilter;
  sort: SearchSort;
  descending: boolean;
}

const INITIAL: Filters = { query: '', deckId: '', tag: '', state: '', sort: 'added', descending: false };

const STATE_LABEL: Record<BrowserRow['status'], string> = { new: 'New', learning: 'Learning', due: 'Due', learned: 'Learned' };


export function Browse() {
  const [filters, setFilters] = useState<Filters>(INITIAL);
  const [query, setQuery] = useState('');
  const [decks, setDecks] = useState<DeckSummary[]>([]);
  const [tags, setTags] = useState<string[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [, setPagesVersion] = useState(0);
  const pages = useRef(new Map<number, BrowserRow[]>());
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const allIds = useRef<{ generation: number; ids: string[] } | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [focus, setFocus] = useState(0);
  const anchor = useRef(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(480);
  const listRef = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<{ text: string; undoDelete?: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<null | 'delete' | 'reset'>(null);
  const [moveTo, setMoveTo] = useState('');
  const [tagText, setTagText] = useState('');
  const [newDeck, setNewDeck] = useState<string | null>(null);
  const [newDeckError, setNewDeckError] = useState<string | null>(null);

  const loadLists = useCallback(() => {
    call('listDecks', {}).then(setDecks, (e: Error) => setError(e.message));
    call('listTags', {}).then(setTags, (e: Error) => setError(e.message));
  }, []);
  useEffect(loadLists, [loadLists]);

  // Typing searches after a short pause, not on every key.
  useEffect(() => {
    const t = setTimeout(() => setFilters((f) => (f.query === query ? f : { ...f, query })), 150);
    return () => clearTimeout(t);
  }, [query]);

  const searchArgs = useCallback(
    (offset: number, limit: number) => ({
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
        if (gen === generation.current) setError((e as Error).message);
      } finally {
        loading.current.delete(page);
      }
    },
    [searchArgs],
  );

  /** Searches again from the first page; `keepPlace` keeps the scroll position and focus (after a change). */
  const refresh = useCallback(
    (keepPlace: boolean) => {
      const gen = ++generation.current;
      pages.current = new Map();
      loading.current = new Set();
      allIds.current = null;
      if (!keepPlace) {
        setFocus(0);
        anchor.current = 0;
        setSelected(new Set());
        if (listRef.current) listRef.current.scrollTop = 0;
        setScrollTop(0);
      }
      void fetchPage(0, gen);
      setPagesVersion((v) => v + 1);
    },
    [fetchPage],
  );
  useEffect(() => refresh(false), [refresh]);

  // Rows in view; missing pages are fetched.
  const count = total ?? 0;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count - 1, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  useEffect(() => {
    for (let p = Math.floor(first / PAGE); p <= Math.floor(Math.max(first, last) / PAGE); p++) if (!pages.current.has(p) && p * PAGE < count) void fetchPage(p, generation.current);
  });

  // After a deletion the list may be shorter than where the focus was.
  useEffect(() => {
    if (total !== null && total > 0 && focus >= total) setFocus(total - 1);
  }, [total, focus]);

  const rowAt = (i: number): BrowserRow | undefined => pages.current.get(Math.floor(i / PAGE))?.[i % PAGE];

  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight || 480);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  /** Every matching id in order, fetched once per search (select all, Shift ranges beyond what is loaded). */
  const ids = useCallback(async (): Promise<string[]> => {
    const gen = generation.current;
    if (allIds.current?.generation === gen) return allIds.current.ids;
    const result = await call('searchCards', { ...searchArgs(0, 0), allIds: true });
    allIds.current = { generation: gen, ids: result.allIds ?? [] };
    return allIds.current.ids;
  }, [searchArgs]);

  const selectRange = async (from: number, to: number, add: boolean) => {
    const [a, b] = from < to ? [from, to] : [to, from];
    let range: string[] = [];
    const loaded = Array.from({ length: b - a + 1 }, (_, k) => rowAt(a + k)?.cardId);
    if (loaded.every((x): x is string => x !== undefined)) range = loaded as string[];
    else range = (await ids()).slice(a, b + 1);
    setSelected((s) => new Set([...(add ? s : []), ...range]));
  };

  const moveFocus = (to: number, extend: boolean) => {
    if (count === 0) return;
    const i = Math.max(0, Math.min(count - 1, to));
    setFocus(i);
    if (extend) void selectRange(anchor.current, i, false);
    else anchor.current = i;
    const el = listRef.current;
    if (el) {
      if (i * ROW_HEIGHT < el.scrollTop) el.scrollTop = i * ROW_HEIGHT;
      else if ((i + 1) * ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = (i + 1) * ROW_HEIGHT - el.clientHeight;
    }
  };

  const toggle = (cardId: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(cardId)) next.delete(cardId);
      else next.add(cardId);
      return next;
    });

  /** What an action applies to: the selection, or the focused card when nothing is selected. */
  const targets = (): string[] => {
    if (selected.size) return [...selected];
    const row = rowAt(focus);
    return row ? [row.cardId] : [];
  };

  const openEditor = () => {
    const row = rowAt(focus);
    if (row) navigate({ name: 'edit', noteId: row.noteId });
  };

  const apply = async (action: CardsAction) => {
    const cardIds = targets();
    setConfirming(null);
    if (cardIds.length === 0) return;
    try {
      const result = await call('updateCards', { cardIds, ...action });
      setStatus({ text: result.message, undoDelete: result.undoable });
      setError(null);
      if (action.action === 'delete' || action.action === 'move') setSelected(new Set());
      refresh(true);
      loadLists();
    } catch (e) {
      setError((e as Error).message);
    }
    listRef.current?.focus();
  };

  const undoDelete = async () => {
    try {
      const result = await call('undoDelete', {});
      setStatus({ text: result.message });
      refresh(true);
      loadLists();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const createDeck = async () => {
    if (newDeck === null) return;
    try {
      const deck = await call('createDeck', { title: newDeck });
      setNewDeck(null);
      setNewDeckError(null);
      setStatus({ text: `Created the deck "${deck.title}".` });
      loadLists();
      setFilters((f) => ({ ...f, deckId: deck.id }));
      document.querySelector<HTMLElement>('#add-note')?.focus();
    } catch (e) {
      setNewDeckError(withoutMethodName((e as Error).message));
    }
  };

  const onListKey = (e: KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    const pageRows = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    if (mod && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      void ids().then((all) => setSelected(new Set(all)));
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      moveFocus(focus + 1, e.shiftKey);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      moveFocus(focus - 1, e.shiftKey);
    } else if (e.key === 'PageDown') {
      e.preventDefault();
      moveFocus(focus + pageRows, e.shiftKey);
    } else if (e.key === 'PageUp') {
      e.preventDefault();
      moveFocus(focus - pageRows, e.shiftKey);
    } else if (e.key === 'Home') {
      e.preventDefault();
      moveFocus(0, e.shiftKey);
    } else if (e.key === 'End') {
      e.preventDefault();
      moveFocus(count - 1, e.shiftKey);
    } else if (e.key === ' ') {
      e.preventDefault();
      const row = rowAt(focus);
      if (row) toggle(row.cardId);
      anchor.current = focus;
    } else if ((e.key === 'Enter' || e.key === 'e') && !mod) {
      e.preventDefault();
      openEditor();
    } else if (e.key === 'Delete' && !mod) {
      e.preventDefault();
      if (targets().length) setConfirming('delete');
    } else if (e.key === 'Escape' && selected.size) {
      e.preventDefault();
      e.stopPropagation();
      setSelected(new Set());
    }
  };

  // Ctrl/Cmd+Z outside text fields takes back the last deletion made here.
  const live = useRef({ status, undoDelete });
  live.current = { status, undoDelete };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const inField = e.target instanceof HTMLElement && e.target.closest('input, textarea, select');
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z' && !inField && live.current.status?.undoDelete) {
        e.preventDefault();
        void live.current.undoDelete();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onRowClick = (i: number, row: BrowserRow, e: MouseEvent) => {
    listRef.current?.focus();
    setFocus(i);
    if (e.shiftKey) {
      void selectRange(anchor.current, i, e.ctrlKey || e.metaKey);
      return;
    }
    anchor.current = i;
    if (e.ctrlKey || e.metaKey) toggle(row.cardId);
    else setSelected(new Set([row.cardId]));
  };

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const targetCount = selected.size || (rowAt(focus) ? 1 : 0);
  const addDeckId = filters.deckId || decks[0]?.id;
  const visible: number[] = [];
  for (let i = first; i <= last; i++) visible.push(i);

  return (
    <Frame
      title="Browse cards"
      back
      actions={
        <>
          <a class="button secondary" href="#/decks">
            Manage decks
          </a>
          <button type="button" class="button secondary" onClick={() => setNewDeck((v) => (v === null ? '' : null))} aria-expanded={newDeck !== null}>
            New deck…
          </button>
          {addDeckId && (
            <a id="add-note" class="button primary" href={`#/add/${encodeURIComponent(addDeckId)}`}>
              Add note
            </a>
          )}
        </>
      }
    >
      {newDeck !== null && (
        <form
          class="new-deck"
          onSubmit={(e) => {
            e.preventDefault();
            void createDeck();
          }}
        >
          <label class="field">
            <span>Deck title <span class="muted small">(Parent::Child nests it)</span></span>
            <input
              type="text"
              value={newDeck}
              ref={(el) => {
                if (el && !el.dataset.focused) {
                  el.dataset.focused = '1';
                  el.focus();
                }
              }}
              onInput={(e) => setNewDeck(e.currentTarget.value)}
              onKeyDown={(e) => e.key === 'Escape' && setNewDeck(null)}
              aria-invalid={newDeckError ? 'true' : undefined}
              aria-describedby={newDeckError ? 'new-deck-error' : undefined}
            />
          </label>
          <button type="submit" class="button primary">
            Create deck
          </button>
          <button type="button" class="button secondary" onClick={() => setNewDeck(null)}>
            Cancel
          </button>
          {newDeckError && (
            <p class="field-error" id="new-deck-error" role="alert">
              {newDeckError}
            </p>
          )}
        </form>
      )}
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
                listRef.current?.focus();
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

      {error && <ErrorMessage message={error} />}

      <div class="browser-bar">
        <p class="muted small" role="status" aria-live="polite">
          {total === null ? 'Searching…' : `${plural(total, 'card')}${selected.size ? ` · ${plural(selected.size, 'selected', 'selected')}` : ''}`}
        </p>
        {status && (
          <p class="small browser-status" role="status">
            {status.text}
            {status.undoDelete && (
              <button type="button" class="button small secondary" onClick={() => void undoDelete()} aria-keyshortcuts="Control+Z Meta+Z">
                Undo delete
              </button>
            )}
          </p>
        )}
      </div>

      <div class="browser-actions" role="toolbar" aria-label="Change the selected cards">
        <button type="button" class="button small secondary" disabled={!rowAt(focus)} onClick={openEditor} aria-keyshortcuts="Enter E">
          Edit <kbd>E</kbd>
        </button>
        <button type="button" class="button small secondary" disabled={!targetCount} onClick={() => void apply({ action: 'suspend' })}>
          Suspend
        </button>
        <button type="button" class="button small secondary" disabled={!targetCount} onClick={() => void apply({ action: 'unsuspend' })}>
          Unsuspend
        </button>
        <button type="button" class="button small secondary" disabled={!targetCount} onClick={() => void apply({ action: 'bury' })}>
          Bury
        </button>
        <button type="button" class="button small secondary" disabled={!targetCount} onClick={() => setConfirming('reset')}>
          Reset…
        </button>
        <span class="action-group">
          <select aria-label="Deck to move to" value={moveTo} onChange={(e) => setMoveTo(e.currentTarget.value)}>
            <option value="">Move to…</option>
            {decks.map((d) => (
              <option key={d.id} value={d.id}>
                {deckOptionLabel(d)}
              </option>
            ))}
          </select>
          <button type="button" class="button small secondary" disabled={!targetCount || !moveTo} onClick={() => void apply({ action: 'move', deckId: moveTo })}>
            Move
          </button>
        </span>
        <span class="action-group">
          <input type="text" aria-label="Tag" placeholder="tag" value={tagText} onInput={(e) => setTagText(e.currentTarget.value)} size={10} />
          <button type="button" class="button small secondary" disabled={!targetCount || !tagText.trim()} onClick={() => void apply({ action: 'addTag', tag: tagText.trim() })}>
            Add tag
          </button>
          <button type="button" class="button small secondary" disabled={!targetCount || !tagText.trim()} onClick={() => void apply({ action: 'removeTag', tag: tagText.trim() })}>
            Remove tag
          </button>
        </span>
        <button type="button" class="button small danger" disabled={!targetCount} onClick={() => setConfirming('delete')} aria-keyshortcuts="Delete">
          Delete…
        </button>
      </div>

      {confirming && (
        <div class="confirm browser-confirm" role="alertdialog" aria-label={confirming === 'delete' ? 'Confirm delete' : 'Confirm reset'}>
          <span>
            {confirming === 'delete'
              ? `Delete the notes of ${plural(targetCount, 'card')} (with every card they make)? You can undo this.`
              : `Reset ${plural(targetCount, 'card')} to new? Their scheduling starts over; the review history stays in the log.`}
          </span>
          <button
            type="button"
            class={`button ${confirming === 'delete' ? 'danger' : 'primary'}`}
            ref={(el) => el?.focus()}
            onClick={() => void apply({ action: confirming })}
            onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), setConfirming(null), listRef.current?.focus())}
          >
            {confirming === 'delete' ? 'Delete' : 'Reset'}
          </button>
          <button type="button" class="button secondary" onClick={() => (setConfirming(null), listRef.current?.focus())}>
            Cancel
          </button>
        </div>
      )}

      <div class="browser-head" aria-hidden="true">
        <span>Card</span>
        <span>Deck</span>
        <span>State</span>
        <span>Due</span>
        <span>Interval</span>
      </div>
      <div
        ref={listRef}
        class="browser-list"
        role="listbox"
        aria-label="Cards"
        aria-multiselectable="true"
        tabIndex={0}
        aria-activedescendant={count ? `card-row-${focus}` : undefined}
        onKeyDown={onListKey}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <div class="browser-spacer" style={{ height: `${count * ROW_HEIGHT}px` }}>
          {visible.map((i) => {
            const row = rowAt(i);
            const isSelected = row ? selected.has(row.cardId) : false;
            return (
              <div
                key={i}
                id={`card-row-${i}`}
                role="option"
                aria-selected={isSelected}
                aria-setsize={count}
                aria-posinset={i + 1}
                class={`browser-row${i === focus ? ' focused' : ''}${isSelected ? ' selected' : ''}${row?.suspended ? ' suspended' : ''}`}
                style={{ top: `${i * ROW_HEIGHT}px`, height: `${ROW_HEIGHT}px` }}
                onClick={(e) => row && onRowClick(i, row, e)}
                onDblClick={() => row && navigate({ name: 'edit', noteId: row.noteId })}
              >
                {row ? (
                  <>
                    <span class="cell front" title={row.front}>
                      {row.front}
                      {row.tags.length > 0 && <span class="row-tags muted small"> · {row.tags.join(' ')}</span>}
                    </span>
                    <span class="cell deck-cell muted small" title={row.deckTitle}>{row.deckTitle}</span>
                    <span class="cell state small">
                      <span class={`status ${row.status}`}>{STATE_LABEL[row.status]}</span>
                      {row.template !== 'front' && <span class="badge" title="Which side or deletion">{row.template}</span>}
                      {row.suspended && <span class="badge">Suspended</span>}
                      {row.buried && <span class="badge">Buried</span>}
                    </span>
                    <span class="cell small">{row.due === null ? '—' : dateLabel(row.due)}</span>
                    <span class="cell small">{intervalLabel(row.intervalDays)}</span>
                  </>
                ) : (
                  <span class="cell muted small">Loading…</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
      {total === 0 && <p class="empty browser-empty">No cards match.</p>}
      <p class="muted small browser-keys">
        <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Space</kbd> select · <kbd>Shift</kbd>+click or <kbd>Shift</kbd>+<kbd>↓</kbd> select a range · <kbd>Ctrl+A</kbd> select all · <kbd>Enter</kbd> or <kbd>E</kbd> edit · <kbd>Delete</kbd> delete
      </p>
    </Frame>
  );
}
