// Screens are addressed by the URL hash, so reloading the window keeps the learner where they were.
export type Route = { name: 'home' } | { name: 'study'; deckId: string } | { name: 'article'; deckId: string };

export function parseRoute(hash: string): Route {
  const [, screen, id] = hash.replace(/^#/, '').split('/');
  if (screen === 'study' && id) return { name: 'study', deckId: decodeURIComponent(id) };
  if (screen === 'article' && id) return { name: 'article', deckId: decodeURIComponent(id) };
  return { name: 'home' };
}

export const hrefFor = (route: Route): string => (route.name === 'home' ? '#/' : `#/${route.name}/${encodeURIComponent(route.deckId)}`);

export function navigate(route: Route): void {
  location.hash = hrefFor(route);
}
