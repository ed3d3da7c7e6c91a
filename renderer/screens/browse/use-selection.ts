// Which cards are selected and which row the keyboard is on, as in a file manager: click, Ctrl+click
// and Shift+click; the arrows, Page Up and Down, Home and End move, and with Shift select a range;
// Space selects or unselects; Ctrl+A selects every card the search found, loaded or not.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BrowserRow } from '../../../main/contract.ts';
import type { CardPages } from './use-card-pages.ts';
import type { VirtualRows } from './use-virtual-rows.ts';

export interface Selection {
  selected: ReadonlySet<string>;
  /** The row the keyboard is on, and the card it holds once loaded. */
  focus: number;
  focusedRow: BrowserRow | undefined;
  /** What an action applies to: the selection, or the focused card when nothing is selected. */
  targets(): string[];
  targetCount: number;
  clear(): void;
  /** Back to the first row with nothing selected, for a new search. */
  reset(): void;
  onKeyDown(e: KeyboardEvent): void;
  onRowClick(index: number, row: BrowserRow, e: MouseEvent): void;
}

interface Options {
  pages: CardPages;
  rows: VirtualRows;
  /** Enter or E on a loaded row. */
  onOpen: (row: BrowserRow) => void;
  /** The Delete key, when there is a card to delete. */
  onDelete: () => void;
}

export function useSelection({ pages, rows, onOpen, onDelete }: Options): Selection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [focus, setFocus] = useState(0);
  // Where a Shift range starts: the row last moved to or clicked without Shift.
  const anchor = useRef(0);
  const count = pages.total ?? 0;

  // After a deletion the list may be shorter than where the focus was.
  useEffect(() => {
    if (count > 0 && focus >= count) setFocus(count - 1);
  }, [count, focus]);

  const selectRange = async (from: number, to: number, add: boolean) => {
    const [a, b] = from < to ? [from, to] : [to, from];
    let range: string[] = [];
    const loaded = Array.from({ length: b - a + 1 }, (_, k) => pages.rowAt(a + k)?.cardId);
    if (loaded.every((x): x is string => x !== undefined)) range = loaded as string[];
    else range = (await pages.allIds()).slice(a, b + 1);
    setSelected((s) => new Set([...(add ? s : []), ...range]));
  };

  const moveFocus = (to: number, extend: boolean) => {
    if (count === 0) return;
    const i = Math.max(0, Math.min(count - 1, to));
    setFocus(i);
    if (extend) void selectRange(anchor.current, i, false);
    else anchor.current = i;
    rows.scrollIntoView(i);
  };

  const toggle = (cardId: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(cardId)) next.delete(cardId);
      else next.add(cardId);
      return next;
    });

  const targets = (): string[] => {
    if (selected.size) return [...selected];
    const row = pages.rowAt(focus);
    return row ? [row.cardId] : [];
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      void pages.allIds().then((all) => setSelected(new Set(all)));
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      moveFocus(focus + 1, e.shiftKey);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      moveFocus(focus - 1, e.shiftKey);
    } else if (e.key === 'PageDown') {
      e.preventDefault();
      moveFocus(focus + rows.pageRows, e.shiftKey);
    } else if (e.key === 'PageUp') {
      e.preventDefault();
      moveFocus(focus - rows.pageRows, e.shiftKey);
    } else if (e.key === 'Home') {
      e.preventDefault();
      moveFocus(0, e.shiftKey);
    } else if (e.key === 'End') {
      e.preventDefault();
      moveFocus(count - 1, e.shiftKey);
    } else if (e.key === ' ') {
      e.preventDefault();
      const row = pages.rowAt(focus);
      if (row) toggle(row.cardId);
      anchor.current = focus;
    } else if ((e.key === 'Enter' || e.key === 'e') && !mod) {
      e.preventDefault();
      const row = pages.rowAt(focus);
      if (row) onOpen(row);
    } else if (e.key === 'Delete' && !mod) {
      e.preventDefault();
      if (targets().length) onDelete();
    } else if (e.key === 'Escape' && selected.size) {
      e.preventDefault();
      e.stopPropagation();
      setSelected(new Set());
    }
  };

  const onRowClick = (index: number, row: BrowserRow, e: MouseEvent) => {
    rows.listRef.current?.focus();
    setFocus(index);
    if (e.shiftKey) {
      void selectRange(anchor.current, index, e.ctrlKey || e.metaKey);
      return;
    }
    anchor.current = index;
    if (e.ctrlKey || e.metaKey) toggle(row.cardId);
    else setSelected(new Set([row.cardId]));
  };

  const focusedRow = pages.rowAt(focus);
  return {
    selected,
    focus,
    focusedRow,
    targets,
    targetCount: selected.size || (focusedRow ? 1 : 0),
    clear: () => setSelected(new Set()),
    reset: () => {
      setFocus(0);
      anchor.current = 0;
      setSelected(new Set());
    },
    onKeyDown,
    onRowClick,
  };
}
