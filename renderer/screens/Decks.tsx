// Managing decks: the deck tree with its actions (new, rename, delete, add a note), on its own
// screen until Home shows the same tree.
import { useApi } from '../use-api.ts';
import { DeckTree } from './DeckTree.tsx';
import { ErrorMessage, Frame, Loading } from './Frame.tsx';

export function Decks() {
  const [decks, reload] = useApi('listDecks', {});
  return (
    <Frame
      title="Manage decks"
      back
      actions={
        <a class="button secondary" href="#/browse">
          Browse cards
        </a>
      }
    >
      {decks.state === 'loading' && <Loading />}
      {decks.state === 'error' && <ErrorMessage message={decks.message} />}
      {decks.state === 'ready' && <DeckTree decks={decks.value} onChanged={reload} />}
    </Frame>
  );
}
