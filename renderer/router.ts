// Screens are addressed by the URL hash, so reloading the window keeps the learner where they were.
export type Route = { name: 'home' } | { name: 'backups' } | { name: 'study'; deckId: string } | { name: 'article'; deckId: string };

export function parseRoute(hash: string): Route {
  const [, screen, id] = hash.replace(/^#/, '').split('/');
  if (screen === 'study' && id) return { name: 'study', deckId: decodeURIComponent(id) };
  if (screen === 'article' && id) return { name: 'article', deckId: decodeURIComponent(id) };
  if (screen === 'backups') return { name: 'backups' };
  return { name: 'home' };
}

export function hrefFor(route: Route): string {
  if (route.name === 'home') return '#/';
  if (route.name === 'backups') return '#/backups';
  return `#/${route.name}/${encodeURIComponent(route.deckId)}`;
}

export function navigate(route: Route): void {
  location.hash = hrefFor(route);
}
