// A 10,000-word article of real text, for the drafter's benchmark and its output snapshot: the
// shipped article followed by the Obsidian vault notes and plugin docs in ../shared/realdata/, then
// the GPL-3 text. Null where those are absent, so the same words are always measured.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';

const root = path.resolve(import.meta.dirname, '../..');
const realdata = path.resolve(root, '../shared/realdata');
const FOLDERS = ['obsidian-sr/kalmy8-ds-vault', 'obsidian-sr/osr-plugin-docs'].map((dir) => path.join(realdata, dir));
const GPL = '/usr/share/common-licenses/GPL-3';
const TARGET_WORDS = 10_000;

export const SHIPPED_ARTICLE = path.join(root, 'decks/china-north-korea/article.txt');
/** Why `longArticle()` is null, for a skipped test to say. */
export const longArticleSources = `${FOLDERS.join(', ')} and ${GPL}`;

/** Plain paragraphs from Markdown, one a line, as the article importer will hand them over. */
function markdownText(source: string): string {
  const md = new MarkdownIt();
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
  return md
    .parse(body, {})
    .filter((t) => t.type === 'inline')
    .map((t) => (t.children ?? []).filter((c) => c.type === 'text' || c.type === 'code_inline').map((c) => c.content).join(''))
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/** Hard-wrapped plain text with blank lines between paragraphs, one paragraph a line. */
const unwrap = (text: string): string => text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n');

export function longArticle(): string | null {
  if (![...FOLDERS, GPL].every(existsSync)) return null;
  const parts = [readFileSync(SHIPPED_ARTICLE, 'utf8')];
  for (const folder of FOLDERS) {
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.md')).sort()) parts.push(markdownText(readFileSync(path.join(folder, file), 'utf8')));
  }
  parts.push(unwrap(readFileSync(GPL, 'utf8')));
  // Cut at the 10,000th word, keeping lines whole up to it.
  const out: string[] = [];
  let words = 0;
  for (const line of parts.join('\n').split('\n')) {
    const n = line.split(/\s+/).filter(Boolean).length;
    if (words + n > TARGET_WORDS) {
      out.push(line.split(/\s+/).filter(Boolean).slice(0, TARGET_WORDS - words).join(' '));
      break;
    }
    out.push(line);
    words += n;
  }
  return out.join('\n');
}
