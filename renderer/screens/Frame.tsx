import type { ComponentChildren } from 'preact';
import { StorageBanner } from './StorageBanner.tsx';

/** The page around every screen: a skip-free header with the way home, and the screen's main region. */
export function Frame({ title, back, children, actions }: { title: string; back?: boolean; children: ComponentChildren; actions?: ComponentChildren }) {
  return (
    <>
      <header class="topbar">
        {back ? (
          <a class="back" href="#/">
            <span aria-hidden="true">←</span> Decks
          </a>
        ) : (
          <span class="brand">Deckhand</span>
        )}
        <div class="topbar-actions">{actions}</div>
      </header>
      <StorageBanner />
      <main>
        <h1 tabIndex={-1}>{title}</h1>
        {children}
      </main>
    </>
  );
}

export function ErrorMessage({ message }: { message: string }) {
  return (
    <p class="error" role="alert">
      {message}
    </p>
  );
}

export function Loading() {
  return (
    <p class="muted" role="status">
      Loading…
    </p>
  );
}

export type Outcome = { kind: 'ok' | 'error'; text: string } | null;

/** What the last action did: a status for success, an alert for a failure. */
export function OutcomeMessage({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  if (outcome.kind === 'error') return <ErrorMessage message={outcome.text} />;
  return (
    <p class="notice" role="status">
      {outcome.text}
    </p>
  );
}
