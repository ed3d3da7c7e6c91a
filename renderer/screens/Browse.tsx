// The card browser: search, filter and sort every card, select many and change them at once. Its
// parts are in browse/: the filters, the search a page at a time, the virtual list, the selection
// and the action bar; this screen holds what they share and the changes they ask for.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { BrowserRow, CardsAction, DeckSummary } from '../../main/contract.ts';
import { call } from '../api.ts';
import { plural } from '../format.ts';
import { navigate } from '../router.ts';
import { BrowseActions, type Confirming } from './browse/BrowseActions.tsx';
import { BrowseFilters, NO_FILTERS, type Filters } from './browse/BrowseFilters.tsx';
import { BrowseList } from './browse/BrowseList.tsx';
import { NewDeckForm } from './NewDeckForm.tsx';
import { useCardPages } from './browse/use-card-pages.ts';
import { useSelection } from './browse/use-selection.ts';
import { useVirtualRows } from './browse/use-virtual-rows.ts';
import { ErrorMessage, Frame } from './Frame.tsx';

const openNote = (row: BrowserRow) => navigate({ name: 'edit', noteId: row.noteId });

export function Browse() {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [decks, setDecks] = useState<DeckSummary[]>([]);
  const [tags, setTags] = useState<string[]>([]);
  const [status, setStatus] = useState<{ text: string; undoDelete?: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [creatingDeck, setCreatingDeck] = useState(false);

  const loadLists = useCallback(() => {
    call('listDecks', {}).then(setDecks, (e: Error) => setError(e.message));
    call('listTags', {}).then(setTags, (e: Error) => setError(e.message));
  }, []);
  useEffect(loadLists, [loadLists]);

  const pages = useCardPages(filters, setError);
  const rows = useVirtualRows(pages.total ?? 0);
  const selection = useSelection({ pages, rows, onOpen: openNote, onDelete: () => setConfirming('delete') });

  // A new search starts at the top with nothing selected; a change to the cards keeps the place.
  useEffect(() => {
    selection.reset();
    rows.scrollToTop();
  }, [filters]);

  const apply = async (action: CardsAction) => {
    const cardIds = selection.targets();
    setConfirming(null);
    if (cardIds.length === 0) return;
    try {
      const result = await call('updateCards', { cardIds, ...action });
      setStatus({ text: result.message, undoDelete: result.undoable });
      setError(null);
      if (action.action === 'delete' || action.action === 'move') selection.clear();
      pages.reload();
      loadLists();
    } catch (e) {
      setError((e as Error).message);
    }
    rows.listRef.current?.focus();
  };

  const undoDelete = async () => {
    try {
      const result = await call('undoDelete', {});
      setStatus({ text: result.message });
      pages.reload();
      loadLists();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const deckCreated = (deck: DeckSummary) => {
    setCreatingDeck(false);
    setStatus({ text: `Created the deck "${deck.title}".` });
    loadLists();
    setFilters((f) => ({ ...f, deckId: deck.id }));
    document.querySelector<HTMLElement>('#add-note')?.focus();
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

  const { total } = pages;
  const { focusedRow } = selection;
  const addDeckId = filters.deckId || decks[0]?.id;
  const backToList = () => {
    setConfirming(null);
    rows.listRef.current?.focus();
  };

  return (
    <Frame
      title="Browse cards"
      back
      actions={
        <>
          <a class="button secondary" href="#/decks">
            Manage decks
          </a>
          <button type="button" class="button secondary" onClick={() => setCreatingDeck((v) => !v)} aria-expanded={creatingDeck}>
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
      {creatingDeck && <NewDeckForm onCreated={deckCreated} onClose={() => setCreatingDeck(false)} />}
      <BrowseFilters filters={filters} setFilters={setFilters} decks={decks} tags={tags} onSearch={() => rows.listRef.current?.focus()} />

      {error && <ErrorMessage message={error} />}

      <div class="browser-bar">
        <p class="muted small" role="status" aria-live="polite">
          {total === null ? 'Searching…' : `${plural(total, 'card')}${selection.selected.size ? ` · ${plural(selection.selected.size, 'selected', 'selected')}` : ''}`}
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

      <BrowseActions
        decks={decks}
        targetCount={selection.targetCount}
        canEdit={focusedRow !== undefined}
        onEdit={() => focusedRow && openNote(focusedRow)}
        onApply={(action) => void apply(action)}
        confirming={confirming}
        onConfirm={setConfirming}
        onCancel={backToList}
      />

      <BrowseList pages={pages} rows={rows} selection={selection} onOpen={openNote} />
    </Frame>
  );
}
