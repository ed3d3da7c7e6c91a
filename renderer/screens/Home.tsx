import { hrefFor } from '../router.ts';
import { useApi } from '../use-api.ts';
import { DeckTree } from './DeckTree.tsx';
import { ErrorMessage, Frame, Loading } from './Frame.tsx';

export function Home() {
  const [decks, reload] = useApi('listDecks', {});
  const [info] = useApi('getAppInfo', {});
  return (
    <Frame
      title="Decks"
      actions={
        <nav class="topnav" aria-label="More">
          <a class="button secondary" href={hrefFor({ name: 'articles' })}>
            Articles
          </a>
          <a class="button secondary" href={hrefFor({ name: 'browse' })}>
            Browse
          </a>
          <a class="button secondary" href={hrefFor({ name: 'stats', deckId: null })}>
            Statistics
          </a>
          <a class="button secondary" href={hrefFor({ name: 'settings' })}>
            Settings
          </a>
          <a class="button secondary" href={hrefFor({ name: 'transfer' })}>
            Import/Export
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
          <p class="empty">No decks yet. Import an Anki package, a CSV file or Markdown notes from Import/Export, or drop a file here.</p>
        ) : (
          <DeckTree decks={decks.value} onChanged={reload} />
        ))}
    </Frame>
  );
}
