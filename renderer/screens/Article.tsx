import { useState } from 'preact/hooks';
import type { Article, ArticleSegment, CardStatus } from '../../main/contract.ts';
import { dateLabel, plural } from '../format.ts';
import { Markdown } from '../markdown.tsx';
import { navigate } from '../router.ts';
import { useApi } from '../use-api.ts';
import { ErrorMessage, Frame, Loading } from './Frame.tsx';

const STATUS: Record<CardStatus, string> = { new: 'New', learning: 'Learning', due: 'Due', learned: 'Learned' };

export function ArticleView({ deckId }: { deckId: string }) {
  const [article] = useApi('getArticle', { deckId });
  const [selected, setSelected] = useState<ArticleSegment | null>(null);
  const toggle = (s: ArticleSegment) => setSelected((current) => (current === s ? null : s));
  if (article.state === 'loading') return <Frame title="Article" back><Loading /></Frame>;
  if (article.state === 'error') return <Frame title="Article" back><ErrorMessage message={article.message} /></Frame>;
  const a = article.value;
  const quoted = a.paragraphs.flat().filter((s) => s.cardIds.length > 0).length;
  return (
    <Frame
      title={a.title}
      back
      actions={
        <button type="button" class="button primary" onClick={() => navigate({ name: 'study', deckId })}>
          Study this deck
        </button>
      }
    >
      <p class="muted byline">
        By {a.source.author} · {a.source.publisher}
      </p>
      <p class="muted small">
        {quoted} highlighted passages are quoted by cards. Select one to see its cards.
      </p>
      <div class="article-layout">
        <div class="article-text">
          {a.paragraphs.map((segments, i) => (
            <p key={i}>
              {segments.map((s, j) =>
                s.cardIds.length === 0 ? (
                  <span key={j}>{s.text}</span>
                ) : (
                  // A real <button> cannot flow as inline text, so a highlight is a span with the button role and keys.
                  <span
                    key={j}
                    role="button"
                    tabIndex={0}
                    class={`highlight ${statusClass(a, s)}`}
                    aria-pressed={selected === s}
                    aria-description={plural(s.cardIds.length, 'card')}
                    onClick={() => toggle(s)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        toggle(s);
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
        <aside class="article-cards" aria-label="Cards from the selected passage" aria-live="polite">
          {selected ? (
            <>
              <h2>
                {plural(selected.cardIds.length, 'card')} from this passage
              </h2>
              <ul class="card-list">
                {selected.cardIds.map((id) => {
                  const c = a.cards[id]!;
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
            <p class="muted">Select a highlighted passage to see the cards made from it and how well you know them.</p>
          )}
        </aside>
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
