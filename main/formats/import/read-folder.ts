// A folder to import: a deck folder (it has a deck.json) or a folder of Markdown notes such as an
// Obsidian vault, whose spaced-repetition plugin settings are followed when the vault has them.
// `readNotesFolder` is pure (the files' paths and text in, a bundle out): the app sends a folder the
// learner chose in the file dialog, the CLI walks one on disk.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { IMPORT_LIMITS } from '../../domain/import-limits.ts';
import { ImportError, type ImportBundle } from '../bundle.ts';
import { readDeckJson } from './deck-json.ts';
import { markdownOptionsFromPluginData, readMarkdownNotes, type MarkdownOptions } from './markdown.ts';

/** Where an Obsidian vault keeps the spaced-repetition plugin's settings, relative to the vault. */
export const PLUGIN_DATA = '.obsidian/plugins/obsidian-spaced-repetition/data.json';

const isMarkdown = (p: string) => /\.(md|markdown)$/i.test(p);
/** Hidden folders (.obsidian, .git, .trash) hold no notes. */
const isHidden = (p: string) => p.split('/').some((part) => part.startsWith('.'));

/**
 * A folder's files, paths relative to it with `/`: its `deck.json`, or its Markdown notes read with
 * the vault's plugin settings (when `PLUGIN_DATA` is among the files) and `deck` for notes whose
 * tags name none.
 */
export function readNotesFolder(name: string, files: readonly { path: string; text: string }[], options: { deck?: string } = {}): ImportBundle {
  const deckJson = files.find((f) => f.path === 'deck.json');
  if (deckJson) return readDeckJson(`${name}/deck.json`, deckJson.text);
  let markdown: Partial<MarkdownOptions> = {};
  const notices: string[] = [];
  const plugin = files.find((f) => f.path === PLUGIN_DATA);
  if (plugin) {
    const read = markdownOptionsFromPluginData(`${name}/${PLUGIN_DATA}`, plugin.text);
    markdown = read.options;
    notices.push(...read.notices);
  }
  if (options.deck) markdown = { ...markdown, defaultDeck: options.deck };
  const notes = files.filter((f) => isMarkdown(f.path) && !isHidden(f.path));
  if (notes.length === 0) throw new ImportError(name, 'the folder has no deck.json and no Markdown (.md) files');
  const total = notes.reduce((n, f) => n + f.text.length, 0);
  if (total > IMPORT_LIMITS.maxTextBytes) throw new ImportError(name, `its Markdown files are over ${IMPORT_LIMITS.maxTextBytes / 1048576} MB together; import a smaller folder`);
  const bundle = readMarkdownNotes(name, notes, markdown);
  return { ...bundle, notices: [...notices, ...bundle.notices] };
}

/** The same, for a folder on disk (the CLI). Symbolic links are not followed. */
export function readFolder(dir: string, options: { deck?: string } = {}): ImportBundle {
  const name = path.basename(path.resolve(dir));
  const files: { path: string; text: string }[] = [];
  let total = 0;
  const take = (full: string) => {
    total += statSync(full).size;
    if (total > IMPORT_LIMITS.maxTextBytes) throw new ImportError(name, `its Markdown files are over ${IMPORT_LIMITS.maxTextBytes / 1048576} MB together; import a smaller folder`);
    files.push({ path: path.relative(dir, full).split(path.sep).join('/'), text: readFileSync(full, 'utf8') });
  };
  if (existsSync(path.join(dir, 'deck.json'))) take(path.join(dir, 'deck.json'));
  else {
    const plugin = path.join(dir, ...PLUGIN_DATA.split('/'));
    if (existsSync(plugin)) take(plugin);
    const walk = (at: string) => {
      for (const entry of readdirSync(at, { withFileTypes: true })) {
        if (entry.name.startsWith('.') || entry.isSymbolicLink()) continue;
        const full = path.join(at, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.isFile() && isMarkdown(entry.name)) take(full);
      }
    };
    walk(dir);
  }
  return readNotesFolder(name, files, options);
}
