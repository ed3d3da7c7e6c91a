import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readArticleFile } from '../../../../main/formats/article/read-article.ts';
import { buildDocx, buildEpub, prose } from './article-files.ts';
import { refusal } from './refusal.ts';

const paragraphs = prose(6);
const chapters = [paragraphs.slice(0, 3), paragraphs.slice(3)].map((ps, i) => `<h2>Chapter ${i + 1}</h2>${ps.map((p) => `<p>${p}</p>`).join('')}`);

describe('an EPUB book', () => {
  it("reads its documents in the spine's order, and its Dublin Core title, author and date", async () => {
    const epub = buildEpub({ chapters: [chapters[1]!, chapters[0]!], spine: [1, 0], title: 'The Harbour in Winter', creator: 'Ann Smith', date: '2018-10-30' });
    const read = await readArticleFile('harbour.epub', epub);
    expect(read).toMatchObject({ title: 'The Harbour in Winter', author: 'Ann Smith', date: '2018-10-30', format: 'epub' });
    expect(read.text.split('\n\n')).toEqual(['Chapter 1', ...paragraphs.slice(0, 3), 'Chapter 2', ...paragraphs.slice(3)]);
  });

  it('leaves out the table of contents and falls back to the file name', async () => {
    const read = await readArticleFile('Book.epub', buildEpub({ chapters }));
    expect(read.title).toBe('Book');
    expect(read.text).not.toContain('Table of contents entry');
  });

  it('leaves out scripts and markup in its documents, as a web page', async () => {
    const read = await readArticleFile('b.epub', buildEpub({ chapters: [`<script>window.__pwned=1</script><p onclick="x()">${paragraphs.join(' ')}</p><img src="https://evil.example/p.png"/>`] }));
    expect(read.text).toBe(paragraphs.join(' '));
  });

  it('refuses a book locked with DRM', async () => {
    const encryption = '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:CipherData><enc:CipherReference URI="OEBPS/Text/chapter%200.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>';
    const epub = buildEpub({ chapters, extra: { 'META-INF/encryption.xml': strToU8(encryption) } });
    expect(await refusal(() => readArticleFile('locked.epub', epub))).toBe('locked.epub: this book is locked with DRM, so its text cannot be read; open an unlocked copy');
  });

  it('refuses another zip named .epub, and a book whose container names no package', async () => {
    expect(await refusal(() => readArticleFile('doc.epub', buildDocx({ paragraphs })))).toBe('doc.epub: this is not an EPUB book; open it in the program that made it and export it as EPUB again');
    const broken = buildEpub({ chapters, extra: { 'META-INF/container.xml': strToU8('<container><rootfiles><rootfile full-path="missing.opf"/></rootfiles></container>') } });
    expect(await refusal(() => readArticleFile('broken.epub', broken))).toBe('broken.epub: this EPUB is damaged: its container names no package document the book holds');
  });
});
