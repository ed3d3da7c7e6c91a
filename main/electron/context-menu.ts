// The right-click menu, as data: a pure function of what Chromium says was clicked (the
// context-menu event's params), so which items show, and when each is enabled, is unit-tested
// without Electron. Spelling suggestions come first when the word under the pointer is misspelled
// (only where spellcheck.ts turns checking on), then the editing items for a text field, or Copy for
// selected text elsewhere (the reader, a card).
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';

/** The few params the menu depends on. */
export type ContextMenuInput = Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'misspelledWord' | 'dictionarySuggestions'> & {
  editFlags: Pick<ContextMenuParams['editFlags'], 'canCut' | 'canCopy' | 'canPaste' | 'canSelectAll'>;
};

export interface ContextMenuActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
}

/** Chromium offers up to this many suggestions; more would push the editing items off a small menu. */
export const MAX_SUGGESTIONS = 5;

/** The menu's items; empty when there is nothing to offer (then no menu opens). */
export function contextMenuTemplate(params: ContextMenuInput, actions: ContextMenuActions): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const misspelled = params.isEditable ? params.misspelledWord.trim() : '';
  if (misspelled) {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    if (suggestions.length === 0) items.push({ label: 'No Spelling Suggestions', enabled: false });
    for (const suggestion of suggestions) items.push({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) });
    items.push(sep, { label: 'Add to Dictionary', click: () => actions.addToDictionary(misspelled) }, sep);
  }
  if (params.isEditable) {
    const flags = params.editFlags;
    items.push({ role: 'cut', enabled: flags.canCut }, { role: 'copy', enabled: flags.canCopy }, { role: 'paste', enabled: flags.canPaste }, sep, { role: 'selectAll', enabled: flags.canSelectAll });
  } else if (params.selectionText.trim() !== '') {
    items.push({ role: 'copy', enabled: params.editFlags.canCopy }, sep, { role: 'selectAll', enabled: params.editFlags.canSelectAll });
  }
  return items;
}
