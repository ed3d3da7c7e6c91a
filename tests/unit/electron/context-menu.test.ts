import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { contextMenuTemplate, type ContextMenuInput } from '../../../main/electron/context-menu.ts';

const flags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };
const input = (over: Partial<ContextMenuInput>): ContextMenuInput => ({ isEditable: false, selectionText: '', misspelledWord: '', dictionarySuggestions: [], editFlags: flags, ...over });

function recorder() {
  const calls: string[] = [];
  return { calls, actions: { replaceMisspelling: (w: string) => calls.push(`replace ${w}`), addToDictionary: (w: string) => calls.push(`add ${w}`) } };
}

/** What a person reads in the menu: each item's label or role, "(off)" when greyed out, "—" for a separator. */
const shown = (items: MenuItemConstructorOptions[]) => items.map((i) => (i.type === 'separator' ? '—' : `${i.label ?? i.role}${i.enabled === false ? ' (off)' : ''}`));
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('contextMenuTemplate', () => {
  it('offers cut, copy, paste and select all in a text field, each enabled as Chromium says', () => {
    const { actions } = recorder();
    expect(shown(contextMenuTemplate(input({ isEditable: true }), actions))).toEqual(['cut', 'copy', 'paste', '—', 'selectAll']);
    const nothingSelected = input({ isEditable: true, editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true } });
    expect(shown(contextMenuTemplate(nothingSelected, actions))).toEqual(['cut (off)', 'copy (off)', 'paste', '—', 'selectAll']);
  });

  it('puts spelling suggestions for a misspelled word first, each replacing the word, then Add to Dictionary', () => {
    const { calls, actions } = recorder();
    const items = contextMenuTemplate(input({ isEditable: true, misspelledWord: 'recieve', dictionarySuggestions: ['receive', 'relieve'] }), actions);
    expect(shown(items)).toEqual(['receive', 'relieve', '—', 'Add to Dictionary', '—', 'cut', 'copy', 'paste', '—', 'selectAll']);
    click(items[0]);
    click(items.find((i) => i.label === 'Add to Dictionary'));
    expect(calls).toEqual(['replace receive', 'add recieve']);
  });

  it('says when a misspelled word has no suggestions, and shows at most five', () => {
    const { actions } = recorder();
    expect(shown(contextMenuTemplate(input({ isEditable: true, misspelledWord: 'qwzx' }), actions)).slice(0, 3)).toEqual(['No Spelling Suggestions (off)', '—', 'Add to Dictionary']);
    const many = contextMenuTemplate(input({ isEditable: true, misspelledWord: 'teh', dictionarySuggestions: ['the', 'ten', 'tech', 'tea', 'Te', 'tee', 'tel'] }), actions);
    expect(shown(many).slice(0, 6)).toEqual(['the', 'ten', 'tech', 'tea', 'Te', '—']);
  });

  it('offers copy and select all for text selected outside a field (the reader, a card)', () => {
    const { actions } = recorder();
    expect(shown(contextMenuTemplate(input({ selectionText: 'Pyongyang' }), actions))).toEqual(['copy', '—', 'selectAll']);
  });

  it('opens no menu on a right-click with nothing to act on', () => {
    const { actions } = recorder();
    expect(contextMenuTemplate(input({}), actions)).toEqual([]);
    expect(contextMenuTemplate(input({ selectionText: '   ' }), actions)).toEqual([]);
    // A misspelling outside an editable field cannot be replaced: no suggestions there.
    expect(contextMenuTemplate(input({ misspelledWord: 'teh', dictionarySuggestions: ['the'] }), actions)).toEqual([]);
  });
});
