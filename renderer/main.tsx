import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import './styles.css';
import { Home } from './screens/Home.tsx';
import { Review } from './screens/Review.tsx';
import { ArticleView } from './screens/Article.tsx';
import { parseRoute } from './router.ts';
import { Backups } from './screens/Backups.tsx';

function App() {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    // Move focus to the new screen's heading so keyboard and screen-reader users know where they are.
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [route]);
  switch (route.name) {
    case 'study':
      return <Review key={route.deckId} deckId={route.deckId} />;
    case 'backups':
      return <Backups />;
    case 'article':
      return <ArticleView key={route.deckId} deckId={route.deckId} />;
    default:
      return <Home />;
  }
}

render(<App />, document.getElementById('app')!);
