// The bar of changes to the selected cards (or, with none selected, to the focused card), and the
// question it asks before a reset or a delete.
import { useState } from 'preact/hooks';
import type { CardsAction, DeckSummary } from '../../../main/contract.ts';
import { deckOptionLabel, plural } from '../../format.ts';

export type Confirming = null | 'delete' | 'reset';

interface Props {
  decks: readonly DeckSummary[];
  /** How many cards an action would change. */
  targetCount: number;
  canEdit: boolean;
  onEdit: () => void;
  onApply: (action: CardsAction) => void;
  confirming: Confirming;
  onConfirm: (what: 'delete' | 'reset') => void;
  onCancel: () => void;
}

export function BrowseActions({ decks, targetCount, canEdit, onEdit, onApply, confirming, onConfirm, onCancel }: Props) {
  const [moveTo, setMoveTo] = useState('');
  const [tagText, setTagText] = useState('');
  return (
    <>
      <div class="browser-actions" role="toolbar" aria-label="Change the selected cards">
        <button type="button" class="button small secondary" disabled={!canEdit} onClick={onEdit} aria-keyshortcuts="Enter E">
          Edit <kbd>E</kbd>
        </button>
        <button type="button" class="button small secondary" disabled={!targetCount} onClick={() => onApply({ action: 'suspend' })}>
          Suspend
        </button>
        <button type="button" class="button small secondary" disabled={!targetCount} onClick={() => onApply({ action: 'unsuspend' })}>
          Unsuspend
        </button>
        <button type="button" class="button small secondary" disabled={!targetCount} onClick={() => onApply({ action: 'bury' })}>
          Bury
        </button>
        <button type="button" class="button small secondary" disabled={!targetCount} onClick={() => onConfirm('reset')}>
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
          <button type="button" class="button small secondary" disabled={!targetCount || !moveTo} onClick={() => onApply({ action: 'move', deckId: moveTo })}>
            Move
          </button>
        </span>
        <span class="action-group">
          <input type="text" aria-label="Tag" placeholder="tag" value={tagText} onInput={(e) => setTagText(e.currentTarget.value)} size={10} />
          <button type="button" class="button small secondary" disabled={!targetCount || !tagText.trim()} onClick={() => onApply({ action: 'addTag', tag: tagText.trim() })}>
            Add tag
          </button>
          <button type="button" class="button small secondary" disabled={!targetCount || !tagText.trim()} onClick={() => onApply({ action: 'removeTag', tag: tagText.trim() })}>
            Remove tag
          </button>
        </span>
        <button type="button" class="button small danger" disabled={!targetCount} onClick={() => onConfirm('delete')} aria-keyshortcuts="Delete">
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
            onClick={() => onApply({ action: confirming })}
            onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onCancel())}
          >
            {confirming === 'delete' ? 'Delete' : 'Reset'}
          </button>
          <button type="button" class="button secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
    </>
  );
}
