// Nested decks, Anki style: a deck titled `Parent::Child` sits under the deck titled `Parent`.
// Decks stay a flat list in the collection; the tree is worked out from titles whenever asked.
import type { DeckCounts } from './queue.ts';

export const DECK_SEPARATOR = '::';

export interface TreeInput {
  id: string;
  title: string;
  cardCount: number;
  counts: DeckCounts;
}

export interface TreePlacement {
  /** The nearest deck whose title is a prefix path of this one; null at the top. */
  parentId: string | null;
  /** How many ancestors the deck has in the list. */
  depth: number;
  /** The title without its parent's path: what the tree shows. */
  name: string;
  /** This deck's cards and counts plus all its descendants'. */
  rollup: { cardCount: number; counts: DeckCounts };
}

/** The parts of a title path, each trimmed: `A :: B` and `A::B` are the same deck path. */
export const titlePath = (title: string): string[] => title.split(DECK_SEPARATOR).map((p) => p.trim());

export const joinTitle = (parts: readonly string[]): string => parts.join(DECK_SEPARATOR);

const pathKey = (parts: readonly string[]): string => parts.map((p) => p.toLocaleLowerCase()).join('\u0000');

/**
 * Places every deck in the tree and rolls counts up to its ancestors, returning the decks in tree
 * order (depth first, siblings by name). A deck whose parent path names no deck hangs from the
 * nearest ancestor that exists, or from the top.
 */
export function deckTree<T extends TreeInput>(decks: readonly T[]): (T & TreePlacement)[] {
  const byPath = new Map<string, T>();
  for (const d of decks) byPath.set(pathKey(titlePath(d.title)), d);
  const parentOf = new Map<string, T | null>();
  for (const d of decks) {
    const parts = titlePath(d.title);
    let parent: T | null = null;
    for (let n = parts.length - 1; n > 0 && !parent; n--) parent = byPath.get(pathKey(parts.slice(0, n))) ?? null;
    parentOf.set(d.id, parent && parent.id !== d.id ? parent : null);
  }
  const children = new Map<string | null, T[]>();
  for (const d of decks) {
    const key = parentOf.get(d.id)?.id ?? null;
    const siblings = children.get(key);
    if (siblings) siblings.push(d);
    else children.set(key, [d]);
  }
  const nameOf = (d: T): string => {
    const parent = parentOf.get(d.id);
    const parts = titlePath(d.title);
    return joinTitle(parts.slice(parent ? titlePath(parent.title).length : 0)) || d.title;
  };
  const out: (T & TreePlacement)[] = [];
  const visit = (d: T, depth: number, seen: Set<string>): TreePlacement['rollup'] => {
    const placed = { ...d, parentId: parentOf.get(d.id)?.id ?? null, depth, name: nameOf(d), rollup: { cardCount: d.cardCount, counts: { ...d.counts } } };
    out.push(placed);
    for (const child of sortByName(children.get(d.id) ?? [], nameOf)) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      const r = visit(child, depth + 1, seen);
      placed.rollup.cardCount += r.cardCount;
      placed.rollup.counts.new += r.counts.new;
      placed.rollup.counts.learning += r.counts.learning;
      placed.rollup.counts.due += r.counts.due;
    }
    return placed.rollup;
  };
  const seen = new Set<string>();
  for (const root of sortByName(children.get(null) ?? [], nameOf)) {
    seen.add(root.id);
    visit(root, 0, seen);
  }
  return out;
}

function sortByName<T>(list: readonly T[], nameOf: (d: T) => string): T[] {
  return [...list].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
}

/** True when `title` is `ancestor` itself or a deck somewhere under it. */
export function isWithin(title: string, ancestor: string): boolean {
  const a = titlePath(ancestor).map((p) => p.toLocaleLowerCase());
  const t = titlePath(title).map((p) => p.toLocaleLowerCase());
  return t.length >= a.length && a.every((part, i) => part === t[i]);
}

/** The same deck path, ignoring case and spaces around `::`. */
export const sameTitlePath = (a: string, b: string): boolean => pathKey(titlePath(a)) === pathKey(titlePath(b));
