// The collection's media: images and sounds that imported notes show, as plain files in
// `<collection>/media/`. Names are checked by the importer (a bare file name) before they get here.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-file.ts';

export const MEDIA_DIR = 'media';

export const mediaDir = (collectionDir: string): string => path.join(collectionDir, MEDIA_DIR);

export function readMediaFile(collectionDir: string, name: string): Uint8Array | undefined {
  const file = path.join(mediaDir(collectionDir), name);
  return existsSync(file) ? readFileSync(file) : undefined;
}

/** Each file is written whole or not at all. */
export function writeMediaFiles(collectionDir: string, files: readonly { name: string; bytes: Uint8Array }[]): void {
  if (files.length === 0) return;
  mkdirSync(mediaDir(collectionDir), { recursive: true });
  for (const f of files) writeFileAtomic(path.join(mediaDir(collectionDir), f.name), f.bytes);
}

/** Every media file, for a full backup. */
export function listMediaFiles(collectionDir: string): { name: string; bytes: Uint8Array }[] {
  const dir = mediaDir(collectionDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.tmp'))
    .map((e) => ({ name: e.name, bytes: readFileSync(path.join(dir, e.name)) }));
}

/** The media files a note's text names: `<img src="…">`, `<audio src="…">` and Anki's `[sound:…]`. */
export function mediaNamesIn(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/<(?:img|audio)\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) names.add(m[1] ?? m[2] ?? m[3] ?? '');
  for (const m of text.matchAll(/\[sound:([^\]]+)\]/g)) names.add(m[1]!);
  return [...names].filter((n) => n && !/[/\\:]/.test(n));
}
