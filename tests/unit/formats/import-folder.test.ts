// A folder of notes, as the app's folder dialog and `deckhand import DIR` bring it: a vault read
// with its own plugin settings, hidden folders left alone, or a deck folder read as its deck.json.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../main/formats/bundle.ts';
import { PLUGIN_DATA, readFolder, readNotesFolder } from '../../../main/formats/import/read-folder.ts';
import { tempDir } from '../temp-dir.ts';

const settings = JSON.stringify({ settings: { flashcardTags: ['#cards'], singleLineCardSeparator: ';;' } });

describe('a folder of notes', () => {
  it("follows the vault's own plugin settings and leaves hidden folders out", () => {
    const bundle = readNotesFolder('vault', [
      { path: PLUGIN_DATA, text: settings },
      { path: 'a/cells.md', text: '#cards/bio\n\nPowerhouse;;Mitochondrion\n' },
      { path: 'default-tag.md', text: '#flashcards\n\nNot;;read\n' },
      { path: '.trash/old.md', text: '#cards\n\nDeleted;;note\n' },
    ]);
    expect(bundle.notes.map((n) => [n.front, n.back])).toEqual([['Powerhouse', 'Mitochondrion']]);
    expect(bundle.decks.map((d) => d.title)).toEqual(['bio']);
  });

  it('reads a deck folder as its deck.json, and refuses a folder with no notes by name', () => {
    const deck = { id: 'caps', version: 1, title: 'Capitals', cards: [{ id: 'fr', kind: 'fact', type: 'basic', front: 'France?', back: 'Paris' }] };
    expect(readNotesFolder('caps', [{ path: 'deck.json', text: JSON.stringify(deck) }]).notes).toHaveLength(1);
    expect(() => readNotesFolder('empty', [{ path: 'readme.txt', text: 'hi' }])).toThrow(new ImportError('empty', 'the folder has no deck.json and no Markdown (.md) files'));
  });

  it('on disk: the same, without following symbolic links', () => {
    const dir = tempDir('deckhand-vault-');
    mkdirSync(path.join(dir, path.dirname(PLUGIN_DATA)), { recursive: true });
    writeFileSync(path.join(dir, PLUGIN_DATA), settings);
    writeFileSync(path.join(dir, 'cells.md'), '#cards\n\nPowerhouse;;Mitochondrion\n');
    const outside = tempDir('deckhand-outside-');
    writeFileSync(path.join(outside, 'secret.md'), '#cards\n\nSecret;;outside the vault\n');
    symlinkSync(outside, path.join(dir, 'linked'));
    const bundle = readFolder(dir, { deck: 'Biology' });
    expect(bundle.notes.map((n) => n.front)).toEqual(['Powerhouse']);
  });
});
