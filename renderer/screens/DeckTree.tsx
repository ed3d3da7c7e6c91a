// Decks as a tree (`Parent::Child` titles): a list of lists, each deck with its counts rolled up
// from the decks under it, and the deck's own actions: study, add a note, rename, delete (asked
// first, and undoable).
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { DeckSummary } from '../../main/contract.ts';
import { call, withoutMethodName } from '../api.ts';
import { focusOnce } from '../focus-once.ts';
import { plural } from '../format.ts';
import { hrefFor, navigate } from '../router.ts';
import { NewDeckForm } from './NewDeckForm.tsx';

interface Props {
  decks: readonly DeckSummary[];
  /** Called after a deck was created, renamed, deleted or brought back, to load the list again. */
  onChanged: () => void;
}

export function DeckTree({ decks, onChanged }: Props) {
  const [status, setStatus] = useState<{ text: string; undo?: boolean; error?: boolean } | null>(null);
  const [creating, setCreating] = useState(false);
  const children = new Map<string | null, DeckSummary[]>();
  for (const d of decks) {
    const siblings = children.get(d.parentId);
    if (siblings) siblings.push(d);
    else children.set(d.parentId, [d]);
  }

  const run = async (what: () => Promise<{ text: string; undo?: boolean }>) => {
    try {
      setStatus(await what());
      onChanged();
    } catch (e) {
      setStatus({ text: withoutMethodName((e as Error).message), error: true });
    }
  };

  const list = (parentId: string | null) => {
    const items = children.get(parentId) ?? [];
    return items.length ? (
      <ul class={parentId === null ? 'deck-list deck-tree' : 'deck-list deck-subtree'} role="list">
        {items.map((d) => (
          <DeckNode key={d.id} deck={d} run={run}>
            {list(d.id)}
          </DeckNode>
        ))}
      </ul>
    ) : null;
  };

  return (
    <div class="deck-tree-wrap">
      <div class="deck-tree-bar">
        {!creating ? (
          <button type="button" class="button secondary" onClick={() => setCreating(true)}>
            New deck…
          </button>
        ) : (
          <NewDeckForm
            onCreated={(deck) => {
              setCreating(false);
              setStatus({ text: `Created the deck "${deck.title}".` });
              onChanged();
            }}
            onClose={() => setCreating(false)}
          />
        )}
        {status && (
          <p class={status.error ? 'error small' : 'small'} role={status.error ? 'alert' : 'status'}>
            {status.text}
            {status.undo && (
              <button type="button" class="button small secondary" onClick={() => void run(async () => ({ text: (await call('undoDelete', {})).message }))}>
                Undo delete
              </button>
            )}
          </p>
        )}
      </div>
      {list(null)}
    </div>
  );
}

function DeckNode({ deck, run, children }: { deck: DeckSummary; run: (what: () => Promise<{ text: string; undo?: boolean }>) => Promise<void>; children: ComponentChildren }) {
  const [mode, setMode] = useState<'idle' | 'rename' | 'delete'>('idle');
  const [title, setTitle] = useState(deck.title);
  const { counts, cardCount } = deck.rollup;
  const todo = counts.new + counts.learning + counts.due;
  return (
    <li class="deck-node">
      <div class="deck">
        <div class="deck-text">
          <h2 title={deck.title}>{deck.name}</h2>
          {deck.description && <p class="muted">{deck.description}</p>}
          <p class="muted small">
            {plural(cardCount, 'card')}
            {deck.cardCount !== cardCount ? ` (${deck.cardCount} in this deck)` : ''}
            {deck.source ? ` · from an article by ${deck.source.author}` : ''}
          </p>
        </div>
        <dl class="counts" aria-label={`Today in ${deck.title}`}>
          <div class="count new">
            <dt>New</dt>
            <dd>{counts.new}</dd>
          </div>
          <div class="count learning">
            <dt>Learning</dt>
            <dd>{counts.learning}</dd>
          </div>
          <div class="count due">
            <dt>Due</dt>
            <dd>{counts.due}</dd>
          </div>
        </dl>
        <div class="deck-actions">
          <button type="button" class={`button ${todo ? 'primary' : 'secondary'}`} onClick={() => navigate({ name: 'study', deckId: deck.id })} aria-label={`Study ${deck.title}`}>
            Study
          </button>
        </div>
        <div class="deck-tools">
          <a class="button small secondary" href={`#/add/${encodeURIComponent(deck.id)}`} aria-label={`Add note to ${deck.title}`}>
            Add note
          </a>
          {deck.source && (
            <a class="button small secondary" href={hrefFor({ name: 'article', deckId: deck.id })} aria-label={`Read ${deck.title}`}>
              Read
            </a>
          )}
          <a class="button small secondary" href={hrefFor({ name: 'stats', deckId: deck.id })} aria-label={`Stats for ${deck.title}`}>
            Stats
          </a>
          <button type="button" class="button small secondary" onClick={() => setMode(mode === 'rename' ? 'idle' : 'rename')} aria-label={`Rename ${deck.title}`} aria-expanded={mode === 'rename'}>
            Rename
          </button>
          <button type="button" class="button small secondary" onClick={() => setMode('delete')} aria-label={`Delete ${deck.title}`}>
            Delete…
          </button>
        </div>
      </div>
      {mode === 'rename' && (
        <form
          class="new-deck"
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              const renamed = await call('renameDeck', { deckId: deck.id, title });
              setMode('idle');
              return { text: `Renamed to "${renamed.title}".` };
            });
          }}
        >
          <label class="field">
            <span>New title for {deck.title}</span>
            <input type="text" value={title} ref={focusOnce} onInput={(e) => setTitle(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Escape' && setMode('idle')} />
          </label>
          <button type="submit" class="button primary">
            Rename
          </button>
          <button type="button" class="button secondary" onClick={() => setMode('idle')}>
            Cancel
          </button>
        </form>
      )}
      {mode === 'delete' && (
        <div class="confirm" role="alertdialog" aria-label={`Confirm deleting ${deck.title}`}>
          <span>
            Delete "{deck.title}"{children ? ' and the decks under it' : ''} with {plural(cardCount, 'card')}? You can undo this.
          </span>
          <button
            type="button"
            class="button danger"
            ref={(el) => el?.focus()}
            onClick={() => void run(async () => ({ text: (await call('deleteDeck', { deckId: deck.id })).message, undo: true }))}
            onKeyDown={(e) => e.key === 'Escape' && setMode('idle')}
          >
            Delete
          </button>
          <button type="button" class="button secondary" onClick={() => setMode('idle')}>
            Cancel
          </button>
        </div>
      )}
      {children}
    </li>
  );
}
