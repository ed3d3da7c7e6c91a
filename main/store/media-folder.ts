// Reads one file of the collection's media folder for the renderer, for both shells (the app://
// protocol and the preview server). A media URL is untrusted (a card wrote it), so the name must be
// a bare file name, the file must sit directly in the folder and not be a symlink (checked with
// lstat, opened with O_NOFOLLOW so it cannot be swapped in between, and its real path checked), and
// its content is sniffed on every read: only images and audio are ever served.
import { constants } from 'node:fs';
import { lstat, open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { safeMediaName, sniffMedia, type MediaKind } from '../domain/media.ts';

/** Larger files are refused: a card's picture or sound, not a film. */
export const MAX_MEDIA_BYTES = 64 * 1024 * 1024;

export interface MediaFile {
  name: string;
  kind: MediaKind;
  mime: string;
  bytes: Uint8Array;
}

/** The file `encodedName` (one URL path segment, percent-encoded) names in `mediaDir`, or null. */
export async function readMediaFile(mediaDir: string, encodedName: string): Promise<MediaFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encodedName);
  } catch {
    return null;
  }
  const name = safeMediaName(decoded);
  if (name === null) return null;
  const file = path.join(mediaDir, name);
  try {
    const info = await lstat(file);
    if (!info.isFile() || info.size > MAX_MEDIA_BYTES) return null;
    const [realDir, realFile] = await Promise.all([realpath(mediaDir), realpath(file)]);
    if (path.dirname(realFile) !== realDir) return null;
    // O_NOFOLLOW does not exist on Windows, where symlinks need privileges to create anyway.
    const handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    try {
      const stat = await handle.stat();
      if (!stat.isFile() || stat.size > MAX_MEDIA_BYTES) return null;
      const bytes = await handle.readFile();
      const media = sniffMedia(bytes);
      return media ? { name, ...media, bytes } : null;
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}
