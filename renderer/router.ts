// Screens are addressed by the URL hash, so reloading the window keeps the learner where they were.
export type Route = { name: 'home' } | { name: 'backups' } | { name: 'settings' } | { name: 'help' } | { name: 'study'; deckId: string } | { name: 'article'; deckId: string } | { name: 'browse' } | { name: 'decks' } | { name: 'edit'; noteId: string } | { name: 'add'; deckId: string } | { name: 'stats'; deckId: string | null } | { name: 'transfer' } | { name: 'articles' } | { name: 'inbox'; deckId: string };

export function parseRoute(hash: string): Route {
  const [, screen, id] = hash.replace(/^#/, '').split('/');
  if (screen === 'study' && id) return { name: 'study', deckId: decodeURIComponent(id) };
  if (screen === 'article' && id) return { name: 'article', deckId: decodeURIComponent(id) };
  if (screen === 'inbox' && id) return { name: 'inbox', deckId: decodeURIComponent(id) };
  if (screen === 'articles') return { name: 'articles' };
  if (screen === 'browse' || screen === 'decks') return { name: screen };
  if (screen === 'stats') return { name: 'stats', deckId: id ? decodeURIComponent(id) : null };
  if (screen === 'edit' && id) return { name: 'edit', noteId: decodeURIComponent(id) };
  if (screen === 'add' && id) return { name: 'add', deckId: decodeURIComponent(id) };
  if (screen === 'backups' || screen === 'settings' || screen === 'help') return { name: screen };
  if (screen === 'import') return { name: 'transfer' };
  return { name: 'home' };
}

export function hrefFor(route: Route): string {
  if (route.name === 'home') return '#/';
  if (route.name === 'browse' || route.name === 'decks') return `#/${route.name}`;
  if (route.name === 'stats') return route.deckId === null ? '#/stats' : `#/stats/${encodeURIComponent(route.deckId)}`;
  if (route.name === 'edit') return `#/edit/${encodeURIComponent(route.noteId)}`;
  if (route.name === 'backups' || route.name === 'settings' || route.name === 'help') return `#/${route.name}`;
  if (route.name === 'transfer') return '#/import';
  if (route.name === 'articles') return '#/articles';
  return `#/${route.name}/${encodeURIComponent(route.deckId)}`;
}

export function navigate(route: Route): void {
  location.hash = hrefFor(route);
}
