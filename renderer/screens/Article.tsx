// The reader: the article a deck was made from, its sentences highlighted where cards quote them,
// how much of it has cards, and cards made while reading (select words in a sentence, then C for a
// cloze or Q for a question) or drafted for the whole article into the inbox.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Article, ArticleSegment, CardStatus, DraftResult } from '../../main/contract.ts';
import { call } from '../api.ts';
import { dateLabel, plural } from '../format.ts';
import { Markdown } from '../markdown.tsx';
import { markSentence, nextCursor, sentencesIn, showCursor, type KeyboardCursor, type Sentence } from '../keyboard-selection.ts';
import { handOffNote } from '../note-handoff.ts';
import { hrefFor, navigate } from '../router.ts';
import { clozeOf, selectionInSentence, type SelectionResult, type SentenceSelection } from '../sentence-selection.ts';
import { useApi } from '../use-api.ts';
import { ArticleDetails } from './ArticleDetails.tsx';
import { bylineOf, CoverageBar } from './coverage.tsx';
import { ErrorMessage, Frame, Loading } from './Frame.tsx';

const STATUS: Record<CardStatus, string> = { new: 'New', learning: 'Learning', due: 'Due', learned: 'Learned' };

/** Opens the editor on a card about the selected words, quoting their sentence. */
function makeCard(deckId: string, how: 'cloze' | 'question', s: SentenceSelection): void {
  const common = { deckId, quote: s.sentence, kind: 'fact' as const };
  if (how === 'cloze') handOffNote({ ...common, type: 'cloze', text: clozeOf(s), front: '', back: '' });
  else handOffNote({ ...common, type: 'basic', text: '', front: '', back: s.words });
  navigate({ name: 'add', deckId });
}

/** The buttons for the selected words, and a hint or the reason a selection makes no card. */
function SelectionBar({ picked, announced, onMake }: { picked: SelectionResult | null; announced: string; onMake: (how: 'cloze' | 'question') => void }) {
  // Pressing a button must not clear the selection it acts on.
  const keep = (e: MouseEvent) => e.preventDefault();
  return (
    <div class="selection-bar" role="toolbar" aria-label="Make a card from the selected words">
      {picked?.ok ? (
        <>
          <span class="selection-words small" title={picked.value.words}>
            “{picked.value.words}”
          </span>
          <button type="button" class="button small primary" onMouseDown={keep} onClick={() => onMake('cloze')} aria-keyshortcuts="C">
            Cloze selection (C)
          </button>
          <button type="button" class="button small secondary" onMouseDown={keep} onClick={() => onMake('question')} aria-keyshortcuts="Q">
            Question from selection (Q)
          </button>
        </>
      ) : (
        <span class={picked ? 'field-error' : 'muted small'} role={picked ? 'status' : undefined}>
          {picked ? picked.reason : 'Select words in a sentence, then press C for a cloze or Q for a question.'}
        </span>
      )}
      {/* What the keys in the text did, for a screen reader: the sentence reached or the words selected. */}
      <span class="visually-hidden" role="status">
        {announced}
      </span>
    </div>
  );
}

/**
 * Tracks the words selected in the article's text, placed in their sentence, for the bar; `now`
 * reads the selection afresh, since `selectionchange` can arrive after a key that follows fast.
 */
function useSentenceSelection(text: { current: HTMLElement | null }): { picked: SelectionResult | null; now: () => SelectionResult | null } {
  const [picked, setPicked] = useState<SelectionResult | null>(null);
  const paragraphOf = (node: Node): HTMLElement | null => {
    const el = node instanceof HTMLElement ? node : node.parentElement;
    const p = el?.closest<HTMLElement>('p[data-paragraph]') ?? null;
    return p && text.current?.contains(p) ? p : null;
  };
  const now = () => selectionInSentence(document.getSelection(), paragraphOf);
  useEffect(() => {
    const onChange = () => setPicked(now());
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);
  return { picked, now };
}

/** The keys that move through the article's sentences and select words in them (keyboard-selection.ts). */
function useKeyboardCursor(text: { current: HTMLElement | null }, article: unknown) {
  const [announced, setAnnounced] = useState('');
  const cursor = useRef<KeyboardCursor>({ sentence: 0, word: 0, length: 0 });
  const cache = useRef<{ article: unknown; sentences: Sentence[] } | null>(null);
  const pressed = useRef(false);
  const sentences = () => {
    if (cache.current?.article !== article) cache.current = { article, sentences: text.current ? sentencesIn(text.current) : [] };
    return cache.current!.sentences;
  };
  const show = (next: KeyboardCursor) => {
    cursor.current = next;
    setAnnounced(showCursor(next, sentences()));
  };
  return {
    announced,
    onKeyDown: (e: KeyboardEvent) => {
      // Keys pressed on a highlighted passage inside the text are the passage's own.
      if (e.target !== e.currentTarget || e.altKey || e.metaKey) return;
      const all = sentences();
      if (all.length === 0) return;
      const next = nextCursor(e.key, e.shiftKey, { ...cursor.current, sentence: Math.min(cursor.current.sentence, all.length - 1) }, all);
      if (!next) return;
      e.preventDefault();
      show(next);
    },
    // Only a keyboard arrival marks a sentence: a press of the mouse starts a drag, whose selection must stay.
    onMouseDown: () => {
      pressed.current = true;
      markSentence(null);
    },
    onFocus: (e: FocusEvent) => {
      const byMouse = pressed.current;
      pressed.current = false;
      if (e.target === e.currentTarget && !byMouse && sentences().length > 0) show({ ...cursor.current, length: 0 });
    },
    onBlur: (e: FocusEvent) => e.target === e.currentTarget && markSentence(null),
  };
}

/** Drafting cards for the whole article, offline: a progress line while it runs, then what it did. */
function DraftCards({ deckId, waiting, onDrafted }: { deckId: string; waiting: number; onDrafted: () => void }) {
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<{ ok: true; value: DraftResult } | { ok: false; message: string } | null>(null);
  const run = async () => {
    setRunning(true);
    setResult(null);
    try {
      setResult({ ok: true, value: await call('draftArticle', { deckId }) });
      onDrafted();
    } catch (e) {
      setResult({ ok: false, message: (e as Error).message });
    } finally {
      setRunning(false);
    }
  };
  return (
    <section class="draft-cards" aria-labelledby="draft-heading">
      <h2 id="draft-heading">Drafts</h2>
      <p class="muted small">Deckhand can propose cards for the whole article; they wait in the inbox until you accept them.</p>
      <div class="draft-actions">
        <button type="button" class="button small primary" disabled={running} onClick={() => void run()}>
          Draft cards
        </button>
        <a class="button small secondary" href={hrefFor({ name: 'inbox', deckId })}>
          Inbox ({waiting})
        </a>
      </div>
      <div role="status" class="draft-status">
        {running && (
          <span class="import-progress">
            <progress aria-label="Drafting cards" />
            <span class="small">Drafting cards…</span>
          </span>
        )}
        {result?.ok && (
          <p class="small notice">
            {result.value.english || result.value.message.includes('English') ? result.value.message : `Drafting is English only: ${result.value.message}`}
          </p>
        )}
      </div>
      {result && !result.ok && <ErrorMessage message={result.message} />}
    </section>
  );
}

type KeyHandlers = Pick<ReturnType<typeof useKeyboardCursor>, 'onKeyDown' | 'onMouseDown' | 'onFocus' | 'onBlur'>;

function ArticleText({ article, selected, onSelect, textRef, keys }: { article: Article; selected: ArticleSegment | null; onSelect: (s: ArticleSegment) => void; textRef: { current: HTMLDivElement | null }; keys: KeyHandlers }) {
  // A click that ends a drag selects words; it does not open the highlight's cards.
  const toggle = (s: ArticleSegment) => document.getSelection()?.isCollapsed !== false && onSelect(s);
  return (
    // One stop in the Tab order whose arrow keys are the reader's own, hence an application role: a
    // screen reader passes the keys through, and hears each sentence and selection from the bar's status.
    <div class="article-text" ref={textRef} tabIndex={0} role="application" aria-roledescription="article text" aria-label="Article text" aria-describedby="reader-keys" onKeyDown={keys.onKeyDown} onMouseDown={keys.onMouseDown} onFocus={keys.onFocus} onBlur={keys.onBlur}>
      {article.paragraphs.map((segments, i) => (
        <p key={i} data-paragraph={i}>
          {segments.map((s, j) =>
            s.cardIds.length === 0 ? (
              <span key={j}>{s.text}</span>
            ) : (
              // A real <button> cannot flow as inline text, so a highlight is a span with the button role and keys.
              <span
                key={j}
                role="button"
                tabIndex={0}
                class={`highlight ${statusClass(article, s)}`}
                aria-pressed={selected === s}
                aria-description={plural(s.cardIds.length, 'card')}
                onClick={() => toggle(s)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onSelect(s);
                  }
                }}
              >
                {s.text}
              </span>
            ),
          )}
        </p>
      ))}
    </div>
  );
}

function PassageCards({ article, selected }: { article: Article; selected: ArticleSegment | null }) {
  return (
    <aside class="article-cards" aria-label="Cards from the selected passage" aria-live="polite">
      {selected ? (
        <>
          <h2>{plural(selected.cardIds.length, 'card')} from this passage</h2>
          <ul class="card-list">
            {selected.cardIds.map((id) => {
              const c = article.cards[id]!;
              return (
                <li key={id}>
                  <Markdown class="card-front" source={c.front} />
                  <span class={`status ${c.status}`}>{STATUS[c.status]}</span>
                  {c.due !== null && c.status !== 'due' && <span class="muted small"> · next {dateLabel(c.due)}</span>}
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <p class="muted small">Select a highlighted passage to see the cards made from it and how well you know them.</p>
      )}
    </aside>
  );
}

export function ArticleView({ deckId }: { deckId: string }) {
  const [article, reload] = useApi('getArticle', { deckId });
  const [selected, setSelected] = useState<ArticleSegment | null>(null);
  const text = useRef<HTMLDivElement>(null);
  const { picked, now } = useSentenceSelection(text);
  const keys = useKeyboardCursor(text, article.state === 'ready' ? article.value : null);
  const make = (how: 'cloze' | 'question') => {
    const current = now();
    if (current?.ok) makeCard(deckId, how, current.value);
  };
  const live = useRef(make);
  live.current = make;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const key = e.key.toLowerCase();
      if (e.ctrlKey || e.metaKey || e.altKey || (key !== 'c' && key !== 'q')) return;
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
      e.preventDefault();
      live.current(key === 'c' ? 'cloze' : 'question');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (article.state === 'loading') return <Frame title="Article" back><Loading /></Frame>;
  if (article.state === 'error') return <Frame title="Article" back><ErrorMessage message={article.message} /></Frame>;
  const a = article.value;
  return (
    <Frame
      title={a.title}
      back
      actions={
        <>
          <a class="button secondary" href={hrefFor({ name: 'articles' })}>
            All articles
          </a>
          <button type="button" class="button primary" onClick={() => navigate({ name: 'study', deckId })}>
            Study this deck
          </button>
        </>
      }
    >
      <div class="article-meta">
        <p class="muted byline">{bylineOf(a.source.author, a.source.publisher, a.date)}</p>
        <ArticleDetails article={a} onSaved={reload} />
      </div>
      <CoverageBar coverage={a.coverage} id="article-coverage" />
      <div class="article-layout">
        <div>
          <SelectionBar picked={picked} announced={keys.announced} onMake={(how) => live.current(how)} />
          <p id="reader-keys" class="muted small reader-keys">
            By keyboard: Tab to the text; Up and Down move between sentences, Right and Left select a word, Shift+Right and Shift+Left add or drop a word, C or Q makes the card, Escape clears.
          </p>
          <ArticleText article={a} selected={selected} onSelect={(s) => setSelected((current) => (current === s ? null : s))} textRef={text} keys={keys} />
        </div>
        <div class="article-side">
          <DraftCards deckId={deckId} waiting={a.drafts} onDrafted={reload} />
          <PassageCards article={a} selected={selected} />
        </div>
      </div>
    </Frame>
  );
}

/** A passage is coloured by its least-known card: what still needs work stands out. */
function statusClass(a: Article, s: ArticleSegment): string {
  const order: CardStatus[] = ['due', 'new', 'learning', 'learned'];
  const statuses = s.cardIds.map((id) => a.cards[id]?.status ?? 'new');
  return order.find((st) => statuses.includes(st)) ?? 'new';
}
