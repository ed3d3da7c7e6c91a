// A folder to import: a deck folder (it has a deck.json) or a folder of Markdown notes such as an
// Obsidian vault, whose spaced-repetition plugin settings are followed when the vault has them.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ImportError, IMPORT_LIMITS, type ImportBundle } from '../bundle.ts';
import { readDeckJson } from './deck-json.ts';
import { markdownOptionsFromPluginData, readMarkdownNotes, type MarkdownOptions } from './markdown.ts';

const PLUGIN_DATA = path.join('.obsidian', 'plugins', 'obsidian-spaced-repetition', 'data.json');

export function readFolder(dir: string, options: { deck?: string } = {}): ImportBundle {
  const name = path.basename(path.resolve(dir));
  const deckFile = path.join(dir, 'deck.json');
  if (existsSync(deckFile)) return readDeckJson(`${name}/deck.json`, readFileSync(deckFile, 'utf8'));
  let markdown: Partial<MarkdownOptions> = {};
  const notices: string[] = [];
  const pluginFile = path.join(dir, PLUGIN_DATA);
  if (existsSync(pluginFile)) {
    const read = markdownOptionsFromPluginData(`${name}/${PLUGIN_DATA}`, readFileSync(pluginFile, 'utf8'));
    markdown = read.options;
    notices.push(...read.notices);
  }
  if (options.deck) markdown = { ...markdown, defaultDeck: options.deck };
  const files: { path: string; text: string }[] = [];
  let total = 0;
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      // Hidden folders (.obsidian, .git, .trash) hold no notes; symbolic links are not followed.
      if (entry.name.startsWith('.') || entry.isSymbolicLink()) continue;
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name)) {
        total += statSync(full).size;
        if (total > IMPORT_LIMITS.maxFileBytes) throw new ImportError(name, `its Markdown files are over ${IMPORT_LIMITS.maxFileBytes / 1048576} MB together; import a smaller folder`);
        files.push({ path: path.relative(dir, full).split(path.sep).join('/'), text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(dir);
  if (files.length === 0) throw new ImportError(name, 'the folder has no deck.json and no Markdown (.md) files');
  const bundle = readMarkdownNotes(name, files, markdown);
  return { ...bundle, notices: [...notices, ...bundle.notices] };
}
