// What the service tests build their collections from: a shipped deck of plain cards, and a small
// bundle as an importer would read it.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BundleReview, ImportBundle } from '../../main/formats/bundle.ts';
import { tempDir } from './temp-dir.ts';

/** A decks folder with one deck `d` of `count` basic cards, `d/c0` … */
export function shippedDeck(count: number): string {
  const dir = tempDir('deckhand-decks-');
  mkdirSync(path.join(dir, 'd'));
  const cards = Array.from({ length: count }, (_, i) => ({ id: `c${i}`, kind: 'fact', type: 'basic', front: `Question ${i}`, back: `Answer ${i}` }));
  writeFileSync(path.join(dir, 'd/deck.json'), JSON.stringify({ id: 'd', version: 1, title: 'D', cards }));
  return dir;
}

/** One note ("hola", in a deck "Words") read from a CSV file, with the history given. */
export function wordsBundle(reviews: BundleReview[] = []): ImportBundle {
  return {
    file: 'words.csv',
    format: 'csv',
    decks: [{ key: 'w', title: 'Words', description: '' }],
    notes: [{ key: 'hola', deckKey: 'w', type: 'basic', format: 'markdown', front: 'hola', back: 'hello', text: '', extra: '', tags: [], addedAt: null }],
    cards: [{ key: 'hola:front', noteKey: 'hola', template: 'front', deckKey: 'w', suspended: false, addedAt: null, schedule: null }],
    reviews,
    media: [],
    notices: [],
    skipped: [],
  };
}
