import { describe, expect, it } from 'vitest';
import { ARTICLE_LIMITS, OFFLINE_LINK_MESSAGE, readArticleFile, readPastedArticle } from '../../../../main/formats/article/read-article.ts';
import { prose } from './article-files.ts';
import { refusal, utf8 } from './refusal.ts';

const article = prose(4).join('\n\n');

describe('readArticleFile: which files it reads', () => {
  it('goes by the extension, in any case, and names the format it read', async () => {
    expect((await readArticleFile('/home/ann/Notes/Harbour.TXT', utf8(article))).format).toBe('txt');
    expect((await readArticleFile('harbour.markdown', utf8(article))).format).toBe('md');
    expect((await readArticleFile('harbour.htm', utf8(`<p>${article}</p>`))).format).toBe('html');
  });

  it('takes the title from the file name without its extension when the file states none', async () => {
    const read = await readArticleFile('/tmp/The harbour log.txt', utf8(article));
    expect(read.title).toBe('The harbour log');
    expect(read.author).toBeNull();
    expect(read.date).toBeNull();
  });

  it('refuses an unknown extension, listing the formats that work', async () => {
    expect(await refusal(() => readArticleFile('/tmp/slides.pptx', utf8(article)))).toBe(
      'slides.pptx: Deckhand cannot read this kind of file as an article; it reads .txt, .md, .markdown, .html, .htm, .pdf, .docx and .epub files',
    );
    expect(await refusal(() => readArticleFile('README', utf8(article)))).toMatch(/^README: Deckhand cannot read this kind of file/);
  });

  it('refuses an empty file', async () => {
    for (const name of ['a.txt', 'a.md', 'a.html', 'a.pdf', 'a.docx', 'a.epub']) {
      expect(await refusal(() => readArticleFile(name, new Uint8Array()))).toBe(`${name}: the file is empty`);
    }
  });

  it('refuses a file over 50 MB by its size, before reading any of it', async () => {
    // Not text at all: a reader that looked inside would refuse it for that instead.
    const huge = new Uint8Array(ARTICLE_LIMITS.maxFileBytes + 1);
    expect(await refusal(() => readArticleFile('book.txt', huge))).toBe('book.txt: it is 50 MB, and articles over 50 MB are not read; save a part of it as its own file');
  });

  it('refuses a binary file given a text extension', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...new Array(200).fill(7)]);
    for (const name of ['photo.txt', 'photo.md', 'photo.html']) {
      expect(await refusal(() => readArticleFile(name, png))).toBe(`${name}: this is not a text file (it holds binary data); save the article as text, HTML, PDF, Word or EPUB and open that`);
    }
  });

  it('refuses a file whose text is too short to be an article, saying how many words it found', async () => {
    expect(await refusal(() => readArticleFile('note.txt', utf8('Buy milk and bread on the way home.')))).toBe(
      'note.txt: it has 8 words, too short to be an article (at least 50 words are needed)',
    );
    expect(await refusal(() => readArticleFile('blank.md', utf8('---\ntitle: Nothing\n---\n\n   \n')))).toBe('blank.md: it has no text, too short to be an article (at least 50 words are needed)');
  });

  it('leaves the bytes it was given as they were', async () => {
    const bytes = utf8(article);
    const copy = bytes.slice();
    await readArticleFile('a.txt', bytes);
    expect(bytes).toEqual(copy);
  });
});

describe('readPastedArticle', () => {
  it('reads pasted text as plain text, a line a paragraph, with the title given', () => {
    const read = readPastedArticle(`${prose(2).join('\r\n')}\r\n`, '  Harbour notes ');
    expect(read).toMatchObject({ title: 'Harbour notes', author: null, date: null, format: 'paste' });
    expect(read.text).toBe(prose(2).join('\n\n'));
    expect(read.words).toBe(read.text.split(/\s+/).length);
  });

  it('takes a short first line as the title, or else the first words', () => {
    expect(readPastedArticle(`The harbour in winter\n${article}`).title).toBe('The harbour in winter');
    expect(readPastedArticle(article).title).toBe('The harbour master kept a careful log of every…');
  });

  it('keeps a heading line of its own when another title is given', () => {
    const read = readPastedArticle(`The harbour in winter\n${article}`, 'My notes');
    expect(read.title).toBe('My notes');
    expect(read.text.startsWith('The harbour in winter\n\nThe harbour master')).toBe(true);
  });

  it('answers a link alone with the offline sentence, and nothing else', () => {
    for (const link of ['https://example.com/news/2018/10/abe-xi-summit', '  http://example.com/a?b=c#d \n']) {
      expect(() => readPastedArticle(link)).toThrow(OFFLINE_LINK_MESSAGE);
      expect(() => readPastedArticle(link)).toThrowError(/^Deckhand works offline: save the page from your browser \(Ctrl\+S\) and open the file$/);
    }
  });

  it('reads a text that merely contains a link', () => {
    expect(readPastedArticle(`${article}\nSource: https://example.com/a`).text).toContain('Source: https://example.com/a');
  });

  it('refuses an empty or short paste', async () => {
    expect(await refusal(() => readPastedArticle('  \n '))).toBe('pasted text: it has no text, too short to be an article (at least 50 words are needed)');
    expect(await refusal(() => readPastedArticle('Only a few words here.'))).toBe('pasted text: it has 5 words, too short to be an article (at least 50 words are needed)');
  });
});
