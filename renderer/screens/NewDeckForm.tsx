// A new deck, made from the deck list or the browser; a problem with its title shows under the field.
import { useState } from 'preact/hooks';
import type { DeckSummary } from '../../main/contract.ts';
import { call, withoutMethodName } from '../api.ts';
import { focusOnce } from '../focus-once.ts';

interface Props {
  onCreated: (deck: DeckSummary) => void;
  /** Cancel or Escape. */
  onClose: () => void;
}

export function NewDeckForm({ onCreated, onClose }: Props) {
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);

  const create = async () => {
    try {
      onCreated(await call('createDeck', { title }));
    } catch (e) {
      setError(withoutMethodName((e as Error).message));
    }
  };

  return (
    <form
      class="new-deck"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <label class="field">
        <span>Deck title <span class="muted small">(Parent::Child nests it)</span></span>
        <input
          type="text"
          value={title}
          ref={focusOnce}
          onInput={(e) => setTitle(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Escape' && onClose()}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'new-deck-error' : undefined}
        />
      </label>
      <button type="submit" class="button primary">
        Create deck
      </button>
      <button type="button" class="button secondary" onClick={onClose}>
        Cancel
      </button>
      {error && (
        <p class="field-error" id="new-deck-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
