// The collection's media: images and sounds that imported notes show, as plain files in
// `<collection>/media/`. Names are checked by the importer (a bare file name) before they get here.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
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
