// Adding and editing a note: the fields its type has, Ctrl/Cmd+Enter saves, Escape cancels, and a
// problem is shown next to the field it concerns.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DeckSummary, NoteType, NoteView } from '../../main/contract.ts';
import { call, withoutMethodName } from '../api.ts';
import { deckOptionLabel, plural } from '../format.ts';
import { takeNoteStart, type NoteStart } from '../note-handoff.ts';
import { navigate } from '../router.ts';
import { ErrorMessage, Frame, Loading } from './Frame.tsx';

type Field = 'deckId' | 'type' | 'front' | 'back' | 'text' | 'extra' | 'tags';
const FIELDS: readonly string[] = ['deckId', 'type', 'front', 'back', 'text', 'extra', 'tags'];

interface Draft {
  deckId: string;
  type: NoteType;
  front: string;
  back: string;
  text: string;
  extra: string;
  tags: string;
}

// The service's limits (main/ipc.ts). Bounding the fields keeps a pasted megabyte from reaching the
// page's layout at all; the browser keeps the first characters, as it does for any maxlength.
const MAX_SIDE = 4000;
const MAX_EXTRA = 2000;

const LABELS: Record<Field, string> = { deckId: 'Deck', type: 'Type', front: 'Front', back: 'Back', text: 'Text', extra: 'Extra', tags: 'Tags' };

const emptyDraft = (deckId: string, type: NoteType = 'basic'): Draft => ({ deckId, type, front: '', back: '', text: '', extra: '', tags: '' });

/** The service names the field in quotes ("front" is empty); the message goes next to that field. */
export function fieldOf(message: string): Field | null {
  const m = /^(?:\w+: )?"(\w+)"/.exec(message);
  return m && FIELDS.includes(m[1]!) ? (m[1] as Field) : null;
}

/** What a note begun in the article keeps beyond its fields: the sentence it quotes, and the draft it accepts. */
type Origin = Pick<NoteStart, 'quote' | 'kind' | 'fromDraft'>;

const originArgs = (origin: Origin | null) => (origin ? { quote: origin.quote, kind: origin.kind, ...(origin.fromDraft ? { fromDraft: origin.fromDraft } : {}) } : {});

/** The sentence a note made while reading quotes, as the card will show it after the answer. */
function QuoteFigure({ quote }: { quote: string }) {
  return (
    <figure class="quote editor-quote" aria-label="From the article">
      <figcaption>From the article</figcaption>
      <blockquote>{quote}</blockquote>
    </figure>
  );
}

const leave = () => (history.length > 1 ? history.back() : navigate({ name: 'browse' }));

export function Editor({ noteId, deckId }: { noteId?: string; deckId?: string }) {
  const [decks, setDecks] = useState<DeckSummary[] | null>(null);
  const [note, setNote] = useState<NoteView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<{ field: Field | null; message: string } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [origin, setOrigin] = useState<Origin | null>(null);
  const saving = useRef(false);

  useEffect(() => {
    (async () => {
      let start: NoteStart | null;
      try {
        const list = await call('listDecks', {});
        setDecks(list);
        if (noteId) {
          const n = await call('getNote', { noteId });
          setNote(n);
          setDraft({ deckId: n.deckId, type: n.type, front: n.front, back: n.back, text: n.text, extra: n.extra, tags: n.tags.join(' ') });
        } else if (deckId && list.some((d) => d.id === deckId) && (start = takeNoteStart(deckId))) {
          setOrigin({ quote: start.quote, kind: start.kind, ...(start.fromDraft ? { fromDraft: start.fromDraft } : {}) });
          setDraft({ ...emptyDraft(deckId, start.type), front: start.front, back: start.back, text: start.text });
        } else {
          setDraft(emptyDraft(deckId && list.some((d) => d.id === deckId) ? deckId : (list[0]?.id ?? '')));
        }
      } catch (e) {
        setLoadError((e as Error).message);
      }
    })();
  }, [noteId, deckId]);

  const save = async () => {
    if (!draft || saving.current) return;
    saving.current = true;
    try {
      const isCloze = draft.type === 'cloze';
      const saved = await call('saveNote', {
        ...(noteId ? { noteId } : {}),
        deckId: draft.deckId,
        type: draft.type,
        ...(isCloze ? { text: draft.text } : { front: draft.front, back: draft.back }),
        extra: draft.extra,
        tags: draft.tags.split(/[\s,]+/).filter(Boolean),
        ...originArgs(origin),
      });
      setErrors(null);
      // A note begun in the article or the inbox is about one sentence: back to where it was begun.
      if (noteId || origin) {
        leave();
      } else {
        // Like Anki's Add window: stay for the next note, in the same deck and type.
        setDraft({ ...emptyDraft(saved.deckId, saved.type), tags: draft.tags });
        setStatus(`Added ${saved.cardIds.length === 1 ? 'a card' : plural(saved.cardIds.length, 'card')} to ${saved.deckTitle}.`);
        document.querySelector<HTMLElement>(isCloze ? '#note-text' : '#note-front')?.focus();
      }
    } catch (e) {
      const message = (e as Error).message;
      const field = fieldOf(message);
      // Next to its field the message reads better with the field's label than its quoted name.
      const text = withoutMethodName(message);
      setErrors({ field, message: field ? text.replace(`"${field}"`, LABELS[field]) : text });
      setStatus(null);
      document.querySelector<HTMLElement>(field ? `#note-${field === 'deckId' ? 'deck' : field}` : '#note-error')?.focus();
    } finally {
      saving.current = false;
    }
  };

  useEffect(() => {
    // A question from the article arrives with its answer and waits for the question to be written.
    if (origin) document.querySelector<HTMLElement>(draft?.type === 'cloze' ? '#note-text' : '#note-front')?.focus();
  }, [origin]);

  const live = useRef(save);
  live.current = save;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void live.current();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        leave();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const title = noteId ? 'Edit note' : 'Add note';
  if (loadError) return <Frame title={title} back><ErrorMessage message={loadError} /></Frame>;
  if (!draft || !decks) return <Frame title={title} back><Loading /></Frame>;
  if (decks.length === 0)
    return (
      <Frame title={title} back>
        <p class="empty">There is no deck to add to yet. Make one in the browser first.</p>
      </Frame>
    );

  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const errorFor = (field: Field) => (errors?.field === field ? errors.message : null);
  const fieldProps = (field: Field) => {
    const error = errorFor(field);
    return { 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': error ? `note-${field}-error` : undefined };
  };
  const FieldError = ({ field }: { field: Field }) => {
    const error = errorFor(field);
    return error ? (
      <p class="field-error" id={`note-${field}-error`}>
        {error}
      </p>
    ) : null;
  };

  return (
    <Frame title={title} back>
      {origin && <QuoteFigure quote={origin.quote} />}
      {note && <p class="muted small">{note.cardIds.length === 1 ? 'One card' : plural(note.cardIds.length, 'card')} · editing keeps each card's review history.</p>}
      <form
        class="editor"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div class="editor-row">
          <label class="field">
            <span>Deck</span>
            <select id="note-deck" value={draft.deckId} onChange={(e) => set({ deckId: e.currentTarget.value })} {...fieldProps('deckId')}>
              {decks.map((d) => (
                <option key={d.id} value={d.id}>
                  {deckOptionLabel(d)}
                </option>
              ))}
            </select>
            <FieldError field="deckId" />
          </label>
          <label class="field">
            <span>Type</span>
            <select id="note-type" value={draft.type} onChange={(e) => set({ type: e.currentTarget.value as NoteType })} {...fieldProps('type')}>
              <option value="basic">Basic (one card)</option>
              <option value="reversed">Basic and reversed (two cards)</option>
              <option value="cloze">Cloze (a card per deletion)</option>
            </select>
          </label>
        </div>
        {draft.type === 'cloze' ? (
          <label class="field">
            <span>Text</span>
            <textarea id="note-text" rows={4} maxLength={MAX_SIDE} value={draft.text} onInput={(e) => set({ text: e.currentTarget.value })} {...fieldProps('text')} aria-describedby={errorFor('text') ? 'note-text-error' : 'note-text-hint'} />
            <span class="hint muted small" id="note-text-hint">
              Mark what to recall with <code>{'{{c1::answer}}'}</code>; add a hint with <code>{'{{c1::answer::hint}}'}</code>. Each number (c1, c2, …) is its own card.
            </span>
            <FieldError field="text" />
          </label>
        ) : (
          <>
            <label class="field">
              <span>Front</span>
              <textarea id="note-front" rows={3} maxLength={MAX_SIDE} value={draft.front} onInput={(e) => set({ front: e.currentTarget.value })} {...fieldProps('front')} />
              <FieldError field="front" />
            </label>
            <label class="field">
              <span>Back</span>
              <textarea id="note-back" rows={3} maxLength={MAX_SIDE} value={draft.back} onInput={(e) => set({ back: e.currentTarget.value })} {...fieldProps('back')} />
              <FieldError field="back" />
            </label>
          </>
        )}
        <label class="field">
          <span>Extra <span class="muted small">(optional, shown with the answer)</span></span>
          <textarea id="note-extra" rows={2} maxLength={MAX_EXTRA} value={draft.extra} onInput={(e) => set({ extra: e.currentTarget.value })} {...fieldProps('extra')} />
          <FieldError field="extra" />
        </label>
        <label class="field">
          <span>Tags <span class="muted small">(separated by spaces)</span></span>
          <input id="note-tags" type="text" value={draft.tags} onInput={(e) => set({ tags: e.currentTarget.value })} {...fieldProps('tags')} />
          <FieldError field="tags" />
        </label>
        {errors && errors.field === null && (
          <p class="error" role="alert" id="note-error" tabIndex={-1}>
            {errors.message}
          </p>
        )}
        {errors && errors.field !== null && (
          <p class="visually-hidden" role="alert">
            {errors.message}
          </p>
        )}
        <div class="editor-actions">
          <button type="submit" class="button primary" aria-keyshortcuts="Control+Enter Meta+Enter">
            {noteId ? 'Save' : 'Add'} <kbd>Ctrl+Enter</kbd>
          </button>
          <button type="button" class="button secondary" onClick={leave} aria-keyshortcuts="Escape">
            {noteId ? 'Cancel' : 'Close'} <kbd>Esc</kbd>
          </button>
          {status && (
            <span class="muted small" role="status">
              {status}
            </span>
          )}
        </div>
      </form>
    </Frame>
  );
}
