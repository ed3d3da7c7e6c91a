import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { MAX_ANSWER_MS, type Rating, type StudyState } from '../../main/contract.ts';
import { call } from '../api.ts';
import { AnkiFace, CardContent } from '../card-content.tsx';
import { durationLabel } from '../format.ts';
import { navigate } from '../router.ts';
import { useStudyKeys } from '../study-keys.ts';
import { ErrorMessage, Frame, Loading } from './Frame.tsx';

const BUTTONS: { rating: Rating; label: string }[] = [
  { rating: 1, label: 'Again' },
  { rating: 2, label: 'Hard' },
  { rating: 3, label: 'Good' },
  { rating: 4, label: 'Easy' },
];

interface Session {
  studied: number;
  again: number;
  ms: number;
}

export function Review({ deckId }: { deckId: string }) {
  const [state, setState] = useState<StudyState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [session, setSession] = useState<Session>({ studied: 0, again: 0, ms: 0 });
  const [status, setStatus] = useState<string | null>(null);
  const shownAt = useRef(0);

  const load = useCallback(async () => {
    try {
      const next = await call('nextCard', { deckId });
      setState(next);
      setRevealed(false);
      setError(null);
      shownAt.current = performance.now();
    } catch (e) {
      setError((e as Error).message);
    }
  }, [deckId]);

  useEffect(() => {
    void load();
  }, [load]);

  const card = state?.card ?? null;

  const pending = useRef(false);
  const inFlight = useRef<Promise<void>>(Promise.resolve());
  const answer = useCallback(
    async (rating: Rating) => {
      if (!card || !revealed || pending.current) return;
      pending.current = true;
      setBusy(true);
      const durationMs = Math.round(performance.now() - shownAt.current);
      const run = (async () => {
        try {
          await call('answer', { cardId: card.id, rating, shownAt: card.shownAt, durationMs, cardVersion: card.version });
          setSession((s) => ({ studied: s.studied + 1, again: s.again + (rating === 1 ? 1 : 0), ms: s.ms + Math.min(durationMs, MAX_ANSWER_MS) }));
          setStatus(null);
          await load();
        } catch (e) {
          setError((e as Error).message);
        } finally {
          pending.current = false;
          setBusy(false);
        }
      })();
      inFlight.current = run;
      await run;
    },
    [card, revealed, load],
  );

  /** Runs a card action (bury, suspend, undo), says what it did, and moves on to the next card. */
  const act = useCallback(
    async (run: () => Promise<string>) => {
      // An undo pressed while the last answer is still being saved waits for it instead of being lost.
      if (pending.current) await inFlight.current;
      if (pending.current) return;
      pending.current = true;
      try {
        setStatus(await run());
        await load();
      } catch (e) {
        setError((e as Error).message);
      } finally {
        pending.current = false;
      }
    },
    [load],
  );

  const undo = useCallback(
    () =>
      act(async () => {
        const result = await call('undo', {});
        if (result.undone === 'answer') setSession((s) => ({ ...s, studied: Math.max(0, s.studied - 1) }));
        return `Undid the last ${result.undone === 'answer' ? 'answer' : result.undone}.`;
      }),
    [act],
  );
  const bury = useCallback(() => card && act(async () => (await call('bury', { cardId: card.id }), 'Buried until tomorrow. Undo with Ctrl+Z.')), [act, card]);
  const suspend = useCallback(() => card && act(async () => (await call('suspend', { cardId: card.id }), 'Suspended: it will not come back until you unsuspend it in the browser. Undo with Ctrl+Z.')), [act, card]);
  const edit = useCallback(() => card && navigate({ name: 'edit', noteId: card.noteId }), [card]);

  // Keys go through a queue, so a key pressed while the last answer is being saved is not lost; the
  // desktop menu's Undo sends a command instead of a key press.
  const view = useMemo(() => ({}), [state, revealed]);
  useStudyKeys(
    { view, hasCard: card !== null, revealed, pending: () => pending.current },
    { reveal: () => setRevealed(true), answer: (r) => void answer(r), undo: () => void undo(), bury: () => void bury(), suspend: () => void suspend(), edit, home: () => navigate({ name: 'home' }) },
  );
  const undoRef = useRef(undo);
  undoRef.current = undo;
  useEffect(() => {
    const onCommand = (e: Event) => {
      const field = document.activeElement;
      if ((e as CustomEvent<string>).detail === 'undo' && !(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) void undoRef.current();
    };
    window.addEventListener('deckhand:command', onCommand);
    return () => window.removeEventListener('deckhand:command', onCommand);
  }, []);

  // Keep keyboard focus on the control that matters now, so Space, Enter and 1–4 work at once.
  useLayoutEffect(() => {
    const target = revealed ? document.querySelector<HTMLElement>('.ratings button[data-rating="3"]') : document.querySelector<HTMLElement>('#show-answer');
    target?.focus();
  }, [revealed, card?.id]);

  if (error && !state) return <Frame title="Study" back><ErrorMessage message={error} /></Frame>;
  if (!state) return <Frame title="Study" back><Announcer view={null} revealed={false} /><Loading /></Frame>;

  const left = state.counts.new + state.counts.learning + state.counts.due;
  const title = state.deckTitle;

  if (!card)
    return (
      <Frame title={title} back>
        {status && <p class="muted small" role="status">{status}</p>}
        <Done
          session={session}
          onMore={() => void act(async () => (await call('studyMore', { deckId, newCards: 10 }), 'Ten more new cards for today.'))}
          onForgotten={() => void act(async () => ((await call('studyMore', { deckId, newCards: 0, forgottenDays: 1 })).card ? 'Cards you answered Again since yesterday, once more.' : 'No card was answered Again since yesterday.'))}
          onUndo={() => void undo()}
        />
      </Frame>
    );

  return (
    <Frame title={title} back actions={<Counts counts={state.counts} />}>
      <Announcer view={view} revealed={revealed} />
      <progress class="progress" max={session.studied + left} value={session.studied} aria-label={`${session.studied} studied, ${left} left`} />
      {error && <ErrorMessage message={error} />}
      <article class="card" aria-label="Card">
        <div class="card-meta muted small">
          <span>{card.kind === 'argument' ? 'Argument' : 'Fact'}</span>
          <span class={`status ${card.status}`}>{statusLabel[card.status]}</span>
        </div>
        {/* An Anki note type's answer shows the question itself ({{FrontSide}}), so it takes the question's place. */}
        {!(revealed && card.anki) && (
          <section class="face front" aria-label="Question">
            {card.anki ? <AnkiFace html={card.anki.question} css={card.anki.css} /> : <CardContent source={card.front} format={card.format} />}
          </section>
        )}
        {revealed && (
          <>
            {!card.anki && <hr />}
            <section class="face back" aria-label="Answer">
              {card.anki ? (
                <AnkiFace html={card.anki.answer} css={card.anki.css} />
              ) : (
                <>
                  <CardContent source={card.back} format={card.format} />
                  {card.extra && <CardContent class="extra muted" source={card.extra} format={card.format} />}
                </>
              )}
            </section>
            {card.quote && (
              <figure class="quote">
                <figcaption>From the article{card.sourceAuthor ? ` by ${card.sourceAuthor}` : ''}</figcaption>
                <blockquote>{card.quote}</blockquote>
              </figure>
            )}
          </>
        )}
      </article>
      <div class="card-actions" role="toolbar" aria-label="Card actions">
        <button type="button" class="button small secondary" onClick={() => void undo()} aria-keyshortcuts="Control+Z Meta+Z">
          Undo <kbd>Ctrl+Z</kbd>
        </button>
        <button type="button" class="button small secondary" onClick={() => void bury()} aria-keyshortcuts="-">
          Bury <kbd>-</kbd>
        </button>
        <button type="button" class="button small secondary" onClick={() => void suspend()} aria-keyshortcuts="@">
          Suspend <kbd>@</kbd>
        </button>
        <button type="button" class="button small secondary" onClick={edit} aria-keyshortcuts="E">
          Edit <kbd>E</kbd>
        </button>
        {status && (
          <span class="muted small" role="status">
            {status}
          </span>
        )}
      </div>
      <div class="answer-bar">
        {!revealed ? (
          <button id="show-answer" type="button" class="button primary wide" onClick={() => setRevealed(true)} aria-keyshortcuts="Space Enter">
            Show answer <kbd>Space</kbd>
          </button>
        ) : (
          <div class="ratings" role="group" aria-label="How well did you remember?">
            {BUTTONS.map(({ rating, label }) => (
              <button
                key={rating}
                type="button"
                class={`button rating r${rating}`}
                data-rating={rating}
                disabled={busy}
                aria-keyshortcuts={String(rating)}
                onClick={() => void answer(rating)}
              >
                {/* Read as "Good, next in 10m (key 3)", its visible label first; the interval shows above it. */}
                <span class="label">
                  {label}
                  <span class="spoken">, next in {card.intervals[rating]} (key {rating})</span>
                </span>
                <span class="interval" aria-hidden="true">
                  {card.intervals[rating]}
                </span>
                <kbd aria-hidden="true">{rating}</kbd>
              </button>
            ))}
          </div>
        )}
      </div>
    </Frame>
  );
}

/** Tells a screen reader the question when a card appears and the answer when it is shown. */
function Announcer({ view, revealed }: { view: unknown; revealed: boolean }) {
  const [text, setText] = useState('');
  useEffect(() => {
    const face = document.querySelector(revealed ? 'main .face.back' : 'main .face.front');
    const said = face?.textContent?.trim();
    setText(said ? `${revealed ? 'Answer' : 'Question'}: ${said}` : '');
  }, [view, revealed]);
  return (
    <p class="visually-hidden" role="status" aria-atomic="true">
      {text}
    </p>
  );
}

const statusLabel = { new: 'New', learning: 'Learning', due: 'Review', learned: 'Learned' } as const;

function Counts({ counts }: { counts: StudyState['counts'] }) {
  return (
    <p class="queue-counts" aria-label={`Left today: ${counts.new} new, ${counts.learning} learning, ${counts.due} due`}>
      <span class="count-chip new" title="New">{counts.new}</span>
      <span class="count-chip learning" title="Learning">{counts.learning}</span>
      <span class="count-chip due" title="Due">{counts.due}</span>
    </p>
  );
}

function Done({ session, onMore, onForgotten, onUndo }: { session: Session; onMore: () => void; onForgotten: () => void; onUndo: () => void }) {
  return (
    <section class="done" aria-label="Session summary">
      {session.studied === 0 ? (
        <p class="lead">Nothing is due in this deck right now. New cards and reviews come back tomorrow.</p>
      ) : (
        <>
          <p class="lead">Session complete. Well done.</p>
          <dl class="summary">
            <div>
              <dt>Cards studied</dt>
              <dd>{session.studied}</dd>
            </div>
            <div>
              <dt>Again</dt>
              <dd>{session.again}</dd>
            </div>
            <div>
              <dt>Time spent</dt>
              <dd>{durationLabel(session.ms)}</dd>
            </div>
          </dl>
        </>
      )}
      <div class="done-actions">
        <button type="button" class="button primary" onClick={() => navigate({ name: 'home' })}>
          Back to decks
        </button>
        <button type="button" class="button secondary" onClick={onMore}>
          Study more: 10 new cards
        </button>
        <button type="button" class="button secondary" onClick={onForgotten}>
          Review forgotten cards
        </button>
        {session.studied > 0 && (
          <button type="button" class="button secondary" onClick={onUndo}>
            Undo last answer
          </button>
        )}
      </div>
    </section>
  );
}
