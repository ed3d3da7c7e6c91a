import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import './styles.css';
// uPlot's few rules, with the app's own: the Statistics chunk that uses them brings no CSS of its own.
import 'uplot/dist/uPlot.min.css';
// KaTeX's rules (and its fonts, fetched only when a formula shows) for the cards the Study chunk typesets.
import 'katex/dist/katex.min.css';
import { Home } from './screens/Home.tsx';
import { hrefFor, parseRoute } from './router.ts';
import { Backups } from './screens/Backups.tsx';
import { Browse } from './screens/Browse.tsx';
import { Decks } from './screens/Decks.tsx';
import { Help } from './screens/Help.tsx';
import { acceptDroppedFiles, acceptOpenedFiles } from './dropped-file.ts';
import { Library } from './screens/Library.tsx';
import { Inbox } from './screens/Inbox.tsx';
import { applyTheme } from './theme.ts';
import { call } from './api.ts';
import { lazyScreen } from './lazy-screen.tsx';

const ArticleView = lazyScreen('Article', () => import('./screens/Article.tsx').then((m) => m.ArticleView));
const Editor = lazyScreen('Note', () => import('./screens/Editor.tsx').then((m) => m.Editor));
const Transfer = lazyScreen('Import and export', () => import('./screens/Transfer.tsx').then((m) => m.Transfer));
const Statistics = lazyScreen('Statistics', () => import('./screens/Statistics.tsx').then((m) => m.Statistics));
// Study brings the card renderer (DOMPurify, KaTeX, Anki's templates); Settings the optimiser's chart.
const Review = lazyScreen('Study', () => import('./screens/Review.tsx').then((m) => m.Review));
const Settings = lazyScreen('Settings', () => import('./screens/Settings.tsx').then((m) => m.Settings));

function App() {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    // The listener starts after the first paint: a hash that changed before then (a link followed
    // while the window opened) would otherwise be missed, leaving the wrong screen up.
    if (hrefFor(parseRoute(location.hash)) !== hrefFor(route)) onHash();
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    // The desktop app's menu owns these accelerators; in a browser (the preview) the page does.
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const to = ({ '1': '#/', '2': '#/stats', b: '#/browse', i: '#/import', ',': '#/settings', '/': '#/help' } as Record<string, string>)[e.key.toLowerCase()];
      if (to) {
        e.preventDefault();
        location.hash = to;
      }
    };
    // The desktop menu's Undo: in a text field it undoes the typing (Review handles the rest).
    const onCommand = (e: Event) => {
      const field = document.activeElement;
      if ((e as CustomEvent<string>).detail === 'undo' && (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) document.execCommand('undo');
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('deckhand:command', onCommand);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('deckhand:command', onCommand);
    };
  }, []);
  useEffect(
    () =>
      acceptDroppedFiles(() => {
        // The library adds a file dropped on it as an article; anywhere else a drop is an import.
        if (location.hash !== '#/import' && location.hash !== '#/articles') location.hash = '#/import';
      }),
    [],
  );
  useEffect(acceptOpenedFiles, []);
  useEffect(() => {
    // Move focus to the new screen's heading so keyboard and screen-reader users know where they are.
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [route]);
  switch (route.name) {
    case 'study':
      return <Review key={route.deckId} deckId={route.deckId} />;
    case 'backups':
      return <Backups />;
    case 'settings':
      return <Settings />;
    case 'help':
      return <Help />;
    case 'transfer':
      return <Transfer />;
    case 'article':
      return <ArticleView key={route.deckId} deckId={route.deckId} />;
    case 'articles':
      return <Library />;
    case 'inbox':
      return <Inbox key={route.deckId} deckId={route.deckId} />;
    case 'browse':
      return <Browse />;
    case 'stats':
      return <Statistics key={route.deckId ?? ''} deckId={route.deckId} />;
    case 'decks':
      return <Decks />;
    case 'edit':
      return <Editor key={`edit:${route.noteId}`} noteId={route.noteId} />;
    case 'add':
      return <Editor key={`add:${route.deckId}`} deckId={route.deckId} />;
    default:
      return <Home />;
  }
}

// The saved theme, before the first screen shows; "system" needs nothing.
call('getSettings', {}).then(
  (s) => applyTheme(s.theme),
  () => undefined,
);

render(<App />, document.getElementById('app')!);

// Once the first screen is up and the app idle, the other screens' chunks are fetched, so opening
// one later waits for nothing.
const whenIdle = (run: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 3000 }) : setTimeout(run, 1000));
whenIdle(() => {
  for (const screen of [Review, Statistics, Editor, Transfer, ArticleView, Settings]) screen.preload().catch(() => undefined);
});
