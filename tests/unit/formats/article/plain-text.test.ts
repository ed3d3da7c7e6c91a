import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLikelyEnglish, readArticleFile } from '../../../../main/formats/article/read-article.ts';
import { prose } from './article-files.ts';
import { utf8 } from './refusal.ts';

const SHIPPED = '/work/shared/article/article.txt';

describe('a .txt article', () => {
  it('reads one paragraph a line, with a BOM and Windows line ends, and counts its words', async () => {
    const read = await readArticleFile('harbour.txt', utf8(`\uFEFF${prose(3).join('\r\n')}\r\n`));
    expect(read.text).toBe(prose(3).join('\n\n'));
    expect(read.words).toBe(prose(3).join(' ').split(' ').length);
    expect(read.title).toBe('harbour');
  });

  it('joins hard-wrapped lines into their paragraphs, blank lines between them', async () => {
    const wrapped = prose(2).map((p) => p.replace(/(.{60,70}?) /g, '$1\n')).join('\n\n');
    expect(wrapped.split('\n').length).toBeGreaterThan(6);
    expect((await readArticleFile('wrapped.txt', utf8(wrapped))).text).toBe(prose(2).join('\n\n'));
  });

  it('takes a short first line as the title and a "By" line under it as the author', async () => {
    const read = await readArticleFile('x.txt', utf8(`The Harbour in Winter\nBy Ann Smith\n\n${prose(3).join('\n\n')}`));
    expect(read).toMatchObject({ title: 'The Harbour in Winter', author: 'Ann Smith', date: null, format: 'txt' });
    expect(read.text).toBe(prose(3).join('\n\n'));
  });

  it('does not take a first sentence for a title', async () => {
    const read = await readArticleFile('short-first.txt', utf8(`It was cold.\n${prose(3).join('\n')}`));
    expect(read.title).toBe('short-first');
    expect(read.text.startsWith('It was cold.\n\n')).toBe(true);
  });

  it('reads UTF-16 from Windows Notepad and Windows-1252 from older tools', async () => {
    const text = `Café notes\n${prose(3).join('\n')}`;
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect((await readArticleFile('a.txt', utf16)).title).toBe('Café notes');
    const cp1252 = Uint8Array.from(Array.from(text.replace('é', '\u00e9') + ' \u2019', (c) => (c === '\u2019' ? 0x92 : c.charCodeAt(0))));
    const read = await readArticleFile('b.txt', cp1252);
    expect(read.title).toBe('Café notes');
    expect(read.text.endsWith('\u2019')).toBe(true);
  });

  it('drops control characters but keeps right-to-left marks and the text around them', async () => {
    const read = await readArticleFile('c.txt', utf8(`${prose(3).join('\n')}\nA bell\u0007 rang \u202bעברית\u202c here.`));
    expect(read.text.endsWith('A bell rang \u202bעברית\u202c here.')).toBe(true);
  });

  it.skipIf(!existsSync(SHIPPED))('reads the shipped deck\'s article: every line a paragraph, no title, English', async () => {
    const bytes = readFileSync(SHIPPED);
    const read = await readArticleFile(SHIPPED, bytes);
    const lines = bytes.toString('utf8').split('\n').map((l) => l.trim()).filter(Boolean);
    expect(read.title).toBe('article');
    expect(read.text.split('\n\n')).toEqual(lines);
    expect(read.words).toBeGreaterThan(1000);
    expect(isLikelyEnglish(read.text)).toBe(true);
  });
});
