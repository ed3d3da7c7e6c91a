// The library: every deck made from an article, with how much of it has cards and the drafts waiting,
// and adding an article from a file (chosen or dropped on the screen) or from pasted text.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AddArticleArgs, ArticleSummary } from '../../main/contract.ts';
import { call, withoutMethodName } from '../api.ts';
import { takeDroppedFile } from '../dropped-file.ts';
import { countLabel, plural } from '../format.ts';
import { readBytes } from '../read-file.ts';
import { hrefFor, navigate } from '../router.ts';
import { useApi } from '../use-api.ts';
import { bylineOf, CoverageBar } from './coverage.tsx';
import { ErrorMessage, Frame, Loading } from './Frame.tsx';

const ACCEPT = '.txt,.md,.html,.htm,.pdf,.docx,.epub';

/** A failure to add a file names the file, whether or not the service's message already does. */
const namedError = (name: string | undefined, message: string): string => {
  const text = withoutMethodName(message);
  return name && !text.includes(name) ? `${name}: ${text}` : text;
};

function ArticleItem({ article }: { article: ArticleSummary }) {
  const a = article;
  return (
    <li class="article-item">
      <div class="article-item-text">
        <h2>
          <a href={hrefFor({ name: 'article', deckId: a.deckId })}>{a.title}</a>
        </h2>
        <p class="muted small">{[bylineOf(a.author, null, a.date), `${countLabel(a.words)} words`, plural(a.cardCount, 'card')].filter(Boolean).join(' · ')}</p>
        <CoverageBar coverage={a.coverage} id={`coverage-${a.deckId}`} />
      </div>
      <div class="article-item-actions">
        <a class="button small secondary" href={hrefFor({ name: 'inbox', deckId: a.deckId })} aria-label={`${plural(a.drafts, 'draft')} waiting in the inbox of ${a.title}`}>
          {plural(a.drafts, 'draft')} waiting
        </a>
        <a class="button small primary" href={hrefFor({ name: 'article', deckId: a.deckId })} aria-label={`Read ${a.title}`}>
          Read
        </a>
      </div>
    </li>
  );
}

type Busy = { what: string; loaded?: number; total?: number } | null;

/** Sends an article to the service and opens it; a failure is shown here, naming the file. */
function useAddArticle() {
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<{ where: 'file' | 'text'; message: string } | null>(null);
  const add = async (args: AddArticleArgs, where: 'file' | 'text') => {
    setError(null);
    setBusy({ what: args.name ?? args.title ?? 'the text' });
    try {
      const added = await call('addArticle', args);
      navigate({ name: 'article', deckId: added.deckId });
    } catch (e) {
      setError({ where, message: namedError(args.name, (e as Error).message) });
    } finally {
      setBusy(null);
    }
  };
  const addFile = async (file: File) => {
    setError(null);
    setBusy({ what: file.name, loaded: 0, total: file.size });
    let data: Uint8Array;
    try {
      data = await readBytes(file, (loaded) => setBusy({ what: file.name, loaded, total: file.size }));
    } catch (e) {
      setBusy(null);
      setError({ where: 'file', message: (e as Error).message });
      return;
    }
    await add({ name: file.name, data }, 'file');
  };
  return { busy, error, add, addFile };
}

function AddArticle() {
  const { busy, error, add, addFile } = useAddArticle();
  const input = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  useEffect(() => {
    const onDrop = () => {
      const file = takeDroppedFile();
      if (file) void addFile(file);
    };
    onDrop();
    window.addEventListener('deckhand:dropped-file', onDrop);
    return () => window.removeEventListener('deckhand:dropped-file', onDrop);
  }, []);
  return (
    <section class="panel add-article" aria-labelledby="add-article-heading">
      <h2 id="add-article-heading">Add an article</h2>
      <p class="muted small">A text, Markdown, web page, PDF, Word or EPUB file (.txt, .md, .html, .pdf, .docx, .epub): choose one or drop it on this screen. Or paste the text below. Nothing is fetched from the internet.</p>
      <input ref={input} class="visually-hidden" type="file" accept={ACCEPT} tabIndex={-1} aria-hidden="true" onChange={(e) => {
        const file = e.currentTarget.files?.[0];
        e.currentTarget.value = '';
        if (file) void addFile(file);
      }} />
      <button type="button" class="button primary" disabled={busy !== null} onClick={() => input.current?.click()}>
        Choose a file…
      </button>
      {busy && (
        <div class="import-progress" role="status">
          {busy.total !== undefined ? <progress max={Math.max(1, busy.total)} value={busy.loaded} aria-label={`Reading ${busy.what}`} /> : <progress aria-label={`Adding ${busy.what}`} />}
          <span>{busy.total !== undefined ? `Reading ${busy.what}…` : `Adding ${busy.what}…`}</span>
        </div>
      )}
      {error?.where === 'file' && <ErrorMessage message={error.message} />}
      <form class="paste-article" onSubmit={(e) => {
        e.preventDefault();
        void add({ text, ...(title.trim() ? { title: title.trim() } : {}) }, 'text');
      }}>
        <label class="field">
          <span>Title</span>
          <input type="text" value={title} maxLength={300} onInput={(e) => setTitle(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>Text</span>
          <textarea rows={6} value={text} onInput={(e) => setText(e.currentTarget.value)} aria-invalid={error?.where === 'text' ? 'true' : undefined} aria-describedby={error?.where === 'text' ? 'paste-error' : undefined} />
        </label>
        {error?.where === 'text' && (
          <p class="field-error" id="paste-error" role="alert">
            {error.message}
          </p>
        )}
        <button type="submit" class="button secondary" disabled={busy !== null || text.trim() === ''}>
          Add the text
        </button>
      </form>
    </section>
  );
}

export function Library() {
  const [articles] = useApi('listArticles', {});
  return (
    <Frame title="Articles" back>
      {articles.state === 'loading' && <Loading />}
      {articles.state === 'error' && <ErrorMessage message={articles.message} />}
      {articles.state === 'ready' &&
        (articles.value.length === 0 ? (
          <p class="empty">No articles yet. Add one below: its text becomes a deck you read, make cards from, and study.</p>
        ) : (
          <ul class="article-list" aria-label="Articles">
            {articles.value.map((a) => (
              <ArticleItem key={a.deckId} article={a} />
            ))}
          </ul>
        ))}
      <AddArticle />
    </Frame>
  );
}
