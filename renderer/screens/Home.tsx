import type { DeckSummary } from '../../main/contract.ts';
import { hrefFor, navigate } from '../router.ts';
import { useApi } from '../use-api.ts';
import { ErrorMessage, Frame, Loading } from './Frame.tsx';

export function Home() {
  const [decks] = useApi('listDecks', {});
  const [info] = useApi('getAppInfo', {});
  return (
    <Frame
      title="Decks"
      actions={
        <nav class="topnav" aria-label="More">
          <a class="button secondary" href={hrefFor({ name: 'settings' })}>
            Settings
          </a>
          <a class="button secondary" href={hrefFor({ name: 'backups' })}>
            Backups
          </a>
          <a class="button secondary" href={hrefFor({ name: 'help' })}>
            Shortcuts
          </a>
        </nav>
      }
    >
      {info.state === 'ready' && info.value.notices.length > 0 && (
        <section class="notices" aria-label="Problems found">
          {info.value.notices.map((n) => (
            <p class="error" role="alert" key={n}>
              {n}
            </p>
          ))}
        </section>
      )}
      {decks.state === 'loading' && <Loading />}
      {decks.state === 'error' && <ErrorMessage message={decks.message} />}
      {decks.state === 'ready' &&
        (decks.value.length === 0 ? (
          <p class="empty">No decks yet. Decks placed in the app's decks folder appear here.</p>
        ) : (
          <ul class="deck-list">
            {decks.value.map((d) => (
              <DeckRow key={d.id} deck={d} />
            ))}
          </ul>
        ))}
    </Frame>
  );
}

function DeckRow({ deck }: { deck: DeckSummary }) {
  const { counts } = deck;
  const todo = counts.new + counts.learning + counts.due;
  return (
    <li class="deck">
      <div class="deck-text">
        <h2>{deck.title}</h2>
        {deck.description && <p class="muted">{deck.description}</p>}
        <p class="muted small">
          {deck.cardCount} cards{deck.source ? ` · from an article by ${deck.source.author}` : ''}
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
        {deck.source && (
          <a class="button secondary" href={hrefFor({ name: 'article', deckId: deck.id })} aria-label={`Read ${deck.title}`}>
            Read
          </a>
        )}
        <button type="button" class={`button ${todo ? 'primary' : 'secondary'}`} onClick={() => navigate({ name: 'study', deckId: deck.id })} aria-label={`Study ${deck.title}`}>
          Study
        </button>
      </div>
    </li>
  );
}
