// The inbox: cards drafted from an article, best first, each shown in its paragraph, to accept,
// edit or reject one at a time by keyboard (arrows move; A or Enter accepts, E edits, X rejects)
// or all at once.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DraftView } from '../../main/contract.ts';
import { call } from '../api.ts';
import { plural } from '../format.ts';
import { handOffNote } from '../note-handoff.ts';
import { hrefFor, navigate } from '../router.ts';
import { useApi } from '../use-api.ts';
import { ErrorMessage, Frame, Loading, OutcomeMessage, type Outcome } from './Frame.tsx';

const KIND: Record<DraftView['kind'], string> = { fact: 'Fact', argument: 'Argument' };
const TYPE: Record<DraftView['type'], string> = { basic: 'Question', cloze: 'Cloze' };

/** The paragraph with the draft's sentence marked. */
function InContext({ draft }: { draft: DraftView }) {
  const at = draft.context.indexOf(draft.quote);
  if (at < 0) return <p class="draft-context">{draft.quote}</p>;
  return (
    <p class="draft-context">
      {draft.context.slice(0, at)}
      <mark>{draft.quote}</mark>
      {draft.context.slice(at + draft.quote.length)}
    </p>
  );
}

/** A cloze draft with its deletion shown as the answer it asks for: "… [Beijing] …". */
const clozeShown = (text: string): string => text.replace(/\{\{c\d+::(.*?)(?:::[^}]*)?\}\}/g, '[$1]');

function DraftItem({ draft, index, total, active, onFocus, act }: { draft: DraftView; index: number; total: number; active: boolean; onFocus: () => void; act: (how: 'accept' | 'edit' | 'reject') => void }) {
  const headingId = `draft-${draft.id}`;
  return (
    <article class={`draft${active ? ' active' : ''}`} tabIndex={active ? 0 : -1} aria-labelledby={headingId} aria-posinset={index + 1} aria-setsize={total} data-draft={draft.id} onFocus={onFocus}>
      <p class="draft-meta small">
        <span class="badge">{KIND[draft.kind]}</span> <span class="badge">{TYPE[draft.type]}</span>
      </p>
      {draft.type === 'cloze' ? (
        <h2 id={headingId} class="draft-card">{clozeShown(draft.text)}</h2>
      ) : (
        <>
          <h2 id={headingId} class="draft-card">{draft.front}</h2>
          <p class="draft-answer">
            <span class="muted small">Answer: </span>
            {draft.back}
          </p>
        </>
      )}
      <InContext draft={draft} />
      <div class="draft-buttons">
        <button type="button" class="button small primary" tabIndex={active ? 0 : -1} onClick={() => act('accept')} aria-keyshortcuts="A Enter">
          Accept (A)
        </button>
        <button type="button" class="button small secondary" tabIndex={active ? 0 : -1} onClick={() => act('edit')} aria-keyshortcuts="E">
          Edit (E)
        </button>
        <button type="button" class="button small danger" tabIndex={active ? 0 : -1} onClick={() => act('reject')} aria-keyshortcuts="X">
          Reject (X)
        </button>
      </div>
    </article>
  );
}

function DraftFeed({ deckId, drafts, onChanged }: { deckId: string; drafts: DraftView[]; onChanged: () => void }) {
  const [active, setActive] = useState(0);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const feed = useRef<HTMLDivElement>(null);
  const at = Math.min(active, Math.max(0, drafts.length - 1));
  const focusAt = (i: number) => feed.current?.querySelectorAll<HTMLElement>('article.draft')[i]?.focus();
  // After a draft leaves the list the one that took its place has focus, so the next key acts on it.
  const refocus = useRef(false);
  useEffect(() => {
    if (refocus.current) (drafts.length > 0 ? focusAt(at) : document.querySelector<HTMLElement>('main h1')?.focus());
    refocus.current = false;
  }, [drafts]);

  const run = async (what: () => Promise<string>) => {
    try {
      setOutcome({ kind: 'ok', text: await what() });
      refocus.current = true;
      onChanged();
    } catch (e) {
      setOutcome({ kind: 'error', text: (e as Error).message });
    }
  };
  const act = (draft: DraftView, how: 'accept' | 'edit' | 'reject') => {
    if (how === 'accept') void run(async () => (await call('acceptDrafts', { deckId, draftIds: [draft.id] })).message);
    else if (how === 'reject') void run(async () => (await call('rejectDrafts', { deckId, draftIds: [draft.id] })).message);
    else {
      handOffNote({ deckId, type: draft.type, front: draft.front, back: draft.back, text: draft.text, quote: draft.quote, kind: draft.kind, fromDraft: draft.id });
      navigate({ name: 'add', deckId });
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || drafts.length === 0) return;
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: drafts.length - 1 };
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const draft = drafts[at]!;
    if (key in moves) {
      const to = Math.max(0, Math.min(drafts.length - 1, moves[key]!));
      setActive(to);
      focusAt(to);
    } else if (key === 'a' || (key === 'Enter' && e.target instanceof HTMLElement && e.target.matches('article.draft'))) act(draft, 'accept');
    else if (key === 'e') act(draft, 'edit');
    else if (key === 'x') act(draft, 'reject');
    else return;
    e.preventDefault();
  };

  return (
    <>
      <div class="inbox-bar">
        <button type="button" class="button secondary" disabled={drafts.length === 0} onClick={() => void run(async () => (await call('acceptDrafts', { deckId, draftIds: drafts.map((d) => d.id) })).message)}>
          Accept all
        </button>
        <p class="muted small">Arrow keys move between drafts; A or Enter accepts, E edits, X rejects.</p>
      </div>
      <OutcomeMessage outcome={outcome} />
      {drafts.length === 0 ? (
        <p class="empty">
          No drafts waiting. Draft cards from the article, or select words in a sentence as you read and press C or Q to make a card yourself.{' '}
          <a href={hrefFor({ name: 'article', deckId })}>Back to the article</a>
        </p>
      ) : (
        <div role="feed" class="drafts" aria-label="Drafts, best first" aria-busy="false" ref={feed} onKeyDown={onKeyDown}>
          {drafts.map((d, i) => (
            <DraftItem key={d.id} draft={d} index={i} total={drafts.length} active={i === at} onFocus={() => setActive(i)} act={(how) => act(d, how)} />
          ))}
        </div>
      )}
    </>
  );
}

export function Inbox({ deckId }: { deckId: string }) {
  const [drafts, reload] = useApi('listDrafts', { deckId });
  const [article] = useApi('getArticle', { deckId });
  const title = article.state === 'ready' ? `Inbox: ${article.value.title}` : 'Inbox';
  return (
    <Frame
      title={title}
      back
      actions={
        <a class="button secondary" href={hrefFor({ name: 'article', deckId })}>
          Back to the article
        </a>
      }
    >
      {drafts.state === 'loading' && <Loading />}
      {drafts.state === 'error' && <ErrorMessage message={drafts.message} />}
      {drafts.state === 'ready' && (
        <>
          <p class="muted">{plural(drafts.value.length, 'draft')} waiting. Accepted drafts become cards that quote their sentence.</p>
          <DraftFeed deckId={deckId} drafts={[...drafts.value].sort((a, b) => b.score - a.score)} onChanged={reload} />
        </>
      )}
    </Frame>
  );
}
