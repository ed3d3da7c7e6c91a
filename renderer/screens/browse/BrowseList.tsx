// The card list: a listbox of one row per card, of which only the rows in view are in the page
// (see use-virtual-rows.ts); the pages of rows it reaches are fetched as it scrolls.
import { useEffect } from 'preact/hooks';
import type { BrowserRow } from '../../../main/contract.ts';
import { dateLabel, intervalLabel } from '../../format.ts';
import type { CardPages } from './use-card-pages.ts';
import type { Selection } from './use-selection.ts';
import { ROW_HEIGHT, type VirtualRows } from './use-virtual-rows.ts';

const STATE_LABEL: Record<BrowserRow['status'], string> = { new: 'New', learning: 'Learning', due: 'Due', learned: 'Learned' };

interface Props {
  pages: CardPages;
  rows: VirtualRows;
  selection: Selection;
  /** A double click on a row. */
  onOpen: (row: BrowserRow) => void;
}

export function BrowseList({ pages, rows, selection, onOpen }: Props) {
  const count = pages.total ?? 0;
  useEffect(() => pages.load(rows.first, rows.last));
  const visible: number[] = [];
  for (let i = rows.first; i <= rows.last; i++) visible.push(i);

  return (
    <>
      <div class="browser-head" aria-hidden="true">
        <span>Card</span>
        <span>Deck</span>
        <span>State</span>
        <span>Due</span>
        <span>Interval</span>
      </div>
      <div
        ref={rows.listRef}
        class="browser-list"
        role="listbox"
        aria-label="Cards"
        aria-multiselectable="true"
        tabIndex={0}
        aria-activedescendant={count ? `card-row-${selection.focus}` : undefined}
        onKeyDown={selection.onKeyDown}
        onScroll={(e) => rows.onScroll(e.currentTarget.scrollTop)}
      >
        <div class="browser-spacer" style={{ height: `${count * ROW_HEIGHT}px` }}>
          {visible.map((i) => {
            const row = pages.rowAt(i);
            const isSelected = row ? selection.selected.has(row.cardId) : false;
            return (
              <div
                key={i}
                id={`card-row-${i}`}
                role="option"
                aria-selected={isSelected}
                aria-setsize={count}
                aria-posinset={i + 1}
                class={`browser-row${i === selection.focus ? ' focused' : ''}${isSelected ? ' selected' : ''}${row?.suspended ? ' suspended' : ''}`}
                style={{ top: `${i * ROW_HEIGHT}px`, height: `${ROW_HEIGHT}px` }}
                onClick={(e) => row && selection.onRowClick(i, row, e)}
                onDblClick={() => row && onOpen(row)}
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
      {pages.total === 0 && <p class="empty browser-empty">No cards match.</p>}
      <p class="muted small browser-keys">
        <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Space</kbd> select · <kbd>Shift</kbd>+click or <kbd>Shift</kbd>+<kbd>↓</kbd> select a range · <kbd>Ctrl+A</kbd> select all · <kbd>Enter</kbd> or <kbd>E</kbd> edit · <kbd>Delete</kbd> delete
      </p>
    </>
  );
}
