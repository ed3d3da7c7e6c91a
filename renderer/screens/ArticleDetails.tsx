// Editing what an article says of itself after it was added: a file may have no title, author or
// date, or wrong ones, and pasted text has none. A problem shows under the field it is about.
import { useRef, useState } from 'preact/hooks';
import type { Article } from '../../main/contract.ts';
import { call, withoutMethodName } from '../api.ts';
import { focusOnce } from '../focus-once.ts';

type Field = 'title' | 'author' | 'date';
const FIELDS: { name: Field; label: string; hint?: string }[] = [
  { name: 'title', label: 'Title' },
  { name: 'author', label: 'Author' },
  { name: 'date', label: 'Date', hint: 'yyyy-mm-dd, like 2026-03-02; empty if unknown' },
];

/** The field a service message is about: they begin with its quoted name ('"date": …'). */
const fieldOf = (message: string): Field | null => (/^"(title|author|date)"/.exec(message)?.[1] as Field | undefined) ?? null;

function DetailsForm({ article, onSaved, onClose }: { article: Article; onSaved: () => void; onClose: () => void }) {
  const [values, setValues] = useState<Record<Field, string>>({ title: article.title, author: article.source.author, date: article.date ?? '' });
  const [error, setError] = useState<{ field: Field | null; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await call('updateArticle', { deckId: article.deckId, title: values.title, author: values.author, date: values.date.trim() });
      onSaved();
    } catch (e) {
      const message = withoutMethodName((e as Error).message);
      setError({ field: fieldOf(message), message });
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      class="article-details"
      aria-labelledby="article-details-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <h2 id="article-details-heading">Edit details</h2>
      {FIELDS.map(({ name, label, hint }) => {
        const invalid = error?.field === name;
        const described = [hint ? `article-${name}-hint` : '', invalid ? `article-${name}-error` : ''].filter(Boolean).join(' ');
        return (
          <div class="field" key={name}>
            <label for={`article-${name}`}>{label}</label>
            <input
              id={`article-${name}`}
              type="text"
              value={values[name]}
              maxLength={name === 'date' ? 10 : name === 'title' ? 200 : 300}
              ref={name === 'title' ? focusOnce : undefined}
              onInput={(e) => setValues({ ...values, [name]: e.currentTarget.value })}
              aria-invalid={invalid ? 'true' : undefined}
              aria-describedby={described || undefined}
            />
            {hint && (
              <span id={`article-${name}-hint`} class="muted small">
                {hint}
              </span>
            )}
            {invalid && (
              <p class="field-error" id={`article-${name}-error`} role="alert">
                {error.message}
              </p>
            )}
          </div>
        );
      })}
      {error && error.field === null && (
        <p class="field-error" role="alert">
          {error.message}
        </p>
      )}
      <div class="form-buttons">
        <button type="submit" class="button primary" disabled={saving}>
          Save details
        </button>
        <button type="button" class="button secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The "Edit details" button and, once pressed, its form; focus comes back to the button when it closes. */
export function ArticleDetails({ article, onSaved }: { article: Article; onSaved: () => void }) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => button.current?.focus());
  };
  return (
    <>
      {!open && (
        <button
          type="button"
          ref={button}
          class="button small secondary"
          aria-label="Edit details: title, author and date"
          onClick={() => {
            setSaved(false);
            setOpen(true);
          }}
        >
          Edit details
        </button>
      )}
      <span role="status" class="small">
        {saved ? 'Details saved.' : ''}
      </span>
      {open && (
        <DetailsForm
          article={article}
          onClose={close}
          onSaved={() => {
            setSaved(true);
            onSaved();
            close();
          }}
        />
      )}
    </>
  );
}
