// The YAML front matter Markdown files carry (Jekyll, Hugo, Obsidian, Pandoc). Only the title,
// author and date are wanted, and they are plain scalars or a short list, so a few lines read them;
// a YAML library would parse the rest of the block for nothing.

export interface FrontMatter {
  title: string | null;
  author: string | null;
  date: string | null;
  /** The text after the front matter (the whole text when there is none). */
  body: string;
}

const BLOCK = /^---[^\S\n]*\n([\s\S]*?)\n(?:---|\.\.\.)[^\S\n]*(?:\n|$)/;

const unquote = (s: string) => s.trim().replace(/^(["'])(.*)\1$/, '$2').trim();

/** A key's value: `key: value`, `key: [a, b]` (the first), or a `- a` list below the key (the first). */
function valueOf(lines: string[], keys: readonly string[]): string | null {
  for (const key of keys) {
    const at = lines.findIndex((l) => new RegExp(`^${key}\\s*:`, 'i').test(l));
    if (at < 0) continue;
    const inline = lines[at]!.slice(lines[at]!.indexOf(':') + 1).trim();
    if (inline.startsWith('[')) return unquote(inline.slice(1).split(/[,\]]/)[0] ?? '') || null;
    if (inline) return unquote(inline.replace(/\s#.*$/, '')) || null;
    const item = /^\s+-\s+(.*)$/.exec(lines[at + 1] ?? '');
    if (item) return unquote(item[1]!) || null;
  }
  return null;
}

export function readFrontMatter(text: string): FrontMatter {
  const match = BLOCK.exec(text);
  if (!match) return { title: null, author: null, date: null, body: text };
  const lines = match[1]!.split('\n');
  return {
    title: valueOf(lines, ['title']),
    author: valueOf(lines, ['author', 'authors', 'creator']),
    date: valueOf(lines, ['date', 'published', 'created']),
    body: text.slice(match[0].length),
  };
}
