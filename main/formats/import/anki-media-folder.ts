// A bare Anki collection (`collection.anki2` picked from a profile folder) keeps its pictures and
// sounds beside it, in `collection.media/`, not inside the file. Only the files its notes name are
// read from there: a profile's media folder can hold gigabytes that no imported note shows.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { IMPORT_LIMITS } from '../../domain/import-limits.ts';
import { mediaNamesIn, safeMediaName } from '../../domain/media.ts';
import type { BundleMedia, ImportBundle } from '../bundle.ts';

export const MEDIA_FOLDER = 'collection.media';

/** The media the bundle's notes name, from the `collection.media` folder beside `file`, if there is one. */
export function mediaBeside(file: string, bundle: Pick<ImportBundle, 'notes' | 'media'>, maxBytes: number = IMPORT_LIMITS.maxUnpackedBytes): BundleMedia[] {
  const folder = path.join(path.dirname(file), MEDIA_FOLDER);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return [];
  const have = new Set(bundle.media.map((m) => m.name));
  const names = new Set<string>();
  for (const n of bundle.notes) for (const name of mediaNamesIn([n.front, n.back, n.text, n.extra].join('\n'))) names.add(name);
  const found: BundleMedia[] = [];
  let total = 0;
  for (const name of [...names].sort()) {
    if (have.has(name) || safeMediaName(name) !== name) continue;
    const at = path.join(folder, name);
    if (!existsSync(at) || !statSync(at).isFile()) continue;
    const size = statSync(at).size;
    if (total + size > maxBytes) break;
    total += size;
    found.push({ name, bytes: readFileSync(at) });
  }
  return found;
}
