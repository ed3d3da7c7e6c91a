// A collection folder that has gone missing is not silently started afresh.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectionWentMissing, folderState, missingCollectionDialog, readKnownFolders, rememberFolder } from '../../../main/electron/known-folders.ts';
import { tempDir } from '../temp-dir.ts';

describe('a collection folder that went missing', () => {
  it('tells a folder with a collection from an empty one and from none', () => {
    const dir = tempDir('deckhand-known-');
    expect(folderState(path.join(dir, 'drive'))).toBe('missing');
    mkdirSync(path.join(dir, 'drive'));
    expect(folderState(path.join(dir, 'drive'))).toBe('empty');
    writeFileSync(path.join(dir, 'drive', 'reviews.jsonl'), '');
    expect(folderState(path.join(dir, 'drive'))).toBe('collection');
  });

  it('asks only about a folder that held a collection before and holds none now', () => {
    const known = ['/media/usb/deckhand'];
    expect(collectionWentMissing(known, '/media/usb/deckhand', 'missing')).toBe(true);
    expect(collectionWentMissing(known, '/media/usb/deckhand/', 'empty')).toBe(true);
    expect(collectionWentMissing(known, '/media/usb/deckhand', 'collection')).toBe(false);
    expect(collectionWentMissing(known, '/home/me/new-collection', 'missing')).toBe(false);
    expect(missingCollectionDialog('/media/usb/deckhand', 'missing')).toMatchObject({ message: 'The folder holding your collection cannot be found: /media/usb/deckhand', buttons: ['Quit', 'Start a new, empty collection there'] });
  });

  it('remembers each folder once, and reads a damaged list as empty', () => {
    const file = path.join(tempDir('deckhand-known-'), 'collection-folders.json');
    expect(readKnownFolders(file)).toEqual([]);
    rememberFolder(file, [], '/a');
    rememberFolder(file, readKnownFolders(file), '/a');
    rememberFolder(file, readKnownFolders(file), '/b');
    expect(readKnownFolders(file)).toEqual(['/a', '/b']);
    writeFileSync(file, '{not json');
    expect(readKnownFolders(file)).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe('{not json');
  });
});
