import { describe, expect, it } from 'vitest';
import { readArticleFile } from '../../../../main/formats/article/read-article.ts';
import { prose } from './article-files.ts';
import { utf8 } from './refusal.ts';

const [one, two, three] = prose(3) as [string, string, string];

describe('a Markdown article', () => {
  it('takes title, author and date from the front matter, and strips the markup to text', async () => {
    const md = [
      '---',
      'title: "The Harbour in Winter"',
      'author: Ann Smith',
      'date: 2018-10-30T09:00:00+09:00',
      'tags: [history, ports]',
      '---',
      '',
      `${one.replace('careful log', '**careful** _log_')}`,
      '',
      '## What the log shows',
      '',
      `${two.replace('timber', '[timber](https://example.com/timber)').replace('salt fish', '`salt fish`')}`,
      '',
      `- ${three}`,
      '- A second item with ![a map](map.png) an image in it.',
      '',
      '> A quoted line, with <span class="x">inline HTML</span> in it.',
    ].join('\n');
    const read = await readArticleFile('harbour.md', utf8(md));
    expect(read).toMatchObject({ title: 'The Harbour in Winter', author: 'Ann Smith', date: '2018-10-30', format: 'md' });
    expect(read.text.split('\n\n')).toEqual([one, 'What the log shows', two, three, 'A second item with an image in it.', 'A quoted line, with inline HTML in it.']);
  });

  it('takes the first # heading as the title when there is no front matter, and leaves it out of the text', async () => {
    const read = await readArticleFile('notes.markdown', utf8(`Intro line before it.\n\n# The *Harbour* Log\n\n${one}\n\n# A second top heading\n\n${two}\n`));
    expect(read.title).toBe('The Harbour Log');
    expect(read.author).toBeNull();
    expect(read.text.split('\n\n')).toEqual(['Intro line before it.', one, 'A second top heading', two]);
  });

  it('keeps a first heading that differs from the front matter title as a paragraph', async () => {
    const read = await readArticleFile('a.md', utf8(`---\ntitle: Given\nauthors:\n  - Ann Smith\n  - Bo Lee\n---\n# Part one\n\n${one} ${two}`));
    expect(read.title).toBe('Given');
    expect(read.author).toBe('Ann Smith');
    expect(read.text.startsWith('Part one\n\n')).toBe(true);
  });

  it('falls back to the file name, and reads a file with Windows line ends', async () => {
    const read = await readArticleFile('Harbour notes.md', utf8(`${one}\r\n\r\n${two}\r\n`));
    expect(read.title).toBe('Harbour notes');
    expect(read.text).toBe(`${one}\n\n${two}`);
  });
});
