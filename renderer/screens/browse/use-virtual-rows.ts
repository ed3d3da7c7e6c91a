// The card list is virtualised: it is as tall as all its rows together, but only the rows in view
// (and a few either side) are in the page, each placed at its own offset.
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

export const ROW_HEIGHT = 44;
/** Rows kept in the page beyond each edge of the view, so a short scroll shows rows, not a gap. */
const OVERSCAN = 8;
/** The list's height until it is measured, and while it has none (not laid out). */
const UNMEASURED_HEIGHT = 480;

export interface VirtualRows {
  listRef: RefObject<HTMLDivElement | null>;
  /** The first and last row in the page. */
  first: number;
  last: number;
  /** How far Page Up and Page Down move: the rows in view less one, which stays in sight. */
  pageRows: number;
  onScroll(scrollTop: number): void;
  scrollToTop(): void;
  /** Scrolls the least that brings row `index` into view. */
  scrollIntoView(index: number): void;
}

export function useVirtualRows(count: number): VirtualRows {
  const listRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(UNMEASURED_HEIGHT);

  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight || UNMEASURED_HEIGHT);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  return {
    listRef,
    first: Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN),
    last: Math.min(count - 1, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN),
    pageRows: Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1),
    onScroll: setScrollTop,
    scrollToTop: () => {
      if (listRef.current) listRef.current.scrollTop = 0;
      setScrollTop(0);
    },
    scrollIntoView: (index) => {
      const el = listRef.current;
      if (!el) return;
      if (index * ROW_HEIGHT < el.scrollTop) el.scrollTop = index * ROW_HEIGHT;
      else if ((index + 1) * ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = (index + 1) * ROW_HEIGHT - el.clientHeight;
    },
  };
}
