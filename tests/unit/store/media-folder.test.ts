import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMediaFile } from '../../../main/store/media-folder.ts';
import { writeHostileMediaFolder } from './media-fixture.ts';
import { tempDir } from '../temp-dir.ts';

const dataDir = tempDir('deckhand-media-');
const { served, refused } = writeHostileMediaFolder(dataDir);
const mediaDir = path.join(dataDir, 'media');

describe('reading a file of the media folder', () => {
  it.each(Object.entries(served))('serves %s with the type its bytes show', async (encoded, expected) => {
    const media = await readMediaFile(mediaDir, encoded);
    expect(media).not.toBeNull();
    expect(media!.mime).toBe(expected.mime);
    expect(Buffer.from(media!.bytes).equals(Buffer.from(expected.bytes))).toBe(true);
  });

  it.each(refused)('refuses %j', async (encoded) => {
    expect(await readMediaFile(mediaDir, encoded)).toBeNull();
  });
});
